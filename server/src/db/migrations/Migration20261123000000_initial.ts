import { Migration } from '@mikro-orm/migrations';

/**
 * The KSP schema. Written by hand so the database itself enforces what it can: foreign
 * keys, uniqueness, value checks, the competitor rules, CX ranges, and the scoring rules
 * once in SQL (view `scored_item`), which the report read model aggregates.
 */
export class Migration20261123000000_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table edition (
  id serial primary key,
  year int not null unique check (year between 2000 and 2100),
  name text not null,
  status text not null default 'PLANNING' check (status in ('PLANNING','FIELDWORK','REVIEW','PUBLISHED')),
  inquiries_per_participant int not null default 25 check (inquiries_per_participant > 0),
  channel_keys jsonb not null,
  wait_limits jsonb not null,
  fieldwork_weeks int[] not null default '{}',
  published_at timestamptz
);

create table industry_class (
  id serial primary key,
  edition_id int not null references edition(id) on delete cascade,
  name text not null check (name <> ''),
  unique (edition_id, name)
);

create table company (
  id serial primary key,
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]*$'),
  name text not null check (name <> '')
);

create table participation (
  id serial primary key,
  edition_id int not null references edition(id) on delete cascade,
  company_id int not null references company(id),
  class_id int not null references industry_class(id) on delete cascade,
  tier text not null check (tier in ('ENKEL','KONKURRENT')),
  channels text[] not null check (cardinality(channels) between 1 and 3 and channels <@ array['PHONE','EMAIL','CHAT','MESSENGER']),
  report_purchased boolean not null default false,
  opening_hours text,
  unique (edition_id, company_id),
  unique (id, edition_id),
  unique (id, edition_id, company_id, tier)
);
create index participation_class_idx on participation(class_id);

-- A chosen competitor is a company examined in the same edition; the participant is
-- KONKURRENT tier (checked through the composite key on tier) and never picks itself.
create table participation_competitor (
  participation_id int not null,
  edition_id int not null,
  tier text not null default 'KONKURRENT' check (tier = 'KONKURRENT'),
  company_id int not null references company(id),
  competitor_company_id int not null references company(id),
  position int not null check (position between 1 and 5),
  primary key (participation_id, competitor_company_id),
  unique (participation_id, position),
  check (company_id <> competitor_company_id),
  foreign key (participation_id, edition_id, company_id, tier)
    references participation(id, edition_id, company_id, tier) on delete cascade on update cascade,
  foreign key (edition_id, competitor_company_id) references participation(edition_id, company_id) on delete cascade
);

create table question (
  id serial primary key,
  edition_id int not null references edition(id) on delete cascade,
  code text not null check (code ~ '^[A-Za-z][A-Za-z0-9_]*$'),
  area text not null check (area in ('RESPONSE_TIME','RECEPTION','AGENT','OVERALL','CX')),
  kind text not null check (kind in ('CHOICE','SCALE')),
  text text not null,
  channels text[] not null check (cardinality(channels) >= 1 and channels <@ array['PHONE','EMAIL','CHAT','MESSENGER']),
  categories text[] not null default '{}' check (categories <@ array['ACCESSIBILITY','INTEREST','COMMUNICATION','COMPETENCE','SALES']),
  -- The weight of a scored question (its best option); null for unscored and SCALE questions.
  max_points int check (max_points > 0),
  scale_min int,
  scale_max int,
  position int not null,
  unique (edition_id, code),
  unique (edition_id, position),
  check ((kind = 'SCALE') = (scale_min is not null and scale_max is not null)),
  check (scale_min is null or scale_min < scale_max),
  check (kind = 'CHOICE' or max_points is null)
);

create table question_option (
  id serial primary key,
  question_id int not null references question(id) on delete cascade,
  code text not null check (code <> ''),
  label text not null,
  points int check (points >= 0),
  not_applicable boolean not null default false,
  position int not null,
  unique (question_id, code),
  check (not (not_applicable and points is not null))
);

create table observer (
  id serial primary key,
  external_id text not null unique check (external_id <> ''),
  gender text not null check (gender in ('FEMALE','MALE','OTHER')),
  birth_year int not null check (birth_year between 1900 and 2100),
  region text,
  quality_score numeric(5,2) check (quality_score between 0 and 100)
);

-- What makes an observer ineligible for a company: being its customer or having contacted it.
create table observer_company (
  observer_id int not null references observer(id) on delete cascade,
  company_id int not null references company(id) on delete cascade,
  relation text not null check (relation in ('CUSTOMER','CONTACTED')),
  primary key (observer_id, company_id, relation)
);

create table role_play (
  id serial primary key,
  participation_id int not null references participation(id) on delete cascade,
  title text not null,
  description text not null default ''
);

create table assignment (
  id serial primary key,
  participation_id int not null references participation(id) on delete cascade,
  observer_id int not null references observer(id),
  channel text not null check (channel in ('PHONE','EMAIL','CHAT','MESSENGER')),
  week int check (week between 1 and 53),
  unique (participation_id, observer_id)
);

