import type { Gender } from '../domain.js';

/**
 * What fieldwork planning knows about a mystery shopper (domain.md "Fieldwork rules").
 * `contactedBefore` and `customerOf` hold company slugs; `unavailableWeeks` ISO week numbers
 * of the edition's year in which the observer cannot make weekday contacts 09–15.
 */
export interface ObserverProfile {
  id: string;
  gender: Gender;
  birthYear: number;
  region: string;
  /** Internal quality score, 0–100. */
  qualityScore: number;
  /** Companies the observer is a customer of or otherwise registered with (e.g. a customer club). */
  customerOf: string[];
  /** Companies the observer has contacted before, in KSP or in any other project. */
  contactedBefore: string[];
  /** ISO weeks in which the observer is not available on weekdays 09–15. */
  unavailableWeeks: number[];
}

export interface EligibilityOptions {
  /** The lowest internal quality score accepted (configuration of the edition / planning). */
  minQualityScore: number;
}

export type EligibilityRule = 'CONTACTED_BEFORE' | 'CUSTOMER' | 'UNAVAILABLE' | 'QUALITY';

export interface EligibilityProblem {
  rule: EligibilityRule;
  message: string;
}

/** Every rule the assignment would break, with a reason a person understands; empty when eligible. */
export function eligibilityIssues(
  observer: ObserverProfile,
  companySlug: string,
  week: number,
  opts: EligibilityOptions,
): EligibilityProblem[] {
  const out: EligibilityProblem[] = [];
  if (observer.contactedBefore.includes(companySlug)) {
    out.push({ rule: 'CONTACTED_BEFORE', message: `${observer.id} has contacted ${companySlug} before` });
  }
  if (observer.customerOf.includes(companySlug)) {
    out.push({ rule: 'CUSTOMER', message: `${observer.id} is a customer of or registered with ${companySlug}` });
  }
  if (observer.unavailableWeeks.includes(week)) {
    out.push({ rule: 'UNAVAILABLE', message: `${observer.id} is not available on weekdays 09–15 in week ${week}` });
  }
  if (!(observer.qualityScore >= opts.minQualityScore)) {
    out.push({
      rule: 'QUALITY',
      message: `${observer.id} has quality score ${observer.qualityScore}, below the threshold ${opts.minQualityScore}`,
    });
  }
  return out;
}

/** The reasons (messages) why `observer` may not be assigned to `companySlug` in `week`; empty when eligible. */
export function eligibilityProblems(observer: ObserverProfile, companySlug: string, week: number, opts: EligibilityOptions): string[] {
  return eligibilityIssues(observer, companySlug, week, opts).map((p) => p.message);
}

/** May `observer` be assigned to `companySlug` in ISO `week`? (All four rules of domain.md.) */
export function isEligible(observer: ObserverProfile, companySlug: string, week: number, opts: EligibilityOptions): boolean {
  return (
    !observer.contactedBefore.includes(companySlug) &&
    !observer.customerOf.includes(companySlug) &&
    !observer.unavailableWeeks.includes(week) &&
    observer.qualityScore >= opts.minQualityScore
  );
}

/**
 * The Norwegian message for a broken eligibility rule, for pages staff reads (the planner's
 * shortfalls and checking a change by hand); `eligibilityIssues` keeps its English messages.
 */
export function ruleMessageNb(
  rule: EligibilityRule,
  observer: Pick<ObserverProfile, 'id' | 'qualityScore'>,
  companySlug: string,
  week: number,
  opts: EligibilityOptions,
): string {
  switch (rule) {
    case 'CONTACTED_BEFORE':
      return `Observatør ${observer.id} har kontaktet ${companySlug} før`;
    case 'CUSTOMER':
      return `Observatør ${observer.id} er kunde av eller registrert hos ${companySlug}`;
    case 'UNAVAILABLE':
      return `Observatør ${observer.id} er ikke ledig på hverdager 09–15 i uke ${week}`;
    case 'QUALITY':
      return `Observatør ${observer.id} har kvalitetsscore ${observer.qualityScore}, under grensen ${opts.minQualityScore}`;
  }
}
