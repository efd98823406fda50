import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ageBand,
  assignmentIssues,
  chooseChannels,
  planFieldwork as planEdition,
  splitInquiries,
  CHANNELS,
  type AgeBand,
  type AssignmentRule,
  type AssignmentStatus,
  type Channel,
  type EditionStatus,
  type Gender,
  type KeptAssignment,
  type PlanShortfall,
} from '@ksp/shared';
import { rows, sqlOn, type Sql } from '../../db/sql.js';
import { BadInput, NotFound } from '../../errors.js';
import { observerProfiles } from '../observer/observer.read-model.js';

/** Editions whose fieldwork may be (re)planned: before and during fieldwork, never in review or after publication. */
export const PLANNABLE_STATUSES: readonly EditionStatus[] = ['PLANNING', 'FIELDWORK'];

/** The note of the event of an automatically planned assignment. */
export const AUTO_PLAN_NOTE = 'planlagt automatisk';

interface PlanEdition {
  id: number;
  year: number;
  status: EditionStatus;
  inquiries_per_participant: number;
  channel_keys: Partial<Record<Channel, number>>;
  fieldwork_weeks: number[];
  min_quality_score: number;
  third_channel: 'CHAT' | 'MESSENGER';
}

export interface PlanResult {
  assigned: number;
  unassigned: number;
  /** Inquiries planned now. */
  planned: number;
  /** Assignments kept from before: work started, or set by hand. */
  kept: number;
  shortfalls: (PlanShortfall & { companyName: string; className: string })[];
}

/**
 * Plans (or replans) an edition's fieldwork, all in one transaction: keeps every assignment whose
 * work has started (status other than PLANNED) and every PLANNED one staff set by hand (it has a
 * REASSIGNED event), replaces the other PLANNED ones by the pure planner's plan (shared/), writes
 * a PLANNED event per new assignment, and replaces the stored shortfalls and the plan's record.
 * The edition row is locked first, so two staff planning at once plan one after the other.
 */
