// The deterministic demo-data generator: companies in 24 industry classes over several
// editions, a pool of observers assigned by the fieldwork rules, and responses whose answers
// and comments differ between companies, channels and single agents. Pure: no clock, no
// Math.random, no I/O. The same options always give the same data.
import {
  DEFAULT_MIN_QUALITY_SCORE,
  DEFAULT_WAIT_LIMITS,
  appliesTo,
  isScored,
  maxPoints,
  questionKind,
  type Channel,
  type EditionBundle,
  type EditionStatus,
  type Gender,
  type ObserverRow,
  type OptionDef,
  type ParticipantRow,
  type QuestionDef,
  type QuestionnaireFile,
  type ResponseRow,
  type Tier,
} from '@ksp/shared';
import { chooseChannels, splitInquiries } from '@ksp/shared/fieldwork/channel-split';
import { isEligible, type ObserverProfile } from '@ksp/shared/fieldwork/eligibility';
import { CLASSES, NAME_HEADS, NAME_TAILS, REGIONS, slugify, type RolePlayDef } from './catalog.js';
import { dateInIsoWeek, osloIso } from './calendar.js';
import { agentComment, overallComment, receptionComment, unansweredComment } from './comments.js';
import { defaultQuestionnaire } from './default-questionnaire.js';
import { Rng } from './rng.js';
import { buildPool, buildSignUps, organisationNumbers, type DemoPlanning } from './planning.js';

export interface DemoRolePlay {
  companySlug: string;
  title: string;
  description: string;
}

export interface DemoEdition {
  bundle: EditionBundle;
  status: EditionStatus;
  rolePlays: DemoRolePlay[];
  fieldworkWeeks: number[];
}

export interface DemoData {
  /** Oldest first; the last one is `lastYear` (2024 by default). */
  editions: DemoEdition[];
  /**
   * The observer pool as it was before the first demo edition: `contactedBefore` holds contacts
   * from other projects only; the KSP contacts are the responses (see `observersAfterDemo`).
   */
  observers: ObserverProfile[];
  /** Every company of the demo (those of the published editions), each with its organisation number. */
  companies: { slug: string; name: string; organisationNumber: string }[];
  /** The next editions, one in FIELDWORK and one in PLANNING: their sign-ups (null with `planning: false`). */
  planning: DemoPlanning | null;
  /** The observer pool as `ksp observers import` takes it today, with weeks off in the planning year. */
  pool: ObserverRow[];
}

export interface DemoOptions {
  /** Number of editions, oldest first, the last one in `lastYear` (default 3). */
  editions?: number;
  /** Participants per edition (default 192, 8 a class on average; 24 gives one a class). */
  participants?: number;
  /** Seed of the pseudo-random generator (default 'ksp'). */
  seed?: string;
  /**
   * Year of the newest edition (default 2024, or later where more than 25 editions would
   * start before 2000, the first year the database accepts).
   */
  lastYear?: number;
  /** Size of the observer pool (default 1500, or 6 per participant when more). */
  observers?: number;
  /** Status of the newest edition; older ones are always PUBLISHED (default PUBLISHED). */
  latestStatus?: EditionStatus;
  /**
   * Whether the two years after the newest edition are there, one in fieldwork and one being
   * planned, with sign-ups (default true).
   * The benchmark's data sets hold published editions only.
   */
  planning?: boolean;
}

/** The quality-score threshold the demo fieldwork uses (domain.md rule 4). */
export const DEMO_MIN_QUALITY_SCORE = 60;
/** The fieldwork weeks (ISO) of every demo edition. */
export const DEMO_FIELDWORK_WEEKS: readonly number[] = [36, 37, 38, 39, 40, 41, 42, 43, 44];
/** The newest demo edition, unless so many editions are asked for that they would start before FIRST_EDITION_YEAR. */
export const DEMO_LAST_YEAR = 2024;
/** The earliest edition year the schema accepts (`edition.year between 2000 and 2100`). */
const FIRST_EDITION_YEAR = 2000;
/** At most this many inquiries per observer in one edition. */
const MAX_LOAD_PER_EDITION = 10;

// ---------------------------------------------------------------------------------------------
// Companies

