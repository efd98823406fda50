import { CATEGORIES, CHANNELS, SCORED_AREAS, type Category, type Channel, type InquiryStatus, type ScoredArea } from '@ksp/shared';
import { rows, type Sql } from '../../db/sql.js';
import { scoreSql } from './scoring.sql.js';

// Aggregates over the views that say once what counts (`counted_inquiry`, `counted_answer`,
// and `scored_item` on top of them: the scoring rules in SQL). A score is
// 100 · Σearned / Σpossible; `nullif` gives null, not 0, where there is no basis.
// Every function takes many participations at once and returns a map by participation id,
// so DataLoaders can batch a whole request into one statement per section. `channel`
// narrows everything to that channel's inquiries.
const SCORE = scoreSql();
/** The rows of the asked participations, narrowed to a channel when one is given ($1 ids, $2 channel). */
export const IN_SCOPE = `participation_id = any($1) and ($2::text is null or channel = $2)`;

export type ChannelFilter = Channel | null;
/**
 * How many inquiries a figure is over. A competitor's figure over fewer than the edition's
 * minimum cell size is withheld (access/grant.ts), so every figure carries its basis.
 */
export interface Basis {
  basis: number;
}
export interface ChannelTotal extends Basis {
  channel: Channel;
  total: number | null;
}
export interface ChannelScore extends Basis {
  channel: Channel;
  score: number | null;
}
export interface Totals extends Basis {
  total: number | null;
  byChannel: ChannelTotal[];
}
export interface AreaResult extends Basis {
  area: ScoredArea;
  score: number | null;
  byChannel: ChannelScore[];
}
export interface CategoryResult extends Basis {
  category: Category;
  score: number | null;
  byChannel: ChannelScore[];
}
export interface InquiryResult {
  id: string;
  channel: Channel;
  status: InquiryStatus;
  score: number | null;
}
export interface InquiryAreaResult {
  id: string;
  channel: Channel;
  area: ScoredArea;
  score: number | null;
}
export interface CxValues {
  csatMean: number | null;
  csatTop2Share: number | null;
  cesMean: number | null;
  nps: number | null;
  ves1Mean: number | null;
  ves2Mean: number | null;
}
/** How many answers each measure is over (the CSAT mean and its top-2 share over the same ones). */
export interface CxAnswers {
  csatAnswers: number;
  cesAnswers: number;
  npsAnswers: number;
  ves1Answers: number;
  ves2Answers: number;
}
export interface NpsDistribution extends Basis {
  detractors: number;
  passives: number;
  promoters: number;
  count: number;
}
export interface CxResult extends CxValues, CxAnswers, Basis {
  npsDistribution: NpsDistribution;
  byChannel: (CxValues & CxAnswers & Basis & { channel: Channel; npsDistribution: NpsDistribution })[];
}

export const byChannelOrder = (a: { channel: Channel }, b: { channel: Channel }) =>
  CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel);

/** Rows by participation; every asked id gets a list, empty where there were no rows. */
export function group<R extends { participation_id: number }>(ids: number[], result: R[]): Map<number, R[]> {
  const map = new Map<number, R[]>(ids.map((id) => [id, []]));
  for (const r of result) map.get(r.participation_id)?.push(r);
  return map;
}

function mapValues<A, B>(map: Map<number, A>, fn: (a: A) => B): Map<number, B> {
  return new Map([...map].map(([k, v]) => [k, fn(v)]));
}

/** The number of inquiries behind a group of `scored_item` rows. */
const BASIS = `count(distinct inquiry_id)::int as basis`;

/** Pooled totals, overall and per channel. */
export async function totals(sql: Sql, ids: number[], channel: ChannelFilter = null): Promise<Map<number, Totals>> {
  const result = await rows<{ participation_id: number; channel: Channel | null; total: number | null; basis: number }>(
    sql,
    `select participation_id, channel, ${SCORE} as total, ${BASIS} from scored_item where ${IN_SCOPE}
     group by grouping sets ((participation_id), (participation_id, channel))`,
    [ids, channel],
  );
  return mapValues(group(ids, result), (rs) => {
    const all = rs.find((r) => r.channel === null);
    return {
      total: all?.total ?? null,
      basis: all?.basis ?? 0,
      byChannel: rs
        .filter((r) => r.channel !== null)
        .map((r) => ({ channel: r.channel!, total: r.total, basis: r.basis }))
        .sort(byChannelOrder),
    };
  });
}

