import { questionsOf } from '../questionnaire/questionnaire.read-model.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DEFAULT_MIN_CELL_SIZE,
  DEFAULT_MIN_QUALITY_SCORE,
  DEFAULT_THIRD_CHANNEL,
  DEFAULT_QUERY_DAYS,
  DEFAULT_WAIT_LIMITS,
  isScored,
  maxPoints,
  questionChannels,
  questionKind,
  type EditionBundle,
  type EditionStatus,
  type QuestionDef,
  type ResponseRow,
} from '@ksp/shared';
import { rows, sqlOn, type Sql } from '../../db/sql.js';
import { insertColumns, type Columns } from '../../db/bulk.js';
import { BadInput } from '../../errors.js';
import { Edition } from './edition.entity.js';
import { Company, IndustryClass, Participation, ParticipationCompetitor } from '../participation/participation.entity.js';
import { Question, QuestionOption } from '../questionnaire/question.entity.js';
import { Observer } from '../observer/observer.entity.js';
import { Assignment, RolePlay } from '../fieldwork/fieldwork.entity.js';
import { isoWeek } from '../../demo/calendar.js';
import { Answer, Inquiry, InquiryAttempt, ReviewEvent } from '../inquiry/inquiry.entity.js';

export interface StoreOptions {
  status: EditionStatus;
  fieldworkWeeks?: number[];
  rolePlays?: { companySlug: string; title: string; description: string }[];
}

/** PostgreSQL takes at most 65,535 parameters in a statement: a multi-row VALUES insert is cut into chunks below that. */
export const MAX_PARAMETERS = 65_535;

/**
 * Writes one validated edition (questionnaire, participants, approved responses) inside the
 * caller's transaction (`em.transactional`). Import and the demo generator both come through here.
 *
 * The records an edition is made of (edition, classes, companies, participations, picks, role
 * plays, questions, options, observers) go through the unit of work; the bulk of it (about 4,800
 * inquiries and 145,000 answers, assignments, attempts, review events) through `insertColumns`, a
 * statement a table. The observers' contacts, derived from the stored inquiries, are set-based SQL
 * on the transaction's connection.
 */
export async function storeEdition(em: EntityManager, bundle: EditionBundle, opts: StoreOptions): Promise<number> {
  if (!em.isInTransaction()) throw new Error('storeEdition writes inside em.transactional: all of an edition or nothing.');
  const { edition: e, questions, fieldwork } = bundle.questionnaire;
  if (await em.count(Edition, { year: e.year }))
    throw new BadInput(`Edition ${e.year} already exists; remove it before importing it again.`);

  const edition = em.create(Edition, {
    year: e.year,
    name: e.name,
    status: opts.status,
    inquiriesPerParticipant: e.inquiriesPerParticipant,
    channelKeys: e.channelKeys,
    waitLimits: { ...DEFAULT_WAIT_LIMITS, ...e.waitLimits },
    fieldworkWeeks: fieldwork?.weeks ?? opts.fieldworkWeeks ?? [],
    minCellSize: e.minCellSize ?? DEFAULT_MIN_CELL_SIZE,
    minQualityScore: fieldwork?.minQualityScore ?? DEFAULT_MIN_QUALITY_SCORE,
    thirdChannel: fieldwork?.thirdChannel ?? DEFAULT_THIRD_CHANNEL,
    queryDays: DEFAULT_QUERY_DAYS,
    publishedAt: opts.status === 'PUBLISHED' ? new Date() : null,
  });
  const ps = bundle.participants;
  const classes = new Map([...new Set(ps.map((p) => p.className))].map((name) => [name, em.create(IndustryClass, { edition, name })]));
  // A company lives across editions: found by its slug, its name as this edition spells it.
  const companies = new Map(
    (
      await em.upsertMany(
        Company,
        ps.map((p) => ({ slug: p.companySlug, name: p.companyName })),
        { onConflictFields: ['slug'], onConflictAction: 'merge', onConflictMergeFields: ['name'] },
      )
    ).map((c) => [c.slug, c]),
  );
  const participations = new Map(
    ps.map((p) => [
      p.companySlug,
      em.create(Participation, {
        edition,
        company: companies.get(p.companySlug)!,
        industryClass: classes.get(p.className)!,
        tier: p.tier,
        channels: p.channels,
        reportPurchased: p.reportPurchased,
      }),
    ]),
  );
  for (const p of ps) {
    p.competitors.forEach((slug, i) =>
      em.create(ParticipationCompetitor, {
        participation: participations.get(p.companySlug)!,
        edition,
        company: companies.get(p.companySlug)!,
        tier: 'KONKURRENT',
        competitorCompany: companies.get(slug)!,
        position: i + 1,
      }),
    );
  }
  for (const r of opts.rolePlays ?? []) {
    em.create(RolePlay, { participation: participations.get(r.companySlug)!, title: r.title, description: r.description });
  }
  const questionsByCode = new Map(
    questions.map((q, i) => {
      const kind = questionKind(q);
      const question = em.create(Question, {
        edition,
        code: q.code,
        area: q.area,
        kind,
        text: q.text,
        shortLabel: q.shortLabel ?? null,
        channels: questionChannels(q),
        categories: q.categories ?? [],
        maxPoints: isScored(q) ? maxPoints(q) : null,
        scaleMin: kind === 'SCALE' ? (q.min ?? null) : null,
        scaleMax: kind === 'SCALE' ? (q.max ?? null) : null,
        position: i + 1,
      });
      const options = new Map(
        (q.options ?? []).map((o, j) => [
          o.code,
          em.create(QuestionOption, {
            question,
            code: o.code,
            label: o.label,
            points: o.points ?? null,
            notApplicable: o.notApplicable ?? false,
            position: j + 1,
          }),
        ]),
      );
      return [q.code, { def: q, question, options }];
    }),
  );
  await em.flush();

  await storeResponses(em, edition.id, bundle.responses, { participations, questionsByCode });
  return edition.id;
}

