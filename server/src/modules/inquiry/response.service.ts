import type { Area, Channel, Gender, InquiryStatus, ResponseOrder } from '@ksp/shared';
import { rows, type Sql } from '../../db/sql.js';
import { scoreSql } from '../report/scoring.sql.js';
import { BadInput, quote } from '../../errors.js';

// The read model of report chapter 5, "Individual responses". A page costs two statements,
// whatever its size: one for the page and the count of all matches, one for the answers of
// the page's inquiries (batched by a DataLoader in the resolver).

/**
 * A position in the order of responses: contact time (UTC, microseconds) and the row id, and in
 * an order by score also the score (null: no basis, such responses come last either way) and
 * the order itself, so a cursor of one order is not taken for a position in another.
 */
export interface Cursor {
  at: string;
  id: number;
  order?: ResponseOrder;
  score?: number | null;
}

const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** A time PostgreSQL takes: the format, and a real date (no 30 February, no year 0) that survives a round trip. */
function isCursorTime(at: string): boolean {
  if (!CURSOR_TIME.test(at)) return false;
  const time = new Date(at);
  return !Number.isNaN(time.getTime()) && time.getUTCFullYear() >= 1 && time.toISOString().slice(0, 19) === at.slice(0, 19);
}

export function encodeCursor(cursor: Cursor): string {
  // The default order keeps the cursor it always had: { at, id }.
  const value =
    !cursor.order || cursor.order === 'CONTACTED_AT_ASC'
      ? { at: cursor.at, id: cursor.id }
      : { at: cursor.at, id: cursor.id, o: cursor.order, ...(cursor.order.startsWith('SCORE') ? { s: cursor.score ?? null } : {}) };
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** The cursor of an edge in the given order, checked: anything else gives BadInput, never a database error. */
export function decodeCursor(text: string, order: ResponseOrder = 'CONTACTED_AT_ASC'): Cursor {
  const bad = () =>
    new BadInput(`${quote(text)} is not a cursor of this list: pass the endCursor (or an edge's cursor) of an earlier page.`, {
      reason: 'INVALID_FORMAT',
      field: 'after',
    });
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw bad();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const { at, id, o, s } = (value ?? {}) as { at?: unknown; id?: unknown; o?: unknown; s?: unknown };
  if (typeof at !== 'string' || !isCursorTime(at)) throw bad();
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > 2_147_483_647) throw bad();
  if ((o ?? 'CONTACTED_AT_ASC') !== order) throw bad();
  if (order.startsWith('SCORE')) {
    if (s !== null && (typeof s !== 'number' || !Number.isFinite(s))) throw bad();
    return { at, id, order, score: s as number | null };
  }
  return { at, id, order };
}

export interface ResponseFilters {
  channel: Channel | null;
  status: InquiryStatus | null;
  minScore: number | null;
  maxScore: number | null;
  /** Web-search syntax (words, "a phrase", -not, or), already trimmed; null for none. */
  search: string | null;
  /** Responses with an answer to this question (its row id) … */
  questionId: number | null;
  /** … and this option of it (its row id). */
  optionId: number | null;
  /** Contacted on or after / on or before this day (YYYY-MM-DD, Norwegian time). */
  from: string | null;
  to: string | null;
  attempts: number | null;
}

export interface PageQuery {
  participationId: number;
  /** The channel the report itself is narrowed to. */
  reportChannel: Channel | null;
  filters: ResponseFilters;
  first: number;
  after: Cursor | null;
  order: ResponseOrder;
}

export interface ResponseRowData {
  rowId: number;
  id: string;
  channel: Channel;
  status: InquiryStatus;
  contactedAt: Date;
  attempts: number;
  waitSeconds: number | null;
  score: number | null;
  comments: { reception: string; agent: string; overall: string };
  highlights: { reception: string; agent: string; overall: string } | null;
  observerGender: Gender;
  observerBirthYear: number;
  cursor: Cursor;
}

export interface ResponsePage {
  totalCount: number;
  rows: ResponseRowData[];
  hasNextPage: boolean;
  /** Lexemes in the search after stemming and stop words; 0 means nothing to search for, null without a search. */
  searchTerms: number | null;
}

interface PageSqlRow {
  total_count: number;
  search_terms: number | null;
  row_id: number | null;
  id: string;
  channel: Channel;
  status: InquiryStatus;
  contacted_at: Date;
  attempts: number;
  wait_seconds: number | null;
  score: number | null;
  comment_reception: string;
  comment_agent: string;
  comment_overall: string;
  highlight_reception: string | null;
  highlight_agent: string | null;
  highlight_overall: string | null;
  gender: Gender;
  birth_year: number;
  cursor_at: string;
  cursor_score: number | null;
}

/**
 * Matching words marked ⟦like this⟧, over the whole comment (not ts_headline's default excerpt of 35 words).
 * Not « »: those are ordinary quotation marks in Norwegian comments, so a client could not tell a match from a quote.
 */
