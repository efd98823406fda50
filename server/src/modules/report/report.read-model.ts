import { CATEGORIES, CHANNELS, SCORED_AREAS, type Category, type Channel, type InquiryStatus, type ScoredArea } from '@ksp/shared';
import { rows, type Sql } from '../../db/sql.js';

// Aggregates over the `scored_item` view (the scoring rules in SQL). A score is
// 100 · Σearned / Σpossible; `nullif` gives null, not 0, where there is no basis.
const SCORE = `100.0 * sum(earned) / nullif(sum(possible), 0)`;

export interface ChannelTotal { channel: Channel; total: number | null }
export interface ChannelScore { channel: Channel; score: number | null }
export interface AreaResult { area: ScoredArea; score: number | null; byChannel: ChannelScore[] }
export interface CategoryResult { category: Category; score: number | null; byChannel: ChannelScore[] }
export interface InquiryResult { id: string; channel: Channel; status: InquiryStatus; score: number | null }
export interface CxResult { csatMean: number | null; csatTop2Share: number | null; cesMean: number | null; nps: number | null; ves1Mean: number | null; ves2Mean: number | null }

const byChannelOrder = (a: { channel: Channel }, b: { channel: Channel }) => CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel);

/** Pooled totals of many participations at once (result list, class benchmark, history). */
export async function totalsOf(sql: Sql, participationIds: number[]): Promise<Map<number, number | null>> {
  const result = await rows<{ participation_id: number; total: number | null }>(sql,
    `select participation_id, ${SCORE} as total from scored_item where participation_id = any($1) group by participation_id`,
    [participationIds]);
  return new Map(result.map((r) => [r.participation_id, r.total]));
}

export async function totalWithChannels(sql: Sql, participationId: number): Promise<{ total: number | null; byChannel: ChannelTotal[] }> {
  const result = await rows<{ channel: Channel | null; total: number | null }>(sql,
    `select channel, ${SCORE} as total from scored_item where participation_id = $1 group by rollup (channel)`, [participationId]);
  return {
    total: result.find((r) => r.channel === null)?.total ?? null,
    byChannel: result.filter((r): r is ChannelTotal => r.channel !== null).sort(byChannelOrder),
  };
}

/** RESPONSE_TIME counts every inquiry; the other areas only answered ones (domain.md "Scoring"). */
export async function areaScores(sql: Sql, participationId: number): Promise<AreaResult[]> {
  const result = await rows<{ area: ScoredArea; channel: Channel | null; score: number | null }>(sql,
    `select area, channel, ${SCORE} as score from scored_item
     where participation_id = $1 and (area = 'RESPONSE_TIME' or status = 'ANSWERED')
     group by grouping sets ((area), (area, channel))`, [participationId]);
  return SCORED_AREAS.map((area) => ({
    area,
    score: result.find((r) => r.area === area && r.channel === null)?.score ?? null,
    byChannel: result.filter((r) => r.area === area && r.channel !== null)
      .map((r) => ({ channel: r.channel!, score: r.score })).sort(byChannelOrder),
  }));
}

export async function categoryScores(sql: Sql, participationId: number): Promise<CategoryResult[]> {
  const result = await rows<{ category: Category; channel: Channel | null; score: number | null }>(sql,
    `select category, channel, ${SCORE} as score from scored_item, unnest(categories) as category
     where participation_id = $1 and status = 'ANSWERED'
     group by grouping sets ((category), (category, channel))`, [participationId]);
  return CATEGORIES.filter((c) => result.some((r) => r.category === c)).map((category) => ({
    category,
    score: result.find((r) => r.category === category && r.channel === null)?.score ?? null,
    byChannel: result.filter((r) => r.category === category && r.channel !== null)
      .map((r) => ({ channel: r.channel!, score: r.score })).sort(byChannelOrder),
  }));
}

/** Every approved inquiry with its own score (delivery variation). */
export async function inquiryScores(sql: Sql, participationId: number): Promise<InquiryResult[]> {
  return rows<InquiryResult>(sql,
    `select i.external_id as id, i.channel, i.status, s.score
     from inquiry i left join lateral (select ${SCORE} as score from scored_item si where si.inquiry_id = i.id) s on true
     where i.participation_id = $1 and i.review_status = 'APPROVED' order by i.contacted_at, i.id`, [participationId]);
}

/** The five CX measures over answered, approved inquiries (domain.md "CX"). */
export async function cxMeasures(sql: Sql, participationId: number): Promise<CxResult> {
  const [r] = await rows<CxResult>(sql,
    `select avg(v) filter (where code = 'CSAT') as "csatMean",
            100.0 * count(*) filter (where code = 'CSAT' and v >= 4) / nullif(count(*) filter (where code = 'CSAT'), 0) as "csatTop2Share",
            avg(v) filter (where code = 'CES') as "cesMean",
            100.0 * (count(*) filter (where code = 'NPS' and v >= 9) - count(*) filter (where code = 'NPS' and v <= 6))
              / nullif(count(*) filter (where code = 'NPS'), 0) as nps,
            avg(v) filter (where code = 'VES1') as "ves1Mean",
            avg(v) filter (where code = 'VES2') as "ves2Mean"
     from (select q.code, a.scale_value as v from inquiry i
           join answer a on a.inquiry_id = i.id join question q on q.id = a.question_id
           where i.participation_id = $1 and i.review_status = 'APPROVED' and i.status = 'ANSWERED'
             and q.area = 'CX' and a.scale_value is not null) cx`, [participationId]);
  return r!;
}
