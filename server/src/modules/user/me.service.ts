import type { EditionStatus, Role, Tier } from '@ksp/shared';
import { rows, type Sql } from '../../db/sql.js';
import { canSeeEdition } from '../../access/policy.js';
import type { Viewer } from '../../access/viewer.js';

/** The competitors participation `p` chose, in choice order, as `[{ slug, name }]`. */
const COMPETITORS = `coalesce((select json_agg(json_build_object('slug', cc.slug, 'name', cc.name) order by pc.position)
  from participation_competitor pc join company cc on cc.id = pc.competitor_company_id
  where pc.participation_id = p.id), '[]') as competitors`;

export interface UserRow {
  id: number;
  email: string;
  role: Role;
  companyId: number | null;
  companySlug: string | null;
  companyName: string | null;
}

/** The signed-in user's own record, with the company a manager is bound to. */
export async function userById(sql: Sql, id: number): Promise<UserRow | undefined> {
  return (
    await rows<UserRow>(
      sql,
      `select u.id, u.email, u.role, u.company_id as "companyId", c.slug as "companySlug", c.name as "companyName"
     from app_user u left join company c on c.id = u.company_id where u.id = $1`,
      [id],
    )
  )[0];
}

/** The viewer as the policy knows it, built from the user row (also right after login, before the cookie is read back). */
export function viewerOf(user: UserRow): Viewer {
  return { kind: 'user', userId: user.id, role: user.role, companyId: user.companyId, observerId: null };
}

export interface OwnParticipationRow {
  year: number;
  editionName: string;
  editionStatus: EditionStatus;
  className: string;
  tier: Tier;
  reportPurchased: boolean;
  /** The chosen competitors in choice order (empty unless the tier is KONKURRENT). */
  competitors: { slug: string; name: string }[];
}

/** A company's participations in the editions the viewer may see, newest first. */
export async function ownParticipations(sql: Sql, viewer: Viewer, companyId: number): Promise<OwnParticipationRow[]> {
  const found = await rows<OwnParticipationRow>(
    sql,
    `select e.year, e.name as "editionName", e.status as "editionStatus", k.name as "className", p.tier,
            p.report_purchased as "reportPurchased",
            ${COMPETITORS}
     from participation p join edition e on e.id = p.edition_id join industry_class k on k.id = p.class_id
     where p.company_id = $1 order by e.year desc`,
    [companyId],
  );
  return found.filter((p) => canSeeEdition(viewer, p.editionStatus));
}

export interface EditionParticipantRow {
  participationId: number;
  company: { slug: string; name: string };
  className: string;
  tier: Tier;
  reportPurchased: boolean;
  competitors: { slug: string; name: string }[];
}

/** Every participant of one edition, by class and name (the staff overview). */
export async function editionParticipants(sql: Sql, year: number): Promise<EditionParticipantRow[]> {
  return rows<EditionParticipantRow>(
    sql,
    `select p.id as "participationId", json_build_object('slug', c.slug, 'name', c.name) as company, k.name as "className", p.tier,
            p.report_purchased as "reportPurchased",
            ${COMPETITORS}
     from participation p join edition e on e.id = p.edition_id join company c on c.id = p.company_id
     join industry_class k on k.id = p.class_id
     where e.year = $1 order by k.name, c.name`,
    [year],
  );
}
