import type { EditionStatus } from '@ksp/shared';
import type { Viewer } from './viewer.js';
import { Forbidden, Unauthenticated } from '../errors.js';

/**
 * The one policy module: who may see what. Every record that leads to more is judged here,
 * with the record, not just the role; what it decides travels with the record as a grant
 * (access/grant.ts).
 */
export interface ParticipationTarget {
  editionStatus: EditionStatus;
  companyId: number;
  reportPurchased: boolean;
  /** Companies whose participations in the same edition chose this one as a competitor, for whom a report was bought. */
  chosenByCompanyIds: number[];
}

/**
 * How much of a participation's report a viewer may read:
 * - `OWN`: everything (staff; the company's own manager when that edition's report was bought);
 * - `COMPETITOR`: aggregates only, never single inquiries, and no figure over a small cell (a
 *   konkurrent manager with its own report bought, for a company it chose **in that edition**);
 * - `PUBLIC`: the total as it stood on the public result list, nothing narrower.
 */
export type ReportAccess = 'OWN' | 'COMPETITOR' | 'PUBLIC';

export const isStaff = (viewer: Viewer) => viewer.kind === 'user' && viewer.role === 'STAFF';
const isManagerOf = (viewer: Viewer, companyId: number) => viewer.kind === 'user' && viewer.role === 'MANAGER' && viewer.companyId === companyId;

/** Results of an edition (result list, reports) exist for others than staff only once it is published. */
export function canSeeEdition(viewer: Viewer, status: EditionStatus): boolean {
  return status === 'PUBLISHED' || isStaff(viewer);
}

/** The report access of a viewer to one participation: the single rule every path goes through. */
export function reportAccess(viewer: Viewer, target: ParticipationTarget): ReportAccess | null {
  if (isStaff(viewer)) return 'OWN';
  if (target.editionStatus !== 'PUBLISHED') return null;
  if (viewer.kind === 'user' && viewer.role === 'MANAGER') {
    if (viewer.companyId === target.companyId && target.reportPurchased) return 'OWN';
    if (viewer.companyId !== null && target.chosenByCompanyIds.includes(viewer.companyId)) return 'COMPETITOR';
  }
  return 'PUBLIC';
}

/** The tier and the report purchase are the participant's business: staff and the company's own managers. */
export function canSeeSubscription(viewer: Viewer, target: { companyId: number }): boolean {
  return isStaff(viewer) || isManagerOf(viewer, target.companyId);
}

/**
 * The error for a denied record: without a session, sign in first (UNAUTHENTICATED);
 * signed in but not allowed, FORBIDDEN. Resolvers throw what this returns.
 */
export function denial(viewer: Viewer, message: string): Unauthenticated | Forbidden {
  return viewer.kind === 'anonymous' ? new Unauthenticated(`Sign in to see this. ${message}`) : new Forbidden(message);
}
