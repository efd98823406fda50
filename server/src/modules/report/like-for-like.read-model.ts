import { compareQuestionnaires, type QuestionnaireChange } from '@ksp/shared';
import { rows, type Sql } from '../../db/sql.js';
import { questionnairesOf } from '../questionnaire/questionnaire.read-model.js';
import { scoreSql } from './scoring.sql.js';
import type { ChannelFilter } from './report.read-model.js';

/** Two participations of one company in consecutive editions it took part in (docs/domain.md "Across editions"). */
export interface EditionPair {
  previous: { participationId: number; editionId: number; year: number };
  current: { participationId: number; editionId: number };
  channel: ChannelFilter;
}

/** Both totals of a pair recomputed on the scored questions common to the two editions, and how the questionnaire changed. */
export interface LikeForLike extends QuestionnaireChange {
  previousYear: number;
  previousTotal: number | null;
  total: number | null;
}

/**
 * The like-for-like totals of many pairs in two statements (the questionnaires, then the totals).
 * Which questions are common is decided by the pure rule in shared/ (compareQuestionnaires) on
 * each edition's questionnaire; the totals are the report's own scoring in SQL (`scored_item`,
 * what counts, once) cut to those questions, so unanswered inquiries count 0 of the common
 * questions that apply to their channel.
 */
export async function likeForLike(sql: Sql, pairs: readonly EditionPair[]): Promise<LikeForLike[]> {
  const editionIds = [...new Set(pairs.flatMap((p) => [p.previous.editionId, p.current.editionId]))];
  const questionnaires = await questionnairesOf(sql, editionIds);

  const changes = pairs.map((p) =>
    compareQuestionnaires(questionnaires.get(p.previous.editionId) ?? [], questionnaires.get(p.current.editionId) ?? []),
  );

  const sides = pairs.flatMap((p, i) => [
    { pair: i, side: 'previous', participation_id: p.previous.participationId, channel: p.channel, codes: changes[i]!.common },
    { pair: i, side: 'current', participation_id: p.current.participationId, channel: p.channel, codes: changes[i]!.common },
  ]);
  const totals = await rows<{ pair: number; side: 'previous' | 'current'; total: number | null }>(
    sql,
    `select p.pair, p.side, ${scoreSql('s.')} as total
     from json_to_recordset($1::json) as p(pair int, side text, participation_id int, channel text, codes text[])
     join scored_item s on s.participation_id = p.participation_id and (p.channel is null or s.channel = p.channel)
     join question q on q.id = s.question_id and q.code = any(p.codes)
     -- Said again as a list, so the filter reaches into both branches of the view (its indexes)
     -- instead of the view being joined whole.
     where s.participation_id = any($2::int[])
     group by p.pair, p.side`,
    [JSON.stringify(sides), [...new Set(sides.map((s) => s.participation_id))]],
  );
  const totalOf = (pair: number, side: string) => totals.find((t) => t.pair === pair && t.side === side)?.total ?? null;
  return pairs.map((p, i) => ({
    ...changes[i]!,
    previousYear: p.previous.year,
    previousTotal: totalOf(i, 'previous'),
    total: totalOf(i, 'current'),
  }));
}
