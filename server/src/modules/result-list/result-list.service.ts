import { rankResultList } from '@ksp/shared';
import { rows, type Sql } from '../../db/sql.js';
import type { Viewer } from '../../access/viewer.js';
import { BadInput, quote } from '../../errors.js';
import { editionByYear } from '../edition/edition.service.js';
import { readSection } from '../report/report.loaders.js';
import type { UncertaintySection } from '../report/uncertainty.read-model.js';

export interface ResultListRow {
  rank: number;
  classRank: number;
  total: number;
  className: string;
  company: { slug: string; name: string };
  uncertainty: UncertaintySection;
}

/**
 * The public result list of an edition: every participant with a total, ranked overall and
 * within its class at the published precision. Filtering by class keeps the overall rank.
 */
export async function resultList(sql: Sql, viewer: Viewer, year: number, className?: string | null): Promise<ResultListRow[]> {
  const edition = await editionByYear(sql, viewer, year);
  if (className && !edition.classNames.includes(className)) {
    throw new BadInput(`There is no class ${quote(className)} in ${edition.name}. Classes: ${edition.classNames.join(', ')}.`);
  }
  const participants = await rows<{ id: number; slug: string; name: string; className: string }>(
    sql,
    `select p.id, c.slug, c.name, k.name as "className" from participation p
     join company c on c.id = p.company_id join industry_class k on k.id = p.class_id where p.edition_id = $1`,
    [edition.id],
  );
  const ids = participants.map((p) => p.id);
  const [totals, uncertainty] = await Promise.all([readSection('totals')(sql, ids, null), readSection('uncertainty')(sql, ids, null)]);
  const idOf = new Map(participants.map((p) => [p.slug, p.id]));
  const ranked = rankResultList(
    participants.map((p) => ({
      companySlug: p.slug,
      companyName: p.name,
      className: p.className,
      total: totals.get(p.id)?.total ?? null,
    })),
  );
  return ranked
    .filter((r) => !className || r.className === className)
    .map((r) => ({
      rank: r.rank,
      classRank: r.classRank,
      total: r.total!,
      className: r.className,
      company: { slug: r.companySlug, name: r.companyName! },
      uncertainty: uncertainty.get(idOf.get(r.companySlug)!)!,
    }));
}
