import type { QuestionDef } from '@ksp/shared';
import { rows, type Sql } from '../../db/sql.js';

/**
 * An edition's questionnaire as QuestionDef, in its order, with points: the interchange file's
 * export and the server's rules need them (observers' types drop them, fieldwork/assignment.resolver.ts).
 */
export async function questionsOf(sql: Sql, editionId: number): Promise<QuestionDef[]> {
  return (await questionnairesOf(sql, [editionId])).get(editionId) ?? [];
}

/** The questionnaires of many editions in one statement, by edition id (each in its order; an edition without questions is absent). */
export async function questionnairesOf(sql: Sql, editionIds: readonly number[]): Promise<Map<number, QuestionDef[]>> {
  const result = await rows<{
    edition_id: number;
    code: string;
    area: QuestionDef['area'];
    kind: 'CHOICE' | 'SCALE';
    text: string;
    short_label: string | null;
    channels: QuestionDef['channels'];
    categories: NonNullable<QuestionDef['categories']>;
    scale_min: number | null;
    scale_max: number | null;
    options: { code: string; label: string; points: number | null; notApplicable: boolean }[] | null;
  }>(
    sql,
    `select q.edition_id, q.code, q.area, q.kind, q.text, q.short_label, q.channels, q.categories, q.scale_min, q.scale_max,
            (select json_agg(json_build_object('code', o.code, 'label', o.label, 'points', o.points, 'notApplicable', o.not_applicable)
                             order by o.position)
               from question_option o where o.question_id = q.id) as options
     from question q where q.edition_id = any($1::int[]) order by q.edition_id, q.position`,
    [[...editionIds]],
  );
  const byEdition = new Map<number, QuestionDef[]>();
  for (const q of result) {
    const def: QuestionDef = { code: q.code, area: q.area, text: q.text, channels: q.channels };
    if (q.short_label !== null) def.shortLabel = q.short_label;
    if (q.categories.length) def.categories = q.categories;
    if (q.kind === 'SCALE') Object.assign(def, { kind: 'SCALE', min: q.scale_min, max: q.scale_max });
    else
      def.options = (q.options ?? []).map((o) => ({
        code: o.code,
        label: o.label,
        ...(o.points !== null ? { points: o.points } : {}),
        ...(o.notApplicable ? { notApplicable: true } : {}),
      }));
    byEdition.set(q.edition_id, [...(byEdition.get(q.edition_id) ?? []), def]);
  }
  return byEdition;
}
