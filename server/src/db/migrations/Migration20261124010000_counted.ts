import { Migration } from '@mikro-orm/migrations';

/**
 * "What counts in a score", written once, and the database guarding the two rules behind it.
 *
 * - Views `counted_inquiry` (approved inquiries) and `counted_answer` (answers of approved,
 *   answered inquiries to questions that apply to the inquiry's channel); `scored_item` is
 *   rebuilt on them with the same columns and meaning. Read models use these views instead of
 *   repeating `review_status = 'APPROVED'`, `status = 'ANSWERED'` and the channel rule.
 * - An answer to a question that does not apply to the inquiry's channel is refused (the answer
 *   check becomes one set-based check per statement, so a bulk load costs one join).
 * - An approved, answered inquiry without an answer to a scored question that applies to its
 *   channel is refused at commit ("not applicable" is an answer), so no write path can skip
 *   what the CSV checker demands.
 * - Indexes for the access patterns that lacked one.
 */
export class Migration20261124010000_counted extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
-- Existing rows must already keep the two rules the triggers below enforce from now on.
do $$
begin
  if exists (select 1 from answer a join inquiry i on i.id = a.inquiry_id join question q on q.id = a.question_id
             where not (i.channel = any(q.channels))) then
    raise exception 'answers to questions that do not apply to their inquiry''s channel exist; correct them first';
  end if;
  if exists (select 1 from inquiry i join question q on q.edition_id = i.edition_id and q.max_points is not null and i.channel = any(q.channels)
             where i.review_status = 'APPROVED' and i.status = 'ANSWERED'
               and not exists (select 1 from answer a where a.inquiry_id = i.id and a.question_id = q.id)) then
    raise exception 'approved answered inquiries without an answer to a scored question exist; correct them first';
  end if;
end $$;

-- What counts in a score, once. An inquiry counts once it is approved.
create view counted_inquiry as
select i.id, i.participation_id, i.edition_id, i.external_id, i.channel, i.status, i.observer_id,
       i.contacted_at, i.attempts, i.wait_seconds,
       i.comment_reception, i.comment_agent, i.comment_overall, i.comment_search
from inquiry i
where i.review_status = 'APPROVED';

-- One row per answer that counts: of an approved, answered inquiry, to a question that applies
-- to the inquiry's channel. Scored or not, option or scale; "not applicable" is flagged (its
-- question then drops out of earned and possible points), points are the chosen option's.
-- The channel rule is written coalesce(…, false): the same condition (neither side is ever
-- null), but PostgreSQL estimates it at 50 % of the rows instead of 5 %, where the truth is
-- all of them; with the 5 % guess it planned nested loops and a sort where hashing is right,
-- up to twice as slow on report-sized queries (a participant, its class, its competitors).
create view counted_answer as
select i.id as inquiry_id, i.participation_id, i.edition_id, i.channel,
       q.id as question_id, q.code, q.area, q.kind, q.categories, q.max_points,
       a.option_id, a.scale_value, coalesce(o.not_applicable, false) as not_applicable, o.points
from counted_inquiry i
join answer a on a.inquiry_id = i.id
join question q on q.id = a.question_id and coalesce(i.channel = any(q.channels), false)
left join question_option o on o.id = a.option_id
where i.status = 'ANSWERED';

-- The scoring rules of domain.md: the points each counted inquiry contributes per scored
-- question. Answered: the chosen option's points of the maximum, "not applicable" dropped.
-- Unanswered: 0 of the maximum of every scored question applying to its channel (it then
-- counts in totals and RESPONSE_TIME only; readers filter).
create or replace view scored_item as
select a.inquiry_id, a.participation_id, a.edition_id, a.channel, 'ANSWERED'::text as status,
       a.question_id, a.area, a.categories, coalesce(a.points, 0) as earned, a.max_points as possible
from counted_answer a
where a.max_points is not null and not a.not_applicable
union all
select i.id, i.participation_id, i.edition_id, i.channel, i.status,
       q.id, q.area, q.categories, 0, q.max_points
from counted_inquiry i
join question q on q.edition_id = i.edition_id and q.max_points is not null and i.channel = any(q.channels)
where i.status = 'UNANSWERED';