const HEADLINE_OPTIONS = 'StartSel=⟦, StopSel=⟧, HighlightAll=true';

/**
 * The ORDER BY of an order and the condition "after this cursor" in it. Contact time then row id
 * break ties, so every order is total and a cursor is a position. By score, responses without a
 * score (no basis) come last in both directions: the condition spells that out rather than a
 * row comparison, which cannot mix directions or place nulls.
 */
function orderSql(order: ResponseOrder, cursor: Cursor | null, param: (value: unknown) => string) {
  const orderBy = (score: string, at: string, id: string) =>
    ({
      CONTACTED_AT_ASC: `${at}, ${id}`,
      CONTACTED_AT_DESC: `${at} desc, ${id} desc`,
      SCORE_DESC: `${score} desc nulls last, ${at}, ${id}`,
      SCORE_ASC: `${score} asc nulls last, ${at}, ${id}`,
    })[order];
  if (!cursor) return { orderBy, after: null };
  const at = `${param(cursor.at)}::timestamptz`;
  const id = `${param(cursor.id)}::int`;
  if (order === 'CONTACTED_AT_ASC') return { orderBy, after: `(m.contacted_at, m.id) > (${at}, ${id})` };
  if (order === 'CONTACTED_AT_DESC') return { orderBy, after: `(m.contacted_at, m.id) < (${at}, ${id})` };
  const tie = `(m.contacted_at, m.id) > (${at}, ${id})`;
  if (cursor.score === null || cursor.score === undefined) return { orderBy, after: `m.score is null and ${tie}` };
  const s = `${param(cursor.score)}::float8`;
  const beyond = order === 'SCORE_DESC' ? `m.score < ${s}` : `m.score > ${s}`;
  return { orderBy, after: `(m.score is null or ${beyond} or (m.score = ${s} and ${tie}))` };
}

/**
 * One page of the responses that count (view `counted_inquiry`: the approved ones) of a
 * participation in the order asked (by default (contacted_at, id)), with the count of all matches. The inquiry score
 * is the scoring rule of the `scored_item` view (100 · Σearned / Σpossible per inquiry, null
 * without a basis), as in the report read model.
 */
export async function responsePage(sql: Sql, query: PageQuery): Promise<ResponsePage> {
  const params: unknown[] = [query.participationId];
  const param = (value: unknown) => `$${params.push(value)}`;
  const { filters } = query;

  const where = [`i.participation_id = $1`];
  if (query.reportChannel) where.push(`i.channel = ${param(query.reportChannel)}`);
  if (filters.channel) where.push(`i.channel = ${param(filters.channel)}`);
  if (filters.status) where.push(`i.status = ${param(filters.status)}`);
  if (filters.minScore !== null) where.push(`s.score >= ${param(filters.minScore)}`);
  if (filters.maxScore !== null) where.push(`s.score <= ${param(filters.maxScore)}`);
  if (filters.attempts !== null) where.push(`i.attempts = ${param(filters.attempts)}`);
  // Days as a Norwegian reader means them: contact time in Oslo.
  if (filters.from !== null) where.push(`(i.contacted_at at time zone 'Europe/Oslo')::date >= ${param(filters.from)}::date`);
  if (filters.to !== null) where.push(`(i.contacted_at at time zone 'Europe/Oslo')::date <= ${param(filters.to)}::date`);
  if (filters.questionId !== null) {
    const option = filters.optionId !== null ? ` and a.option_id = ${param(filters.optionId)}` : '';
    where.push(`exists (select 1 from answer a where a.inquiry_id = i.id and a.question_id = ${param(filters.questionId)}${option})`);
  }
  const search = filters.search !== null;
  const searchCte = search ? `, search as (select websearch_to_tsquery('norwegian', ${param(filters.search)}) as tsq)` : '';
  if (search) where.push(`i.comment_search @@ (select tsq from search)`);
  const { order } = query;
  const { orderBy, after } = orderSql(order, query.after, param);
  const afterCursor = after ? `where ${after}` : '';
  const headline = (column: string) =>
    search ? `ts_headline('norwegian', m.${column}, (select tsq from search), '${HEADLINE_OPTIONS}')` : `null::text`;

  const result = await rows<PageSqlRow>(
    sql,
    `with scores as (
       select inquiry_id, ${scoreSql()} as score
       from scored_item where participation_id = $1 group by inquiry_id)
     ${searchCte},
     matches as (
       select i.id, i.external_id, i.channel, i.status, i.contacted_at, i.attempts, i.wait_seconds,
              -- float8 as the cursor carries it (a JSON number), so a cursor's score equals its row's.
              s.score::float8 as score,
              i.comment_reception, i.comment_agent, i.comment_overall, i.observer_id
       from counted_inquiry i left join scores s on s.inquiry_id = i.id
       where ${where.join(' and ')})
     select t.total_count, t.search_terms, p.*
     from (select (select count(*)::int from matches) as total_count,
                  ${search ? '(select numnode(tsq) from search)' : 'null::int'} as search_terms) t
     left join lateral (
       select m.id as row_id, m.external_id as id, m.channel, m.status, m.contacted_at, m.attempts, m.wait_seconds, m.score,
              m.comment_reception, m.comment_agent, m.comment_overall,
              ${headline('comment_reception')} as highlight_reception,
              ${headline('comment_agent')} as highlight_agent,
              ${headline('comment_overall')} as highlight_overall,
              o.gender, o.birth_year,
              to_char(m.contacted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at,
              m.score as cursor_score
       from matches m join observer o on o.id = m.observer_id
       ${afterCursor}
       order by ${orderBy('m.score', 'm.contacted_at', 'm.id')}
       limit ${param(query.first + 1)}) p on true
     order by ${orderBy('p.score', 'p.contacted_at', 'p.row_id')}`,
    params,
  );

  const head = result[0]!;
  const found = result.filter((r) => r.row_id !== null);
  return {
    totalCount: head.total_count,
    searchTerms: head.search_terms,
    hasNextPage: found.length > query.first,
    rows: found.slice(0, query.first).map((r) => ({
      rowId: r.row_id!,
      id: r.id,
      channel: r.channel,
      status: r.status,
      contactedAt: r.contacted_at,
      attempts: r.attempts,
      waitSeconds: r.wait_seconds,
      score: r.score,
      comments: { reception: r.comment_reception, agent: r.comment_agent, overall: r.comment_overall },
      highlights: search ? { reception: r.highlight_reception!, agent: r.highlight_agent!, overall: r.highlight_overall! } : null,
      observerGender: r.gender,
      observerBirthYear: r.birth_year,
      cursor: { at: r.cursor_at, id: r.row_id!, order, score: r.cursor_score },
    })),
  };
}

