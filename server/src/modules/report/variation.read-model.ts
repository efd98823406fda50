import { SCORED_AREAS, type Area, type Channel, type ScoredArea, type Spread } from '@ksp/shared';
import { rows, type Sql } from '../../db/sql.js';
import { scoreSql } from './scoring.sql.js';
import { byChannelOrder, group, IN_SCOPE, type Basis, type ChannelFilter } from './report.read-model.js';

// Delivery variation (domain.md "Variation"): the spread of per-inquiry scores, computed in
// SQL over the `scored_item` view. Quartiles are percentile_cont and the deviation is
// stddev_pop, as `describeSpread` in @ksp/shared defines them (each is the other's check).
// Batched over participations; `channel` narrows to that channel's inquiries.

/** A spread's basis is its count: a competitor's spread over a small cell is withheld. */
export interface SpreadResult extends Basis, Spread<number | null, number> {}
export interface ChannelSpreadResult {
  channel: Channel;
  spread: SpreadResult;
}
export interface InquirySpreads {
  total: SpreadResult;
  byChannel: ChannelSpreadResult[];
}
export interface AreaSpreadResult {
  area: ScoredArea;
  spread: SpreadResult;
  byChannel: ChannelSpreadResult[];
}
export interface PerformanceSpreadResult extends Basis {
  code: string;
  text: string;
  shortLabel: string;
  area: Area;
  score: number | null;
  stdDev: number | null;
  answers: number;
}

/** One inquiry's score over the rows grouped, as a double (percentile_cont and stddev_pop work on doubles). */
const INQUIRY_SCORE = `(${scoreSql()})::float8`;
/** The spread of `v` over the group; nulls (no basis) are left out, as `describeSpread` gets only the present values. */
const SPREAD = (v: string) => `count(${v})::int as count, min(${v}) as min,
  percentile_cont(array[0.25, 0.5, 0.75]) within group (order by ${v}) as quartiles,
  max(${v}) as max, avg(${v}) as mean, stddev_pop(${v}) as "std_dev"`;

interface SpreadRow {
  count: number;
  min: number | null;
  quartiles: number[] | null;
  max: number | null;
  mean: number | null;
  std_dev: number | null;
}

export const EMPTY_SPREAD: SpreadResult = {
  count: 0,
  basis: 0,
  min: null,
  q1: null,
  median: null,
  q3: null,
  max: null,
  mean: null,
  stdDev: null,
};

function spreadOf(r: SpreadRow | undefined): SpreadResult {
  if (!r || r.count === 0) return { ...EMPTY_SPREAD };
  const [q1, median, q3] = r.quartiles ?? [];
  return {
    count: r.count,
    basis: r.count,
    min: r.min,
    q1: q1 ?? null,
    median: median ?? null,
    q3: q3 ?? null,
    max: r.max,
    mean: r.mean,
    stdDev: r.std_dev,
  };
}

function channelSpreads<R extends SpreadRow & { channel: Channel | null }>(rs: R[]): ChannelSpreadResult[] {
  return rs
    .filter((r) => r.channel !== null)
    .map((r) => ({ channel: r.channel!, spread: spreadOf(r) }))
    .sort(byChannelOrder);
}

/** The spread of the inquiry scores (all approved inquiries, an unanswered one scoring 0), overall and per channel. */
export async function inquirySpreads(sql: Sql, ids: number[], channel: ChannelFilter = null): Promise<Map<number, InquirySpreads>> {
  type Row = SpreadRow & { participation_id: number; channel: Channel | null };
  const result = await rows<Row>(
    sql,
    `/* report:variation.inquiries */
     with per_inquiry as (
       select participation_id, channel, inquiry_id, ${INQUIRY_SCORE} as score
       from scored_item where ${IN_SCOPE} group by participation_id, channel, inquiry_id)
     select participation_id, channel, ${SPREAD('score')} from per_inquiry
     group by grouping sets ((participation_id), (participation_id, channel))`,
    [ids, channel],
  );
  return new Map(
    [...group(ids, result)].map(([id, rs]) => [
      id,
      {
        total: spreadOf(rs.find((r) => r.channel === null)),
        byChannel: channelSpreads(rs),
      },
    ]),
  );
}

/** The spread of the inquiries' area scores: RESPONSE_TIME over all inquiries, the other areas over answered ones. */
export async function areaSpreads(sql: Sql, ids: number[], channel: ChannelFilter = null): Promise<Map<number, AreaSpreadResult[]>> {
  type Row = SpreadRow & { participation_id: number; area: ScoredArea; channel: Channel | null };
  const result = await rows<Row>(
    sql,
    `/* report:variation.areas */
     with per_inquiry as (
       select participation_id, channel, area, inquiry_id, ${INQUIRY_SCORE} as score
       from scored_item where ${IN_SCOPE} and area <> 'CX' and counts_in_area
       group by participation_id, channel, area, inquiry_id)
     select participation_id, area, channel, ${SPREAD('score')} from per_inquiry
     group by grouping sets ((participation_id, area), (participation_id, area, channel))`,
    [ids, channel],
  );
  return new Map(
    [...group(ids, result)].map(([id, rs]) => [
      id,
      SCORED_AREAS.map((area) => ({
        area,
        spread: spreadOf(rs.find((r) => r.area === area && r.channel === null)),
        byChannel: channelSpreads(rs.filter((r) => r.area === area)),
      })),
    ]),
  );
}

/**
 * Every scored question with an answer, the most varying first: the population standard
 * deviation of each answered inquiry's points as a percentage of the maximum ("not
 * applicable" left out). Equal deviations (at 9 decimals, so float noise does not decide)
 * are ordered by code.
 */
export async function performanceSpreads(
  sql: Sql,
  ids: number[],
  channel: ChannelFilter = null,
): Promise<Map<number, PerformanceSpreadResult[]>> {
  type Row = PerformanceSpreadResult & { participation_id: number };
  const result = await rows<Row>(
    sql,
    `/* report:variation.performances */
     select si.participation_id, q.code, q.text, coalesce(q.short_label, q.text) as "shortLabel", q.area, ${scoreSql('si.')} as score,
            stddev_pop((100.0 * si.earned / si.possible)::float8) as "stdDev", count(*)::int as answers, count(*)::int as basis
     from scored_item si join question q on q.id = si.question_id
     where si.participation_id = any($1) and ($2::text is null or si.channel = $2) and si.status = 'ANSWERED' and q.area <> 'CX'
     group by si.participation_id, q.id
     order by si.participation_id, round(stddev_pop((100.0 * si.earned / si.possible)::float8)::numeric, 9) desc, q.code collate "C"`,
    [ids, channel],
  );
  return new Map([...group(ids, result)].map(([id, rs]) => [id, rs.map(({ participation_id: _p, ...r }) => r)]));
}
