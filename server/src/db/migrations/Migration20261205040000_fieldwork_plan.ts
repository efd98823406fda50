import { Migration } from '@mikro-orm/migrations';
import { bumpsDataVersion } from '../sql.js';

/**
 * The fieldwork plan of an edition (domain.md "Running an edition in the product", step 3):
 * the planned inquiries themselves are `assignment` rows (status PLANNED); this keeps what the
 * plan could not do and when it was made, so the planning page shows them after the request
 * that planned is gone:
 * - `fieldwork_plan`: the latest plan of an edition, when and by whom, and its counts;
 * - `fieldwork_shortfall`: per participant, channel and week the inquiries left without an
 *   observer and the rules that ran out. Both are replaced whole by each new plan.
 */
export class Migration20261205040000_fieldwork_plan extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table fieldwork_plan (
  edition_id int not null primary key references edition(id) on delete cascade,
  planned_at timestamptz not null default now(),
  planned_by_user_id int null references app_user(id) on delete set null,
  assigned int not null check (assigned >= 0),
  unassigned int not null check (unassigned >= 0)
);
${bumpsDataVersion('fieldwork_plan')}

create table fieldwork_shortfall (
  id serial primary key,
  participation_id int not null references participation(id) on delete cascade,
  channel text not null check (channel in ('PHONE','EMAIL','CHAT','MESSENGER')),
  week int not null check (week between 1 and 53),
  missing int not null check (missing > 0),
  planned int not null check (planned >= missing),
  rules text[] not null default '{}'
    check (rules <@ array['CONTACTED_BEFORE','CUSTOMER','UNAVAILABLE','QUALITY','SAME_PARTICIPANT']),
  reason text not null
);
create index fieldwork_shortfall_participation_idx on fieldwork_shortfall(participation_id);
${bumpsDataVersion('fieldwork_shortfall')}
`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table fieldwork_shortfall; drop table fieldwork_plan;`);
  }
}
