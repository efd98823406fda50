import { rows, type Sql } from '../../db/sql.js';
import { canSeeEdition } from '../../access/policy.js';
import type { Viewer } from '../../access/viewer.js';
import type { EditionStatus } from '@ksp/shared';
import type { ParticipationRow } from '../participation/participation.service.js';
import { totalsOf } from './report.read-model.js';

/** The class's participants with their totals, best first: the benchmark, not split by channel. */
export async function classBenchmark(sql: Sql, p: ParticipationRow) {
  const members = await rows<{ id: number; slug: string; name: string }>(sql,
    `select p.id, c.slug, c.name from participation p join company c on c.id = p.company_id where p.class_id = $1`, [p.classId]);
  const totals = await totalsOf(sql, members.map((m) => m.id));
  return members
    .map((m) => ({ company: { slug: m.slug, name: m.name }, total: totals.get(m.id) ?? null }))
    .sort((a, b) => (b.total ?? -1) - (a.total ?? -1) || a.company.name.localeCompare(b.company.name, 'nb'));
}

/** The same company's total in the edition of the year before, when it took part and the viewer may see it. */
export async function lastYearTotal(sql: Sql, viewer: Viewer, p: ParticipationRow): Promise<number | null> {
  const [previous] = await rows<{ id: number; status: EditionStatus }>(sql,
    `select p.id, e.status from participation p join edition e on e.id = p.edition_id where p.company_id = $1 and e.year = $2`,
    [p.companyId, p.year - 1]);
  if (!previous || !canSeeEdition(viewer, previous.status)) return null;
  return (await totalsOf(sql, [previous.id])).get(previous.id) ?? null;
}
