import type { EditionStatus } from '@ksp/shared';
import { rows, type Sql } from '../../db/sql.js';
import { canSeeEdition } from '../../access/policy.js';
import type { Viewer } from '../../access/viewer.js';
import { NotFound } from '../../errors.js';

export interface EditionRow {
  id: number;
  year: number;
  name: string;
  status: EditionStatus;
  inquiriesPerParticipant: number;
  classNames: string[];
}

const SELECT = `select e.id, e.year, e.name, e.status, e.inquiries_per_participant as "inquiriesPerParticipant",
  coalesce((select array_agg(k.name order by k.name) from industry_class k where k.edition_id = e.id), '{}') as "classNames"
  from edition e`;

/** The editions the viewer may see, newest first. */
export async function listEditions(sql: Sql, viewer: Viewer): Promise<EditionRow[]> {
  const all = await rows<EditionRow>(sql, `${SELECT} order by e.year desc`);
  return all.filter((e) => canSeeEdition(viewer, e.status));
}

/** One edition by year; an edition the viewer may not see is reported as unknown, so its existence does not leak. */
export async function editionByYear(sql: Sql, viewer: Viewer, year: number): Promise<EditionRow> {
  const [edition] = await rows<EditionRow>(sql, `${SELECT} where e.year = $1`, [year]);
  if (!edition || !canSeeEdition(viewer, edition.status)) throw new NotFound(`There is no published edition ${year}.`);
  return edition;
}
