import type { EntityManager } from '@mikro-orm/postgresql';
import {
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
import { BadInput } from '../../errors.js';

export interface StoreOptions {
  status: EditionStatus;
  fieldworkWeeks?: number[];
  rolePlays?: { companySlug: string; title: string; description: string }[];
}

/**
 * Writes one validated edition (questionnaire, participants, approved responses) inside the
 * caller's transaction. Import and the demo generator both come through here.
 * Bulk rows travel as arrays through `unnest`, so an edition costs a handful of statements.
 */
export async function storeEdition(em: EntityManager, bundle: EditionBundle, opts: StoreOptions): Promise<number> {
  const client = sqlOn(em);
  const { edition: e, questions } = bundle.questionnaire;
  const existing = await rows(client, 'select 1 from edition where year = $1', [e.year]);
  if (existing.length) throw new BadInput(`Edition ${e.year} already exists; remove it before importing it again.`);

  const [{ id: editionId }] = (await rows<{ id: number }>(
    client,
    `insert into edition (year, name, status, inquiries_per_participant, channel_keys, wait_limits, fieldwork_weeks, published_at)
     values ($1, $2, $3, $4, $5, $6, $7, case when $3 = 'PUBLISHED' then now() end) returning id`,
    [e.year, e.name, opts.status, e.inquiriesPerParticipant, e.channelKeys, { ...DEFAULT_WAIT_LIMITS, ...e.waitLimits }, opts.fieldworkWeeks ?? []],
  )) as [{ id: number }];

  const classIds = await idMap(client,
    `insert into industry_class (edition_id, name) select $1, unnest($2::text[]) returning id, name as key`,
    [editionId, [...new Set(bundle.participants.map((p) => p.className))]]);

  const companyIds = await idMap(client,
    `insert into company (slug, name) select * from unnest($1::text[], $2::text[])
     on conflict (slug) do update set name = excluded.name returning id, slug as key`,
    [bundle.participants.map((p) => p.companySlug), bundle.participants.map((p) => p.companyName)]);

  const ps = bundle.participants;
  const participationIds = await idMap(client,
    `insert into participation (edition_id, company_id, class_id, tier, channels, report_purchased)
     select $1, c, k, t, string_to_array(ch, ';'), r from unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::bool[]) as u(c, k, t, ch, r)
     returning id, company_id::text as key`,
    [editionId, ps.map((p) => companyIds.get(p.companySlug)), ps.map((p) => classIds.get(p.className)),
      ps.map((p) => p.tier), ps.map((p) => p.channels.join(';')), ps.map((p) => p.reportPurchased)]);
  const participationOf = (slug: string) => participationIds.get(String(companyIds.get(slug)))!;

  const picks = ps.flatMap((p) => p.competitors.map((c, i) => [participationOf(p.companySlug), companyIds.get(p.companySlug), companyIds.get(c), i + 1] as const));
  if (picks.length) {
    await client.query(
      `insert into participation_competitor (participation_id, edition_id, company_id, competitor_company_id, position)
       select p, $1, c, k, n from unnest($2::int[], $3::int[], $4::int[], $5::int[]) as u(p, c, k, n)`,
      [editionId, picks.map((r) => r[0]), picks.map((r) => r[1]), picks.map((r) => r[2]), picks.map((r) => r[3])]);
  }

  if (opts.rolePlays?.length) {
    const rp = opts.rolePlays;
    await client.query(
      `insert into role_play (participation_id, title, description) select * from unnest($1::int[], $2::text[], $3::text[])`,
      [rp.map((r) => participationOf(r.companySlug)), rp.map((r) => r.title), rp.map((r) => r.description)]);
  }

  const questionIds = await storeQuestionnaire(client, editionId, questions);
  const optionIds = await idMap(client,
    `insert into question_option (question_id, code, label, points, not_applicable, position)
     select * from unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::bool[], $6::int[])
     returning id, question_id || ':' || code as key`,
    columns(6, questions.flatMap((q) => (q.options ?? []).map((o, i) =>
      [questionIds.get(q.code), o.code, o.label, o.points ?? null, o.notApplicable ?? false, i + 1]))));

  await storeResponses(client, editionId, bundle.responses, questions, { companyIds, participationOf, questionIds, optionIds });
  return editionId;
}

async function storeQuestionnaire(client: Sql, editionId: number, questions: QuestionDef[]): Promise<Map<string, number>> {
  return idMap(client,
    `insert into question (edition_id, code, area, kind, text, channels, categories, max_points, scale_min, scale_max, position)
     select $1, code, area, kind, text, string_to_array(ch, ';'), string_to_array(cat, ';'), mp, smin, smax, pos
     from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::int[], $10::int[], $11::int[])
       as u(code, area, kind, text, ch, cat, mp, smin, smax, pos)
     returning id, code as key`,
    [editionId, ...columns(10, questions.map((q, i) => [
      q.code, q.area, questionKind(q), q.text, questionChannels(q).join(';'), (q.categories ?? []).join(';'),
      isScored(q) ? maxPoints(q) : null, questionKind(q) === 'SCALE' ? q.min ?? null : null,
      questionKind(q) === 'SCALE' ? q.max ?? null : null, i + 1]))]);
}

interface Ids {
  companyIds: Map<string, number>;
  participationOf: (slug: string) => number;
  questionIds: Map<string, number>;
  optionIds: Map<string, number>;
}

async function storeResponses(client: Sql, editionId: number, responses: ResponseRow[], questions: QuestionDef[], ids: Ids) {
  // Observers are known across editions by their id; the files carry gender and birth year.
  const observers = new Map(responses.map((r) => [r.observerId, r]));
  const observerIds = await idMap(client,
    `insert into observer (external_id, gender, birth_year) select * from unnest($1::text[], $2::text[], $3::int[])
     on conflict (external_id) do update set gender = excluded.gender, birth_year = excluded.birth_year
     returning id, external_id as key`,
    columns(3, [...observers.values()].map((r) => [r.observerId, r.observerGender, r.observerBirthYear])));

  const inquiryIds = await idMap(client,
    `insert into inquiry (edition_id, participation_id, external_id, channel, status, review_status, observer_id, contacted_at,
                          attempts, wait_seconds, comment_reception, comment_agent, comment_overall)
     select $1, p, x, ch, st, 'APPROVED', o, at, n, w, cr, ca, co
     from unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::int[], $7::timestamptz[], $8::int[], $9::int[], $10::text[], $11::text[], $12::text[])
       with ordinality as u(p, x, ch, st, o, at, n, w, cr, ca, co, ord)
     order by ord
     returning id, external_id as key`,
    [editionId, ...columns(11, responses.map((r) => [
      ids.participationOf(r.companySlug), r.inquiryId, r.channel, r.status, observerIds.get(r.observerId), r.contactedAt,
      r.attempts, r.waitSeconds, r.comments.reception, r.comments.agent, r.comments.overall]))]);

  const byCode = new Map(questions.map((q) => [q.code, q]));
  const answers: [number, number, number | null, number | null][] = [];
  for (const r of responses) {
    const inquiryId = inquiryIds.get(r.inquiryId)!;
    for (const [code, value] of Object.entries(r.answers)) {
      const q = byCode.get(code)!;
      const questionId = ids.questionIds.get(code)!;
      if (questionKind(q) === 'SCALE') answers.push([inquiryId, questionId, null, Number(value)]);
      else answers.push([inquiryId, questionId, ids.optionIds.get(`${questionId}:${value}`)!, null]);
    }
  }
  for (let i = 0; i < answers.length; i += 50_000) {
    await client.query(
      `insert into answer (inquiry_id, question_id, option_id, scale_value) select * from unnest($1::int[], $2::int[], $3::int[], $4::int[])`,
      columns(4, answers.slice(i, i + 50_000)));
  }

  // Each observer is sent to a participant once: the assignment (channel, week) behind the inquiry.
  await client.query(
    `insert into assignment (participation_id, observer_id, channel, week)
     select distinct on (participation_id, observer_id) participation_id, observer_id, channel,
            extract(week from contacted_at at time zone 'Europe/Oslo')::int
     from inquiry where edition_id = $1 order by participation_id, observer_id, contacted_at;
     update inquiry i set assignment_id = a.id from assignment a
     where i.edition_id = $1 and a.participation_id = i.participation_id and a.observer_id = i.observer_id;`
      .replace(/\$1/g, String(editionId)));

  // The attempts behind each inquiry: the last one is the one reported; earlier ones failed.
  // Review history: imported responses arrive approved, and that is recorded like any review.
  await client.query(
    `insert into inquiry_attempt (inquiry_id, attempted_at, wait_seconds, answered)
     select i.id, case when n = i.attempts then i.contacted_at end, case when n = i.attempts then i.wait_seconds end,
            n = i.attempts and i.status = 'ANSWERED'
     from inquiry i cross join lateral generate_series(1, i.attempts) n where i.edition_id = $1;
     insert into review_event (inquiry_id, from_status, to_status, reason)
     select id, null, 'APPROVED', 'Imported as approved' from inquiry where edition_id = $1;`.replace(/\$1/g, String(editionId)));
  // Having contacted a company makes an observer ineligible for it in later fieldwork.
  await client.query(
    `insert into observer_company (observer_id, company_id, relation)
     select distinct i.observer_id, p.company_id, 'CONTACTED' from inquiry i join participation p on p.id = i.participation_id
     where i.edition_id = $1 on conflict do nothing`, [editionId]);
}

/**
 * After a bulk load, fresh planner statistics: without them PostgreSQL takes the new
 * edition's tables for nearly empty and aggregates it with nested loops (measured: the
 * result list of 4,800 inquiries 3× slower). Run after the load's transaction commits.
 */
export async function refreshStatistics(sql: Sql): Promise<void> {
  await sql.query('analyze');
}

/** Inserts rows and maps each returned `key` to its id. */
async function idMap(client: Sql, text: string, params: unknown[]): Promise<Map<string, number>> {
  const result = await rows<{ id: number; key: string }>(client, text, params);
  return new Map(result.map((r) => [String(r.key), r.id]));
}

/** Row tuples → one array per column, the shape `unnest` takes. */
function columns(width: number, tuples: readonly (readonly unknown[])[]): unknown[][] {
  return Array.from({ length: width }, (_, c) => tuples.map((t) => t[c]));
}

/** Reads one edition back in interchange form: the questionnaire, participants and approved responses. */
export async function readEdition(sql: Sql, year: number): Promise<EditionBundle | undefined> {
  const [edition] = await rows<{ id: number; year: number; name: string; inquiries_per_participant: number; channel_keys: EditionBundle['questionnaire']['edition']['channelKeys']; wait_limits: Record<string, { waitSeconds: number; attempts: number }> }>(
    sql, 'select * from edition where year = $1', [year]);
  if (!edition) return undefined;

  const questionRows = await rows<{ id: number; code: string; area: QuestionDef['area']; kind: 'CHOICE' | 'SCALE'; text: string; channels: QuestionDef['channels']; categories: NonNullable<QuestionDef['categories']>; scale_min: number | null; scale_max: number | null; options: { code: string; label: string; points: number | null; notApplicable: boolean }[] | null }>(sql,
    `select q.*, (select json_agg(json_build_object('code', o.code, 'label', o.label, 'points', o.points, 'notApplicable', o.not_applicable) order by o.position)
                  from question_option o where o.question_id = q.id) as options
     from question q where q.edition_id = $1 order by q.position`, [edition.id]);
  const questions: QuestionDef[] = questionRows.map((q) => {
    const def: QuestionDef = { code: q.code, area: q.area, text: q.text, channels: q.channels };
    if (q.categories.length) def.categories = q.categories;
    if (q.kind === 'SCALE') Object.assign(def, { kind: 'SCALE', min: q.scale_min, max: q.scale_max });
    else def.options = (q.options ?? []).map((o) => ({
      code: o.code, label: o.label,
      ...(o.points !== null ? { points: o.points } : {}),
      ...(o.notApplicable ? { notApplicable: true } : {}),
    }));
    return def;
  });

  const participants = (await rows<{ slug: string; name: string; class_name: string; tier: 'ENKEL' | 'KONKURRENT'; channels: EditionBundle['participants'][number]['channels']; competitors: string[]; report_purchased: boolean }>(sql,
    `select c.slug, c.name, k.name as class_name, p.tier, p.channels, p.report_purchased,
            coalesce((select array_agg(cc.slug order by pc.position) from participation_competitor pc
                      join company cc on cc.id = pc.competitor_company_id where pc.participation_id = p.id), '{}') as competitors
     from participation p join company c on c.id = p.company_id join industry_class k on k.id = p.class_id
     where p.edition_id = $1 order by p.id`, [edition.id]))
    .map((p) => ({ companySlug: p.slug, companyName: p.name, className: p.class_name, tier: p.tier, channels: p.channels,
      competitors: p.competitors, reportPurchased: p.report_purchased }));

  const responseRows = await rows<{ external_id: string; slug: string; channel: ResponseRow['channel']; observer: string; gender: ResponseRow['observerGender']; birth_year: number; contacted_at: string; status: ResponseRow['status']; attempts: number; wait_seconds: number | null; comment_reception: string; comment_agent: string; comment_overall: string; answers: Record<string, string> | null }>(sql,
    `select i.external_id, c.slug, i.channel, o.external_id as observer, o.gender, o.birth_year,
            to_char(i.contacted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as contacted_at,
            i.status, i.attempts, i.wait_seconds, i.comment_reception, i.comment_agent, i.comment_overall,
            (select json_object_agg(q.code, coalesce(qo.code, a.scale_value::text))
               from answer a join question q on q.id = a.question_id left join question_option qo on qo.id = a.option_id
              where a.inquiry_id = i.id) as answers
     from inquiry i join participation p on p.id = i.participation_id join company c on c.id = p.company_id
     join observer o on o.id = i.observer_id
     where i.edition_id = $1 and i.review_status = 'APPROVED' order by i.id`, [edition.id]);
  const responses: ResponseRow[] = responseRows.map((r) => ({
    inquiryId: r.external_id, companySlug: r.slug, channel: r.channel, observerId: r.observer, observerGender: r.gender,
    observerBirthYear: r.birth_year, contactedAt: r.contacted_at, status: r.status, attempts: r.attempts, waitSeconds: r.wait_seconds,
    comments: { reception: r.comment_reception, agent: r.comment_agent, overall: r.comment_overall }, answers: r.answers ?? {},
  }));

  const waitLimits = edition.wait_limits as NonNullable<EditionBundle['questionnaire']['edition']['waitLimits']>;
  return {
    questionnaire: {
      edition: { year: edition.year, name: edition.name, inquiriesPerParticipant: edition.inquiries_per_participant, channelKeys: edition.channel_keys, waitLimits },
      questions,
    },
    participants,
    responses,
  };
}