interface CompanyModel {
  slug: string;
  name: string;
  classIndex: number;
  /** Index range of the editions it takes part in. */
  first: number;
  last: number;
  available: Channel[];
  prefer: 'CHAT' | 'MESSENGER';
  /** Latent service quality (persisting) and its yearly trend and noise. */
  quality: number;
  trend: number;
  yearNoise: number[];
  channelEffect: Record<Channel, number>;
  /** Company-specific strength per question code (its routines). */
  questionEffect: Map<string, number>;
  /** Staffing: median wait factor and the chance an attempt goes unanswered. */
  waitFactor: number;
  failLive: number;
  failEmail: number;
  hasIvr: boolean;
  offersCallback: boolean;
  queueInfo: boolean;
  tier: Tier;
  reportPurchased: boolean;
  rolePlays: RolePlayDef[];
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Class sizes summing to `n`: at least one each, the rest spread by random weights (largest remainder). */
function classSizes(rng: Rng, n: number): number[] {
  const k = Math.min(CLASSES.length, n);
  const sizes = new Array<number>(k).fill(1);
  const rest = n - k;
  if (rest <= 0) return sizes;
  const weights = sizes.map(() => 0.55 + rng.float() * 0.9);
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => (w / sum) * rest);
  const floors = shares.map(Math.floor);
  let left = rest - floors.reduce((a, b) => a + b, 0);
  const order = shares.map((s, i) => ({ i, r: s - floors[i]! })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    floors[i]! += 1;
  }
  return sizes.map((s, i) => s + floors[i]!);
}

function availableChannels(rng: Rng): Channel[] {
  const count = [4, 3, 2, 1][rng.weighted([0.3, 0.32, 0.25, 0.13])]!;
  const pool: Channel[] = ['PHONE', 'EMAIL', 'CHAT', 'MESSENGER'];
  const weights = [0.9, 0.8, 0.5, 0.3];
  const chosen: Channel[] = [];
  while (chosen.length < count) {
    const i = rng.weighted(weights);
    chosen.push(pool[i]!);
    weights[i] = 0;
  }
  return pool.filter((c) => chosen.includes(c));
}

function buildCompanies(rng: Rng, participants: number, editions: number, scoredCodes: string[]): CompanyModel[] {
  const usedNames = new Set<string>();
  const usedSlugs = new Set<string>();
  const classEffect = CLASSES.map(() => rng.normal(0.15));

  const newCompany = (classIndex: number, first: number, last: number): CompanyModel => {
    const cls = CLASSES[classIndex]!;
    let name: string;
    let slug: string;
    for (let tries = 0; ; tries++) {
      const word = (rng.pick(NAME_HEADS) + rng.pick(NAME_TAILS)).replace(/(.)\1\1/g, '$1$1');
      name = rng.pick(cls.patterns).replace('{}', tries > 200 ? `${word} ${tries}` : word);
      slug = slugify(name);
      if (!usedNames.has(name) && !usedSlugs.has(slug)) break;
    }
    usedNames.add(name);
    usedSlugs.add(slug);
    const waitFactor = rng.logNormal(1, 0.5);
    const questionEffect = new Map<string, number>();
    for (const code of scoredCodes) questionEffect.set(code, rng.normal(0.35));
    const rolePlays = cls.rolePlays.length > 1 && rng.chance(0.5) ? [...cls.rolePlays] : [rng.pick(cls.rolePlays)];
    return {
      slug,
      name,
      classIndex,
      first,
      last,
      available: availableChannels(rng),
      prefer: rng.chance(0.75) ? 'CHAT' : 'MESSENGER',
      quality: rng.normal(0.5) + classEffect[classIndex]!,
      trend: rng.normal(0.12),
      yearNoise: Array.from({ length: editions }, () => rng.normal(0.08)),
      channelEffect: { PHONE: rng.normal(0.25), EMAIL: rng.normal(0.25), CHAT: rng.normal(0.25), MESSENGER: rng.normal(0.25) },
      questionEffect,
      waitFactor,
      failLive: clamp(0.13 * waitFactor ** 1.2 * rng.logNormal(1, 0.3), 0.01, 0.6),
      failEmail: clamp(0.035 * waitFactor * rng.logNormal(1, 0.4), 0.005, 0.4),
      hasIvr: rng.chance(0.7),
      offersCallback: rng.chance(0.35),
      queueInfo: rng.chance(0.5),
      tier: rng.chance(0.3) ? 'KONKURRENT' : 'ENKEL',
      reportPurchased: rng.chance(0.7),
      rolePlays,
    };
  };

  const companies: CompanyModel[] = [];
  classSizes(rng, participants).forEach((size, classIndex) => {
    for (let s = 0; s < size; s++) {
      // A slot is one company throughout, or (a few) one that leaves and another that joins.
      if (editions > 1 && rng.chance(0.05)) {
        const k = rng.int(1, editions - 1);
        companies.push(newCompany(classIndex, 0, k - 1), newCompany(classIndex, k, editions - 1));
      } else {
        companies.push(newCompany(classIndex, 0, editions - 1));
      }
    }
  });
  return companies;
}

