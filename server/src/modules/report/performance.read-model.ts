import { CATEGORIES, CHANNELS, type Area, type Category, type Channel } from '@ksp/shared';
import { rows, type Sql } from '../../db/sql.js';
import { scoreSql } from './scoring.sql.js';
import type { Basis, ChannelFilter } from './report.read-model.js';

// Score per performance (domain.md "Performance (question) score"): points from the
// `scored_item` view (answered inquiries, "not applicable" dropped), answer counts from the
// `counted_answer` view. Batched over participations like the rest of the report read model.

// The basis of a performance (and of its figures per channel) is its scored answers ("not
// applicable" dropped), or all its answers when unscored; an option's share is over all answers.
export interface OptionShareResult extends Basis {
  code: string;
  label: string;
  points: number | null;
  notApplicable: boolean;
  count: number;
  share: number | null;
}
export interface PerformanceChannelResult extends Basis {
  channel: Channel;
  score: number | null;
  answers: number;
}
export interface PerformanceResult extends Basis {
  code: string;
  text: string;
  /** The questionnaire's short label, or the text where it gives none. */
  shortLabel: string;
  area: Area;
  categories: Category[];
  channels: Channel[];
  scored: boolean;
  maxPoints: number | null;
  score: number | null;
  answers: number;
  options: OptionShareResult[];
  byChannel: PerformanceChannelResult[];
}

/**
 * Every CHOICE question of the participation's edition (scored or not; SCALE/CX questions are
 * the CX chapter), in questionnaire order. With a channel: only the questions that apply to
 * it, over that channel's inquiries. Answers count only in answered, approved inquiries where
 * the question applies; each option's share is of all answers, "not applicable" included.
 */
export async function performances(sql: Sql, ids: number[], channel: ChannelFilter = null): Promise<Map<number, PerformanceResult[]>> {
  type Row = Omit<PerformanceResult, 'scored'> & { participation_id: number };
  const result = await rows<Row>(
    sql,
    `/* report:performances */
     with scope as (
       select p.id as participation_id, q.id as question_id, q.code, q.text, coalesce(q.short_label, q.text) as short_label, q.area, q.categories, q.channels, q.max_points, q.position
       from participation p join question q on q.edition_id = p.edition_id
       where p.id = any($1) and q.kind = 'CHOICE' and q.area <> 'CX' and ($2::text is null or $2 = any(q.channels))),
     answers as (
       select participation_id, channel, question_id, option_id
       from counted_answer
       where participation_id = any($1) and ($2::text is null or channel = $2) and kind = 'CHOICE'),
     per_question as (select participation_id, question_id, count(*)::int as answers from answers group by 1, 2),
     per_option as (select participation_id, option_id, count(*)::int as n from answers group by 1, 2),
     per_channel as (select participation_id, question_id, channel, count(*)::int as answers from answers group by 1, 2, 3),
     points as (
       select participation_id, question_id, channel, ${scoreSql()} as score, count(*)::int as scored
       from scored_item
       where participation_id = any($1) and ($2::text is null or channel = $2) and status = 'ANSWERED'
       group by grouping sets ((participation_id, question_id), (participation_id, question_id, channel))),
     options as (
       select s.participation_id, s.question_id,
              json_agg(json_build_object('code', o.code, 'label', o.label, 'points', o.points, 'notApplicable', o.not_applicable,
                                         'count', coalesce(po.n, 0), 'share', 100.0 * coalesce(po.n, 0) / nullif(pq.answers, 0),
                                         'basis', coalesce(pq.answers, 0))
                       order by o.position) as options
       from scope s join question_option o on o.question_id = s.question_id
       left join per_option po on po.participation_id = s.participation_id and po.option_id = o.id
       left join per_question pq on pq.participation_id = s.participation_id and pq.question_id = s.question_id
       group by s.participation_id, s.question_id),
     channels as (
       select pc.participation_id, pc.question_id,
              json_agg(json_build_object('channel', pc.channel, 'score', pt.score, 'answers', pc.answers,
                                         'basis', case when q.max_points is null then pc.answers else coalesce(pt.scored, 0) end)) as by_channel
       from per_channel pc join question q on q.id = pc.question_id
       left join points pt on pt.participation_id = pc.participation_id and pt.question_id = pc.question_id and pt.channel = pc.channel
       group by pc.participation_id, pc.question_id)
     select s.participation_id, s.code, s.text, s.short_label as "shortLabel", s.area, s.categories, s.channels, s.max_points as "maxPoints", pt.score,
            coalesce(pq.answers, 0) as answers, coalesce(op.options, '[]') as options, coalesce(ch.by_channel, '[]') as "byChannel",
            case when s.max_points is null then coalesce(pq.answers, 0) else coalesce(pt.scored, 0) end as basis
     from scope s
     left join points pt on pt.participation_id = s.participation_id and pt.question_id = s.question_id and pt.channel is null
     left join per_question pq on pq.participation_id = s.participation_id and pq.question_id = s.question_id
     left join options op on op.participation_id = s.participation_id and op.question_id = s.question_id
     left join channels ch on ch.participation_id = s.participation_id and ch.question_id = s.question_id
     order by s.participation_id, s.position`,
    [ids, channel],
  );
  const map = new Map<number, PerformanceResult[]>(ids.map((id) => [id, []]));
  for (const { participation_id, ...r } of result) {
    map.get(participation_id)?.push({
      ...r,
      scored: r.maxPoints !== null,
      categories: CATEGORIES.filter((c) => r.categories.includes(c)),
      channels: CHANNELS.filter((c) => r.channels.includes(c)),
      byChannel: r.byChannel.sort((a, b) => CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel)),
    });
  }
  return map;
}
