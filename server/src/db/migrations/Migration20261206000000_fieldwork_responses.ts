import { Migration } from '@mikro-orm/migrations';
import { bumpsDataVersion } from '../sql.js';

/**
 * The observer's form, review, corrections and queries (issue 18; domain.md "Running an
 * edition in the product", steps 4–7):
 * - `response_draft`: what the observer has typed into an assignment's form, kept as they type
 *   (one per assignment, replaced by each save) until it is submitted;
 * - `response_submission`: the idempotency keys of submissions, so a double click or a retry of
 *   the same submission makes one response (the second answers with what the first did);
 * - an attempt records whether its only reply was an automatic one (e-mail's confirmation is
 *   not an answer); a return names the questions to fix (`assignment_event.questions`);
 * - `response_correction`: a change to a response after publication, with the response before
 *   and after, who and why; the only way a published result changes;
 * - `response_query`: a manager's query of one own response, within the edition's deadline
 *   (`edition.query_days` after publication), and staff's outcome: UPHELD through a
 *   correction, or REJECTED with a reply. At most one open query per response.
 */
export class Migration20261206000000_fieldwork_responses extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table edition add column query_days int not null default 14 check (query_days between 0 and 365);

alter table inquiry_attempt add column automatic_reply_only boolean not null default false;
alter table assignment_event add column questions text[] not null default '{}';

create table response_draft (
  assignment_id int not null primary key references assignment(id) on delete cascade,
  input jsonb not null,
  saved_at timestamptz not null default now()
);
${bumpsDataVersion('response_draft')}

create table response_submission (
  id serial primary key,
  assignment_id int not null references assignment(id) on delete cascade,
  idempotency_key text not null check (length(idempotency_key) between 8 and 200),
  at timestamptz not null default now(),
  unique (assignment_id, idempotency_key)
);
${bumpsDataVersion('response_submission')}

create table response_correction (
  id serial primary key,
  inquiry_id int not null references inquiry(id) on delete cascade,
  at timestamptz not null default now(),
  actor_user_id int null references app_user(id) on delete set null,
  reason text not null check (btrim(reason) <> ''),
  before jsonb not null,
  after jsonb not null
);
create index response_correction_inquiry_idx on response_correction(inquiry_id);
${bumpsDataVersion('response_correction')}

create table response_query (
  id serial primary key,
  inquiry_id int not null references inquiry(id) on delete cascade,
  asked_at timestamptz not null default now(),
  asked_by_user_id int null references app_user(id) on delete set null,
  message text not null check (btrim(message) <> '' and length(message) <= 2000),
  status text not null default 'OPEN' check (status in ('OPEN','UPHELD','REJECTED')),
  reply text null check (length(reply) <= 2000),
  decided_at timestamptz null,
  decided_by_user_id int null references app_user(id) on delete set null,
  correction_id int null references response_correction(id) on delete set null,
  check ((status = 'OPEN') = (decided_at is null)),
  check (status <> 'REJECTED' or btrim(coalesce(reply, '')) <> '')
);
create index response_query_inquiry_idx on response_query(inquiry_id);
create unique index response_query_one_open on response_query(inquiry_id) where status = 'OPEN';
${bumpsDataVersion('response_query')}
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop table response_query;
drop table response_correction;
drop table response_submission;
drop table response_draft;
alter table assignment_event drop column questions;
alter table inquiry_attempt drop column automatic_reply_only;
alter table edition drop column query_days;
`);
  }
}
