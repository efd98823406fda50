import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/db.js';
import { useApi, type GraphQLResult } from '../../test/api.js';
import { fixtureBundle } from '../../test/factories.js';
import { storeEdition } from '../modules/edition/edition-bundle.js';
import { LIMITS } from './hardening.js';

const db = useTestDatabase();
const dev = useApi(db, { production: false });
const prod = useApi(db, { production: true });

beforeAll(async () => {
  await db.orm.em.fork().transactional((em) => storeEdition(em, fixtureBundle(), { status: 'PUBLISHED' }));
});

/** A raw POST, to see the HTTP status and send bodies the client would not. */
async function post(url: string, body: unknown): Promise<{ status: number; json: GraphQLResult & { data?: unknown } }> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as GraphQLResult };
}

/**
 * A valid query `levels` fields deep: `__type` → ofType → … → name. Introspection of one type
 * nests without end (graphql-js limits only fields/interfaces/possibleTypes cycles), which is
 * what a depth limit is for; only `__schema` is exempt from it.
 */
function nested(levels: number, leaf = 'name'): string {
  let inner = leaf;
  for (let depth = 2; depth < levels; depth++) inner = `ofType { ${inner} }`;
  return `{ __type(name: "Query") { ${inner} } }`;
}

const codes = (r: GraphQLResult) => (r.errors ?? []).map((e) => e.extensions?.code);