export interface AnswerData {
  questionCode: string;
  questionText: string;
  area: Area;
  optionCode: string | null;
  optionLabel: string | null;
  value: number | null;
  notApplicable: boolean;
  points: number | null;
  maxPoints: number | null;
}

/**
 * The answers of many inquiries in one statement, each in questionnaire order. Points as the
 * scoring rules count them: for scored questions only, and not for "not applicable" answers
 * (they drop out of earned and possible points), so Σpoints / ΣmaxPoints is the inquiry score.
 */
export async function answersOf(sql: Sql, inquiryRowIds: readonly number[]): Promise<Map<number, AnswerData[]>> {
  const result = await rows<AnswerData & { inquiry_id: number }>(
    sql,
    `select a.inquiry_id, q.code as "questionCode", q.text as "questionText", q.area,
            o.code as "optionCode", o.label as "optionLabel", a.scale_value as value,
            coalesce(o.not_applicable, false) as "notApplicable",
            case when q.max_points is not null and not o.not_applicable then coalesce(o.points, 0) end as points,
            case when q.max_points is not null and not o.not_applicable then q.max_points end as "maxPoints"
     from answer a join question q on q.id = a.question_id left join question_option o on o.id = a.option_id
     where a.inquiry_id = any($1::int[])
     order by a.inquiry_id, q.position`,
    [inquiryRowIds],
  );
  const map = new Map<number, AnswerData[]>(inquiryRowIds.map((id) => [id, []]));
  for (const { inquiry_id: inquiryId, ...answer } of result) map.get(inquiryId)?.push(answer);
  return map;
}

/**
 * The row ids of a question of the edition and of an option of it, by their codes; BadInput
 * (UNKNOWN_QUESTION, UNKNOWN_OPTION) for a code the questionnaire does not have, so a stale
 * link says so rather than listing nothing.
 */
export async function questionFilter(
  sql: Sql,
  editionId: number,
  questionCode: string,
  optionCode: string | null,
): Promise<{ questionId: number; optionId: number | null }> {
  const [found] = await rows<{ question_id: number; option_id: number | null }>(
    sql,
    `select q.id as question_id, (select o.id from question_option o where o.question_id = q.id and o.code = $3) as option_id
     from question q where q.edition_id = $1 and q.code = $2`,
    [editionId, questionCode, optionCode],
  );
  if (!found)
    throw new BadInput(`The questionnaire has no question ${quote(questionCode)}.`, { reason: 'UNKNOWN_QUESTION', field: 'question' });
  if (optionCode !== null && found.option_id === null) {
    throw new BadInput(`Question ${quote(questionCode)} has no option ${quote(optionCode)}.`, {
      reason: 'UNKNOWN_OPTION',
      field: 'option',
    });
  }
  return { questionId: found.question_id, optionId: found.option_id };
}
