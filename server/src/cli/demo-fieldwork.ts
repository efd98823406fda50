import type { MikroORM } from '@mikro-orm/postgresql';
import { attemptAnswered, DEFAULT_WAIT_LIMITS, inquiryStatusOf, isEligible, questionKind, type Channel, type WaitLimit } from '@ksp/shared';
import { dateInIsoWeek, osloIso } from '../demo/calendar.js';
import { DEMO_OBSERVER_STATES, demoFieldwork, type DemoFieldworkAssignment } from '../demo/fieldwork.js';
import { insertColumns } from '../db/bulk.js';
import { rows, sqlOn, type Sql } from '../db/sql.js';
import { changeEditionStatus } from '../modules/edition/edition-setup.service.js';
import { Answer, Inquiry, InquiryAttempt, ReviewEvent } from '../modules/inquiry/inquiry.entity.js';
import { observerProfiles } from '../modules/observer/observer.read-model.js';
import { assignObserver, planEditionFieldwork } from '../modules/fieldwork/planning.service.js';
import { questionsOf } from '../modules/questionnaire/questionnaire.read-model.js';

/** The observer user the demo's observer logs in as. */
export const DEMO_OBSERVER = 'observer@ksp.demo';

/**
 * Starts the demo edition's fieldwork as staff do and fills in its first weeks: the real planner
 * plans it (`planEditionFieldwork`), a few assignments go to the demo observer by hand
 * (`assignObserver`, so `observer@ksp.demo` has work in every state), the edition moves to
 * FIELDWORK (`changeEditionStatus`), and the responses done so far (demo/fieldwork.ts) are written
 * set-based, a statement a table, with their assignment and review events.
 */
export async function startDemoFieldwork(orm: MikroORM, year: number, staffUserId: number, now: Date): Promise<void> {
  await planEditionFieldwork(orm.em.fork(), year, staffUserId);
  await giveDemoObserverWork(orm, year, staffUserId);
  await changeEditionStatus(orm.em, year, 'FIELDWORK', { userId: staffUserId });
  await orm.em.fork().transactional(async (tx) => {
    const sql = sqlOn(tx);
    await datePlanBeforeFieldwork(sql, year);
    await writeResponses(tx, sql, year, staffUserId, now);
  });
}

/**
 * The demo observer's assignments: whatever the planner gave, topped up by hand with PLANNED
 * assignments the observer may take (the four eligibility rules, one per participant) until there
 * is one on PHONE, one on another channel and one for each state the demo shows.
 */
async function giveDemoObserverWork(orm: MikroORM, year: number, staffUserId: number): Promise<void> {
  const sql = sqlOn(orm.em.fork());
  const [user] = await rows<{ external_id: string }>(
    sql,
    `select o.external_id from app_user u join observer o on o.id = u.observer_id where u.email = $1`,
    [DEMO_OBSERVER],
  );
  if (!user) return;
  const [profile] = await observerProfiles(sql, year, user.external_id);
  if (!profile) return;
  const list = await rows<{ id: number; slug: string; channel: Channel; week: number; mine: boolean; min: number }>(
    sql,
    `select a.id, c.slug, a.channel, a.week, o.external_id = $2 as mine, e.min_quality_score as min
     from assignment a join participation p on p.id = a.participation_id join edition e on e.id = p.edition_id
     join company c on c.id = p.company_id join observer o on o.id = a.observer_id
     where e.year = $1 and a.status = 'PLANNED' order by a.id`,
    [year, user.external_id],
  );
  const own = list.filter((a) => a.mine);
  const taken = new Set(own.map((a) => a.slug));
  const candidates = list.filter((a) => !a.mine && isEligible(profile, a.slug, a.week, { minQualityScore: a.min }));
  const has = (test: (c: Channel) => boolean) => own.some((a) => test(a.channel));
  const take = (test: (c: Channel) => boolean) => candidates.find((a) => !taken.has(a.slug) && test(a.channel));
  while (own.length < DEMO_OBSERVER_STATES.length || !has((c) => c === 'PHONE') || !has((c) => c !== 'PHONE')) {
    const next = !has((c) => c === 'PHONE')
      ? take((c) => c === 'PHONE')
      : !has((c) => c !== 'PHONE')
        ? take((c) => c !== 'PHONE')
        : take(() => true);
    if (!next) break;
    await assignObserver(orm.em.fork(), next.id, user.external_id, staffUserId);
    own.push(next);
    taken.add(next.slug);
  }
}

