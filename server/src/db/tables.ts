// The tables the entities do not describe, and the tables whose content changes no GraphQL
// answer: each listed once, with why. The migrations, the schema-drift check and the
// data-version triggers and their test all read these lists.

/** The tables without an entity: only SQL (and triggers) touch them. */
export const SQL_ONLY_TABLES = {
  login_limit: 'the sign-in limiter’s counters, read and written only by rate-limiter-flexible (modules/user/login-limit.ts)',
  mikro_orm_migrations: 'MikroORM’s record of the migrations run',
  data_version: 'written only by triggers, read by the response cache (graphql/response-cache.ts)',
  published_section: 'the stored report sections of a published edition (modules/report/published-sections.ts)',
  key_driver_analysis:
    'the key-driver analyses of a published edition, stored like its sections (modules/insight/key-drivers.read-model.ts)',
  result_version: 'their version per edition, bumped by triggers (modules/report/published-sections.ts)',
  result_list_snapshot:
    'the published snapshots of the result list, made from the versioned tables (modules/result-list/snapshot.service.ts)',
  inquiry_completeness_due: 'written and read by triggers only, empty outside a transaction (the import_speed migration)',
} as const;
export type SqlOnlyTable = keyof typeof SQL_ONLY_TABLES;

/**
 * The tables whose content can change no GraphQL answer, so writing them does not move
 * `data_version` (the data_version migration); every other table does. They are the SQL-only
 * tables (counters, bookkeeping, stored results derived from the versioned tables) and
 * `user_session`: who is asking is the viewer, part of the response cache's key, not data.
 */
export const UNVERSIONED_TABLES: readonly string[] = ['user_session', ...Object.keys(SQL_ONLY_TABLES)];
