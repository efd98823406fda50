import { CHANNELS, type Channel } from '../domain.js';
import { ageBand } from './age-band.js';
import { chooseChannels, splitInquiries } from './channel-split.js';
import { eligibilityIssues, ruleMessageNb, type EligibilityOptions, type EligibilityRule, type ObserverProfile } from './eligibility.js';

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
  /** Inquiries of this participant, channel and week in all: kept, newly planned and missing. */
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

/** A rule broken by a planned or hand-made assignment, with a Norwegian message for staff. */
export interface AssignmentIssue {
  rule: AssignmentRule;
  message: string;
}

/**
 * Every rule that giving `observer` an inquiry of `companySlug` in `week` would break: the four
 * eligibility rules and SAME_PARTICIPANT. `observersOnParticipant` holds the observers who already
 * have an inquiry of that participant, without the inquiry being changed (so moving an inquiry's
 * own week is not refused). Empty when the change is allowed.
 */
export function assignmentIssues(
  observer: ObserverProfile,
  companySlug: string,
  week: number,
  opts: EligibilityOptions,
  observersOnParticipant: ReadonlySet<string>,
): AssignmentIssue[] {
  const out: AssignmentIssue[] = eligibilityIssues(observer, companySlug, week, opts).map((p) => ({
    rule: p.rule,
    message: ruleMessageNb(p.rule, observer, companySlug, week, opts),
  }));
  if (observersOnParticipant.has(observer.id)) {
    out.push({ rule: 'SAME_PARTICIPANT', message: `Observatør ${observer.id} har allerede en henvendelse hos ${companySlug}` });
  }
  return out;
}

/** Channel names in the shortfalls' reasons. */
const CHANNEL_NB: Record<Channel, string> = { PHONE: 'telefon', EMAIL: 'e-post', CHAT: 'chat', MESSENGER: 'Messenger' };

/** The order rules with equally many exclusions are named in. */
const RULE_ORDER: AssignmentRule[] = ['CONTACTED_BEFORE', 'CUSTOMER', 'UNAVAILABLE', 'QUALITY', 'SAME_PARTICIPANT'];

/** An observer as the planner sees it: the lists as sets, once, and the load so far. */
interface PoolObserver {
  /** Position in the pool sorted by id (ties go to the first from a point fixed by the participant). */
  index: number;
  id: string;
  /** Gender and age band as small numbers, so the mix is counted in arrays in the hot loop. */
  gender: number;
  band: number;
  qualityOk: boolean;
  customerOf: Set<string>;
  contactedBefore: Set<string>;
  unavailable: Set<number>;
  /** Available in weeks[i]. */
  available: boolean[];
  /** Inquiries of the edition given to this observer so far (kept ones included). */
  load: number;
}

/** An inquiry being planned for the participant at hand. */
interface Slot {
  channel: Channel;
  /** Index into the edition's weeks. */
  week: number;
  /** Index into the pool (sorted by id), or -1 while unstaffed. */
  observer: number;
}

/**
 * What one more inquiry on an observer weighs against the mix: an observer with one inquiry more
 * is preferred once the other candidate's gender and age band together are two inquiries over
 * their share of the pool on the participant.
 */
const LOAD_WEIGHT = 2;

/** FNV-1a: a seeded, input-order-free tie-break between participants. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Plans the edition's fieldwork (see the types above). Per participant, staffing is a bipartite
 * matching of inquiries to distinct eligible observers: a greedy pick (the least-loaded observer,
 * weighed against the gender and age band the participant has least of, LOAD_WEIGHT) repaired by
 * augmenting paths, and an inquiry whose week has no observer left moves to the least-filled week
 * that has one. Because
 * an observer's load is not capped, participants do not compete for feasibility, only for load:
 * the most constrained participants go first so that scarce observers are still unloaded for them.
 * Kept assignments whose observer is not in the pool still count towards their channel and week.
 * Throws a RangeError when `input.weeks` is empty (the caller checks the edition's settings first).
 */
