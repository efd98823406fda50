import { Migration } from '@mikro-orm/migrations';
import { UNVERSIONED_TABLES } from '../tables.js';

/** The tables (of this schema, at this point of the migrations) that get the trigger: all but UNVERSIONED_TABLES. */
const versionedTables = `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = current_schema() and c.relkind = 'r'
    and c.relname <> all (array[${UNVERSIONED_TABLES.map((t) => `'${t}'`).join(', ')}])`;

/**
 * `data_version`: one number that moves whenever the data behind an answer changes, so the
 * whole-response cache (graphql/response-cache.ts) keys answers by it and needs no other
 * invalidation.
 *
 * A statement-level trigger on every table whose content can change an answer (every table but
 * UNVERSIONED_TABLES, db/tables.ts: no second list to forget a table in) on insert, update, delete
 * and truncate adds one to it, in the writing transaction: the data and the new version commit
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
do $do$
declare t text;
begin
  for t in ${versionedTables} loop
    execute format('create trigger %I before insert or update or delete or truncate on %I for each statement execute function bump_data_version()',
      t || '_bumps_data_version', t);
  end loop;
end $do$;
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
do $do$
declare t text;
begin
  for t in ${versionedTables} loop
    execute format('drop trigger if exists %I on %I', t || '_bumps_data_version', t);
  end loop;
end $do$;
drop function if exists bump_data_version();
drop table if exists data_version;
`);
  }
}
