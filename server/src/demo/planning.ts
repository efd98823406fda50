// The demo's next editions as companies signed up for them: most of last year's participants
// (accepted: they take part in the edition now in fieldwork), and for the year after, a few new
// companies waiting for staff's decision and one declined; and the observer pool as
// `ksp observers import` would load it. Pure and deterministic like generate.ts;
// every part draws from its own seeded stream, so the published editions stay as they were.
import {
  MAX_COMPETITORS,
  type Channel,
  type Gender,
  type ObserverProfile,
  type ObserverRow,
  type ParticipantRow,
  type Tier,
} from '@ksp/shared';
import type { ContactPointDraft } from '@ksp/shared/signup/contact-points';
import { organisationNumberCheckDigit } from '@ksp/shared/signup/organisation-number';
import { CLASSES, FIRST_NAMES_ANY, FIRST_NAMES_FEMALE, FIRST_NAMES_MALE, LAST_NAMES, NAME_HEADS, NAME_TAILS, slugify } from './catalog.js';
import { Rng } from './rng.js';

export interface DemoSignUp {
  companyName: string;
  organisationNumber: string;
  className: string;
  tier: Tier;
  channels: Channel[];
  /** By name, as the sign-up form takes them. */
  competitors: string[];
  reportPurchased: boolean;
  contactName: string;
  contactEmail: string;
  /** How observers reach the company on each of its channels (demoContactPoints). */
  contactPoints: ContactPointDraft[];
  /** What staff do with it in the demo: accept, leave for a newcomer to decide, or decline with `declineReason`. */
  decision: 'ACCEPT' | 'PENDING' | 'DECLINE';
  declineReason?: string;
  /** The company's slug when it took part before (found again by its organisation number). */
  companySlug?: string;
}

export interface DemoPlanning {
  /** The edition copied (the newest published one). */
  fromYear: number;
  /** The edition in FIELDWORK: its participants are the accepted sign-ups. */
  year: number;
  /** The edition after it, in PLANNING: the sign-ups waiting for staff and the declined one. */
  nextYear: number;
  /** In the order they arrive: last year's participants first (for `year`), then the new companies (for `nextYear`). */
  signUps: DemoSignUp[];
}

/** New companies whose sign-up waits for staff (one of them in the konkurrent tier). */
export const DEMO_PENDING_SIGN_UPS = 5;
export const DEMO_DECLINE_REASON = 'Selskapet har ikke eget kundesenter i Norge; KSP måler bare kundesentre som betjener norske kunder.';

/** How many of last year's participants do not sign up again: a few, none in the smallest demo. */
export const dropoutsOf = (participants: number) => Math.min(3, Math.floor(participants / 8));

/**
 * Valid organisation numbers (9 digits, mod-11 check digit), unique and deterministic: 9 and
 * seven digits drawn, then the check digit; 8-digit stems whose check digit would be 10 are
 * skipped, as Brønnøysundregistrene skips them.
 */
