import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/db.js';
import { useApi } from '../../test/api.js';
import { fixtureBundle } from '../../test/factories.js';
import { useViewers } from '../../test/viewers.js';
import { rows } from './sql.js';
import { storeEdition } from '../modules/edition/edition-bundle.js';
import { User } from '../modules/user/user.entity.js';

/**
 * One connection pool per process: the entity manager, the read models' SQL, transactions and
 * the sign-in limiter all borrow from MikroORM's (knex's) pool. Shown from the database's side:
 * every backend connected to this test database is a connection that pool holds.
 */
const db = useTestDatabase();
const api = useApi(db);
const { asStaff } = useViewers(db, api);

beforeAll(async () => {
  await db.orm.em.fork().transactional((em) => storeEdition(em, fixtureBundle(), { status: 'PUBLISHED' }));
});

interface TarnPool {
  used: { resource: { processID: number } }[];
  free: { resource: { processID: number } }[];
}

describe('one connection pool', () => {
  it('serves the ORM, the read models, the sign-in limiter and the API from the same connections', async () => {
    const staff = await asStaff();
    const failed = await api.client().query(`mutation { login(email: "staff@test.no", password: "wrong-password") { id } }`);
    expect(failed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Parallel report requests make the pool open several connections at once.
    const results = await Promise.all(
      ['alfa', 'beta', 'gamma', 'alfa', 'beta'].map((slug) =>
        staff.query(
          `query($s: String!) { participation(year: 2024, companySlug: $s) { report { total areas { area score } performances { code score } variation { total { mean } } } } }`,
          { s: slug },
        ),
      ),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    expect(await db.orm.em.fork().count(User)).toBe(1);

    const backends = await rows<{ pid: number }>(
      db.sql,
      `select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend'`,
    );
    const pool = db.orm.em.getConnection().getKnex().client.pool as unknown as TarnPool;
    const pooled = [...pool.used, ...pool.free].map((r) => r.resource.processID);
    expect(pooled.length).toBeGreaterThan(1);
    expect(backends.map((b) => b.pid).sort()).toEqual(pooled.sort());
  });
});
