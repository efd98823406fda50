import { beforeAll, describe, expect, it, vi } from 'vitest';
import DataLoader from 'dataloader';
import { execute, parse, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { useTestDatabase } from '../test/db.js';
import { fixtureBundle } from '../test/factories.js';
import { createSchema } from './graphql/schema.js';
import { createContext, type Context } from './context.js';
import { formatError } from './errors.js';
import { storeEdition } from './modules/edition/edition-bundle.js';
import { findParticipation } from './modules/participation/participation.service.js';
import type { ReportScope } from './modules/report/report.loaders.js';

/**
 * The request's loaders (context.ts) as the schema meets them: a loader that fails makes an error
 * on the field that asked, reported as any server fault (formatError), never a null or a shorter
 * list that looks like data.
 */
const db = useTestDatabase();
const STAFF = { kind: 'user', userId: 1, role: 'STAFF', companyId: null, observerId: null } as const;
let schema: GraphQLSchema;
let betaId: number;

beforeAll(async () => {
  await db.orm.em.fork().transactional((em) => storeEdition(em, fixtureBundle(), { status: 'PUBLISHED' }));
  schema = await createSchema();
  betaId = (await findParticipation(db.sql, 2024, 'beta'))!.id;
});

const query = (ctx: Context, selection: string) =>
  execute({
    schema,
    contextValue: ctx,
    variableValues: { year: 2024, slug: 'alfa' },
    document: parse(`query($year: Int!, $slug: String!) { participation(year: $year, companySlug: $slug) { report { ${selection} } } }`),
  }) as Promise<ExecutionResult<{ participation: { report: Record<string, unknown> | null } }>>;

/** What a client gets for the result's errors: `path:code message`, through the one formatter. */
function sent(result: ExecutionResult): string[] {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    return (result.errors ?? []).map((error) => {
      const formatted = formatError(error.toJSON(), error, { production: true });
      return `${formatted.path?.join('.')}:${formatted.extensions?.['code']} ${formatted.message}`;
    });
  } finally {
    logged.mockRestore();
  }
}

describe('a failing loader', () => {
  it('makes a class mean an error, not the mean of the members that did load', async () => {
    const healthy = await query(createContext(db, { viewer: STAFF }), 'classMean classBenchmark { company { slug } total }');
    expect(healthy.errors).toBeUndefined();
    expect(healthy.data!.participation.report!['classBenchmark']).toEqual(
      expect.arrayContaining([{ company: { slug: 'beta' }, total: expect.any(Number) }]),
    );

    const ctx = createContext(db, { viewer: STAFF });
    const totals = ctx.loaders.sections.totals;
    ctx.loaders.sections.totals = new DataLoader(
      async (scopes: readonly ReportScope[]) =>
        Promise.all(scopes.map((s) => (s.participationId === betaId ? new Error('connection terminated unexpectedly') : totals.load(s)))),
      { cacheKeyFn: (s) => `${s.participationId}|${s.channel ?? ''}` },
    );
    const result = await query(ctx, 'classMean');
    expect(result.data!.participation.report).toEqual({ classMean: null });
    expect(sent(result)).toEqual(['participation.report.classMean:INTERNAL_SERVER_ERROR Something went wrong on the server.']);
  });

  it.each(['competitors', 'classBenchmark'])('makes %s an error, not an empty list', async (field) => {
    const ctx = createContext(db, { viewer: STAFF });
    ctx.loaders.participation = new DataLoader(async () => {
      throw new Error('connection terminated unexpectedly');
    });
    const result = await query(ctx, `${field} { company { slug } }`);
    // A non-null list: the error takes the report with it, as for any field that fails.
    expect(result.data!.participation.report).toBeNull();
    expect(sent(result)).toEqual([`participation.report.${field}:INTERNAL_SERVER_ERROR Something went wrong on the server.`]);
  });
});
