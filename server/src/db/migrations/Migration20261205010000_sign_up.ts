import { Migration } from '@mikro-orm/migrations';
import { bumpsDataVersion } from '../sql.js';

/**
 * Companies sign up for an edition in PLANNING themselves (domain.md "Running an edition in the
 * product", step 2); staff accept or decline. A sign-up keeps what was sent as it was sent (all
 * the channels the company can be contacted on, up to four; the participation gets at most three),
 * the competitors by name (a competitor still pending is linked when it is accepted), and the
 * decision: who, when, why, and the participation it became.
 *
 * One sign-up per organisation number and edition, held by the database too: a second one is
 * refused whatever its state, so a declined company asks staff rather than signing up again.
 * The contact person stays here; accepting makes them the company's manager.
 *
 * A new manager gets a one-time sign-in link (`welcome_link`): only a hash of its token is kept,
 * with an expiry, and using it (setting a password) marks it used.
 */
export class Migration20261205010000_sign_up extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table sign_up (
  id serial primary key,
  edition_id int not null references edition(id) on delete cascade,
  company_name text not null check (btrim(company_name) <> ''),
  organisation_number text not null check (organisation_number ~ '^[0-9]{9}$'),
  class_name text not null check (btrim(class_name) <> ''),
  tier text not null check (tier in ('ENKEL','KONKURRENT')),
  channels text[] not null check (cardinality(channels) between 1 and 4 and channels <@ array['PHONE','EMAIL','CHAT','MESSENGER']),
  competitors text[] not null default '{}' check (cardinality(competitors) <= 5 and (tier = 'KONKURRENT' or cardinality(competitors) = 0)),
  report_purchased boolean not null,
  opening_hours text null,
  contact_name text not null check (btrim(contact_name) <> ''),
  contact_email text not null check (contact_email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
  status text not null default 'PENDING' check (status in ('PENDING','ACCEPTED','DECLINED')),
  created_at timestamptz not null default now(),
  decided_at timestamptz null,
  decided_by_user_id int null references app_user(id) on delete set null,
  decline_reason text null,
  participation_id int null unique references participation(id) on delete set null,
  unique (edition_id, organisation_number),
  check ((status = 'PENDING') = (decided_at is null)),
  check ((status = 'DECLINED') = (decline_reason is not null)),
  check (decline_reason is null or btrim(decline_reason) <> ''),
  check (participation_id is null or status = 'ACCEPTED')
);
${bumpsDataVersion('sign_up')}

create table welcome_link (
  token_hash text primary key,
  user_id int not null references app_user(id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz null
);
create index welcome_link_user_idx on welcome_link(user_id);
${bumpsDataVersion('welcome_link')}
`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table welcome_link; drop table sign_up;`);
  }
}