export function planFieldwork(input: PlanInput): FieldworkPlan {
  const weeks = [...new Set(input.weeks)].sort((a, b) => a - b);
  if (weeks.length === 0) throw new RangeError('planFieldwork: the edition has no fieldwork weeks');
  const W = weeks.length;
  const weekIndex = new Map(weeks.map((w, i) => [w, i]));
  const opts: EligibilityOptions = { minQualityScore: input.minQualityScore };

  const genderCodes = new Map<string, number>();
  const bandCodes = new Map<string, number>();
  const code = (codes: Map<string, number>, key: string) => {
    if (!codes.has(key)) codes.set(key, codes.size);
    return codes.get(key)!;
  };
  const pool: PoolObserver[] = [...input.observers]
    .sort((a, b) => byText(a.id, b.id))
    .map((o, index) => {
      const unavailable = new Set(o.unavailableWeeks);
      return {
        index,
        id: o.id,
        gender: code(genderCodes, o.gender),
        band: code(bandCodes, ageBand(input.year - o.birthYear)),
        qualityOk: o.qualityScore >= input.minQualityScore,
        customerOf: new Set(o.customerOf),
        contactedBefore: new Set(o.contactedBefore),
        unavailable,
        available: weeks.map((w) => !unavailable.has(w)),
        load: 0,
      };
    });
  const poolById = new Map(pool.map((o) => [o.id, o]));
  const N = pool.length;

  const participants = [...input.participants].sort((a, b) => byText(a.companySlug, b.companySlug));
  // Kept assignments load their observers before anything is planned.
  for (const p of participants) {
    for (const k of p.kept ?? []) {
      const o = poolById.get(k.observerId);
      if (o) o.load += 1;
    }
  }
  /** Inquiries of the whole edition per week: spreads each participant's extra inquiry over the weeks. */
  const weekLoad = new Array<number>(W).fill(0);
  for (const p of participants) {
    for (const k of p.kept ?? []) {
      const w = weekIndex.get(k.week);
      if (w !== undefined) weekLoad[w]! += 1;
    }
  }

  // Each participant's usable observers: the open ones (quality passed, available in some week)
  // but for its conflicts and its kept assignments' observers. The companies' conflicts are
  // inverted once, so a participant marks its few excluded observers instead of testing them all.
  const open = pool.filter((o) => o.qualityOk && o.available.includes(true));
  const openAvailableIn = weeks.map((_, w) => open.filter((o) => o.available[w]).length);
  const conflicts = new Map<string, number[]>();
  for (const o of pool) {
    const add = (slug: string) => {
      const list = conflicts.get(slug);
      if (list) list.push(o.index);
      else conflicts.set(slug, [o.index]);
    };
    o.customerOf.forEach(add);
    // Once per company: `mark` skips an index seen twice anyway.
    for (const slug of o.contactedBefore) if (!o.customerOf.has(slug)) add(slug);
  }
  const excluded = new Uint8Array(N);
  const prepared = participants.map((p) => {
    const keptIds = new Set((p.kept ?? []).map((k) => k.observerId));
    const marked: number[] = [];
    const availableIn = [...openAvailableIn];
    let usable = open.length;
    const mark = (o: PoolObserver) => {
      if (excluded[o.index]) return;
      excluded[o.index] = 1;
      marked.push(o.index);
      if (!(o.qualityOk && o.available.includes(true))) return;
      usable -= 1;
      for (let w = 0; w < W; w++) if (o.available[w]) availableIn[w]! -= 1;
    };
    for (const i of conflicts.get(p.companySlug) ?? []) mark(pool[i]!);
    for (const id of keptIds) {
      const o = poolById.get(id);
      if (o) mark(o);
    }
    for (const i of marked) excluded[i] = 0;
    return { p, keptIds, marked, usable, availableIn };
  });
  // Most constrained first: fewest usable observers, then by slug.
  prepared.sort((a, b) => a.usable - b.usable || a.p.inquiries - b.p.inquiries || byText(a.p.companySlug, b.p.companySlug));

  // The open observers by load, gender and age band, each list sorted by pool index: the pick
  // looks at the lowest load first and, within it, the gender and band the participant needs
  // most, and stops at the first usable observer, instead of scanning the whole pool (late in the
  // plan nearly every observer is loaded and would be passed over one by one).
  const G = genderCodes.size;
  const B = bandCodes.size;
  const K = G * B;
  const buckets: number[][] = [];
  const bucketOf = (o: PoolObserver) => {
    const key = o.load * K + o.gender * B + o.band;
    while (buckets.length <= key) buckets.push([]);
    return buckets[key]!;
  };
  /** Open observers per load. */
  const atLoad: number[] = [];
  for (const o of open) {
    bucketOf(o).push(o.index);
    atLoad[o.load] = (atLoad[o.load] ?? 0) + 1;
  }
  const lowerBound = (list: readonly number[], value: number) => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /** One more inquiry for an open observer (only open ones are planned). */
  const addLoad = (o: PoolObserver) => {
    const from = bucketOf(o);
    from.splice(lowerBound(from, o.index), 1);
    atLoad[o.load]! -= 1;
    o.load += 1;
    atLoad[o.load] = (atLoad[o.load] ?? 0) + 1;
    const to = bucketOf(o);
    to.splice(lowerBound(to, o.index), 0, o.index);
  };
  const combos: { g: number; b: number; over: number }[] = [];
  for (let g = 0; g < G; g++) for (let b = 0; b < B; b++) combos.push({ g, b, over: 0 });
  // Each gender's and age band's share of the open pool: what a participant's observers should
  // roughly mirror.
  const genderShare = new Array<number>(G).fill(0);
  const bandShare = new Array<number>(B).fill(0);
  for (const o of open) {
    genderShare[o.gender]! += 1 / open.length;
    bandShare[o.band]! += 1 / open.length;
  }
  /** owner[i]: the slot pool[i] holds on the participant being planned, or -1. */
  const owner = new Int32Array(N).fill(-1);

  const assignments: PlannedInquiry[] = [];
  const shortfalls: PlanShortfall[] = [];
  for (const { p, keptIds, marked, usable, availableIn } of prepared) {
    const slug = p.companySlug;
    const kept = p.kept ?? [];
    const channels = chooseChannels(p.channels, input.thirdChannel);
    const split = splitInquiries(p.inquiries, channels, input.channelKeys);

    // Inquiries per channel and week, kept ones included, to spread the new ones evenly.
    const perChannel = new Map<Channel, number[]>(CHANNELS.map((c) => [c, new Array<number>(W).fill(0)]));
    const perWeek = new Array<number>(W).fill(0);
    const keptPerChannel = new Map<Channel, number>();
    for (const k of kept) {
      keptPerChannel.set(k.channel, (keptPerChannel.get(k.channel) ?? 0) + 1);
      const w = weekIndex.get(k.week);
      if (w !== undefined) {
        perChannel.get(k.channel)![w]! += 1;
        perWeek[w]! += 1;
      }
    }
    const evenWeek = (channel: Channel, allowed: (w: number) => boolean = () => true): number => {
      const counts = perChannel.get(channel)!;
      let best = -1;
      for (let w = 0; w < W; w++) {
        if (!allowed(w)) continue;
        if (
          best < 0 ||
          counts[w]! < counts[best]! ||
          (counts[w] === counts[best] && (perWeek[w]! < perWeek[best]! || (perWeek[w] === perWeek[best] && weekLoad[w]! < weekLoad[best]!)))
        ) {
          best = w;
        }
      }
      return best;
    };
    const moveTo = (slot: Slot, w: number) => {
      perChannel.get(slot.channel)![slot.week]! -= 1;
      perWeek[slot.week]! -= 1;
      slot.week = w;
      perChannel.get(slot.channel)![w]! += 1;
      perWeek[w]! += 1;
    };

    // Channels with the most inquiries first, so the smaller ones fill the weeks they leave short.
    const toPlan = channels
      .map((c) => ({ c, n: Math.max(0, split[c] - (keptPerChannel.get(c) ?? 0)) }))
      .sort((a, b) => b.n - a.n || CHANNELS.indexOf(a.c) - CHANNELS.indexOf(b.c));
    const slots: Slot[] = [];
    for (const { c, n } of toPlan) {
      for (let i = 0; i < n; i++) {
        const slot: Slot = { channel: c, week: evenWeek(c), observer: -1 };
        perChannel.get(c)![slot.week]! += 1;
        perWeek[slot.week]! += 1;
        slots.push(slot);
      }
    }

    // Staffing: slot.observer is a pool index; owner and excluded are marked for this participant
    // and cleared after it.
    for (const i of marked) excluded[i] = 1;
    const taken: number[] = [];
    const genders = new Int32Array(genderCodes.size);
    const bands = new Int32Array(bandCodes.size);
    for (const id of keptIds) {
      const o = poolById.get(id);
      if (!o) continue;
      genders[o.gender]! += 1;
      bands[o.band]! += 1;
    }
    // Ties between equal observers go to the first from a point of the pool fixed by the slug,
    // so equal participants do not all reach for the same observers.
    const start = N ? hash(slug) % N : 0;
    /**
     * The best free usable observer available in week w, or -1: the lowest cost, LOAD_WEIGHT per
     * inquiry the observer already has plus how far their gender and their age band are already
     * over the pool's share on this participant; then the first from `start`. Load alone would
     * leave the last participants with whoever is still unloaded (the pool is about as large as
     * the edition's inquiries): all of one gender and age band.
     */
    const bestFree = (w: number): number => {
      let placed = 0;
      for (const n of genders) placed += n;
      const gOver = genderShare.map((share, g) => genders[g]! - share * placed);
      const bOver = bandShare.map((share, b) => bands[b]! - share * placed);
      for (const c of combos) c.over = gOver[c.g]! + bOver[c.b]!;
      combos.sort((x, y) => x.over - y.over || x.g - y.g || x.b - y.b);
      const leastOver = combos[0]?.over ?? 0;
      let best = -1;
      let bestCost = Number.POSITIVE_INFINITY;
      for (let load = 0; load * K < buckets.length; load++) {
        // Costs only grow from here on.
        if (LOAD_WEIGHT * load + leastOver >= bestCost) break;
        // With a small pool loads run high: most levels hold nobody.
        if (!atLoad[load]) continue;
        for (const { g, b, over } of combos) {
          const cost = LOAD_WEIGHT * load + over;
          if (cost >= bestCost) break;
          const list = buckets[load * K + g * B + b];
          if (!list?.length) continue;
          const from = lowerBound(list, start);
          for (let k = 0; k < list.length; k++) {
            const i = list[k + from < list.length ? k + from : k + from - list.length]!;
            if (!excluded[i] && owner[i] === -1 && pool[i]!.available[w]) {
              best = i;
              bestCost = cost;
              break;
            }
          }
        }
      }
      return best;
    };
    const take = (s: number, i: number) => {
      const o = pool[i]!;
      owner[i] = s;
      slots[s]!.observer = i;
      taken.push(i);
      addLoad(o);
      genders[o.gender]! += 1;
      bands[o.band]! += 1;
    };
    /** Kuhn's augmenting path: staff slot s in week w, re-staffing other slots (each in its own week) if needed. */
    const augment = (s: number, w: number, visited: Set<number>): boolean => {
      const free = bestFree(w);
      if (free >= 0) {
        if (slots[s]!.observer >= 0) owner[slots[s]!.observer] = -1;
        take(s, free);
        return true;
      }
      for (const i of [...taken]) {
        const t = owner[i]!;
        if (t < 0 || t === s || visited.has(i) || !pool[i]!.available[w]) continue;
        visited.add(i);
        const before = slots[s]!.observer;
        // The slot t gives up observer i if it can be staffed by someone else in its own week.
        if (augment(t, slots[t]!.week, visited)) {
          if (before >= 0 && owner[before] === s) owner[before] = -1;
          owner[i] = s;
          slots[s]!.observer = i;
          return true;
        }
      }
      return false;
    };

    // Scarce weeks first, so they get their observers before plentiful weeks use them up.
    const order = slots.map((_, i) => i).sort((a, b) => availableIn[slots[a]!.week]! - availableIn[slots[b]!.week]! || a - b);
    const unstaffed: number[] = [];
    for (const s of order) {
      const i = bestFree(slots[s]!.week);
      if (i >= 0) take(s, i);
      else unstaffed.push(s);
    }
    for (const s of unstaffed) {
      // An augmenting path ends at a free usable observer: with none left, nothing can be re-staffed.
      if (taken.length >= usable) break;
      const slot = slots[s]!;
      if (augment(s, slot.week, new Set())) continue;
      // The week has no observer left: the next most even week that can staff it.
      const tried = new Set([slot.week]);
      while (tried.size < W) {
        const w = evenWeek(slot.channel, (x) => !tried.has(x));
        tried.add(w);
        if (augment(s, w, new Set())) {
          moveTo(slot, w);
          break;
        }
      }
    }
    for (const i of marked) excluded[i] = 0;
    for (const i of taken) owner[i] = -1;

    const missing = new Map<string, { channel: Channel; week: number; n: number }>();
    for (const slot of slots) {
      weekLoad[slot.week]! += 1;
      if (slot.observer >= 0) {
        assignments.push({ companySlug: slug, channel: slot.channel, week: weeks[slot.week]!, observerId: pool[slot.observer]!.id });
      } else {
        const key = `${slot.channel}|${slot.week}`;
        const m = missing.get(key) ?? { channel: slot.channel, week: slot.week, n: 0 };
        m.n += 1;
        missing.set(key, m);
      }
    }
    if (missing.size) {
      const onParticipant = new Set(keptIds);
      for (const slot of slots) if (slot.observer >= 0) onParticipant.add(pool[slot.observer]!.id);
      for (const m of missing.values()) {
        shortfalls.push(shortfall(slug, m.channel, weeks[m.week]!, m.n, perChannel.get(m.channel)![m.week]!, pool, onParticipant, opts));
      }
    }
  }

  const channelOrder = (c: Channel) => CHANNELS.indexOf(c);
  assignments.sort(
    (a, b) =>
      byText(a.companySlug, b.companySlug) ||
      channelOrder(a.channel) - channelOrder(b.channel) ||
      a.week - b.week ||
      byText(a.observerId, b.observerId),
  );
  shortfalls.sort((a, b) => byText(a.companySlug, b.companySlug) || channelOrder(a.channel) - channelOrder(b.channel) || a.week - b.week);
  return { assignments, shortfalls };
}

