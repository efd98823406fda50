import { Migration } from '@mikro-orm/migrations';

/**
 * Every table whose content can change a GraphQL answer. Not here: `user_session` (who is asking
 * is the viewer, part of the response cache's key, not data), `login_limit` (sign-in counters),
 * MikroORM's `mikro_orm_migrations`, `published_section` and `result_version` (derived from these
 * tables: the second moves only with them, the first counts only under the second).
 */
export const VERSIONED_TABLES = [
  'edition', 'industry_class', 'company', 'participation', 'participation_competitor', 'question', 'question_option',
  'observer', 'observer_company', 'role_play', 'assignment', 'inquiry', 'inquiry_attempt', 'answer', 'review_event',
  'app_user',
] as const;

/**
 * `data_version`: one number that moves whenever the data behind an answer changes, so the
 * whole-response cache (graphql/response-cache.ts) keys answers by it and needs no other
 * invalidation.
 *
 * A statement-level trigger on every table of VERSIONED_TABLES (insert, update, delete,
 * truncate) adds one to it, in the writing transaction: the data and the new version commit
 * together or not at all, and a reader under READ COMMITTED sees both or neither. A sequence
 * would not do: `nextval` is visible to others before the data it stands for commits.
 *
 * - Once per transaction: the first statement that writes bumps the version and notes it in a
 *   transaction-local setting; later statements of the same transaction skip the update (one
 *   more would say nothing new, and a bulk import of thousands of statements would otherwise
 *   pile up versions of the same row). A rolled-back savepoint rolls back the note with the bump.
 * - BEFORE the statement, so a writing transaction takes the lock of the one `data_version` row
 *   before any row lock of its own: two writers queue on that row instead of deadlocking over
 *   their rows. Writers are therefore serialised from their first write to commit; writes here
 *   are rare (imports, reviews, corrections, users), reads are what must be fast.
 * - DDL (a view's definition, say) does not move the version. A migration that changes how an
 *   answer is computed while another server process is serving with a warm cache should end
 *   with `update data_version set version = version + 1` (a restart empties the cache anyway).
 *   The same for a backup restored under a running server: the version it brings back was seen
 *   before, so restart the server (or move the version past any it had).
 */
export class Migration20261125010000_data_version extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table data_version (
  id boolean primary key default true check (id),
  version bigint not null
);
insert into data_version (version) values (1);

create function bump_data_version() returns trigger language plpgsql as $$
begin
  if current_setting('ksp.data_version_bumped', true) is distinct from 'on' then
    update data_version set version = version + 1;
    perform set_config('ksp.data_version_bumped', 'on', true);
  end if;
  return null;
end $$;
${VERSIONED_TABLES.map((table) => `create trigger ${table}_bumps_data_version before insert or update or delete or truncate on ${table}
  for each statement execute function bump_data_version();`).join('\n')}
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
${VERSIONED_TABLES.map((table) => `drop trigger if exists ${table}_bumps_data_version on ${table};`).join('\n')}
drop function if exists bump_data_version();
drop table if exists data_version;
`);
  }
}