export function organisationNumbers(rng: Rng, count: number, taken: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  const seen = new Set(taken);
  while (out.length < count) {
    const first8 = `9${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
    const check = organisationNumberCheckDigit(first8);
    if (check === null) continue;
    const number = `${first8}${check}`;
    if (seen.has(number)) continue;
    seen.add(number);
    out.push(number);
  }
  return out;
}

function firstName(rng: Rng, gender: Gender): string {
  return rng.pick(gender === 'FEMALE' ? FIRST_NAMES_FEMALE : gender === 'MALE' ? FIRST_NAMES_MALE : FIRST_NAMES_ANY);
}

const emailPart = (s: string) => slugify(s).replace(/-/g, '');

/** A contact person of a company: a name and a work address at a domain made of the company's slug. */
function contactPerson(rng: Rng, companySlug: string): { contactName: string; contactEmail: string } {
  const first = firstName(rng, rng.chance(0.5) ? 'FEMALE' : 'MALE');
  const last = rng.pick(LAST_NAMES);
  return { contactName: `${first} ${last}`, contactEmail: `${emailPart(first)}.${emailPart(last)}@${companySlug}.no` };
}

/** A company name not yet used, made as the generator makes them (a class's pattern around an invented word). */
function newCompanyName(rng: Rng, classIndex: number, usedNames: Set<string>, usedSlugs: Set<string>): string {
  const cls = CLASSES[classIndex]!;
  for (let tries = 0; ; tries++) {
    const word = (rng.pick(NAME_HEADS) + rng.pick(NAME_TAILS)).replace(/(.)\1\1/g, '$1$1');
    const name = rng.pick(cls.patterns).replace('{}', tries > 200 ? `${word} ${tries}` : word);
    const slug = slugify(name);
    if (usedNames.has(name) || usedSlugs.has(slug)) continue;
    usedNames.add(name);
    usedSlugs.add(slug);
    return name;
  }
}

/**
 * Plausible contact points for a company's channels, from its slug alone (no draw of the demo's
 * random numbers, so the rest of the demo stays as it was): an Oslo customer-service number
 * `+47 2x xx xx xx`, `kundeservice@<slug>.no`, `https://<slug>.no/chat`, `https://m.me/<slug>`.
 */
export function demoContactPoints(slug: string, channels: readonly Channel[]): ContactPointDraft[] {
  let hash = 2166136261;
  for (const ch of slug) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  const digits = String(hash % 10_000_000).padStart(7, '0');
  const phone = `+47 2${digits[0]} ${digits.slice(1, 3)} ${digits.slice(3, 5)} ${digits.slice(5, 7)}`;
  const value: Record<Channel, string> = {
    PHONE: phone,
    EMAIL: `kundeservice@${slug}.no`,
    CHAT: `https://${slug}.no/chat`,
    MESSENGER: `https://m.me/${slug.replace(/-/g, '')}`,
  };
  return channels.map((channel) => ({ channel, value: value[channel] }));
}

function newChannels(rng: Rng): Channel[] {
  const all: Channel[] = ['PHONE', 'EMAIL', 'CHAT', 'MESSENGER'];
  const extra = rng.sample(['CHAT', 'MESSENGER'] as Channel[], rng.int(0, 2));
  return all.filter((c) => c === 'PHONE' || c === 'EMAIL' || extra.includes(c));
}

/**
 * The sign-ups: every participant of the newest edition but a few, as last year (class, tier,
 * channels, report purchase, the competitors that sign up again), to be accepted; then
 * DEMO_PENDING_SIGN_UPS new companies for the year after (the first in the konkurrent tier, naming
 * the other new ones waiting) and one to be declined.
 */
export function buildSignUps(
  rng: Rng,
  latest: readonly ParticipantRow[],
  organisationNumberOf: ReadonlyMap<string, string>,
  usedNames: Set<string>,
  usedSlugs: Set<string>,
): DemoSignUp[] {
  const dropouts = new Set(rng.sample(latest, dropoutsOf(latest.length)).map((p) => p.companySlug));
  const returning = latest.filter((p) => !dropouts.has(p.companySlug));
  const nameOf = new Map(returning.map((p) => [p.companySlug, p.companyName]));
  const signUps: DemoSignUp[] = returning.map((p) => ({
    companyName: p.companyName,
    organisationNumber: organisationNumberOf.get(p.companySlug)!,
    className: p.className,
    tier: p.tier,
    channels: [...p.channels],
    competitors: p.competitors.flatMap((slug) => nameOf.get(slug) ?? []).slice(0, MAX_COMPETITORS),
    reportPurchased: p.reportPurchased,
    ...contactPerson(rng, p.companySlug),
    contactPoints: demoContactPoints(p.companySlug, p.channels),
    decision: 'ACCEPT',
    companySlug: p.companySlug,
  }));

  const classNames = CLASSES.map((c) => c.name);
  const present = [...new Set(latest.map((p) => p.className))];
  const numbers = organisationNumbers(rng, DEMO_PENDING_SIGN_UPS + 1, new Set(organisationNumberOf.values()));
  numbers.forEach((organisationNumber, i) => {
    const className = rng.pick(present);
    const name = newCompanyName(rng, classNames.indexOf(className), usedNames, usedSlugs);
    const konkurrent = i === 0;
    // Its competitors are named below: the other new companies waiting, since the edition they
    // sign up for has no participants yet (last year's come back through the edition in fieldwork).
    const competitors: string[] = [];
    const channels = newChannels(rng);
    signUps.push({
      companyName: name,
      organisationNumber,
      className,
      tier: konkurrent ? 'KONKURRENT' : 'ENKEL',
      channels,
      competitors,
      reportPurchased: konkurrent || rng.chance(0.6),
      ...contactPerson(rng, slugify(name)),
      contactPoints: demoContactPoints(slugify(name), channels),
      ...(i < DEMO_PENDING_SIGN_UPS
        ? { decision: 'PENDING' as const }
        : { decision: 'DECLINE' as const, declineReason: DEMO_DECLINE_REASON }),
    });
  });
  const fresh = signUps.filter((s) => s.decision === 'PENDING');
  fresh[0]!.competitors = fresh.slice(1, 4).map((s) => s.companyName);
  if (fresh[0]!.competitors.length === 0) fresh[0]!.tier = 'ENKEL';
  return signUps;
}

/**
 * The observer pool as observers.csv gives it now, for planning `year`: every observer of the
 * pool with a name, the quality score of today (it has drifted since the first edition: about 80 %
 * pass the planned edition's `minQualityScore`), one fieldwork week of `year` off for about a quarter, and the
 * customer relations and contacts outside KSP the pool always had (slugs; KSP's own contacts are
 * the stored inquiries).
 */
export function buildPool(
  rng: Rng,
  observers: readonly ObserverProfile[],
  year: number,
  weeks: readonly number[],
  minQualityScore: number,
): ObserverRow[] {
  return observers.map((o) => {
    const name = `${firstName(rng, o.gender)} ${rng.pick(LAST_NAMES)}`;
    // The first scores (generate.ts) lie around 78 ± 12; today's follow them, drifted, around
    // 11 above the threshold ± 13: about 80 % pass.
    const qualityScore = Math.round(Math.min(100, Math.max(20, o.qualityScore - 78 + minQualityScore + 11 + rng.normal(6))));
    const off = rng.chance(0.25) ? [rng.pick(weeks)] : [];
    return {
      observerId: o.id,
      name,
      gender: o.gender,
      birthYear: o.birthYear,
      region: o.region,
      qualityScore,
      unavailableWeeks: off.map((w) => `${year}-W${String(w).padStart(2, '0')}`),
      customerOf: [...o.customerOf],
      contactedBefore: [...o.contactedBefore],
    };
  });
}