describe('limits on the shape of an operation (graphql-armor)', () => {
  it('lets a query at the depth limit through', async () => {
    const { status, json } = await post(dev.url(), { query: nested(LIMITS.maxDepth) });
    expect(json.errors).toBeUndefined();
    expect(status).toBe(200);
  });

  it('rejects a query deeper than the limit before running it: 400, its code, a plain message, no data', async () => {
    const { status, json } = await post(dev.url(), { query: nested(LIMITS.maxDepth + 1) });
    expect(status).toBe(400);
    expect(json.data).toBeUndefined();
    expect(json.errors).toEqual([{
      message: `Query depth limit of ${LIMITS.maxDepth} exceeded, found ${LIMITS.maxDepth + 1}.`,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    }]);
  });

  it('rejects a query whose cost is above the limit, though depth and aliases are within theirs', async () => {
    const wide = Array.from({ length: 400 }, () => 'name').join(' ');
    const { status, json } = await post(dev.url(), { query: nested(LIMITS.maxDepth, wide) });
    expect(status).toBe(400);
    expect(json.data).toBeUndefined();
    expect(codes(json)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(json.errors![0]!.message).toMatch(new RegExp(`^Query Cost limit of ${LIMITS.maxCost} exceeded, found \\d+`));
  });

  it(`allows ${LIMITS.maxAliases} aliases and rejects one more`, async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `e${i}: editions { year }`).join(' ')} }`;
    const ok = await post(dev.url(), { query: aliases(LIMITS.maxAliases) });
    expect(ok.json.errors).toBeUndefined();
    expect(Object.keys(ok.json.data as object)).toHaveLength(LIMITS.maxAliases);

    const { status, json } = await post(dev.url(), { query: aliases(LIMITS.maxAliases + 1) });
    expect(status).toBe(400);
    expect(json.data).toBeUndefined();
    expect(json.errors).toEqual([{
      message: `Aliases limit of ${LIMITS.maxAliases} exceeded, found ${LIMITS.maxAliases + 1}.`,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    }]);
  });

  it('rejects guessing many passwords in one request through aliases', async () => {
    const logins = Array.from({ length: 20 }, (_, i) => `l${i}: login(email: "x@test.no", password: "guess-${i}") { id }`).join(' ');
    const { status, json } = await post(dev.url(), { query: `mutation { ${logins} }` });
    expect(status).toBe(400);
    expect(codes(json)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('rejects too many directives', async () => {
    const fields = Array.from({ length: LIMITS.maxDirectives + 1 }, () => 'year @include(if: true)').join(' ');
    const { status, json } = await post(dev.url(), { query: `{ editions { ${fields} } }` });
    expect(status).toBe(400);
    expect(json.errors).toEqual([{
      message: `Directives limit of ${LIMITS.maxDirectives} exceeded, found ${LIMITS.maxDirectives + 1}.`,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    }]);
  });

  it('stops parsing a document with too many tokens: 400, GRAPHQL_PARSE_FAILED', async () => {
    const fields = Array.from({ length: LIMITS.maxTokens }, () => 'year').join(' ');
    const { status, json } = await post(dev.url(), { query: `{ editions { ${fields} } }` });
    expect(status).toBe(400);
    expect(json.data).toBeUndefined();
    expect(codes(json)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(json.errors![0]!.message).toContain(`more that ${LIMITS.maxTokens} tokens`);
  });

  it('rejects a batched request (a JSON array of operations) with a 400', async () => {
    const { status, json } = await post(dev.url(), [{ query: '{ editions { year } }' }, { query: '{ me { id } }' }]);
    expect(status).toBe(400);
    expect(json).toEqual({ errors: [{ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('keeps CSRF prevention on: a simple GET without a preflight header is refused', async () => {
    const url = `${dev.url()}/graphql?query=${encodeURIComponent('{ editions { year } }')}`;
    const refused = await fetch(url);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as GraphQLResult).errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    const allowed = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(allowed.status).toBe(200);
  });

  it('still answers ordinary queries', async () => {
    const { status, json } = await post(dev.url(), { query: '{ editions { year } resultList(year: 2024) { rank company { slug } } }' });
    expect(status).toBe(200);
    expect(json.errors).toBeUndefined();
    expect(json.data).toMatchObject({ editions: [{ year: 2024 }] });
  });
});

describe('production', () => {
  it('refuses introspection, with a code and without a stack trace', async () => {
    const { status, json } = await post(prod.url(), { query: '{ __schema { types { name } } }' });
    expect(status).toBe(400);
    expect(json.data).toBeUndefined();
    expect(codes(json)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(json.errors![0]!.message).toMatch(/introspection is not allowed/);
    expect(json.errors![0]!.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', validationErrorCode: 'INTROSPECTION_DISABLED' });
  });

  it('allows introspection outside production', async () => {
    const { json } = await post(dev.url(), { query: '{ __schema { types { name } } }' });
    expect(json.errors).toBeUndefined();
    expect((json.data as { __schema: { types: unknown[] } }).__schema.types.length).toBeGreaterThan(10);
  });

  it('sends no stack trace with any error', async () => {
    for (const query of ['{ participation(year: 1999, companySlug: "alfa") { tier } }', '{ editions { nope } }', nested(LIMITS.maxDepth + 1)]) {
      const { json } = await post(prod.url(), { query });
      expect(json.errors?.length).toBeGreaterThan(0);
      for (const error of json.errors!) {
        expect(error.extensions?.code).toEqual(expect.any(String));
        expect(['code', 'validationErrorCode']).toEqual(expect.arrayContaining(Object.keys(error.extensions!)));
        expect(JSON.stringify(error)).not.toMatch(/stacktrace|\.ts:\d+|at .*\(/);
      }
    }
  });

  it('hides field suggestions, which would map the schema without introspection', async () => {
    const query = '{ editons { year } }';
    const shown = await post(dev.url(), { query });
    expect(shown.json.errors![0]!.message).toBe('Cannot query field "editons" on type "Query". Did you mean "editions"?');
    const hidden = await post(prod.url(), { query });
    expect(hidden.status).toBe(400);
    expect(hidden.json.errors).toEqual([{
      message: 'Cannot query field "editons" on type "Query". Is the name spelled as in the schema?',
      locations: [{ line: 1, column: 3 }],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    }]);
  });

  it('answers ordinary queries', async () => {
    const { json } = await post(prod.url(), { query: '{ editions { year } }' });
    expect(json).toEqual({ data: { editions: [{ year: 2024 }] } });
  });
});