/** The plan was made the Friday before fieldwork, and the edition moved to FIELDWORK on its first Monday, not at load time. */
async function datePlanBeforeFieldwork(sql: Sql, year: number): Promise<void> {
  const [edition] = await rows<{ id: number; weeks: number[] }>(sql, `select id, fieldwork_weeks as weeks from edition where year = $1`, [
    year,
  ]);
  const first = Math.min(...edition!.weeks);
  const planned = osloIso(dateInIsoWeek(year, first - 1, 4), 13, 0);
  const started = osloIso(dateInIsoWeek(year, first, 0), 8, 0);
  await sql.query(
    `update assignment_event ev set at = $2::timestamptz + (ev.id - (select min(id) from assignment_event)) * interval '1 millisecond'
     from assignment a join participation p on p.id = a.participation_id where a.id = ev.assignment_id and p.edition_id = $1`,
    [edition!.id, planned],
  );
  await sql.query(`update fieldwork_plan set planned_at = $2 where edition_id = $1`, [edition!.id, planned]);
  await sql.query(`update edition_event set at = $2 where edition_id = $1 and to_status = 'FIELDWORK'`, [edition!.id, started]);
}

async function writeResponses(
  tx: Parameters<typeof insertColumns>[0],
  sql: Sql,
  year: number,
  staffUserId: number,
  now: Date,
): Promise<void> {
  const [edition] = await rows<{ id: number; wait_limits: Partial<Record<Channel, WaitLimit>> | null }>(
    sql,
    `select id, wait_limits from edition where year = $1`,
    [year],
  );
  const editionId = edition!.id;
  const waitLimits = { ...DEFAULT_WAIT_LIMITS, ...(edition!.wait_limits ?? {}) };
  const planned = await rows<{
    id: number;
    slug: string;
    channel: Channel;
    week: number;
    observer: string;
    observer_row: number;
    participation_id: number;
    opening_hours: string | null;
    user_id: number | null;
  }>(
    sql,
    `select a.id, c.slug, a.channel, a.week, o.external_id as observer, o.id as observer_row, p.id as participation_id, p.opening_hours,
            (select u.id from app_user u where u.observer_id = o.id order by u.id limit 1) as user_id
     from assignment a join participation p on p.id = a.participation_id join company c on c.id = p.company_id
     join observer o on o.id = a.observer_id where p.edition_id = $1 order by a.id`,
    [editionId],
  );
  const [demoObserver] = await rows<{ external_id: string }>(
    sql,
    `select o.external_id from app_user u join observer o on o.id = u.observer_id where u.email = $1`,
    [DEMO_OBSERVER],
  );
  const questions = await questionsOf(sql, editionId);
  const assignments: DemoFieldworkAssignment[] = planned.map((a) => ({
    id: a.id,
    companySlug: a.slug,
    channel: a.channel,
    week: a.week,
    observerId: a.observer,
    openingHours: a.opening_hours,
  }));
  const responses = demoFieldwork(assignments, { year, questions, waitLimits, demoObserverId: demoObserver?.external_id ?? null, now });
  if (!responses.length) return;

  const byId = new Map(planned.map((a) => [a.id, a]));
  const ids = await rows<{ id: number }>(
    sql,
    `select nextval(pg_get_serial_sequence('inquiry', 'id'))::int as id from generate_series(1, $1)`,
    [responses.length],
  );
  const questionIds = await rows<{ code: string; id: number; options: Record<string, number> | null }>(
    sql,
    `select q.code, q.id, (select json_object_agg(o.code, o.id) from question_option o where o.question_id = q.id) as options
     from question q where q.edition_id = $1`,
    [editionId],
  );
  const questionOf = new Map(questionIds.map((q) => [q.code, q]));
  const kindOf = new Map(questions.map((q) => [q.code, questionKind(q)]));

  const inquiries = {
    id: [] as number[],
    edition: [] as number[],
    participation: [] as number[],
    externalId: [] as string[],
    channel: [] as string[],
    status: [] as string[],
    reviewStatus: [] as string[],
    observer: [] as number[],
    assignment: [] as number[],
    contactedAt: [] as Date[],
    attempts: [] as number[],
    waitSeconds: [] as (number | null)[],
    commentReception: [] as string[],
    commentAgent: [] as string[],
    commentOverall: [] as string[],
  };
  const attempts = {
    inquiry: [] as number[],
    attemptedAt: [] as Date[],
    waitSeconds: [] as (number | null)[],
    answered: [] as boolean[],
    automaticReplyOnly: [] as boolean[],
  };
  const answers = {
    inquiry: [] as number[],
    question: [] as number[],
    option: [] as (number | null)[],
    scaleValue: [] as (number | null)[],
  };
  const reviews = {
    inquiry: [] as number[],
    fromStatus: [] as (string | null)[],
    toStatus: [] as string[],
    actor: [] as (number | null)[],
    reason: [] as string[],
    at: [] as Date[],
  };
  const events = {
    assignment: [] as number[],
    at: [] as Date[],
    action: [] as string[],
    actor: [] as (number | null)[],
    note: [] as string[],
    questions: [] as string[],
  };

  responses.forEach((r, i) => {
    const a = byId.get(r.assignmentId)!;
    const id = ids[i]!.id;
    const limit = waitLimits[a.channel];
    // As writeResponse (response.store.ts) stores a submission: the status from the attempts, the
    // inquiry reported by the attempt that got the answer, else the last.
    const status = inquiryStatusOf(r.input.attempts, a.channel, waitLimits);
    const answeredAt = r.input.attempts.map((_, n) => attemptAnswered(r.input.attempts, n, a.channel, limit));
    const reported =
      r.input.attempts[status === 'ANSWERED' && answeredAt.includes(true) ? answeredAt.indexOf(true) : r.input.attempts.length - 1]!;
    inquiries.id.push(id);
    inquiries.edition.push(editionId);
    inquiries.participation.push(a.participation_id);
    inquiries.externalId.push(`O${a.id}`);
    inquiries.channel.push(a.channel);
    inquiries.status.push(status);
    inquiries.reviewStatus.push(r.state);
    inquiries.observer.push(a.observer_row);
    inquiries.assignment.push(a.id);
    inquiries.contactedAt.push(new Date(reported.at));
    inquiries.attempts.push(r.input.attempts.length);
    inquiries.waitSeconds.push(reported.waitSeconds ?? null);
    inquiries.commentReception.push(r.input.comments.reception);
    inquiries.commentAgent.push(r.input.comments.agent);
    inquiries.commentOverall.push(r.input.comments.overall);
    r.input.attempts.forEach((t, n) => {
      attempts.inquiry.push(id);
      attempts.attemptedAt.push(new Date(t.at));
      attempts.waitSeconds.push(t.waitSeconds ?? null);
      attempts.answered.push(answeredAt[n]!);
      attempts.automaticReplyOnly.push(Boolean(t.automaticReplyOnly));
    });
    if (status === 'ANSWERED') {
      for (const ans of r.input.answers) {
        const q = questionOf.get(ans.questionCode)!;
        const scale = kindOf.get(ans.questionCode) === 'SCALE';
        answers.inquiry.push(id);
        answers.question.push(q.id);
        answers.option.push(scale ? null : q.options![ans.optionCode!]!);
        answers.scaleValue.push(scale ? (ans.value ?? null) : null);
      }
    }
    for (const ev of r.events) {
      const actor = ev.byStaff ? staffUserId : a.user_id;
      events.assignment.push(a.id);
      events.at.push(ev.at);
      events.action.push(ev.action);
      events.actor.push(actor);
      events.note.push(ev.note ?? '');
      events.questions.push((ev.questions ?? []).join(','));
      reviews.inquiry.push(id);
      reviews.fromStatus.push(ev.action === 'SUBMITTED' ? null : 'SUBMITTED');
      reviews.toStatus.push(ev.action);
      reviews.actor.push(actor);
      reviews.reason.push(ev.note ?? '');
      reviews.at.push(ev.at);
    }
  });

  await insertColumns(tx, Inquiry, inquiries);
  await insertColumns(tx, InquiryAttempt, attempts);
  await insertColumns(tx, Answer, answers);
  await insertColumns(tx, ReviewEvent, reviews);
  // Not insertColumns: unnest flattens an array of arrays, so each event's questions travel as one
  // comma-joined text and are split back in the statement (as planning.service.ts writes shortfalls).
  await sql.query(
    `insert into assignment_event (assignment_id, at, action, actor_user_id, note, questions)
     select assignment_id, at, action, actor, note, case when questions = '' then '{}'::text[] else string_to_array(questions, ',') end
     from unnest($1::int[], $2::timestamptz[], $3::text[], $4::int[], $5::text[], $6::text[]) as t(assignment_id, at, action, actor, note, questions)`,
    [events.assignment, events.at, events.action, events.actor, events.note, events.questions],
  );
  await sql.query(`update assignment a set status = v.status from unnest($1::int[], $2::text[]) as v(id, status) where a.id = v.id`, [
    responses.map((r) => r.assignmentId),
    responses.map((r) => r.state),
  ]);
}
