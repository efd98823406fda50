import pg from 'pg';

// Read models and bulk loads speak SQL directly through one pool; entities go through MikroORM.
// numeric → number: every aggregate we return is a percentage or a mean, safe as a double.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export type Sql = pg.Pool | pg.PoolClient;

export function createPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection that the server drops (restart, timeout) must not take the process down;
  // the next query opens a fresh one.
  pool.on('error', (error) => console.error(`[db] idle connection lost: ${error.message}`));
  return pool;
}

/** Runs `fn` in one transaction: everything or nothing. */
export async function transaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await fn(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

export async function rows<T extends pg.QueryResultRow>(sql: Sql, text: string, params: unknown[] = []): Promise<T[]> {
  return (await sql.query<T>(text, params)).rows;
}
