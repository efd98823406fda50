import { ageBand, type ExportQuestion, type ExportResponse } from '@ksp/shared';
import { rows, type Sql } from '../../db/sql.js';
import type { ParticipationRow } from '../participation/participation.service.js';
import { answersOf, responsePage, type Cursor, type ResponseRowData } from '../inquiry/response.service.js';

// What the responses export reads: the same read model as the report's `responses` (the
// inquiry score from the `scored_item` view, gender and birth year but never the observer's id),
// so a file says what the dashboard says. A participation has ~25 inquiries, a few hundred at
// most: read in pages of PAGE_SIZE, built in memory.

const PAGE_SIZE = 500;
const NO_FILTERS = {
  channel: null,
  status: null,
  minScore: null,
  maxScore: null,
  search: null,
  questionId: null,
  optionId: null,
  from: null,
  to: null,
  attempts: null,
};

/** Every approved response of the participation in contact order, with its answers as option labels (or scale values). */
export async function exportResponses(sql: Sql, participation: ParticipationRow): Promise<ExportResponse[]> {
  const found: ResponseRowData[] = [];
  let after: Cursor | null = null;
  do {
    const page = await responsePage(sql, {
      participationId: participation.id,
      reportChannel: null,
      filters: NO_FILTERS,
      first: PAGE_SIZE,
      after,
      order: 'CONTACTED_AT_ASC',
    });
    found.push(...page.rows);
    after = page.hasNextPage ? page.rows.at(-1)!.cursor : null;
  } while (after);

  const answers = await answersOf(
    sql,
    found.map((r) => r.rowId),
  );
  return found.map((r) => ({
    id: r.id,
    channel: r.channel,
    contactedAt: r.contactedAt,
    attempts: r.attempts,
    waitSeconds: r.waitSeconds,
    status: r.status,
    score: r.score,
    answers: Object.fromEntries(
      (answers.get(r.rowId) ?? []).flatMap((a) => {
        const shown = a.optionLabel ?? a.value;
        return shown === null ? [] : [[a.questionCode, shown]];
      }),
    ),
    comments: r.comments,
    observerGender: r.observerGender,
    observerAgeBand: ageBand(participation.year - r.observerBirthYear),
  }));
}

/** The edition's questionnaire in order: every question (scored, unscored, CX scales) with its options and points. */
export async function exportQuestions(sql: Sql, editionId: number): Promise<ExportQuestion[]> {
  return rows<ExportQuestion>(
    sql,
    `select q.code, q.text, q.area, q.kind, q.channels, q.max_points as "maxPoints", q.scale_min as "scaleMin", q.scale_max as "scaleMax",
            coalesce((select json_agg(json_build_object('code', o.code, 'label', o.label, 'points', o.points, 'notApplicable', o.not_applicable)
                                      order by o.position)
                      from question_option o where o.question_id = q.id), '[]') as options
     from question q where q.edition_id = $1 order by q.position`,
    [editionId],
  );
}