export async function planEditionFieldwork(em: EntityManager, year: number, actorUserId: number): Promise<PlanResult> {
  return em.transactional(async (tx) => {
    const sql = sqlOn(tx);
    const [edition] = await rows<PlanEdition>(
      sql,
      `select id, year, status, inquiries_per_participant, channel_keys, fieldwork_weeks, min_quality_score, third_channel
       from edition where year = $1 for update`,
      [year],
    );
    if (!edition) throw new NotFound(`Det finnes ingen utgave ${year}.`);
    if (!PLANNABLE_STATUSES.includes(edition.status)) {
      throw new BadInput(
        `Utgave ${year} har status ${edition.status}: feltarbeidet kan bare planlegges mens utgaven er i PLANNING eller FIELDWORK.`,
        { rule: 'EDITION_STATUS', status: edition.status, field: 'year' },
      );
    }
    if (edition.fieldwork_weeks.length === 0) {
      throw new BadInput(`Utgave ${year} har ingen feltarbeidsuker: legg dem inn før feltarbeidet planlegges.`, {
        rule: 'NO_FIELDWORK_WEEKS',
        field: 'year',
      });
    }

    const participants = await rows<{ id: number; slug: string; name: string; class_name: string; channels: Channel[] }>(
      sql,
      `select p.id, c.slug, c.name, ic.name as class_name, p.channels
       from participation p join company c on c.id = p.company_id join industry_class ic on ic.id = p.class_id
       where p.edition_id = $1 order by c.slug`,
      [edition.id],
    );
    const assignments = await rows<{
      id: number;
      participation_id: number;
      observer: string;
      channel: Channel;
      week: number | null;
      keep: boolean;
    }>(
      sql,
      `select a.id, a.participation_id, o.external_id as observer, a.channel, a.week,
         a.status <> 'PLANNED' or exists (select 1 from assignment_event ev where ev.assignment_id = a.id and ev.action = 'REASSIGNED') as keep
       from assignment a join participation p on p.id = a.participation_id join observer o on o.id = a.observer_id
       where p.edition_id = $1`,
      [edition.id],
    );
    // The pool with every observer's conflicts as slugs: the file's lists, the stored relations
    // and the inquiries of every other edition the product holds (observerProfiles).
    const observers = await observerProfiles(sql, year);

    const kept = new Map<number, KeptAssignment[]>();
    for (const a of assignments.filter((x) => x.keep)) {
      // An assignment without a week (imported) still counts towards the split; week 0 is in no fieldwork week.
      const list = kept.get(a.participation_id) ?? [];
      list.push({ channel: a.channel, week: a.week ?? 0, observerId: a.observer });
      kept.set(a.participation_id, list);
    }
    const plan = planEdition({
      weeks: edition.fieldwork_weeks,
      channelKeys: edition.channel_keys,
      thirdChannel: edition.third_channel,
      minQualityScore: edition.min_quality_score,
      year,
      participants: participants.map((p) => ({
        companySlug: p.slug,
        channels: p.channels,
        inquiries: edition.inquiries_per_participant,
        kept: kept.get(p.id) ?? [],
      })),
      observers,
    });

    const replaced = assignments.filter((a) => !a.keep).map((a) => a.id);
    if (replaced.length) await sql.query(`delete from assignment where id = any($1::int[])`, [replaced]);

    const participationOf = new Map(participants.map((p) => [p.slug, p]));
    if (plan.assignments.length) {
      // The new assignments and their events in one statement: the events need the new ids,
      // which a bulk insert (insertColumns) does not give back.
      await sql.query(
        `with input as (
           select * from unnest($1::int[], $2::text[], $3::text[], $4::int[]) as t(participation_id, observer, channel, week)),
         created as (
           insert into assignment (participation_id, observer_id, channel, week, status)
           select i.participation_id, o.id, i.channel, i.week, 'PLANNED' from input i join observer o on o.external_id = i.observer
           returning id)
         insert into assignment_event (assignment_id, action, actor_user_id, note)
         select id, 'PLANNED', $5, $6 from created`,
        [
          plan.assignments.map((a) => participationOf.get(a.companySlug)!.id),
          plan.assignments.map((a) => a.observerId),
          plan.assignments.map((a) => a.channel),
          plan.assignments.map((a) => a.week),
          actorUserId,
          AUTO_PLAN_NOTE,
        ],
      );
    }

    await sql.query(`delete from fieldwork_shortfall s using participation p where p.id = s.participation_id and p.edition_id = $1`, [
      edition.id,
    ]);
    // Not insertColumns: unnest flattens an array of arrays, so each shortfall's rules travel as
    // one comma-joined text and are split back in the statement.
    if (plan.shortfalls.length) {
      await sql.query(
        `insert into fieldwork_shortfall (participation_id, channel, week, missing, planned, rules, reason)
         select participation_id, channel, week, missing, planned, string_to_array(rules, ','), reason
         from unnest($1::int[], $2::text[], $3::int[], $4::int[], $5::int[], $6::text[], $7::text[])
           as t(participation_id, channel, week, missing, planned, rules, reason)`,
        [
          plan.shortfalls.map((s) => participationOf.get(s.companySlug)!.id),
          plan.shortfalls.map((s) => s.channel),
          plan.shortfalls.map((s) => s.week),
          plan.shortfalls.map((s) => s.missing),
          plan.shortfalls.map((s) => s.planned),
          plan.shortfalls.map((s) => s.rules.join(',')),
          plan.shortfalls.map((s) => s.reason),
        ],
      );
    }

    const keptCount = assignments.length - replaced.length;
    const assigned = keptCount + plan.assignments.length;
    const unassigned = plan.shortfalls.reduce((sum, s) => sum + s.missing, 0);
    await sql.query(
      `insert into fieldwork_plan (edition_id, planned_at, planned_by_user_id, assigned, unassigned) values ($1, now(), $2, $3, $4)
       on conflict (edition_id) do update set planned_at = excluded.planned_at, planned_by_user_id = excluded.planned_by_user_id,
         assigned = excluded.assigned, unassigned = excluded.unassigned`,
      [edition.id, actorUserId, assigned, unassigned],
    );
    return {
      assigned,
      unassigned,
      planned: plan.assignments.length,
      kept: keptCount,
      shortfalls: plan.shortfalls.map((s) => ({
        ...s,
        companyName: participationOf.get(s.companySlug)!.name,
        className: participationOf.get(s.companySlug)!.class_name,
      })),
    };
  });
}

