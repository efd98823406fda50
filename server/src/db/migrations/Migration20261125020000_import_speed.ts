import { Migration } from '@mikro-orm/migrations';

/**
 * The two answer rules of `Migration20261124010000_counted`, unchanged in what they refuse and
 * how they say it, made cheap for a bulk load (issue 9: an edition's import in ≤ 10 s):
 *
 * - "An approved, answered inquiry has an answer to every scored question that applies to its
 *   channel", checked at commit. It was a deferred row trigger on inquiry and on answer: at
 *   commit one query and one function call per inquiry (4,606 for an edition) and one per
 *   removed answer. Now statement-level triggers note the
 *   inquiries to check (a row of ids per statement in `inquiry_completeness_due`), and a deferred
 *   constraint trigger on that table checks all of them at commit in one query, and a single
 *   approval costs what it did. Which writes queue a check: an inserted
 *   or updated inquiry that is approved and answered (any update: a statement-level trigger
 *   with a transition table cannot name columns, and checking an inquiry that already holds the
 *   rule again changes no outcome), and the inquiry of a removed or changed answer. Constraint
 *   triggers are row-level only, hence the table: its rows live only inside the transaction
 *   that writes them (the check deletes them; other transactions never see them).
 * - "An answer fits its question and the question applies to the inquiry's channel", checked
 *   per statement over its new rows: the same query, without `limit 1` and run with EXECUTE, so
 *   it is planned for the rows at hand (hash joins for 146,000 answers, index look-ups for a
 *   few) rather than with the plan cached on a connection's first use, nested loops tuned to
 *   find a first row. What each change saved: bench/RESULTS.md, "Measured by hand".
 */
export class Migration20261125020000_import_speed extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
drop trigger inquiry_answers_complete on inquiry;
drop trigger answer_removal_keeps_inquiry_complete on answer;
drop function inquiry_answers_complete();

-- Inquiries whose answers the commit checks: a row of ids per statement that may have broken
-- the rule. Written and emptied within one transaction.
create table inquiry_completeness_due (
  inquiry_ids int[] not null
);

create function note_inquiry_completeness_due() returns trigger language plpgsql as $f$
declare due int[];
begin
  if tg_table_name = 'inquiry' then
    due := array(select n.id from new_rows n where n.review_status = 'APPROVED' and n.status = 'ANSWERED');
  else
    due := array(select distinct o.inquiry_id from old_rows o);
  end if;
  if cardinality(due) > 0 then
    insert into inquiry_completeness_due (inquiry_ids) values (due);
  end if;
  return null;
end $f$;
create trigger inquiry_completeness_due_on_insert after insert on inquiry
  referencing new table as new_rows for each statement execute function note_inquiry_completeness_due();
create trigger inquiry_completeness_due_on_update after update on inquiry
  referencing new table as new_rows for each statement execute function note_inquiry_completeness_due();
create trigger answer_completeness_due_on_delete after delete on answer
  referencing old table as old_rows for each statement execute function note_inquiry_completeness_due();
create trigger answer_completeness_due_on_update after update on answer
  referencing old table as old_rows for each statement execute function note_inquiry_completeness_due();

-- At commit: every noted inquiry that is approved and answered has an answer (an option, "not
-- applicable" included) to each scored question that applies to its channel. The first
-- deferred event of a commit checks what all statements noted and empties the table; later
-- ones find nothing left. Per inquiry one index range of its answers, counted against the
-- scored questions of its edition and channel.
create function check_inquiry_completeness() returns trigger language plpgsql as $f$
declare
  due int[];
  bad int;
  ext text;
  missing text;
begin
  select array_agg(distinct d.id) into due from inquiry_completeness_due, unnest(inquiry_ids) as d(id);
  if due is null then
    return null;
  end if;
  delete from inquiry_completeness_due;
  execute $q$
    with pending as materialized (
      select i.id, i.edition_id, i.channel from inquiry i
      where i.id = any($1) and i.review_status = 'APPROVED' and i.status = 'ANSWERED'
    ), required as (
      select q.edition_id, c.channel, array_agg(q.id) as questions
      from question q cross join unnest(q.channels) as c(channel)
      where q.max_points is not null and q.edition_id = any(array(select distinct edition_id from pending))
      group by q.edition_id, c.channel
    )
    select p.id from pending p join required r on r.edition_id = p.edition_id and r.channel = p.channel
    where (select count(*) from answer a where a.inquiry_id = p.id and a.question_id = any(r.questions)) < cardinality(r.questions)
    limit 1
  $q$ into bad using due;
  if bad is not null then
    select i.external_id, string_agg(q.code, ', ' order by q.position) into ext, missing
    from inquiry i
    join question q on q.edition_id = i.edition_id and q.max_points is not null and i.channel = any(q.channels)
    where i.id = bad and not exists (select 1 from answer a where a.inquiry_id = i.id and a.question_id = q.id)
    group by i.external_id;
    raise exception 'approved answered inquiry % has no answer to scored question %', ext, missing
      using errcode = 'check_violation';
  end if;
  return null;
end $f$;
create constraint trigger inquiry_answers_complete
  after insert on inquiry_completeness_due
  deferrable initially deferred for each row
  execute function check_inquiry_completeness();

-- Answers must fit their question (an option of it, or a value on its scale), and the question
-- must apply to the inquiry's channel. Checked once per statement over all its new rows.
create or replace function answer_fits_question() returns trigger language plpgsql as $f$
declare bad record;
begin
  execute $q$
    select q.code, q.kind, q.scale_min, q.scale_max, n.scale_value, i.channel, i.external_id,
           i.channel = any(q.channels) as applies
    from new_answers n join question q on q.id = n.question_id join inquiry i on i.id = n.inquiry_id
    where not (i.channel = any(q.channels))
       or (q.kind = 'SCALE' and (n.scale_value is null or n.scale_value not between q.scale_min and q.scale_max))
       or (q.kind <> 'SCALE' and (n.option_id is null
           or not exists (select 1 from question_option o where o.id = n.option_id and o.question_id = q.id)))
  $q$ into bad;
  if bad is null then
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
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop trigger if exists inquiry_answers_complete on inquiry_completeness_due;
drop function if exists check_inquiry_completeness();
drop trigger if exists inquiry_completeness_due_on_insert on inquiry;
drop trigger if exists inquiry_completeness_due_on_update on inquiry;
drop trigger if exists answer_completeness_due_on_delete on answer;
drop trigger if exists answer_completeness_due_on_update on answer;
drop function if exists note_inquiry_completeness_due();
drop table if exists inquiry_completeness_due;

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

create or replace function answer_fits_question() returns trigger language plpgsql as $f$
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
`);
  }
}