// ---------------------------------------------------------------------------------------------
// Observers

function buildObservers(rng: Rng, count: number, companySlugs: string[], firstYear: number): ObserverProfile[] {
  const genders: Gender[] = ['FEMALE', 'MALE', 'OTHER'];
  const regionWeights = REGIONS.map(([, w]) => w);
  const width = Math.max(4, String(count).length);
  return Array.from({ length: count }, (_, i) => {
    // Ages 18 to 70+ in the first edition: most between 25 and 60.
    const age = rng.chance(0.8) ? rng.int(25, 60) : rng.chance(0.5) ? rng.int(18, 24) : rng.int(61, 72);
    const customerCount = [0, 1, 2, 3, 4, 6][rng.weighted([0.25, 0.25, 0.2, 0.15, 0.1, 0.05])]!;
    const contactedCount = [0, 1, 2, 3][rng.weighted([0.5, 0.3, 0.15, 0.05])]!;
    const unavailable = rng.chance(0.55) ? [] : rng.sample(DEMO_FIELDWORK_WEEKS, rng.int(1, 3)).sort((a, b) => a - b);
    return {
      id: `OBS-${String(i + 1).padStart(width, '0')}`,
      gender: genders[rng.weighted([0.52, 0.45, 0.03])]!,
      birthYear: firstYear - age,
      region: REGIONS[rng.weighted(regionWeights)]![0],
      qualityScore: Math.round(clamp(78 + rng.normal(12), 20, 100)),
      customerOf: rng.sample(companySlugs, customerCount).sort(),
      contactedBefore: rng.sample(companySlugs, contactedCount).sort(),
      unavailableWeeks: unavailable,
    };
  });
}

const cloneObserver = (o: ObserverProfile): ObserverProfile => ({
  ...o,
  customerOf: [...o.customerOf],
  contactedBefore: [...o.contactedBefore],
  unavailableWeeks: [...o.unavailableWeeks],
});

/** The observer pool after the demo: `contactedBefore` also holds every company contacted in the demo editions. */
export function observersAfterDemo(data: DemoData): ObserverProfile[] {
  const byId = new Map(data.observers.map((o) => [o.id, cloneObserver(o)]));
  for (const ed of data.editions) {
    for (const r of ed.bundle.responses) {
      const o = byId.get(r.observerId);
      if (o && !o.contactedBefore.includes(r.companySlug)) o.contactedBefore.push(r.companySlug);
    }
  }
  return [...byId.values()];
}

// ---------------------------------------------------------------------------------------------
// Answers

/** Fixed channel effect on the latent quality: phone is best, e-mail weakest. */
const CHANNEL_EFFECT: Record<Channel, number> = { PHONE: 0.3, CHAT: 0.1, MESSENGER: -0.05, EMAIL: -0.35 };
/** How hard a performance is (higher: lower points at the same quality). */
const DIFFICULTY: Record<string, number> = {
  REC_FIRST_AGENT: -0.9,
  REC_WELCOME: -0.2,
  REC_INTEREST: -0.3,
  REC_TONE: -0.3,
  REC_SALUTATION: -0.4,
  AGT_NEEDS: 0.35,
  AGT_LISTENING: 0.1,
  AGT_ARGUMENTATION: 0.5,
  AGT_CLARIFICATION: 0.6,
  AGT_EXTRA_INFO: 0.4,
  AGT_SELF_SERVICE: 0.5,
  AGT_FOLLOW_UP: 0.2,
  AGT_COMPETENCE: -0.4,
  AGT_ALL_ANSWERED: -0.3,
  AGT_ENGAGEMENT: 0.1,
};
/** How often "not applicable" is ticked where offered (REC_IVR follows the company's IVR). */
const NA_RATE: Record<string, number> = { AGT_LISTENING: 0.03, AGT_CLARIFICATION: 0.06, AGT_SELF_SERVICE: 0.1 };
const DEFAULT_NA_RATE = 0.04;
/** Steepness of the option choice: the higher, the more the latent quality decides. */
const STEEPNESS = 1.6;
/** Noise of the option choice around the latent target. */
const OPTION_NOISE = 0.2;
const BASE_QUALITY = 0.75;