export interface AssignmentEventRow {
  at: Date;
  action: string;
  /** The staff user's e-mail; null when the event has no actor (an import) or the user is gone. */
  by: string | null;
  note: string;
  /** A return's questions to fix. */
  questions: string[];
}

export interface FieldworkAssignmentRow {
  id: string;
  company: { slug: string; name: string };
  className: string;
  channel: Channel;
  week: number | null;
  observer: { id: string; gender: Gender; ageBand: AgeBand };
  status: AssignmentStatus;
  events: AssignmentEventRow[];
}

/**
 * An edition's assignments (all, or one participant's, or one), each with its observer's gender
 * and age band and its events, in one statement. Null when the year (or the slug in it) is unknown.
 */
export async function fieldworkAssignments(
  sql: Sql,
  year: number,
  filter: { companySlug?: string | null; assignmentId?: number; status?: AssignmentStatus },
): Promise<FieldworkAssignmentRow[] | null> {
  const result = await rows<{
    id: number | null;
    slug: string;
    name: string;
    class_name: string;
    channel: Channel;
    week: number | null;
    status: AssignmentStatus;
    observer: string;
    gender: Gender;
    birth_year: number;
    events: { at: string; action: string; by: string | null; note: string; questions: string[] }[];
  }>(
    sql,
    // The outer left join gives one row without an assignment when the edition (and slug) exist
    // but nothing is assigned, so an empty list and an unknown year are told apart in one statement.
    `with scope as (
       select p.id, c.slug from participation p join edition e on e.id = p.edition_id join company c on c.id = p.company_id
       where e.year = $1 and ($2::text is null or c.slug = $2))
     select a.id, c.slug, c.name, ic.name as class_name, a.channel, a.week, a.status, o.external_id as observer, o.gender, o.birth_year,
       coalesce((select json_agg(json_build_object('at', ev.at, 'action', ev.action, 'by', u.email, 'note', ev.note, 'questions', ev.questions) order by ev.at, ev.id)
                 from assignment_event ev left join app_user u on u.id = ev.actor_user_id where ev.assignment_id = a.id), '[]') as events
     from (select 1) one
     left join (assignment a join scope s on s.id = a.participation_id join participation p on p.id = a.participation_id
                join company c on c.id = p.company_id join industry_class ic on ic.id = p.class_id join observer o on o.id = a.observer_id)
       on ($3::int is null or a.id = $3) and ($4::text is null or a.status = $4)
     where exists (select 1 from edition where year = $1) and ($2::text is null or exists (select 1 from scope))
     order by c.name, c.slug, a.week nulls last, a.channel, o.external_id`,
    [year, filter.companySlug ?? null, filter.assignmentId ?? null, filter.status ?? null],
  );
  if (result.length === 0) return null;
  return result
    .filter((r) => r.id !== null)
    .map((r) => ({
      id: String(r.id),
      company: { slug: r.slug, name: r.name },
      className: r.class_name,
      channel: r.channel,
      week: r.week,
      observer: { id: r.observer, gender: r.gender, ageBand: ageBand(year - r.birth_year) },
      status: r.status,
      events: r.events.map((e) => ({ ...e, at: new Date(e.at) })),
    }));
}

export interface StoredShortfall {
  channel: Channel;
  week: number;
  missing: number;
  planned: number;
  rules: AssignmentRule[];
  reason: string;
}