interface Stored {
  participations: Map<string, Participation>;
  questionsByCode: Map<string, { def: QuestionDef; question: Question; options: Map<string, QuestionOption> }>;
}

async function storeResponses(em: EntityManager, editionId: number, responses: ResponseRow[], stored: Stored) {
  const sql = sqlOn(em);
  // Observers are known across editions by their id; the files carry gender and birth year.
  const byObserver = new Map(responses.map((r) => [r.observerId, r]));
  const observers = new Map(
    (
      await em.upsertMany(
        Observer,
        [...byObserver.values()].map((r) => ({ externalId: r.observerId, gender: r.observerGender, birthYear: r.observerBirthYear })),
        { onConflictFields: ['externalId'], onConflictAction: 'merge', onConflictMergeFields: ['gender', 'birthYear'] },
      )
    ).map((o) => [o.externalId, o.id]),
  );

  // Ids are drawn from the tables' sequences first, so answers, attempts and review events can
  // refer to their inquiry, and an inquiry to its assignment, without reading anything back.
  const inquiryIds = await nextIds(sql, 'inquiry', responses.length);
  // Each observer is sent to a participant once: the assignment behind the observer's inquiries
  // there, on the channel and in the Oslo ISO week of the first of them.
  const firstContacts = new Map<string, ResponseRow>();
  for (const r of [...responses].sort((a, b) => Date.parse(a.contactedAt) - Date.parse(b.contactedAt))) {
    const key = `${r.companySlug} ${r.observerId}`;
    if (!firstContacts.has(key)) firstContacts.set(key, r);
  }
  const assignmentIds = await nextIds(sql, 'assignment', firstContacts.size);
  const assignmentOf = new Map<string, number>();
  const assignments = {
    id: assignmentIds,
    participation: [] as number[],
    observer: [] as number[],
    channel: [] as string[],
    week: [] as number[],
    // Imported responses were reviewed where they were collected: their assignments are done.
    status: assignmentIds.map(() => 'APPROVED'),
  };
  [...firstContacts].forEach(([key, r], i) => {
    assignmentOf.set(key, assignmentIds[i]!);
    assignments.participation.push(stored.participations.get(r.companySlug)!.id);
    assignments.observer.push(observers.get(r.observerId)!);
    assignments.channel.push(r.channel);
    assignments.week.push(osloIsoWeek(new Date(r.contactedAt)));
  });

  // Column by column, each table in one statement (`insertColumns`).
  const inquiries = {
    id: inquiryIds,
    edition: responses.map(() => editionId),
    participation: [] as number[],
    externalId: [] as string[],
    channel: [] as string[],
    status: [] as string[],
    reviewStatus: responses.map(() => 'APPROVED'),
    observer: [] as number[],
    assignment: [] as number[],
    contactedAt: [] as Date[],
    attempts: [] as number[],
    waitSeconds: [] as (number | null)[],
    commentReception: [] as string[],
    commentAgent: [] as string[],
    commentOverall: [] as string[],
  } satisfies Columns<Inquiry>;
  const answers = {
    inquiry: [] as number[],
    question: [] as number[],
    option: [] as (number | null)[],
    scaleValue: [] as (number | null)[],
  } satisfies Columns<Answer>;
  const attempts = {
    inquiry: [] as number[],
    attemptedAt: [] as (Date | null)[],
    waitSeconds: [] as (number | null)[],
    answered: [] as boolean[],
  } satisfies Columns<InquiryAttempt>;
  // Imported responses arrive approved, and that is recorded like any review.
  const reviews = {
    inquiry: inquiryIds,
    fromStatus: responses.map(() => null),
    toStatus: responses.map(() => 'APPROVED'),
    reason: responses.map(() => 'Imported as approved'),
  } satisfies Columns<ReviewEvent>;
  responses.forEach((r, i) => {
    const id = inquiryIds[i]!;
    const contactedAt = new Date(r.contactedAt);
    inquiries.participation.push(stored.participations.get(r.companySlug)!.id);
    inquiries.externalId.push(r.inquiryId);
    inquiries.channel.push(r.channel);
    inquiries.status.push(r.status);
    inquiries.observer.push(observers.get(r.observerId)!);
    inquiries.assignment.push(assignmentOf.get(`${r.companySlug} ${r.observerId}`)!);
    inquiries.contactedAt.push(contactedAt);
    inquiries.attempts.push(r.attempts);
    inquiries.waitSeconds.push(r.waitSeconds);
    inquiries.commentReception.push(r.comments.reception);
    inquiries.commentAgent.push(r.comments.agent);
    inquiries.commentOverall.push(r.comments.overall);
    for (const [code, value] of Object.entries(r.answers)) {
      const { def, question, options } = stored.questionsByCode.get(code)!;
      const scale = questionKind(def) === 'SCALE';
      answers.inquiry.push(id);
      answers.question.push(question.id);
      answers.option.push(scale ? null : options.get(value)!.id);
      answers.scaleValue.push(scale ? Number(value) : null);
    }
    // The attempts behind the inquiry: the last one is the one reported; earlier ones failed.
    for (let n = 1; n <= r.attempts; n++) {
      const last = n === r.attempts;
      attempts.inquiry.push(id);
      attempts.attemptedAt.push(last ? contactedAt : null);
      attempts.waitSeconds.push(last ? r.waitSeconds : null);
      attempts.answered.push(last && r.status === 'ANSWERED');
    }
  });
  await insertColumns(em, Assignment, assignments);
  await insertColumns(em, Inquiry, inquiries);
  await insertColumns(em, Answer, answers);
  await insertColumns(em, InquiryAttempt, attempts);
  await insertColumns(em, ReviewEvent, reviews);

  // Derived from the stored inquiries, set-based: having contacted a company makes an observer
  // ineligible for it in later fieldwork (recorded once, whichever edition it was in).
  await sql.query(
    `insert into observer_company (observer_id, company_id, relation)
     select distinct i.observer_id, p.company_id, 'CONTACTED' from inquiry i join participation p on p.id = i.participation_id
     where i.edition_id = $1 on conflict do nothing`,
    [editionId],
  );
}