create table inquiry (
  id serial primary key,
  participation_id int not null references participation(id) on delete cascade,
  external_id text not null check (external_id <> ''),
  edition_id int not null,
  channel text not null check (channel in ('PHONE','EMAIL','CHAT','MESSENGER')),
  status text not null check (status in ('ANSWERED','UNANSWERED')),
  review_status text not null default 'SUBMITTED' check (review_status in ('SUBMITTED','RETURNED','APPROVED')),
  observer_id int not null references observer(id),
  assignment_id int references assignment(id) on delete set null,
  contacted_at timestamptz not null,
  attempts int not null default 1 check (attempts >= 1),
  wait_seconds int check (wait_seconds >= 0),
  comment_reception text not null default '',
  comment_agent text not null default '',
  comment_overall text not null default '',
  comment_search tsvector generated always as (
    to_tsvector('norwegian', comment_reception || ' ' || comment_agent || ' ' || comment_overall)
  ) stored,
  unique (edition_id, external_id),
  foreign key (participation_id, edition_id) references participation(id, edition_id)
);
create index inquiry_participation_idx on inquiry(participation_id, channel);
create index inquiry_observer_idx on inquiry(observer_id);
create index inquiry_comment_search_idx on inquiry using gin(comment_search);

create table inquiry_attempt (
  id serial primary key,
  inquiry_id int not null references inquiry(id) on delete cascade,
  attempted_at timestamptz,
  wait_seconds int check (wait_seconds >= 0),
  answered boolean not null
);
create index inquiry_attempt_inquiry_idx on inquiry_attempt(inquiry_id);

create table answer (
  inquiry_id int not null references inquiry(id) on delete cascade,
  question_id int not null references question(id) on delete cascade,
  option_id int references question_option(id) on delete cascade,
  scale_value int,
  primary key (inquiry_id, question_id),
  check ((option_id is null) <> (scale_value is null))
);
create index answer_question_idx on answer(question_id);

-- Answers must fit their question: an option of that question, or a value on its scale.
create function answer_fits_question() returns trigger language plpgsql as $$
declare q question%rowtype;
begin
  select * into q from question where id = new.question_id;
  if q.kind = 'SCALE' then
    if new.scale_value is null or new.scale_value < q.scale_min or new.scale_value > q.scale_max then
      raise exception 'answer to % must be between % and %, got %', q.code, q.scale_min, q.scale_max, new.scale_value
        using errcode = 'check_violation';
    end if;
  elsif new.option_id is null or not exists (select 1 from question_option o where o.id = new.option_id and o.question_id = q.id) then
    raise exception 'answer to % must be one of its options', q.code using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger answer_fits_question before insert or update on answer
  for each row execute function answer_fits_question();

create table review_event (
  id serial primary key,
  inquiry_id int not null references inquiry(id) on delete cascade,
  from_status text,
  to_status text not null check (to_status in ('SUBMITTED','RETURNED','APPROVED')),
  actor_user_id int,
  reason text not null default '',
  at timestamptz not null default now()
);
create index review_event_inquiry_idx on review_event(inquiry_id);

create table app_user (
  id serial primary key,
  email text not null unique check (email = lower(email) and email like '%@%'),
  password_hash text not null,
  role text not null check (role in ('STAFF','MANAGER','OBSERVER')),
  company_id int references company(id) on delete cascade,
  observer_id int references observer(id) on delete cascade,
  created_at timestamptz not null default now(),
  check ((role = 'MANAGER') = (company_id is not null)),
  check ((role = 'OBSERVER') = (observer_id is not null))
);
alter table review_event add foreign key (actor_user_id) references app_user(id) on delete set null;

create table user_session (
  token_hash text primary key,
  user_id int not null references app_user(id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index user_session_user_idx on user_session(user_id);

-- The scoring rules of domain.md, expressed once in SQL: the points each approved
-- inquiry contributes per scored question. Answered: the chosen option's points of the
-- maximum, N/A dropped. Unanswered: 0 of the maximum of every scored question applying
-- to its channel (it then counts in totals and RESPONSE_TIME only; readers filter).
create view scored_item as
select i.id as inquiry_id, i.participation_id, i.edition_id, i.channel, i.status,
       q.id as question_id, q.area, q.categories,
       coalesce(o.points, 0) as earned, q.max_points as possible
from inquiry i
join answer a on a.inquiry_id = i.id
join question q on q.id = a.question_id and q.max_points is not null
join question_option o on o.id = a.option_id
where i.review_status = 'APPROVED' and i.status = 'ANSWERED' and not o.not_applicable
union all
select i.id, i.participation_id, i.edition_id, i.channel, i.status,
       q.id, q.area, q.categories, 0, q.max_points
from inquiry i
join question q on q.edition_id = i.edition_id and q.max_points is not null and i.channel = any(q.channels)
where i.review_status = 'APPROVED' and i.status = 'UNANSWERED';
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop view if exists scored_item;
drop table if exists user_session, app_user, review_event, answer, inquiry_attempt, inquiry, assignment, role_play,
  observer_company, observer, question_option, question, participation_competitor, participation, company,
  industry_class, edition cascade;
drop function if exists answer_fits_question();
`);
  }
}