export interface OverviewParticipant {
  company: { slug: string; name: string };
  className: string;
  /** The channels the plan uses (at most 3, the edition's third-channel preference). */
  channels: Channel[];
  /** Per used channel (and any other an assignment is on): the inquiries the split gives it and those with an observer. */
  split: { channel: Channel; target: number; staffed: number }[];
  weeks: { week: number; staffed: number }[];
  target: number;
  staffed: number;
  shortfalls: StoredShortfall[];
}

export interface PlanningOverview {
  year: number;
  status: EditionStatus;
  fieldworkWeeks: number[];
  inquiriesPerParticipant: number;
  minQualityScore: number;
  plannedAt: Date | null;
  plannedBy: string | null;
  assigned: number;
  unassigned: number;
  participants: OverviewParticipant[];
}

/**
 * The planning page's overview of an edition, in one statement: per participant its class,
 * channels, staffed inquiries per channel and week and the latest plan's shortfalls; the split
 * itself is the shared rule (chooseChannels, splitInquiries), computed here rather than stored.
 */
export async function planningOverview(sql: Sql, year: number): Promise<PlanningOverview | null> {
  const [edition] = await rows<{
    status: EditionStatus;
    inquiries_per_participant: number;
    channel_keys: Partial<Record<Channel, number>>;
    fieldwork_weeks: number[];
    min_quality_score: number;
    third_channel: 'CHAT' | 'MESSENGER';
    planned_at: Date | null;
    planned_by: string | null;
    participants: {
      slug: string;
      name: string;
      class_name: string;
      channels: Channel[];
      staffed: { channel: Channel; week: number | null; n: number }[];
      shortfalls: StoredShortfall[];
    }[];
  }>(
    sql,
    `select e.status, e.inquiries_per_participant, e.channel_keys, e.fieldwork_weeks, e.min_quality_score, e.third_channel,
       fp.planned_at, u.email as planned_by,
       coalesce((select json_agg(json_build_object(
           'slug', c.slug, 'name', c.name, 'class_name', ic.name, 'channels', p.channels,
           'staffed', coalesce((select json_agg(json_build_object('channel', x.channel, 'week', x.week, 'n', x.n))
                                from (select a.channel, a.week, count(*) as n from assignment a where a.participation_id = p.id
                                      group by a.channel, a.week) x), '[]'),
           'shortfalls', coalesce((select json_agg(json_build_object('channel', s.channel, 'week', s.week, 'missing', s.missing,
                                     'planned', s.planned, 'rules', s.rules, 'reason', s.reason) order by s.week, s.channel)
                                   from fieldwork_shortfall s where s.participation_id = p.id), '[]'))
         order by ic.name, c.name, c.slug)
         from participation p join company c on c.id = p.company_id join industry_class ic on ic.id = p.class_id
         where p.edition_id = e.id), '[]') as participants
     from edition e left join fieldwork_plan fp on fp.edition_id = e.id left join app_user u on u.id = fp.planned_by_user_id
     where e.year = $1`,
    [year],
  );
  if (!edition) return null;
  const participants = edition.participants.map((p): OverviewParticipant => {
    const channels = chooseChannels(p.channels, edition.third_channel);
    const split = splitInquiries(edition.inquiries_per_participant, channels, edition.channel_keys);
    const staffedOn = (c: Channel) => p.staffed.filter((s) => s.channel === c).reduce((sum, s) => sum + s.n, 0);
    const shown = CHANNELS.filter((c) => channels.includes(c) || staffedOn(c) > 0);
    const weeks = [...new Set([...edition.fieldwork_weeks, ...p.staffed.flatMap((s) => (s.week === null ? [] : [s.week]))])].sort(
      (a, b) => a - b,
    );
    return {
      company: { slug: p.slug, name: p.name },
      className: p.class_name,
      channels,
      split: shown.map((c) => ({ channel: c, target: split[c], staffed: staffedOn(c) })),
      weeks: weeks.map((w) => ({ week: w, staffed: p.staffed.filter((s) => s.week === w).reduce((sum, s) => sum + s.n, 0) })),
      target: edition.inquiries_per_participant,
      staffed: p.staffed.reduce((sum, s) => sum + s.n, 0),
      shortfalls: p.shortfalls,
    };
  });
  return {
    year,
    status: edition.status,
    fieldworkWeeks: edition.fieldwork_weeks,
    inquiriesPerParticipant: edition.inquiries_per_participant,
    minQualityScore: edition.min_quality_score,
    plannedAt: edition.planned_at,
    plannedBy: edition.planned_by,
    assigned: participants.reduce((sum, p) => sum + p.staffed, 0),
    unassigned: participants.reduce((sum, p) => sum + p.shortfalls.reduce((s, x) => s + x.missing, 0), 0),
    participants,
  };
}

