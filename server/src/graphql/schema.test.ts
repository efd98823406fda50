import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSchema, SCHEMA_FILE, schemaText } from './schema.js';

describe('schema.graphql', () => {
  it('is what the server code generates (run `pnpm schema` after changing the API)', async () => {
    const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
    expect(schemaText(await createSchema())).toBe(committed);
  });

  it('keeps the names of the public contract', () => {
    const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
    for (const line of [
      'editions: [Edition!]!',
      'resultList(className: String, year: Int!): [ResultRow!]!',
      'participation(companySlug: String!, year: Int!): Participation',
      'login(email: String!, password: String!): SignedInUser!',
      'logout: Boolean!',
      'report(area: ScoredArea, channel: Channel): Report',
      'classBenchmark: [BenchmarkEntry!]!',
      'inquiries: [InquiryScore!]!',
      'csatTop2Share: Float',
    ])
      expect(committed).toContain(line);
  });
});
