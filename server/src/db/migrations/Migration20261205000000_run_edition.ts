import { Migration } from '@mikro-orm/migrations';
import { bumpsDataVersion } from '../sql.js';

/**
 * Running an edition in the product (issue 17), what planning needs:
 * - the edition's fieldwork settings beside its weeks: the lowest observer quality score that
 *   passes (domain.md "Fieldwork rules", rule 4) and the third channel for a participant that
 *   can be contacted on all four (domain.md "Channels");
 * - a company's Norwegian organisation number, by which a sign-up finds it again so last year's
 *   results follow it (9 digits; the mod-11 check digit is the application's rule, in shared/);
 * - the observer pool's name and the ISO weeks (`2025-W11`) an observer cannot make weekday
 *   contacts 09–15 (contract.md `observers.csv`);
 * - an assignment's status (contract.md `FieldworkAssignment.status`) and its events: who
 *   planned, changed, submitted or reviewed it, when and why. Imported assignments that already
 *   have their response were reviewed elsewhere: APPROVED.
 */
export class Migration20261205000000_run_edition extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table edition add column min_quality_score int not null default 70 check (min_quality_score between 0 and 100);
alter table edition add column third_channel text not null default 'CHAT' check (third_channel in ('CHAT','MESSENGER'));

alter table company add column organisation_number text null unique check (organisation_number ~ '^[0-9]{9}$');

alter table observer add column name text null;
alter table observer add column unavailable_weeks text[] not null default '{}'
  check (array_to_string(unavailable_weeks, ',') ~ '^([0-9]{4}-W[0-9]{2}(,|$))*$');

alter table assignment add column status text not null default 'PLANNED'
  check (status in ('PLANNED','DRAFT','SUBMITTED','RETURNED','APPROVED'));
update assignment a set status = 'APPROVED' where exists (select 1 from inquiry i where i.assignment_id = a.id);

create table assignment_event (
  id serial primary key,
  assignment_id int not null references assignment(id) on delete cascade,
  at timestamptz not null default now(),
  action text not null check (action <> ''),
  actor_user_id int references app_user(id) on delete set null,
  note text not null default ''
);
create index assignment_event_assignment_idx on assignment_event(assignment_id);
${bumpsDataVersion('assignment_event')}
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop table assignment_event;
alter table assignment drop column status;
alter table observer drop column unavailable_weeks, drop column name;
alter table company drop column organisation_number;
alter table edition drop column third_channel, drop column min_quality_score;
`);
  }
}