/** RESPONSE_TIME counts every inquiry; the other areas only answered ones (domain.md "Scoring"). */
export async function areaScores(sql: Sql, ids: number[], channel: ChannelFilter = null): Promise<Map<number, AreaResult[]>> {
  const result = await rows<ScoreRow & { area: ScoredArea }>(
    sql,
    `select participation_id, area, channel, ${SCORE} as score, ${BASIS} from scored_item
     where ${IN_SCOPE} and counts_in_area
     group by grouping sets ((participation_id, area), (participation_id, area, channel))`,
    [ids, channel],
  );
  return mapValues(group(ids, result), (rs) =>
    SCORED_AREAS.map((area) => ({ area, ...scoreWithChannels(rs.filter((r) => r.area === area)) })),
  );
}

interface ScoreRow {
  participation_id: number;
  channel: Channel | null;
  score: number | null;
  basis: number;
}

/** One group's score and basis (the row without a channel) and its per-channel rows. */
function scoreWithChannels(rs: ScoreRow[]): Basis & { score: number | null; byChannel: ChannelScore[] } {
  const all = rs.find((r) => r.channel === null);
  return {
    score: all?.score ?? null,
    basis: all?.basis ?? 0,
    byChannel: rs
      .filter((r) => r.channel !== null)
      .map((r) => ({ channel: r.channel!, score: r.score, basis: r.basis }))
      .sort(byChannelOrder),
  };
}

export async function categoryScores(sql: Sql, ids: number[], channel: ChannelFilter = null): Promise<Map<number, CategoryResult[]>> {
  const result = await rows<ScoreRow & { category: Category }>(
    sql,
    `select participation_id, category, channel, ${SCORE} as score, ${BASIS} from scored_item, unnest(categories) as category
     where ${IN_SCOPE} and status = 'ANSWERED'
     group by grouping sets ((participation_id, category), (participation_id, category, channel))`,
    [ids, channel],
  );
  return mapValues(group(ids, result), (rs) =>
    CATEGORIES.filter((c) => rs.some((r) => r.category === c)).map((category) => ({
      category,
      ...scoreWithChannels(rs.filter((r) => r.category === category)),
    })),
  );
}

/** Every approved inquiry with its own score (delivery variation), in the order they took place. */
export async function inquiryScores(sql: Sql, ids: number[], channel: ChannelFilter = null): Promise<Map<number, InquiryResult[]>> {
  const result = await rows<InquiryResult & { participation_id: number }>(
    sql,
    `select i.participation_id, i.external_id as id, i.channel, i.status, s.score
     from counted_inquiry i left join lateral (select ${SCORE} as score from scored_item si where si.inquiry_id = i.id) s on true
     where i.participation_id = any($1) and ($2::text is null or i.channel = $2)
     order by i.contacted_at, i.id`,
    [ids, channel],
  );
  return mapValues(group(ids, result), (rs) => rs.map(({ participation_id: _p, ...r }) => r));
}

/** Each inquiry's score within each area (an unanswered inquiry has one only in RESPONSE_TIME). */
export async function inquiryAreaScores(sql: Sql, ids: number[], channel: ChannelFilter = null): Promise<Map<number, InquiryAreaResult[]>> {
  const result = await rows<InquiryAreaResult & { participation_id: number }>(
    sql,
    `select si.participation_id, i.external_id as id, si.channel, si.area, ${SCORE} as score
     from scored_item si join counted_inquiry i on i.id = si.inquiry_id
     where si.participation_id = any($1) and ($2::text is null or si.channel = $2) and si.counts_in_area
     group by si.participation_id, i.external_id, si.channel, si.area, i.contacted_at, i.id
     order by i.contacted_at, i.id`,
    [ids, channel],
  );
  return mapValues(group(ids, result), (rs) => rs.map(({ participation_id: _p, ...r }) => r));
}