interface QuestionMeta {
  q: QuestionDef;
  scored: boolean;
  max: number;
  /** Options that score (not "not applicable"), with their value points/max in [0, 1]. */
  choices: { o: OptionDef; v: number }[];
  na: OptionDef | undefined;
}

function metaOf(q: QuestionDef): QuestionMeta {
  const scored = isScored(q);
  const max = maxPoints(q) ?? 0;
  const opts = q.options ?? [];
  return {
    q,
    scored,
    max,
    choices: opts.filter((o) => !o.notApplicable).map((o) => ({ o, v: max > 0 ? (o.points ?? 0) / max : 0 })),
    na: opts.find((o) => o.notApplicable),
  };
}

/**
 * An option with probability rising with `x` (ordinal): a target value sigmoid(x) plus noise
 * picks the option whose value points/max lies nearest, so answers stay unimodal.
 */
function chooseOption(rng: Rng, m: QuestionMeta, x: number): OptionDef {
  const target = 1 / (1 + Math.exp(-STEEPNESS * x)) + rng.normal(OPTION_NOISE);
  let best = m.choices[0]!;
  for (const c of m.choices) if (Math.abs(c.v - target) < Math.abs(best.v - target)) best = c;
  return best.o;
}

function scale(rng: Rng, q: QuestionDef, share: number, noise: number): string {
  const min = q.min ?? 1;
  const max = q.max ?? 5;
  return String(clamp(Math.round(min + (max - min) * (share + rng.normal(noise))), min, max));
}

interface Simulated {
  status: 'ANSWERED' | 'UNANSWERED';
  attempts: number;
  waitSeconds: number;
  answers: Record<string, string>;
  comments: ResponseRow['comments'];
}

function drawWait(rng: Rng, channel: Channel, factor: number, limit: number): number {
  const [median, sigma, min] =
    channel === 'PHONE' ? [40, 0.8, 3] : channel === 'CHAT' ? [35, 0.8, 2] : channel === 'MESSENGER' ? [300, 0.9, 10] : [4 * 3600, 1, 300];
  return Math.round(clamp(rng.logNormal(median * factor, sigma), min, limit - 1));
}

