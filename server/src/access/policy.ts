import type { EditionStatus } from '@ksp/shared';
import type { Viewer } from './viewer.js';
import { Forbidden, Unauthenticated } from '../errors.js';

/**
 * The one policy module: who may see what. Every resolver that exposes a record asks here,
 * with the record, not just the role.
 */
export interface ParticipationTarget {
  editionStatus: EditionStatus;
  companyId: number;
  reportPurchased: boolean;
  /** Companies whose participations in the same edition chose this one as a competitor, for whom a report was bought. */
  chosenByCompanyIds: number[];
}

export const isStaff = (viewer: Viewer) => viewer.kind === 'user' && viewer.role === 'STAFF';

/** Results of an edition (result list, reports) exist for others than staff only once it is published. */
export function canSeeEdition(viewer: Viewer, status: EditionStatus): boolean {
  return status === 'PUBLISHED' || isStaff(viewer);
}

/**
 * A report's aggregates: staff always; a manager for the own company when the report was bought,
 * and (konkurrent tier, with the own report bought) for the competitors it chose.
 */
export function canReadReport(viewer: Viewer, target: ParticipationTarget): boolean {
  if (isStaff(viewer)) return true;
  if (viewer.kind !== 'user' || viewer.role !== 'MANAGER' || target.editionStatus !== 'PUBLISHED') return false;
  if (viewer.companyId === target.companyId) return target.reportPurchased;
  return viewer.companyId !== null && target.chosenByCompanyIds.includes(viewer.companyId);
}

/**
 * What belongs to the own report only: single inquiries and responses, comments, observer
 * data, the background, other class members' area and category scores, the history and the
 * list of chosen competitors. Staff, or the manager of that company with the report bought.
 * A konkurrent manager looking at a competitor gets its aggregates, never these.
 */
export function canReadOwnReport(viewer: Viewer, target: ParticipationTarget): boolean {
  if (isStaff(viewer)) return true;
  return viewer.kind === 'user' && viewer.role === 'MANAGER' && target.editionStatus === 'PUBLISHED'
    && viewer.companyId === target.companyId && target.reportPurchased;
}

/**
 * Points, and which questions carry them, in single responses: staff, or the manager of that
 * company with the report bought. Observers never (domain.md "The questionnaire").
 */
export function canSeePoints(viewer: Viewer, target: ParticipationTarget): boolean {
  if (viewer.kind !== 'user' || viewer.role === 'OBSERVER') return false;
  return canReadOwnReport(viewer, target);
}

/**
 * The error for a denied record: without a session, sign in first (UNAUTHENTICATED);
 * signed in but not allowed, FORBIDDEN. Resolvers throw what this returns.
 */
export function denial(viewer: Viewer, message: string): Unauthenticated | Forbidden {
  return viewer.kind === 'anonymous' ? new Unauthenticated(`Sign in to see this. ${message}`) : new Forbidden(message);
}
