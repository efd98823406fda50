import { Migration } from '@mikro-orm/migrations';

/**
 * A company's name and slug are part of every published result list that names it (and of its
 * class benchmarks), but they live in `company`, which no edition's result version followed: an
 * import that spells a company's name anew (edition-bundle.ts upserts companies by slug) changed
 * what an earlier published edition shows without moving that edition's version. The published
 * snapshots (modules/result-list/snapshot.service.ts) are made once per result version, so a
 * rename must move it, for every edition the company took part in.
 *
 * Only a real change of the name or slug counts: the import's upsert rewrites every company it
 * names, nearly always unchanged, and bumping every earlier edition then would throw away all
 * their stored sections and key-driver analyses. A new company has no participation yet, and one
 * with participations cannot be deleted (participation.company_id has no cascade), so updates
 * are all there is to follow.
 */
export class Migration20261209000000_company_result_version extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create function company_bumps_result_version() returns trigger language plpgsql as $f$
begin
  perform bump_result_version(array(
    select distinct p.edition_id
    from new_rows n join old_rows o on o.id = n.id join participation p on p.company_id = n.id
    where n.name is distinct from o.name or n.slug is distinct from o.slug));
  return null;
end $f$;
create trigger company_bumps_result_version_on_update after update on company
  referencing old table as old_rows new table as new_rows for each statement execute function company_bumps_result_version();
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop trigger if exists company_bumps_result_version_on_update on company;
drop function if exists company_bumps_result_version();
`);
  }
}