function simulateInquiry(
  rng: Rng,
  c: CompanyModel,
  editionIndex: number,
  channel: Channel,
  metas: QuestionMeta[],
  waitLimit: { waitSeconds: number; attempts: number },
): Simulated {
  // Reaching the company: staffing decides, not the agent.
  const fail = channel === 'EMAIL' ? c.failEmail : channel === 'MESSENGER' ? clamp(c.failLive * 1.2, 0, 0.7) : c.failLive;
  const tries = channel === 'EMAIL' ? 1 : Math.max(1, waitLimit.attempts);
  let attempts = 0;
  let answered = false;
  while (attempts < tries && !answered) {
    attempts++;
    answered = !rng.chance(fail);
  }
  if (!answered) {
    return {
      status: 'UNANSWERED',
      attempts,
      waitSeconds: waitLimit.waitSeconds,
      answers: {},
      comments: { reception: unansweredComment(rng, channel), agent: '', overall: '' },
    };
  }
  const wait = drawWait(rng, channel, c.waitFactor, waitLimit.waitSeconds);

  // The latent quality of this inquiry: company (with its yearly drift) + channel + the agent.
  const companyNow = c.quality + c.trend * editionIndex + (c.yearNoise[editionIndex] ?? 0);
  const latent = BASE_QUALITY + companyNow + CHANNEL_EFFECT[channel] + c.channelEffect[channel] + rng.normal(0.65);

  const chosen = new Map<string, string>();
  const earned = { RECEPTION: 0, AGENT: 0, OVERALL: 0, RESPONSE_TIME: 0 };
  const possible = { RECEPTION: 0, AGENT: 0, OVERALL: 0, RESPONSE_TIME: 0 };
  const ticks = { RECEPTION: [] as string[], AGENT: [] as string[], OVERALL: [] as string[] };

  const record = (m: QuestionMeta, o: OptionDef) => {
    chosen.set(m.q.code, o.code);
    const area = m.q.area;
    if (area === 'CX') return;
    if (area !== 'RESPONSE_TIME') ticks[area].push(`${m.q.code}:${o.code}`);
    if (m.scored && !o.notApplicable) {
      earned[area] += o.points ?? 0;
      possible[area] += m.max;
    }
  };
  const byCode = (m: QuestionMeta, code: string) => m.q.options?.find((o) => o.code === code);

  const waitOption = (m: QuestionMeta): OptionDef | undefined => {
    switch (m.q.code) {
      case 'RT_WAIT_PHONE':
      case 'RT_WAIT_CHAT':
        return byCode(m, wait < 60 ? 'A' : wait <= 180 ? 'B' : 'C');
      case 'RT_WAIT_MESSENGER':
        return byCode(m, wait < 300 ? 'A' : wait <= 900 ? 'B' : 'C');
      case 'RT_WAIT_EMAIL':
        return byCode(m, wait <= 7200 ? 'A' : wait <= 28800 ? 'B' : 'C');
      case 'RT_EMAIL_1DAY':
        return byCode(m, wait <= 86400 ? 'Y' : 'N');
      case 'RT_FIRST_ATTEMPT':
        return byCode(m, attempts === 1 ? 'Y' : 'N');
      case 'RT_QUEUE_INFO':
        return byCode(m, wait < 20 ? 'X' : c.queueInfo && rng.chance(0.9) ? 'Y' : 'N');
      case 'CALLBACK':
        return byCode(m, c.offersCallback ? (rng.chance(wait > 45 ? 0.8 : 0.2) ? 'Y' : 'N') : rng.chance(0.02) ? 'Y' : 'N');
      default:
        return undefined;
    }
  };

  const pickNa = (m: QuestionMeta): boolean => {
    if (!m.na) return false;
    if (m.q.code === 'REC_IVR') return !c.hasIvr;
    if (m.q.code === 'AGT_LISTENING' && chosen.get('AGT_NEEDS') === 'C') return rng.chance(0.35);
    return rng.chance(NA_RATE[m.q.code] ?? DEFAULT_NA_RATE);
  };

  // Pass 1: response time, reception and the agent.
  for (const m of metas) {
    const area = m.q.area;
    if (area === 'CX' || area === 'OVERALL' || questionKind(m.q) !== 'CHOICE') continue;
    const fixed = area === 'RESPONSE_TIME' || !m.scored ? waitOption(m) : undefined;
    if (fixed) record(m, fixed);
    else if (pickNa(m)) record(m, m.na!);
    else if (m.scored) {
      const x = latent + (c.questionEffect.get(m.q.code) ?? 0) - (DIFFICULTY[m.q.code] ?? 0) + rng.normal(0.3);
      record(m, chooseOption(rng, m, x));
    } else if (m.choices.length) record(m, rng.pick(m.choices).o);
  }

  // Pass 2: the overall impression follows what reception and the agent delivered.
  const shareOf = (...areas: ('RECEPTION' | 'AGENT' | 'OVERALL' | 'RESPONSE_TIME')[]) => {
    const p = areas.reduce((s, a) => s + possible[a], 0);
    return p > 0 ? areas.reduce((s, a) => s + earned[a], 0) / p : 0.5;
  };
  const delivered = shareOf('RECEPTION', 'AGENT');
  const xOverall = (delivered - 0.55) * 6 + rng.normal(0.35);
  for (const m of metas) {
    if (m.q.area !== 'OVERALL' || questionKind(m.q) !== 'CHOICE') continue;
    if (m.q.code === 'OVR_WEBSITE') {
      const referred = ['A', 'B'].includes(chosen.get('AGT_SELF_SERVICE') ?? '');
      const o = byCode(m, rng.chance(referred ? 0.9 : 0.15) ? 'Y' : 'N');
      if (o) {
        record(m, o);
        continue;
      }
    }
    if (pickNa(m)) record(m, m.na!);
    else if (m.scored) record(m, chooseOption(rng, m, xOverall + (c.questionEffect.get(m.q.code) ?? 0) * 0.5));
    else if (m.choices.length) record(m, rng.pick(m.choices).o);
  }

  // Pass 3: CX follows the whole experience (and a little the wait).
  const s = shareOf('RECEPTION', 'AGENT', 'OVERALL');
  const rt = shareOf('RESPONSE_TIME');
  for (const m of metas) {
    if (questionKind(m.q) !== 'SCALE') continue;
    const code = m.q.code;
    const share =
      code === 'CSAT' ? s : code === 'CES' ? 0.8 * s + 0.2 * rt + 0.05 : code === 'NPS' ? s + 0.05 : code === 'VES1' ? s - 0.05 : s - 0.08;
    chosen.set(code, scale(rng, m.q, share, code === 'CSAT' ? 0.1 : 0.13));
  }

  const answers: Record<string, string> = {};
  for (const m of metas) {
    const v = chosen.get(m.q.code);
    if (v !== undefined) answers[m.q.code] = v;
  }
  return {
    status: 'ANSWERED',
    attempts,
    waitSeconds: wait,
    answers,
    comments: {
      reception: receptionComment(rng, channel, { share: shareOf('RECEPTION'), ticks: ticks.RECEPTION }),
      agent: agentComment(rng, channel, { share: shareOf('AGENT'), ticks: ticks.AGENT }),
      overall: overallComment(rng, channel, { share: shareOf('OVERALL'), ticks: ticks.OVERALL }, chosen.get('OVR_GRADE')),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Editions

function pickCompetitors(rng: Rng, self: CompanyModel, present: CompanyModel[]): string[] {
  const sameClass = present.filter((p) => p !== self && p.classIndex === self.classIndex);
  const others = present.filter((p) => p !== self);
  const want = Math.min(rng.int(1, 5), others.length);
  const picks = new Set<string>();
  for (let guard = 0; picks.size < want && guard < 100; guard++) {
    const from = sameClass.length && rng.chance(0.6) ? sameClass : others;
    picks.add(rng.pick(from).slug);
  }
  return [...picks];
}

function contactTime(rng: Rng, year: number, week: number, channel: Channel, attempts: number): string {
  // The counted attempt; a second attempt is another day of the same week.
  const day = attempts > 1 ? rng.int(1, 4) : rng.int(0, 4);
  const date = dateInIsoWeek(year, week, day);
  const minutes = channel === 'EMAIL' ? rng.int(0, 179) : rng.int(0, 330); // 09:00–11:59 / 09:00–14:30
  return osloIso(date, 9 + Math.floor(minutes / 60), minutes % 60);
}

/** Generates `editions` editions (oldest first) of demo data; deterministic for a given seed. */
export function generateDemo(opts: DemoOptions = {}): DemoData {
  const editionCount = Math.max(1, Math.floor(opts.editions ?? 3));
  const participantCount = Math.max(1, Math.floor(opts.participants ?? 192));
  const seed = opts.seed ?? 'ksp';
  const lastYear = opts.lastYear ?? Math.max(DEMO_LAST_YEAR, FIRST_EDITION_YEAR + editionCount - 1);
  const observerCount = Math.max(1, Math.floor(opts.observers ?? Math.max(1500, participantCount * 6)));
  const years = Array.from({ length: editionCount }, (_, i) => lastYear - (editionCount - 1) + i);
  const firstYear = years[0]!;

  const scoredCodes = defaultQuestionnaire(lastYear)
    .questions.filter((q) => isScored(q) && q.area !== 'RESPONSE_TIME')
    .map((q) => q.code);
  const companies = buildCompanies(new Rng(`${seed}:companies`), participantCount, editionCount, scoredCodes);
  const observers = buildObservers(
    new Rng(`${seed}:observers`),
    observerCount,
    companies.map((c) => c.slug),
    firstYear,
  );
  // The working copies learn every contact as fieldwork goes on (rule 1 across editions).
  const working = observers.map(cloneObserver);

  const editions = years.map((year, e) => {
    const rng = new Rng(`${seed}:edition:${year}`);
    const questionnaire: QuestionnaireFile = defaultQuestionnaire(year);
    const { inquiriesPerParticipant, channelKeys } = questionnaire.edition;
    const waitLimits = { ...DEFAULT_WAIT_LIMITS, ...questionnaire.edition.waitLimits };
    const metasByChannel = new Map<Channel, QuestionMeta[]>();
    const metaFor = (ch: Channel) => {
      let list = metasByChannel.get(ch);
      if (!list) metasByChannel.set(ch, (list = questionnaire.questions.filter((q) => appliesTo(q, ch)).map(metaOf)));
      return list;
    };

    const present = companies
      .filter((c) => c.first <= e && e <= c.last)
      .sort((a, b) => a.classIndex - b.classIndex || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

    const participants: ParticipantRow[] = present.map((c) => {
      const tier: Tier = rng.chance(0.1) ? (c.tier === 'ENKEL' ? 'KONKURRENT' : 'ENKEL') : c.tier;
      const competitors = tier === 'KONKURRENT' ? pickCompetitors(rng, c, present) : [];
      return {
        companySlug: c.slug,
        companyName: c.name,
        className: CLASSES[c.classIndex]!.name,
        tier: competitors.length ? tier : 'ENKEL',
        channels: chooseChannels(c.available, c.prefer),
        competitors,
        reportPurchased: rng.chance(0.1) ? !c.reportPurchased : c.reportPurchased,
      };
    });

    const load = new Map<string, number>();
    const assign = (slug: string, week: number): ObserverProfile => {
      const ok = (o: ObserverProfile) =>
        (load.get(o.id) ?? 0) < MAX_LOAD_PER_EDITION && isEligible(o, slug, week, { minQualityScore: DEMO_MIN_QUALITY_SCORE });
      let found: ObserverProfile | undefined;
      for (let t = 0; t < 200 && !found; t++) {
        const o = rng.pick(working);
        if (ok(o)) found = o;
      }
      if (!found) {
        const start = rng.int(0, working.length - 1);
        for (let k = 0; k < working.length && !found; k++) {
          const o = working[(start + k) % working.length]!;
          if (ok(o)) found = o;
        }
      }
      if (!found) throw new Error(`demo: no eligible observer left for ${slug} in week ${week}; use more observers`);
      found.contactedBefore.push(slug);
      load.set(found.id, (load.get(found.id) ?? 0) + 1);
      return found;
    };

    const responses: ResponseRow[] = [];
    participants.forEach((p, pi) => {
      const c = present[pi]!;
      const split = splitInquiries(inquiriesPerParticipant, p.channels, channelKeys);
      const channels = rng.shuffle(p.channels.flatMap((ch) => new Array<Channel>(split[ch]).fill(ch)));
      const width = Math.max(2, String(channels.length).length);
      channels.forEach((channel, i) => {
        const week = rng.pick(DEMO_FIELDWORK_WEEKS);
        const observer = assign(c.slug, week);
        const sim = simulateInquiry(rng, c, e, channel, metaFor(channel), waitLimits[channel]);
        responses.push({
          inquiryId: `${year}-${c.slug}-${String(i + 1).padStart(width, '0')}`,
          companySlug: c.slug,
          channel,
          observerId: observer.id,
          observerGender: observer.gender,
          observerBirthYear: observer.birthYear,
          contactedAt: contactTime(rng, year, week, channel, sim.attempts),
          status: sim.status,
          attempts: sim.attempts,
          waitSeconds: sim.waitSeconds,
          comments: sim.comments,
          answers: sim.answers,
        });
      });
    });

    const rolePlays: DemoRolePlay[] = present.flatMap((c) => c.rolePlays.map((r) => ({ companySlug: c.slug, ...r })));
    const status: EditionStatus = e === editionCount - 1 ? (opts.latestStatus ?? 'PUBLISHED') : 'PUBLISHED';
    const edition: DemoEdition = {
      bundle: { questionnaire, participants, responses },
      status,
      rolePlays,
      fieldworkWeeks: [...DEMO_FIELDWORK_WEEKS],
    };
    return edition;
  });

  // Streams of their own: the published editions above stay as they were before these existed.
  const numbers = organisationNumbers(new Rng(`${seed}:organisation-numbers`), companies.length);
  const demoCompanies = companies.map((c, i) => ({ slug: c.slug, name: c.name, organisationNumber: numbers[i]! }));
  const planningYear = lastYear + 1;
  const planning: DemoPlanning | null =
    opts.planning === false
      ? null
      : {
          fromYear: lastYear,
          year: planningYear,
          nextYear: planningYear + 1,
          signUps: buildSignUps(
            new Rng(`${seed}:sign-ups:${planningYear}`),
            editions[editions.length - 1]!.bundle.participants,
            new Map(demoCompanies.map((c) => [c.slug, c.organisationNumber])),
            new Set(companies.map((c) => c.name)),
            new Set(companies.map((c) => c.slug)),
          ),
        };
  // The demo questionnaire sets no quality threshold: the editions have the product's default.
  const pool = buildPool(new Rng(`${seed}:pool:${planningYear}`), observers, planningYear, DEMO_FIELDWORK_WEEKS, DEFAULT_MIN_QUALITY_SCORE);

  return { editions, observers, companies: demoCompanies, planning, pool };
}
