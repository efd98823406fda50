import type { EditionStatus, Tier } from '@ksp/shared';
import { rows, type Sql } from '../../db/sql.js';
import type { ParticipationTarget } from '../../access/policy.js';

export interface ParticipationRow extends ParticipationTarget {
  id: number;
  editionId: number;
  year: number;
  companyId: number;
  slug: string;
  name: string;
  classId: number;
  className: string;
  tier: Tier;
  editionStatus: EditionStatus;
  editionName: string;
  reportPurchased: boolean;
  /** The edition's minimum cell size for competitors' figures. */
  minCellSize: number;
}

/** One participation with everything the access policy needs to judge it. */
const SELECT = `
  select p.id, p.edition_id as "editionId", e.year, e.status as "editionStatus", e.name as "editionName", e.min_cell_size as "minCellSize", c.id as "companyId", c.slug, c.name,
         k.id as "classId", k.name as "className", p.tier, p.report_purchased as "reportPurchased",
         coalesce((select json_agg(json_build_object('companyId', chooser.company_id, 'tier', chooser.tier, 'reportPurchased', chooser.report_purchased))
                   from participation_competitor pc join participation chooser on chooser.id = pc.participation_id
                   where pc.competitor_company_id = p.company_id and pc.edition_id = p.edition_id),
                  '[]') as "chosenBy"
  from participation p join edition e on e.id = p.edition_id join company c on c.id = p.company_id
  join industry_class k on k.id = p.class_id`;

export async function findParticipation(sql: Sql, year: number, companySlug: string): Promise<ParticipationRow | undefined> {
  return (
    await rows<ParticipationRow>(sql, `${SELECT} where e.year = $1 and c.slug = $2`, [year, companySlug], 'participation-by-slug')
  )[0];
}

export async function participationsByIds(sql: Sql, ids: number[]): Promise<Map<number, ParticipationRow>> {
  return new Map(
    (await rows<ParticipationRow>(sql, `${SELECT} where p.id = any($1)`, [ids], 'participations-by-ids')).map((r) => [r.id, r]),
  );
}

/** The participations of the competitors each participation chose, in the order it chose them. */
export async function competitorIds(sql: Sql, ids: number[]): Promise<Map<number, number[]>> {
  const result = await rows<{ id: number; competitors: number[] }>(
    sql,
    `select pc.participation_id as id, array_agg(cp.id order by pc.position) as competitors
     from participation_competitor pc join participation cp on cp.edition_id = pc.edition_id and cp.company_id = pc.competitor_company_id
     where pc.participation_id = any($1) group by pc.participation_id`,
    [ids],
    'competitor-ids',
  );
  return listsById(
    ids,
    result.map((r) => [r.id, r.competitors]),
  );
}

/** The same company's participations in earlier editions, newest first. */
export async function earlierParticipationIds(sql: Sql, ids: number[]): Promise<Map<number, number[]>> {
  const result = await rows<{ id: number; earlier: number[] }>(
    sql,
    `select p.id, array_agg(old.id order by oe.year desc) as earlier
     from participation p join edition e on e.id = p.edition_id
     join participation old on old.company_id = p.company_id join edition oe on oe.id = old.edition_id and oe.year < e.year
     where p.id = any($1) group by p.id`,
    [ids],
    'earlier-participation-ids',
  );
  return listsById(
    ids,
    result.map((r) => [r.id, r.earlier]),
  );
}

/** Every asked id gets a list, empty where the query found none. */
function listsById(ids: number[], found: [number, number[]][]): Map<number, number[]> {
  return new Map([...ids.map((id): [number, number[]] => [id, []]), ...found]);
}

/** The participations of each class, for class benchmarks. */
export async function classMemberIds(sql: Sql, classIds: number[]): Promise<Map<number, number[]>> {
  const result = await rows<{ class_id: number; members: number[] }>(
    sql,
    `select class_id, array_agg(id order by id) as members from participation where class_id = any($1) group by class_id`,
    [classIds],
  );
  return new Map(result.map((r) => [r.class_id, r.members]));
}
