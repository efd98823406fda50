import pg from 'pg';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/**
 * SQL for the analytical read models and set-based statements, run on MikroORM's own
 * connection pool (knex's): a process has one pool. Entities and their writes go through
 * MikroORM; this is the way to the SQL views and aggregates.
 *
 * `query(text, params)` takes PostgreSQL's `$1` placeholders, as `pg` does. A `name` makes it a
 * prepared statement on each connection (parsed once; PostgreSQL still re-plans it per call
 * while a custom plan looks cheaper than a generic one): for small statements asked many times
 * a request. The text of a name must never change.
 */
export interface Sql {
  query<T extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    params?: unknown[],
    options?: { name?: string },
  ): Promise<{ rows: T[] }>;
}

/**
 * How the read models get values back: numeric and int8 as numbers (every aggregate we return
 * is a percentage, a mean or a count, safe as a double), timestamps as Date. Per query, so
 * MikroORM's own type handling on the same connections is left alone.
 */
const READ_MODEL_TYPES = new pg.TypeOverrides();
READ_MODEL_TYPES.setTypeParser(pg.types.builtins.NUMERIC, (v: string) => Number(v));
READ_MODEL_TYPES.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));

/**
 * SQL on the connection of an entity manager. Each query borrows a connection from the ORM's
 * pool and gives it back; inside `em.transactional(...)` it runs on the transaction's own
 * connection instead (knex's transaction client hands out that one and never releases it), so
 * it sees the transaction's writes and commits or rolls back with them.
 *
 * On the global `orm.em` this follows MikroORM's async context: called within the callback of
 * `em.transactional`, it joins that transaction.
 *
 * `'read'` is the ORM's pool of the read replica (DATABASE_REPLICA_URL, orm.ts), for the read
 * models that read-routing.ts sends there. It never joins a transaction: a transaction writes,
 * and writes are the primary's.
 */
export function sqlOn(em: EntityManager, pool: 'write' | 'read' = 'write'): Sql {
  return {
    async query<T extends pg.QueryResultRow>(
      text: string,
      params: unknown[] = [],
      options: { name?: string } = {},
    ): Promise<{ rows: T[] }> {
      const transaction = pool === 'write' ? em.getTransactionContext<Knex.Transaction>() : undefined;
      if (transaction?.isCompleted()) throw new Error('The transaction of this SQL has ended.');
      const client = (transaction ?? em.getConnection(pool).getKnex()).client as Knex.Client;
      const connection = (await client.acquireConnection()) as pg.Client;
      const logger = em.config.getLogger();
      const started = Date.now();
      try {
        return await connection.query<T>({ name: options.name, text, values: params, types: READ_MODEL_TYPES });
      } finally {
        await client.releaseConnection(connection);
        if (logger.isEnabled('query')) logger.logQuery({ query: text, params, took: Date.now() - started, level: 'info' });
      }
    },
  };
}

/**
 * The rows of a statement. `name` prepares it on each connection (parsed once there), and
 * PostgreSQL may then plan it once for all parameters: for the few statements every report runs.
 */
export async function rows<T extends pg.QueryResultRow>(sql: Sql, text: string, params: unknown[] = [], name?: string): Promise<T[]> {
  return (await sql.query<T>(text, params, name ? { name } : {})).rows;
}

/**
 * The statement a migration adds after creating a table whose content can change an answer, so
 * writing it moves `data_version` like every other such table (the data_version migration).
 */
export function bumpsDataVersion(table: string): string {
  return `create trigger ${table}_bumps_data_version before insert or update or delete or truncate on ${table}
  for each statement execute function bump_data_version();`;
}

const storeFailuresLogged = new Set<string>();

/**
 * Storing a derived result (published sections, key drivers, snapshots) only saves later work;
 * where it cannot be done (a read-only replica) the answer stands. Says so once a process for
 * each `what`: on a replica every reader would otherwise log it again.
 */
export function storeFailed(what: string, error: unknown, then = ''): void {
  if (storeFailuresLogged.has(what)) return;
  storeFailuresLogged.add(what);
  console.warn(`${what} are not being stored (${(error as Error).message})${then ? `; ${then}` : ''}.`);
}
