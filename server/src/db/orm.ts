import 'reflect-metadata';
import { MikroORM, PostgreSqlDriver, ReferenceKind, UnderscoreNamingStrategy, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { config } from '../config.js';
import { ENTITIES } from './entities.js';
import { Migration20261123000000_initial } from './migrations/Migration20261123000000_initial.js';
import { Migration20261123010000_login_limits } from './migrations/Migration20261123010000_login_limits.js';
import { Migration20261124000000_min_cell_size } from './migrations/Migration20261124000000_min_cell_size.js';
import { Migration20261124010000_counted } from './migrations/Migration20261124010000_counted.js';
import { Migration20261124020000_area_rule } from './migrations/Migration20261124020000_area_rule.js';
import { Migration20261125000000_published_sections } from './migrations/Migration20261125000000_published_sections.js';
import { Migration20261125010000_data_version } from './migrations/Migration20261125010000_data_version.js';
import { Migration20261125020000_import_speed } from './migrations/Migration20261125020000_import_speed.js';
import { Migration20261204000000_short_label } from './migrations/Migration20261204000000_short_label.js';
import { Migration20261205000000_run_edition } from './migrations/Migration20261205000000_run_edition.js';
import { Migration20261205010000_sign_up } from './migrations/Migration20261205010000_sign_up.js';
import { Migration20261205020000_edition_setup } from './migrations/Migration20261205020000_edition_setup.js';
import { Migration20261205030000_observer_pool } from './migrations/Migration20261205030000_observer_pool.js';
import { Migration20261205040000_fieldwork_plan } from './migrations/Migration20261205040000_fieldwork_plan.js';
import { Migration20261206000000_fieldwork_responses } from './migrations/Migration20261206000000_fieldwork_responses.js';
import { Migration20261207000000_contact_points } from './migrations/Migration20261207000000_contact_points.js';
import { Migration20261208010000_key_driver_analysis } from './migrations/Migration20261208010000_key_driver_analysis.js';
import { Migration20261209000000_company_result_version } from './migrations/Migration20261209000000_company_result_version.js';
import { Migration20261209010000_result_list_snapshot } from './migrations/Migration20261209010000_result_list_snapshot.js';
import { startEmbedded, type EmbeddedServer } from './embedded.js';
import { sqlOn, type Sql } from './sql.js';

export const MIGRATIONS = [
  { name: 'Migration20261123000000_initial', class: Migration20261123000000_initial },
  { name: 'Migration20261123010000_login_limits', class: Migration20261123010000_login_limits },
  { name: 'Migration20261124000000_min_cell_size', class: Migration20261124000000_min_cell_size },
  { name: 'Migration20261124010000_counted', class: Migration20261124010000_counted },
  { name: 'Migration20261124020000_area_rule', class: Migration20261124020000_area_rule },
  { name: 'Migration20261125000000_published_sections', class: Migration20261125000000_published_sections },
  { name: 'Migration20261125010000_data_version', class: Migration20261125010000_data_version },
  { name: 'Migration20261125020000_import_speed', class: Migration20261125020000_import_speed },
  { name: 'Migration20261204000000_short_label', class: Migration20261204000000_short_label },
  { name: 'Migration20261205000000_run_edition', class: Migration20261205000000_run_edition },
  { name: 'Migration20261205010000_sign_up', class: Migration20261205010000_sign_up },
  { name: 'Migration20261205020000_edition_setup', class: Migration20261205020000_edition_setup },
  { name: 'Migration20261205030000_observer_pool', class: Migration20261205030000_observer_pool },
  { name: 'Migration20261205040000_fieldwork_plan', class: Migration20261205040000_fieldwork_plan },
  { name: 'Migration20261206000000_fieldwork_responses', class: Migration20261206000000_fieldwork_responses },
  { name: 'Migration20261207000000_contact_points', class: Migration20261207000000_contact_points },
  { name: 'Migration20261208010000_key_driver_analysis', class: Migration20261208010000_key_driver_analysis },
  { name: 'Migration20261209000000_company_result_version', class: Migration20261209000000_company_result_version },
  { name: 'Migration20261209010000_result_list_snapshot', class: Migration20261209010000_result_list_snapshot },
];

/**
 * Constraint and index names as PostgreSQL makes them (`<table>_<columns>_fkey`, `_key`, `_idx`),
 * so the entities name things as the hand-written migrations do and the two can be compared.
 */
class PostgresNamingStrategy extends UnderscoreNamingStrategy {
  override indexName(
    tableName: string,
    columns: string[],
    type: 'primary' | 'foreign' | 'unique' | 'index' | 'sequence' | 'check',
  ): string {
    const suffix = ({ foreign: 'fkey', unique: 'key', index: 'idx' } as Record<string, string | undefined>)[type];
    if (!suffix || !columns.length) return super.indexName(tableName, columns, type);
    return `${tableName.slice(tableName.indexOf('.') + 1)}_${columns.join('_')}_${suffix}`;
  }
}

/**
 * With `replicaUrl`, MikroORM also keeps a pool on the replica, used only where asked for
 * (`sqlOn(em, 'read')`): `preferReadReplicas: false` keeps the ORM's own reads (entities, the
 * session check, a transaction's reads) on the primary, which read-routing.ts needs, since only
 * its rule decides what may read from the replica.
 */
export function ormOptions(clientUrl: string, replicaUrl?: string): Options {
  return {
    driver: PostgreSqlDriver,
    clientUrl,
    ...(replicaUrl ? { replicas: [{ name: 'replica', clientUrl: replicaUrl }], preferReadReplicas: false } : {}),
    entities: ENTITIES,
    namingStrategy: PostgresNamingStrategy,
    discovery: {
      // Keys never change, and the migrations say so (no ON UPDATE CASCADE); MikroORM would
      // otherwise give every relation that rule.
      onMetadata(meta) {
        for (const prop of meta.props) {
          if (prop.kind === ReferenceKind.MANY_TO_ONE || prop.kind === ReferenceKind.ONE_TO_ONE) prop.updateRule ??= 'no action';
        }
      },
    },
    extensions: [Migrator],
    // Listed explicitly: works the same under tsx, vitest and a build, without file globbing.
    migrations: {
      migrationsList: MIGRATIONS,
      path: 'src/db/migrations',
      pathTs: 'src/db/migrations',
      transactional: true,
      allOrNothing: true,
      silent: true,
    },
    debug: config.KSP_LOG_SQL,
    pool: { min: 0, max: 10 },
    allowGlobalContext: false,
  };
}

/** The ORM and SQL on its connection: one pool for the process (and one on the replica, if any). */
export interface Database {
  orm: MikroORM;
  /** The read models' SQL, on the ORM's pool (`sqlOn(orm.em)`): the primary. */
  sql: Sql;
  /** The read models' SQL on the replica (DATABASE_REPLICA_URL), for what read-routing.ts sends there; absent without one. */
  replicaSql?: Sql;
  close(): Promise<void>;
}

/**
 * Opens the configured database (DATABASE_URL, or the embedded server under .data/) and migrates
 * it; with `replica` (the API server's), also DATABASE_REPLICA_URL's replica, if set.
 */
export async function openDatabase(opts: { quiet?: boolean; replica?: boolean } = {}): Promise<Database> {
  let embedded: EmbeddedServer | undefined;
  let url = config.DATABASE_URL;
  if (!url) {
    embedded = await startEmbedded(config.KSP_DATA_DIR, config.KSP_PG_PORT, { quiet: opts.quiet });
    url = await ensureDatabase(embedded, 'ksp');
  }
  const replicaUrl = opts.replica ? config.DATABASE_REPLICA_URL : undefined;
  const orm = await initOrm(url, replicaUrl);
  return {
    orm,
    sql: sqlOn(orm.em),
    ...(replicaUrl ? { replicaSql: sqlOn(orm.em, 'read') } : {}),
    async close() {
      await orm.close(true);
      await embedded?.stop();
    },
  };
}

/** Connects to a database (and its replica, if given) and brings its schema up to date: on the primary, the replica follows. */
export async function initOrm(url: string, replicaUrl?: string): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(url, replicaUrl));
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