/** `n` fresh ids from the sequence of a table's serial `id`. */
async function nextIds(sql: Sql, table: 'inquiry' | 'assignment', n: number): Promise<number[]> {
  return (
    await rows<{ id: number }>(sql, `select nextval(pg_get_serial_sequence($1, 'id'))::int as id from generate_series(1, $2)`, [table, n])
  ).map((r) => r.id);
}

const OSLO_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The ISO week of the civil date in Oslo at an instant (as PostgreSQL's `extract(week from t at time zone 'Europe/Oslo')`). */
function osloIsoWeek(at: Date): number {
  const [year, month, day] = OSLO_DATE.format(at).split('-').map(Number) as [number, number, number];
  return isoWeek({ year, month, day }).week;
}

/**
 * After a bulk load, fresh planner statistics: without them PostgreSQL takes the new
 * edition's tables for nearly empty and aggregates it with nested loops (measured: bench/RESULTS.md,
 * "Measured by hand"). Run after the load's transaction commits.
 */
export async function refreshStatistics(sql: Sql): Promise<void> {
  await sql.query('analyze');
}

/** Reads one edition back in interchange form: the questionnaire, participants and the responses that count (approved). */
export async function readEdition(sql: Sql, year: number): Promise<EditionBundle | undefined> {
  const [edition] = await rows<{
    id: number;
    year: number;
    name: string;
    inquiries_per_participant: number;
    channel_keys: EditionBundle['questionnaire']['edition']['channelKeys'];
    wait_limits: Record<string, { waitSeconds: number; attempts: number }>;
    min_cell_size: number;
    fieldwork_weeks: number[];
    min_quality_score: number;
    third_channel: 'CHAT' | 'MESSENGER';
  }>(sql, 'select * from edition where year = $1', [year]);
  if (!edition) return undefined;

  const questions = await questionsOf(sql, edition.id);

  const participants = (
    await rows<{
      slug: string;
      name: string;
      class_name: string;
      tier: 'ENKEL' | 'KONKURRENT';
      channels: EditionBundle['participants'][number]['channels'];
      competitors: string[];
      report_purchased: boolean;
    }>(
      sql,
      `select c.slug, c.name, k.name as class_name, p.tier, p.channels, p.report_purchased,
            coalesce((select array_agg(cc.slug order by pc.position) from participation_competitor pc
                      join company cc on cc.id = pc.competitor_company_id where pc.participation_id = p.id), '{}') as competitors
     from participation p join company c on c.id = p.company_id join industry_class k on k.id = p.class_id
     where p.edition_id = $1 order by p.id`,
      [edition.id],
    )
  ).map((p) => ({
    companySlug: p.slug,
    companyName: p.name,
    className: p.class_name,
    tier: p.tier,
    channels: p.channels,
    competitors: p.competitors,
    reportPurchased: p.report_purchased,
  }));

  const responseRows = await rows<{
    external_id: string;
    slug: string;
    channel: ResponseRow['channel'];
    observer: string;
    gender: ResponseRow['observerGender'];
    birth_year: number;
    contacted_at: string;
    status: ResponseRow['status'];
    attempts: number;
    wait_seconds: number | null;
    comment_reception: string;
    comment_agent: string;
    comment_overall: string;
    answers: Record<string, string> | null;
  }>(
    sql,
    `select i.external_id, c.slug, i.channel, o.external_id as observer, o.gender, o.birth_year,
            to_char(i.contacted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as contacted_at,
            i.status, i.attempts, i.wait_seconds, i.comment_reception, i.comment_agent, i.comment_overall,
            (select json_object_agg(q.code, coalesce(qo.code, a.scale_value::text))
               from answer a join question q on q.id = a.question_id left join question_option qo on qo.id = a.option_id
              where a.inquiry_id = i.id) as answers
     from counted_inquiry i join participation p on p.id = i.participation_id join company c on c.id = p.company_id
     join observer o on o.id = i.observer_id
     where i.edition_id = $1 order by i.id`,
    [edition.id],
  );
  const responses: ResponseRow[] = responseRows.map((r) => ({
    inquiryId: r.external_id,
    companySlug: r.slug,
    channel: r.channel,
    observerId: r.observer,
    observerGender: r.gender,
    observerBirthYear: r.birth_year,
    contactedAt: r.contacted_at,
    status: r.status,
    attempts: r.attempts,
    waitSeconds: r.wait_seconds,
    comments: { reception: r.comment_reception, agent: r.comment_agent, overall: r.comment_overall },
    answers: r.answers ?? {},
  }));

  const waitLimits = edition.wait_limits as NonNullable<EditionBundle['questionnaire']['edition']['waitLimits']>;
  return {
    questionnaire: {
      edition: {
        year: edition.year,
        name: edition.name,
        inquiriesPerParticipant: edition.inquiries_per_participant,
        channelKeys: edition.channel_keys,
        waitLimits,
        minCellSize: edition.min_cell_size,
      },
      questions,
      // Always written, so every setting of the edition survives export and import.
      fieldwork: {
        ...(edition.fieldwork_weeks.length > 0 ? { weeks: edition.fieldwork_weeks } : {}),
        minQualityScore: edition.min_quality_score,
        thirdChannel: edition.third_channel,
      },
    },
    participants,
    responses,
  };
}