/** Why `missing` inquiries of a participant, channel and week found no observer: what each rule excluded of the pool. */
function shortfall(
  slug: string,
  channel: Channel,
  week: number,
  missing: number,
  planned: number,
  pool: readonly PoolObserver[],
  onParticipant: ReadonlySet<string>,
  opts: EligibilityOptions,
): PlanShortfall {
  const counts = new Map<AssignmentRule, number>(RULE_ORDER.map((r) => [r, 0]));
  /** Counts `r` when `broken`; says whether it was. */
  const add = (r: AssignmentRule, broken: boolean) => {
    if (broken) counts.set(r, counts.get(r)! + 1);
    return broken;
  };
  for (const o of pool) {
    // Non-short-circuit `|`: every rule an observer breaks is counted.
    const broken =
      +add('CONTACTED_BEFORE', o.contactedBefore.has(slug)) |
      +add('CUSTOMER', o.customerOf.has(slug)) |
      +add('UNAVAILABLE', o.unavailable.has(week)) |
      +add('QUALITY', !o.qualityOk);
    add('SAME_PARTICIPANT', !broken && onParticipant.has(o.id));
  }
  const rules = RULE_ORDER.filter((r) => counts.get(r)! > 0).sort(
    (a, b) => counts.get(b)! - counts.get(a)! || RULE_ORDER.indexOf(a) - RULE_ORDER.indexOf(b),
  );
  const words: Record<AssignmentRule, (n: number) => string> = {
    CONTACTED_BEFORE: (n) => `${n} har kontaktet selskapet før`,
    CUSTOMER: (n) => `${n} ${n === 1 ? 'er kunde' : 'er kunder'} av selskapet`,
    UNAVAILABLE: (n) => `${n} er ikke ledige i uke ${week}`,
    QUALITY: (n) => `${n} har for lav kvalitetsscore (under ${opts.minQualityScore})`,
    SAME_PARTICIPANT: (n) => `${n} har allerede en henvendelse hos deltakeren`,
  };
  const head = `${missing} av ${planned} henvendelser på ${CHANNEL_NB[channel]} uten observatør i uke ${week}`;
  const reason =
    pool.length === 0
      ? `${head}: observatørlisten er tom`
      : `${head}: ingen av de ${pool.length} observatørene kan ta flere – ${rules.map((r) => words[r](counts.get(r)!)).join(', ')}` +
        (rules.length > 1 ? ' (en observatør kan telle under flere regler)' : '');
  return { companySlug: slug, channel, week, missing, planned, rules, reason };
}