/**
 * Gives an assignment to another observer by hand, in one transaction: refused when its work has
 * started (status other than PLANNED), and when the observer breaks an eligibility rule or
 * already has an inquiry of that participant (assignmentIssues, shared/): BAD_USER_INPUT naming
 * the rules, `extensions.rules`. Records a REASSIGNED event (from whom to whom, by whom), which
 * also makes replanning keep the assignment. Returns the assignment's id.
 */
export async function assignObserver(em: EntityManager, assignmentId: number, observerId: string, actorUserId: number): Promise<number> {
  return em.transactional(async (tx) => {
    const sql = sqlOn(tx);
    const [assignment] = await rows<{
      id: number;
      participation_id: number;
      status: AssignmentStatus;
      week: number | null;
      year: number;
      slug: string;
      min_quality_score: number;
      current: string;
      others: string[];
    }>(
      sql,
      `select a.id, a.participation_id, a.status, a.week, e.year, c.slug, e.min_quality_score, o.external_id as current,
         array(select oo.external_id from assignment b join observer oo on oo.id = b.observer_id
               where b.participation_id = a.participation_id and b.id <> a.id) as others
       from assignment a join participation p on p.id = a.participation_id join edition e on e.id = p.edition_id
       join company c on c.id = p.company_id join observer o on o.id = a.observer_id
       where a.id = $1 for update of a`,
      [assignmentId],
    );
    if (!assignment) throw new NotFound(`Det finnes intet oppdrag ${assignmentId}.`);
    if (assignment.status !== 'PLANNED') {
      throw new BadInput(`Oppdrag ${assignmentId} har status ${assignment.status}: arbeidet er i gang, så observatøren kan ikke byttes.`, {
        rule: 'WORK_STARTED',
        status: assignment.status,
        field: 'assignmentId',
      });
    }
    const [observer] = await rows<{ id: number; quality_score: number | null }>(
      sql,
      `select id, quality_score from observer where external_id = $1`,
      [observerId],
    );
    if (!observer) throw new NotFound(`Det finnes ingen observatør ${observerId}.`);

    const opts = { minQualityScore: assignment.min_quality_score };
    const [profile] = await observerProfiles(sql, assignment.year, observerId);
    const issues = profile
      ? assignmentIssues(profile, assignment.slug, assignment.week ?? 0, opts, new Set(assignment.others))
      : // Known only from imported responses: no quality score, so the quality rule fails (observerProfiles leaves them out).
        [
          {
            rule: 'QUALITY' as const,
            message: `Observatør ${observerId} har ingen kvalitetsscore, grensen er ${opts.minQualityScore}`,
          },
          ...(assignment.others.includes(observerId)
            ? [
                {
                  rule: 'SAME_PARTICIPANT' as const,
                  message: `Observatør ${observerId} har allerede en henvendelse hos ${assignment.slug}`,
                },
              ]
            : []),
        ];
    if (issues.length) {
      throw new BadInput(`${issues.map((i) => i.message).join('. ')}.`, { rules: issues.map((i) => i.rule), field: 'observerId' });
    }
    await sql.query(`update assignment set observer_id = $2 where id = $1`, [assignmentId, observer.id]);
    await sql.query(`insert into assignment_event (assignment_id, action, actor_user_id, note) values ($1, 'REASSIGNED', $2, $3)`, [
      assignmentId,
      actorUserId,
      `${assignment.current} → ${observerId}`,
    ]);
    return assignmentId;
  });
}
