import 'reflect-metadata';
import { MikroORM, PostgreSqlDriver, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { config } from '../config.js';
import { ENTITIES } from './entities.js';
import { Migration20261123000000_initial } from './migrations/Migration20261123000000_initial.js';
import { Migration20261123010000_login_limits } from './migrations/Migration20261123010000_login_limits.js';
import { startEmbedded, type EmbeddedServer } from './embedded.js';
import { sqlOn, type Sql } from './sql.js';

export const MIGRATIONS = [
  { name: 'Migration20261123000000_initial', class: Migration20261123000000_initial },
  { name: 'Migration20261123010000_login_limits', class: Migration20261123010000_login_limits },
];

export function ormOptions(clientUrl: string): Options {
  return {
    driver: PostgreSqlDriver,
    clientUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    // Listed explicitly: works the same under tsx, vitest and a build, without file globbing.
    migrations: { migrationsList: MIGRATIONS, path: 'src/db/migrations', pathTs: 'src/db/migrations', transactional: true, allOrNothing: true, silent: true },
    debug: config.KSP_LOG_SQL,
    pool: { min: 0, max: 10 },
    allowGlobalContext: false,
  };
}

/** The ORM and SQL on its connection: one pool for the process. */
export interface Database {
  orm: MikroORM;
  /** The read models' SQL, on the ORM's pool (`sqlOn(orm.em)`). */
  sql: Sql;
  close(): Promise<void>;
}

/** Opens the configured database (DATABASE_URL, or the embedded server under .data/) and migrates it. */
export async function openDatabase(opts: { quiet?: boolean } = {}): Promise<Database> {
  let embedded: EmbeddedServer | undefined;
  let url = config.DATABASE_URL;
  if (!url) {
    embedded = await startEmbedded(config.KSP_DATA_DIR, config.KSP_PG_PORT, { quiet: opts.quiet });
    url = await ensureDatabase(embedded, 'ksp');
  }
  const orm = await initOrm(url);
  return {
    orm,
    sql: sqlOn(orm.em),
    async close() {
      await orm.close(true);
      await embedded?.stop();
    },
  };
}

/** Connects to a database and brings its schema up to date. */
export async function initOrm(url: string): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(url));
  await orm.getMigrator().up();
  return orm;
}

export async function ensureDatabase(server: EmbeddedServer, name: string): Promise<string> {
  const pg = await import('pg');
  const client = new pg.default.Client({ connectionString: server.url() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
  return server.url(name);
}
