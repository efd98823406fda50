import type { Channel } from '../domain.js';
import type { EligibilityRule, ObserverProfile } from './eligibility.js';

/**
 * The fieldwork planner (domain.md "Running an edition in the product", step 3): chooses each
 * participant's channels, splits its inquiries by the national keys, and gives every inquiry an
 * observer and a week under the four eligibility rules, at most one inquiry per observer per
 * participant. Pure and deterministic: the same input gives the same plan.
 */

/** A rule the plan or a change by hand can break: the four eligibility rules and one-per-participant. */
export type AssignmentRule = EligibilityRule | 'SAME_PARTICIPANT';

/** An inquiry already given to an observer that replanning keeps (its work has started, or staff set it). */
export interface KeptAssignment {
  channel: Channel;
  week: number;
  observerId: string;
}

export interface PlanParticipant {
  companySlug: string;
  /** The channels the company can be contacted on (at most 3 are used, `chooseChannels`). */
  channels: Channel[];
  /** Inquiries to plan in all (the edition's inquiries per participant). */
  inquiries: number;
  /** Assignments kept as they are; they count towards the split and occupy their observer. */
  kept?: KeptAssignment[];
}

export interface PlanInput {
  /** ISO weeks of the edition's fieldwork. */
  weeks: number[];
  channelKeys: Partial<Record<Channel, number>>;
  thirdChannel: 'CHAT' | 'MESSENGER';
  minQualityScore: number;
  /** The edition's year: observers' age bands are counted in it. */
  year: number;
  participants: PlanParticipant[];
  observers: ObserverProfile[];
}

export interface PlannedInquiry {
  companySlug: string;
  channel: Channel;
  week: number;
  observerId: string;
}

/** What could not be staffed for one participant, channel and week, and which rule ran out. */
export interface PlanShortfall {
  companySlug: string;
  channel: Channel;
  week: number;
  /** Inquiries of this participant, channel and week without an observer. */
  missing: number;
  /** Inquiries planned for this participant, channel and week in all. */
  planned: number;
  /** The rules that excluded the observers who were left, most excluding first. */
  rules: AssignmentRule[];
  /** In words (Norwegian), e.g. "3 av 10 uten observatør: alle andre ledige observatører er kunder av selskapet". */
  reason: string;
}

export interface FieldworkPlan {
  /** Newly planned inquiries (kept ones are not repeated). */
  assignments: PlannedInquiry[];
  shortfalls: PlanShortfall[];
}