const CX_VALUES = `
  avg(v) filter (where code = 'CSAT') as "csatMean",
  100.0 * count(*) filter (where code = 'CSAT' and v >= 4) / nullif(count(*) filter (where code = 'CSAT'), 0) as "csatTop2Share",
  avg(v) filter (where code = 'CES') as "cesMean",
  100.0 * (count(*) filter (where code = 'NPS' and v >= 9) - count(*) filter (where code = 'NPS' and v <= 6))
    / nullif(count(*) filter (where code = 'NPS'), 0) as nps,
  avg(v) filter (where code = 'VES1') as "ves1Mean",
  avg(v) filter (where code = 'VES2') as "ves2Mean",
  count(*) filter (where code = 'NPS' and v <= 6)::int as detractors,
  count(*) filter (where code = 'NPS' and v between 7 and 8)::int as passives,
  count(*) filter (where code = 'NPS' and v >= 9)::int as promoters,
  count(*) filter (where code = 'NPS')::int as "npsCount",
  count(*) filter (where code = 'CSAT')::int as "csatAnswers",
  count(*) filter (where code = 'CES')::int as "cesAnswers",
  count(*) filter (where code = 'VES1')::int as "ves1Answers",
  count(*) filter (where code = 'VES2')::int as "ves2Answers",
  -- The basis of the CX figures: the fewest answers any present measure is over.
  coalesce(least(nullif(count(*) filter (where code = 'CSAT'), 0), nullif(count(*) filter (where code = 'CES'), 0),
    nullif(count(*) filter (where code = 'NPS'), 0), nullif(count(*) filter (where code = 'VES1'), 0),
    nullif(count(*) filter (where code = 'VES2'), 0)), 0)::int as basis`;

/** The five CX measures over answered, approved inquiries (domain.md "CX"), overall and per channel. */
export async function cxMeasures(sql: Sql, ids: number[], channel: ChannelFilter = null): Promise<Map<number, CxResult>> {
  type Row = CxValues &
    Omit<CxAnswers, 'npsAnswers'> & {
      participation_id: number;
      channel: Channel | null;
      detractors: number;
      passives: number;
      promoters: number;
      npsCount: number;
      basis: number;
    };
  const result = await rows<Row>(
    sql,
    `select participation_id, channel, ${CX_VALUES}
     from (select participation_id, channel, code, scale_value as v from counted_answer
           where participation_id = any($1) and ($2::text is null or channel = $2) and area = 'CX' and scale_value is not null) cx
     group by grouping sets ((participation_id), (participation_id, channel))`,
    [ids, channel],
  );
  const values = (r: Row | undefined) => ({
    csatMean: r?.csatMean ?? null,
    csatTop2Share: r?.csatTop2Share ?? null,
    cesMean: r?.cesMean ?? null,
    nps: r?.nps ?? null,
    ves1Mean: r?.ves1Mean ?? null,
    ves2Mean: r?.ves2Mean ?? null,
    basis: r?.basis ?? 0,
    csatAnswers: r?.csatAnswers ?? 0,
    cesAnswers: r?.cesAnswers ?? 0,
    npsAnswers: r?.npsCount ?? 0,
    ves1Answers: r?.ves1Answers ?? 0,
    ves2Answers: r?.ves2Answers ?? 0,
    npsDistribution: {
      detractors: r?.detractors ?? 0,
      passives: r?.passives ?? 0,
      promoters: r?.promoters ?? 0,
      count: r?.npsCount ?? 0,
      basis: r?.npsCount ?? 0,
    },
  });
  return mapValues(group(ids, result), (rs) => ({
    ...values(rs.find((r) => r.channel === null)),
    byChannel: rs
      .filter((r) => r.channel !== null)
      .map((r) => ({ channel: r.channel!, ...values(r) }))
      .sort(byChannelOrder),
  }));
}