-- Answers must fit their question (an option of it, or a value on its scale), and the question
-- must apply to the inquiry's channel. Checked once per statement over all its new rows.
drop trigger answer_fits_question on answer;
drop function answer_fits_question();
create function answer_fits_question() returns trigger language plpgsql as $f$
declare bad record;
begin
  select q.code, q.kind, q.scale_min, q.scale_max, n.scale_value, i.channel, i.external_id,
         i.channel = any(q.channels) as applies
    into bad
  from new_answers n join question q on q.id = n.question_id join inquiry i on i.id = n.inquiry_id
  where not (i.channel = any(q.channels))
     or (q.kind = 'SCALE' and (n.scale_value is null or n.scale_value not between q.scale_min and q.scale_max))
     or (q.kind <> 'SCALE' and (n.option_id is null
         or not exists (select 1 from question_option o where o.id = n.option_id and o.question_id = q.id)))
  limit 1;
  if not found then
    return null;
  elsif not bad.applies then
    raise exception 'answer to % does not apply to %, the channel of inquiry %', bad.code, bad.channel, bad.external_id
      using errcode = 'check_violation';
  elsif bad.kind = 'SCALE' then
    raise exception 'answer to % must be between % and %, got %', bad.code, bad.scale_min, bad.scale_max, bad.scale_value
      using errcode = 'check_violation';
  else
    raise exception 'answer to % must be one of its options', bad.code using errcode = 'check_violation';
  end if;
end $f$;
create trigger answer_fits_question after insert on answer
  referencing new table as new_answers for each statement execute function answer_fits_question();
create trigger answer_fits_question_on_update after update on answer
  referencing new table as new_answers for each statement execute function answer_fits_question();

-- An inquiry moved to another channel keeps only answers that apply to it.
create function inquiry_answers_fit_channel() returns trigger language plpgsql as $f$
declare bad record;
begin
  select q.code, i.channel, i.external_id into bad
  from changed_inquiries i join old_inquiries o on o.id = i.id and o.channel <> i.channel
  join answer a on a.inquiry_id = i.id join question q on q.id = a.question_id
  where not (i.channel = any(q.channels))
  limit 1;
  if found then
    raise exception 'answer to % does not apply to %, the channel of inquiry %', bad.code, bad.channel, bad.external_id
      using errcode = 'check_violation';
  end if;
  return null;
end $f$;
create trigger inquiry_answers_fit_channel after update on inquiry
  referencing old table as old_inquiries new table as changed_inquiries for each statement execute function inquiry_answers_fit_channel();

-- At commit: an approved, answered inquiry has an answer (an option, "not applicable"
-- included) to every scored question that applies to its channel. Deferred, because the
-- inquiry is written before its answers; checked on the inquiry as it is at commit.
create function inquiry_answers_complete() returns trigger language plpgsql as $f$
declare
  target int;
  ext text;
  missing text;
begin
  if tg_table_name = 'inquiry' then target := new.id; else target := old.inquiry_id; end if;
  select i.external_id, string_agg(q.code, ', ' order by q.position) into ext, missing
  from inquiry i
  join question q on q.edition_id = i.edition_id and q.max_points is not null and i.channel = any(q.channels)
  where i.id = target and i.review_status = 'APPROVED' and i.status = 'ANSWERED'
    and not exists (select 1 from answer a where a.inquiry_id = i.id and a.question_id = q.id)
  group by i.external_id;
  if missing is not null then
    raise exception 'approved answered inquiry % has no answer to scored question %', ext, missing
      using errcode = 'check_violation';
  end if;
  return null;
end $f$;
create constraint trigger inquiry_answers_complete
  after insert or update of review_status, status, channel, edition_id on inquiry
  deferrable initially deferred for each row
  when (new.review_status = 'APPROVED' and new.status = 'ANSWERED')
  execute function inquiry_answers_complete();
create constraint trigger answer_removal_keeps_inquiry_complete
  after delete or update of inquiry_id, question_id on answer
  deferrable initially deferred for each row
  execute function inquiry_answers_complete();

-- Access patterns without an index: an observer's assignments, an assignment's inquiries, who
-- chose a company as competitor in an edition, a participation's role plays; and the purge of
-- expired sessions.
create index assignment_observer_id_idx on assignment(observer_id);
create index inquiry_assignment_id_idx on inquiry(assignment_id);
create index participation_competitor_edition_id_competitor_company_id_idx on participation_competitor(edition_id, competitor_company_id);
create index role_play_participation_id_idx on role_play(participation_id);
create index user_session_expires_at_idx on user_session(expires_at);
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop index if exists assignment_observer_id_idx, inquiry_assignment_id_idx,
  participation_competitor_edition_id_competitor_company_id_idx, role_play_participation_id_idx, user_session_expires_at_idx;
drop trigger if exists inquiry_answers_complete on inquiry;
drop trigger if exists answer_removal_keeps_inquiry_complete on answer;
drop function if exists inquiry_answers_complete();
drop trigger if exists inquiry_answers_fit_channel on inquiry;
drop function if exists inquiry_answers_fit_channel();
drop trigger if exists answer_fits_question on answer;
drop trigger if exists answer_fits_question_on_update on answer;
drop function if exists answer_fits_question();
create function answer_fits_question() returns trigger language plpgsql as $f$
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
end $f$;
create trigger answer_fits_question before insert or update on answer
  for each row execute function answer_fits_question();
create or replace view scored_item as
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
drop view if exists counted_answer;
drop view if exists counted_inquiry;
`);
  }
}
