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
  reportPurchased: boolean;
}

/** One participation with everything the access policy needs to judge it, in one statement. */
export async function findParticipation(sql: Sql, year: number, companySlug: string): Promise<ParticipationRow | undefined> {
  const [row] = await rows<ParticipationRow>(sql,
    `select p.id, p.edition_id as "editionId", e.year, e.status as "editionStatus", c.id as "companyId", c.slug, c.name,
            k.id as "classId", k.name as "className", p.tier, p.report_purchased as "reportPurchased",
            coalesce((select array_agg(pc.company_id) from participation_competitor pc
                      join participation chooser on chooser.id = pc.participation_id
                      where pc.competitor_company_id = p.company_id and pc.edition_id = p.edition_id and chooser.report_purchased),
                     '{}') as "chosenByCompanyIds"
     from participation p join edition e on e.id = p.edition_id join company c on c.id = p.company_id
     join industry_class k on k.id = p.class_id
     where e.year = $1 and c.slug = $2`, [year, companySlug]);
  return row;
}
