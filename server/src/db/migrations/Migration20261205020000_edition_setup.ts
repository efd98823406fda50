import { Migration } from '@mikro-orm/migrations';
import { bumpsDataVersion } from '../sql.js';

/**
 * Setting up an edition in the product (issue 17): every change of an edition's status is kept,
 * who made it and when (domain.md "Running an edition in the product": each step confirmed). The
 * status moves forward one step at a time, so `from_status` is always the step before `to_status`;
 * a status change made by `ksp publish` has no user and says so in its note.
 */
export class Migration20261205020000_edition_setup extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table edition_event (
  id serial primary key,
  edition_id int not null references edition(id) on delete cascade,
  at timestamptz not null default now(),
  from_status text not null check (from_status in ('PLANNING','FIELDWORK','REVIEW','PUBLISHED')),
  to_status text not null check (to_status in ('PLANNING','FIELDWORK','REVIEW','PUBLISHED')),
  actor_user_id int references app_user(id) on delete set null,
  note text not null default ''
);
create index edition_event_edition_idx on edition_event(edition_id);
${bumpsDataVersion('edition_event')}
`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table edition_event;`);
  }
}
