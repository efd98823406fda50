import type { EditionStatus, Tier } from '@ksp/shared';
import type { Viewer } from './viewer.js';
import { Forbidden, Unauthenticated } from '../errors.js';

/**
 * The one policy module: who may see what. Every record that leads to more is judged here,
 * with the record, not just the role; what it decides travels with the record as a grant
 * (access/grant.ts). Resolvers call the named checks below (`requireStaff`, `requireObserver`,
 * `requireSubscription`) instead of testing roles themselves.
 */

/** A participation as the competitor rule reads it: its tier and whether its report was bought. */
export interface Subscription {
  tier: Tier;
  reportPurchased: boolean;
}

/** A participation that chose the target as a competitor in the same edition. */
export interface Chooser extends Subscription {
  companyId: number;
}

export interface ParticipationTarget {
  editionStatus: EditionStatus;
  companyId: number;
  reportPurchased: boolean;
  /** The company's participations in the same edition that chose this one as a competitor (whatever their tier and purchase). */
  chosenBy: Chooser[];
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
const isManagerOf = (viewer: Viewer, companyId: number) =>
  viewer.kind === 'user' && viewer.role === 'MANAGER' && viewer.companyId === companyId;

/** The company a manager is bound to; null for anyone else. */
export function managedCompanyId(viewer: Viewer): number | null {
  return viewer.kind === 'user' && viewer.role === 'MANAGER' ? viewer.companyId : null;
}

/**
 * The competitor rule, the only place it is written: a participant sees its chosen competitors'
 * aggregates (at most 5, chosen in that edition) only in the konkurrent tier and together with
 * its own purchased report.
 */
export function seesCompetitors(participation: Subscription): boolean {
  return participation.tier === 'KONKURRENT' && participation.reportPurchased;
}

/** Results of an edition (result list, reports) exist for others than staff only once it is published. */
export function canSeeEdition(viewer: Viewer, status: EditionStatus): boolean {
  return status === 'PUBLISHED' || isStaff(viewer);
}

/** The report access of a viewer to one participation: the single rule every path goes through. */
export function reportAccess(viewer: Viewer, target: ParticipationTarget): ReportAccess | null {
  if (isStaff(viewer)) return 'OWN';
  if (target.editionStatus !== 'PUBLISHED') return null;
  const companyId = managedCompanyId(viewer);
  if (companyId !== null) {
    if (companyId === target.companyId && target.reportPurchased) return 'OWN';
    if (target.chosenBy.some((chooser) => chooser.companyId === companyId && seesCompetitors(chooser))) return 'COMPETITOR';
  }
  return 'PUBLIC';
}

/**
 * An edition's key drivers (issue 19) are read across all its participants' inquiries: staff, and
 * the managers of a company whose report of that (published) edition was bought. `ownPurchase`
 * is whether the viewer's company bought its report of the edition (false when it took no part).
 */
export function canSeeKeyDrivers(viewer: Viewer, edition: { status: EditionStatus }, ownPurchase: boolean): boolean {
  if (isStaff(viewer)) return true;
  return edition.status === 'PUBLISHED' && managedCompanyId(viewer) !== null && ownPurchase;
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

/** Staff only (operations, the edition overview): throws the denial with `message` for anyone else. */
export function requireStaff(viewer: Viewer, message: string): void {
  if (!isStaff(viewer)) throw denial(viewer, message);
}

/** An observer's own records only: the observer the session is bound to, or the denial with `message`. */
export function requireObserver(viewer: Viewer, message: string): number {
  if (viewer.kind !== 'user' || viewer.role !== 'OBSERVER' || viewer.observerId === null) throw denial(viewer, message);
  return viewer.observerId;
}

/** The tier and the report purchase of a participation (canSeeSubscription), or the denial with `message`. */
export function requireSubscription(viewer: Viewer, target: { companyId: number }, message: string): void {
  if (!canSeeSubscription(viewer, target)) throw denial(viewer, message);
}
