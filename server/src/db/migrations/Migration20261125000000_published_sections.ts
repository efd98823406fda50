import { Migration } from '@mikro-orm/migrations';

/**
 * Published results, stored once computed (issue 9). A published edition's report sections
 * (totals, areas, categories, CX, inquiries, performances, variation; per participation and
 * channel filter) are computed by the same read models as before, then kept in
 * `published_section` and read from there until the edition's data changes.
 *
 * - `result_version` holds a version per edition. Statement-level triggers bump it in the same
 *   transaction as any change to what the sections are computed from (the edition, its
 *   classes, participations, questions, options, inquiries and answers), so a stored section
 *   is current exactly when its version equals its edition's.
 * - Readers read the version before they compute and store under it (modules/report/
 *   published-sections.ts): a section computed after a change it missed cannot exist, one
 *   computed from newer data than its label is only stored stale and recomputed.
 * - The version lives in its own table, not on `edition`, so bumping it fires no trigger and
 *   takes no lock on the edition row that the importer and the reviewers write.
 */
const SOURCES: { table: string; editions: (rows: string) => string }[] = [
  { table: 'edition', editions: (rows) => `select id from ${rows}` },
  { table: 'industry_class', editions: (rows) => `select edition_id from ${rows}` },
  { table: 'participation', editions: (rows) => `select edition_id from ${rows}` },
  { table: 'question', editions: (rows) => `select edition_id from ${rows}` },
  { table: 'question_option', editions: (rows) => `select q.edition_id from ${rows} r join question q on q.id = r.question_id` },
  { table: 'inquiry', editions: (rows) => `select edition_id from ${rows}` },
  { table: 'answer', editions: (rows) => `select i.edition_id from ${rows} r join inquiry i on i.id = r.inquiry_id` },
];

export class Migration20261125000000_published_sections extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table result_version (
  edition_id int primary key references edition(id) on delete cascade,
  version bigint not null default 1
);

-- A section as the read model returned it (JSON), for one participation and channel filter
-- ('' = all channels), at the edition's version it was computed at. \`fingerprint\` names the
-- code that computed it: a deployment whose read models differ ignores and overwrites it.
create table published_section (
  participation_id int not null references participation(id) on delete cascade,
  section text not null,
  channel text not null,
  edition_id int not null,
  version bigint not null,
  fingerprint text not null,
  value json not null,
  primary key (participation_id, section, channel)
);

-- Bumps the version of every edition in the list that still exists (a cascade from a deleted
-- edition has nothing left to bump).
create function bump_result_version(editions int[]) returns void language sql as $f$
  insert into result_version (edition_id)
  select e.id from edition e where e.id = any(editions)
  on conflict (edition_id) do update set version = result_version.version + 1;
$f$;
${SOURCES.map(
  ({ table, editions }) => `
create function ${table}_bumps_result_version() returns trigger language plpgsql as $f$
begin
  if tg_op = 'INSERT' then
    perform bump_result_version(array(${editions('new_rows')}));
  elsif tg_op = 'DELETE' then
    perform bump_result_version(array(${editions('old_rows')}));
  else
    perform bump_result_version(array(${editions('new_rows')} union ${editions('old_rows')}));
  end if;
  return null;
end $f$;
create trigger ${table}_bumps_result_version_on_insert after insert on ${table}
  referencing new table as new_rows for each statement execute function ${table}_bumps_result_version();
create trigger ${table}_bumps_result_version_on_update after update on ${table}
  referencing old table as old_rows new table as new_rows for each statement execute function ${table}_bumps_result_version();
create trigger ${table}_bumps_result_version_on_delete after delete on ${table}
  referencing old table as old_rows for each statement execute function ${table}_bumps_result_version();`,
).join('\n')}

-- Editions that exist already start at version 1.
insert into result_version (edition_id) select id from edition;
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
${SOURCES.map(
  ({ table }) => `
drop trigger if exists ${table}_bumps_result_version_on_insert on ${table};
drop trigger if exists ${table}_bumps_result_version_on_update on ${table};
drop trigger if exists ${table}_bumps_result_version_on_delete on ${table};
drop function if exists ${table}_bumps_result_version();`,
).join('\n')}
drop function if exists bump_result_version(int[]);
drop table if exists published_section;
drop table if exists result_version;
`);
  }
}
