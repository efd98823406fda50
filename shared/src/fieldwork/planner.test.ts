import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS, GENDERS, type Channel } from '../domain.js';
import { chooseChannels, splitInquiries } from './channel-split.js';
import { isEligible, type EligibilityRule, type ObserverProfile } from './eligibility.js';
import { assignmentIssues, planFieldwork, type PlanInput, type PlanParticipant, type PlannedInquiry } from './planner.js';

function observer(id: string, over: Partial<ObserverProfile> = {}): ObserverProfile {
  return {
    id,
    gender: 'FEMALE',
    birthYear: 1985,
    region: 'Vestland',
    qualityScore: 80,
    customerOf: [],
    contactedBefore: [],
    unavailableWeeks: [],
    ...over,
  };
}

function participant(companySlug: string, inquiries: number, channels: Channel[] = ['PHONE'], over: Partial<PlanParticipant> = {}) {
  return { companySlug, inquiries, channels, ...over };
}

function plan(over: Partial<PlanInput>): ReturnType<typeof planFieldwork> {
  return planFieldwork({
    weeks: [11],
    channelKeys: { PHONE: 0.5, EMAIL: 0.3, CHAT: 0.2, MESSENGER: 0.2 },
    thirdChannel: 'CHAT',
    minQualityScore: 60,
    year: 2026,
    participants: [],
    observers: [],
    ...over,
  });
}

const tally = <T>(items: readonly T[], key: (t: T) => string) => {
  const out: Record<string, number> = {};
  for (const t of items) out[key(t)] = (out[key(t)] ?? 0) + 1;
  return out;
};

describe('planFieldwork: the eligibility rules', () => {
  const cases: { rule: EligibilityRule; bad: Partial<ObserverProfile> }[] = [
    { rule: 'CONTACTED_BEFORE', bad: { contactedBefore: ['multevik'] } },
    { rule: 'CUSTOMER', bad: { customerOf: ['multevik'] } },
    { rule: 'QUALITY', bad: { qualityScore: 59 } },
  ];
  for (const { rule, bad } of cases) {
    it(`never plans an observer who breaks ${rule} on that company, and plans one who does not`, () => {
      // Two inquiries, one good observer: the one who breaks the rule is left out, not used.
      const refused = plan({ participants: [participant('multevik', 2)], observers: [observer('bad', bad), observer('good')] });
      expect(refused.assignments).toEqual([{ companySlug: 'multevik', channel: 'PHONE', week: 11, observerId: 'good' }]);
      expect(refused.shortfalls).toHaveLength(1);
      expect(refused.shortfalls[0]).toMatchObject({ companySlug: 'multevik', channel: 'PHONE', week: 11, missing: 1, planned: 2 });
      expect(refused.shortfalls[0]!.rules).toEqual([rule, 'SAME_PARTICIPANT']);
      // The same observer on another company (or, for quality, exactly at the threshold) is planned.
      const accepted = plan({
        participants: [participant('krekledal', 1)],
        observers: [observer('bad', rule === 'QUALITY' ? { qualityScore: 60 } : bad)],
      });
      expect(accepted.assignments).toEqual([{ companySlug: 'krekledal', channel: 'PHONE', week: 11, observerId: 'bad' }]);
      expect(accepted.shortfalls).toEqual([]);
    });
  }

  it('never plans an observer in a week they are unavailable, and plans them in the week they are', () => {
    // Two inquiries over weeks 10 and 11: "away" is unavailable in week 10, so it gets week 11.
    const result = plan({
      weeks: [10, 11],
      participants: [participant('multevik', 2)],
      observers: [observer('away', { unavailableWeeks: [10] }), observer('here')],
    });
    expect(result.assignments).toEqual([
      { companySlug: 'multevik', channel: 'PHONE', week: 10, observerId: 'here' },
      { companySlug: 'multevik', channel: 'PHONE', week: 11, observerId: 'away' },
    ]);
    // Alone and unavailable in the only week: not planned, and the shortfall says why.
    const refused = plan({
      weeks: [10],
      participants: [participant('multevik', 1)],
      observers: [observer('away', { unavailableWeeks: [10] })],
    });
    expect(refused.assignments).toEqual([]);
    expect(refused.shortfalls.map((s) => [s.missing, s.planned, s.rules])).toEqual([[1, 1, ['UNAVAILABLE']]]);
  });

  it('moves an inquiry to a week with an observer left rather than leave it unstaffed', () => {
    // Spread evenly the two inquiries would take weeks 10 and 11, but nobody is free in week 11.
    const result = plan({
      weeks: [10, 11],
      participants: [participant('multevik', 2)],
      observers: [observer('a', { unavailableWeeks: [11] }), observer('b', { unavailableWeeks: [11] })],
    });
    expect(result.shortfalls).toEqual([]);
    expect(result.assignments.map((a) => [a.week, a.observerId])).toEqual([
      [10, 'a'],
      [10, 'b'],
    ]);
  });

  it('staffs fully and evenly by re-staffing when the greedy pick took the observer another inquiry needed', () => {
    // 6 inquiries over weeks 10 and 11, two kept in week 10: the 4 new ones go 1 to week 10 and 3
    // to week 11. Week 10 (p, r free) is scarcer than week 11 (p, q, s), so it picks first and
    // takes p, who is unloaded (r has an inquiry elsewhere). Week 11 then has q and s for three
    // inquiries: an augmenting path gives week 10 r and p to week 11, where a greedy plan would
    // leave a shortfall or move an inquiry and make the weeks 4/2.
    const result = plan({
      weeks: [10, 11],
      participants: [
        participant('multevik', 6, ['PHONE'], {
          kept: [
            { channel: 'PHONE', week: 10, observerId: 'k1' },
            { channel: 'PHONE', week: 10, observerId: 'k2' },
          ],
        }),
        participant('other', 1, ['PHONE'], { kept: [{ channel: 'PHONE', week: 10, observerId: 'r' }] }),
      ],
      observers: [
        observer('k1'),
        observer('k2'),
        observer('p'),
        observer('q', { unavailableWeeks: [10] }),
        observer('r', { unavailableWeeks: [11] }),
        observer('s', { unavailableWeeks: [10] }),
      ],
    });
    expect(result.shortfalls).toEqual([]);
    expect(result.assignments.map((a) => [a.week, a.observerId])).toEqual([
      [10, 'r'],
      [11, 'p'],
      [11, 'q'],
      [11, 's'],
    ]);
  });
});

describe('planFieldwork: split, weeks and kept assignments', () => {
  const pool = Array.from({ length: 40 }, (_, i) => observer(`o${String(i).padStart(2, '0')}`));

  it('splits by the national keys (largest remainder) and spreads over the weeks', () => {
    // 25 × 0.5/0.3/0.2 = 12.5/7.5/5: floors 12/7/5 leave one, the tied remainder goes to PHONE.
    const { assignments, shortfalls } = plan({
      weeks: [10, 11, 12, 13],
      participants: [participant('multevik', 25, ['PHONE', 'EMAIL', 'CHAT'])],
      observers: pool,
    });
    expect(shortfalls).toEqual([]);
    expect(tally(assignments, (a) => a.channel)).toEqual({ PHONE: 13, EMAIL: 7, CHAT: 5 });
    expect(Object.values(tally(assignments, (a) => String(a.week))).sort()).toEqual([6, 6, 6, 7]);
    // Each channel as evenly as the whole: 13 → 4/3/3/3, 7 → 2/2/2/1, 5 → 2/1/1/1.
    const spread = (c: Channel) =>
      Object.values(
        tally(
          assignments.filter((a) => a.channel === c),
          (a) => String(a.week),
        ),
      ).sort();
    expect(spread('PHONE')).toEqual([3, 3, 3, 4]);
    expect(spread('EMAIL')).toEqual([1, 2, 2, 2]);
    expect(spread('CHAT')).toEqual([1, 1, 1, 2]);
    expect(new Set(assignments.map((a) => a.observerId)).size).toBe(25);
  });

  it('uses PHONE, EMAIL and the preferred third channel when all four are open', () => {
    const { assignments } = plan({
      thirdChannel: 'MESSENGER',
      participants: [participant('multevik', 10, [...CHANNELS])],
      observers: pool,
    });
    // 10 × 0.5/0.3/0.2 (MESSENGER's key) = 5/3/2.
    expect(tally(assignments, (a) => a.channel)).toEqual({ PHONE: 5, EMAIL: 3, MESSENGER: 2 });
  });

  it('keeps kept assignments: they count towards their channel and occupy their observer', () => {
    const { assignments } = plan({
      participants: [
        participant('multevik', 5, ['PHONE'], {
          kept: [
            { channel: 'PHONE', week: 11, observerId: 'o00' },
            { channel: 'PHONE', week: 11, observerId: 'o01' },
          ],
        }),
      ],
      observers: pool.slice(0, 5),
    });
    expect(assignments.map((a) => a.observerId)).toEqual(['o02', 'o03', 'o04']);
  });

  it('plans nothing more on a channel whose kept assignments exceed its share', () => {
    // 4 inquiries over PHONE/EMAIL at 0.5/0.3 → 2.5/1.5 → 3/1 (the tie to PHONE); 3 PHONE kept.
    const { assignments } = plan({
      participants: [
        participant('multevik', 4, ['PHONE', 'EMAIL'], {
          kept: [0, 1, 2].map((i) => ({ channel: 'PHONE' as const, week: 11, observerId: `o0${i}` })),
        }),
      ],
      observers: pool,
    });
    expect(assignments.map((a) => a.channel)).toEqual(['EMAIL']);
    expect(assignments[0]!.observerId).not.toMatch(/^o0[012]$/);
  });

  it('counts a kept assignment in its week when spreading the new ones', () => {
    // 4 inquiries in weeks 10/11, one kept in week 10: the three new ones go 1 to week 10, 2 to 11.
    const { assignments } = plan({
      weeks: [10, 11],
      participants: [participant('multevik', 4, ['PHONE'], { kept: [{ channel: 'PHONE', week: 10, observerId: 'o00' }] })],
      observers: pool,
    });
    expect(tally(assignments, (a) => String(a.week))).toEqual({ 10: 1, 11: 2 });
  });
});

describe('planFieldwork: load and mix', () => {
  it("mixes a participant's observers in gender", () => {
    const observers = [
      ...[1, 2, 3, 4].map((i) => observer(`f${i}`, { gender: 'FEMALE' })),
      ...[1, 2, 3, 4].map((i) => observer(`m${i}`, { gender: 'MALE' })),
    ];
    const { assignments } = plan({ participants: [participant('multevik', 4)], observers });
    const genders = assignments.map((a) => observers.find((o) => o.id === a.observerId)!.gender);
    expect(tally(genders, (g) => g)).toEqual({ FEMALE: 2, MALE: 2 });
  });

  it("mixes a participant's observers in age band", () => {
    // Born 2000 (26 in 2026: 18–29) and 1980 (46: 40–49).
    const observers = [
      ...[1, 2, 3, 4].map((i) => observer(`y${i}`, { birthYear: 2000 })),
      ...[1, 2, 3, 4].map((i) => observer(`o${i}`, { birthYear: 1980 })),
    ];
    const { assignments } = plan({ participants: [participant('multevik', 4)], observers });
    expect(tally(assignments, (a) => a.observerId[0]!)).toEqual({ y: 2, o: 2 });
  });

  it('takes an observer with one inquiry more rather than only the unloaded gender', () => {
    // The 4 men already have an inquiry each (kept elsewhere). By load alone the participant would
    // get 4 women; the mix (men are half the pool) outweighs one inquiry more by the 4th pick:
    // 3 women (over their share by 0, 0.5, 1 before each pick) and then a man (1.5 against 0.5 + 2).
    const observers = [
      ...[1, 2, 3, 4].map((i) => observer(`f${i}`, { gender: 'FEMALE' })),
      ...[1, 2, 3, 4].map((i) => observer(`m${i}`, { gender: 'MALE' })),
    ];
    const { assignments } = plan({
      participants: [
        participant('multevik', 4),
        participant('other', 4, ['PHONE'], {
          kept: [1, 2, 3, 4].map((i) => ({ channel: 'PHONE' as const, week: 11, observerId: `m${i}` })),
        }),
      ],
      observers,
    });
    expect(tally(assignments, (a) => a.observerId[0]!)).toEqual({ f: 3, m: 1 });
  });

  it('spreads the load: 2 participants × 3 inquiries over 6 equal observers use each once', () => {
    const observers = [1, 2, 3, 4, 5, 6].map((i) => observer(`o${i}`));
    const { assignments } = plan({ participants: [participant('krekledal', 3), participant('multevik', 3)], observers });
    expect(assignments).toHaveLength(6);
    expect(tally(assignments, (a) => a.observerId)).toEqual({ o1: 1, o2: 1, o3: 1, o4: 1, o5: 1, o6: 1 });
  });

  it('gives scarce observers to the participant that needs them (most constrained first)', () => {
    // "tight" may use only a and b; "loose" may use anyone. Sorted by slug "loose" would come
    // first and could take a or b; most constrained first, "tight" gets both and loose the others.
    const observers = ['a', 'b', 'c', 'd'].map((id) => observer(id, { customerOf: id === 'a' || id === 'b' ? [] : ['tight'] }));
    const { assignments, shortfalls } = plan({ participants: [participant('loose', 2), participant('tight', 2)], observers });
    expect(shortfalls).toEqual([]);
    expect(assignments.map((a) => `${a.companySlug}:${a.observerId}`)).toEqual(['loose:c', 'loose:d', 'tight:a', 'tight:b']);
  });
});

describe('planFieldwork: shortfalls', () => {
  it('names the rule that ran out, with counts', () => {
    // 10 observers, all but 2 customers of the company: 3 inquiries, 2 staffed.
    const observers = Array.from({ length: 10 }, (_, i) => observer(`o${i}`, { customerOf: i < 8 ? ['multevik'] : [] }));
    const { assignments, shortfalls } = plan({ participants: [participant('multevik', 3)], observers });
    expect(assignments.map((a) => a.observerId)).toEqual(['o8', 'o9']);
    expect(shortfalls).toEqual([
      {
        companySlug: 'multevik',
        channel: 'PHONE',
        week: 11,
        missing: 1,
        planned: 3,
        rules: ['CUSTOMER', 'SAME_PARTICIPANT'],
        reason:
          '1 av 3 henvendelser på telefon uten observatør i uke 11: ingen av de 10 observatørene kan ta flere – ' +
          '8 er kunder av selskapet, 2 har allerede en henvendelse hos deltakeren (en observatør kan telle under flere regler)',
      },
    ]);
  });

  it('gives one shortfall per channel and week, most excluding rule first', () => {
    // Weeks 10/11, PHONE/EMAIL 2/2 (keys 0.5/0.5): nobody passes, 3 for quality, 2 also contacted before.
    const observers = [
      observer('a', { qualityScore: 10, contactedBefore: ['multevik'] }),
      observer('b', { qualityScore: 10, contactedBefore: ['multevik'] }),
      observer('c', { qualityScore: 10 }),
    ];
    const { shortfalls } = plan({
      weeks: [10, 11],
      channelKeys: { PHONE: 0.5, EMAIL: 0.5 },
      participants: [participant('multevik', 4, ['PHONE', 'EMAIL'])],
      observers,
    });
    expect(shortfalls.map((s) => [s.channel, s.week, s.missing, s.planned, s.rules])).toEqual([
      ['PHONE', 10, 1, 1, ['QUALITY', 'CONTACTED_BEFORE']],
      ['PHONE', 11, 1, 1, ['QUALITY', 'CONTACTED_BEFORE']],
      ['EMAIL', 10, 1, 1, ['QUALITY', 'CONTACTED_BEFORE']],
      ['EMAIL', 11, 1, 1, ['QUALITY', 'CONTACTED_BEFORE']],
    ]);
    expect(shortfalls[0]!.reason).toBe(
      '1 av 1 henvendelser på telefon uten observatør i uke 10: ingen av de 3 observatørene kan ta flere – ' +
        '3 har for lav kvalitetsscore (under 60), 2 har kontaktet selskapet før (en observatør kan telle under flere regler)',
    );
  });
});

describe('assignmentIssues', () => {
  it('adds SAME_PARTICIPANT to the eligibility rules, in Norwegian', () => {
    const o = observer('OBS-1', { customerOf: ['multevik'], unavailableWeeks: [11] });
    expect(assignmentIssues(o, 'multevik', 11, { minQualityScore: 60 }, new Set(['OBS-1']))).toEqual([
      { rule: 'CUSTOMER', message: 'Observatør OBS-1 er kunde av eller registrert hos multevik' },
      { rule: 'UNAVAILABLE', message: 'Observatør OBS-1 er ikke ledig på hverdager 09–15 i uke 11' },
      { rule: 'SAME_PARTICIPANT', message: 'Observatør OBS-1 har allerede en henvendelse hos multevik' },
    ]);
    expect(assignmentIssues(o, 'krekledal', 12, { minQualityScore: 60 }, new Set(['OBS-2']))).toEqual([]);
  });
});

/** A small random edition: a seeded generator, so a failing case can be replayed. */
function randomInput(seed: number, observers = 40, participants = 12): PlanInput {
  let s = seed >>> 0 || 1;
  const rnd = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  const slugs = Array.from({ length: participants }, (_, i) => `c${i}`);
  const pick = <T>(xs: readonly T[]) => xs.filter(() => rnd() < 0.2);
  return {
    weeks: [10, 11, 12],
    channelKeys: { PHONE: 0.5, EMAIL: 0.3, CHAT: 0.2, MESSENGER: 0.1 },
    thirdChannel: 'CHAT',
    minQualityScore: 60,
    year: 2026,
    participants: slugs.map((slug) => ({
      companySlug: slug,
      inquiries: 1 + Math.floor(rnd() * 6),
      channels: CHANNELS.filter(() => rnd() < 0.7)
        .concat(['PHONE'])
        .filter((c, i, a) => a.indexOf(c) === i),
    })),
    observers: Array.from({ length: observers }, (_, i) => ({
      id: `o${i}`,
      gender: GENDERS[Math.floor(rnd() * 3)]!,
      birthYear: 1950 + Math.floor(rnd() * 55),
      region: 'Oslo',
      qualityScore: Math.floor(rnd() * 100),
      customerOf: pick(slugs),
      contactedBefore: pick(slugs),
      unavailableWeeks: pick([10, 11, 12]),
    })),
  };
}

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('planFieldwork: determinism', () => {
  it('gives the same plan for the same input, whatever the order of its lists', () => {
    for (const seed of [1, 2, 3]) {
      const input = randomInput(seed);
      const first = planFieldwork(input);
      expect(planFieldwork(structuredClone(input))).toEqual(first);
      const reordered: PlanInput = {
        ...input,
        weeks: [...input.weeks].reverse(),
        participants: shuffled(input.participants, seed),
        observers: shuffled(input.observers, seed + 7).map((o) => ({
          ...o,
          customerOf: [...o.customerOf].reverse(),
          unavailableWeeks: [...o.unavailableWeeks].reverse(),
        })),
      };
      expect(planFieldwork(reordered)).toEqual(first);
    }
  });
});

/** Can `count` inquiries of `p` each get their own observer (not one kept on it) in some week? Tries every assignment. */
function bruteForceStaffable(input: PlanInput, p: PlanParticipant, count: number): boolean {
  const used = new Set<string>((p.kept ?? []).map((k) => k.observerId));
  const opts = { minQualityScore: input.minQualityScore };
  const place = (i: number): boolean => {
    if (i === count) return true;
    for (const o of input.observers) {
      if (used.has(o.id)) continue;
      for (const w of input.weeks) {
        if (!isEligible(o, p.companySlug, w, opts)) continue;
        used.add(o.id);
        if (place(i + 1)) return true;
        used.delete(o.id);
      }
    }
    return false;
  };
  return place(0);
}

describe('planFieldwork: property', () => {
  const gender = fc.constantFrom(...GENDERS);
  const arbitraryInput = fc
    .record({
      weekCount: fc.integer({ min: 2, max: 3 }),
      participants: fc.array(
        fc.record({
          inquiries: fc.integer({ min: 1, max: 4 }),
          channels: fc.subarray([...CHANNELS], { minLength: 1 }),
          // Kept assignments: an observer (who may be missing from the pool), a channel and a week.
          kept: fc.uniqueArray(fc.record({ observer: fc.integer({ min: 0, max: 6 }), channel: fc.nat(3), week: fc.nat(2) }), {
            maxLength: 2,
            selector: (k) => k.observer,
          }),
        }),
        { minLength: 2, maxLength: 4 },
      ),
      observers: fc.array(
        fc.record({
          gender,
          birthYear: fc.integer({ min: 1950, max: 2005 }),
          qualityScore: fc.integer({ min: 30, max: 100 }),
          customerOf: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }),
          contactedBefore: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }),
          unavailable: fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 2 }),
        }),
        { minLength: 3, maxLength: 7 },
      ),
    })
    .map(({ weekCount, participants, observers }): PlanInput => {
      const weeks = [20, 21, 22].slice(0, weekCount);
      return {
        weeks,
        channelKeys: { PHONE: 0.5, EMAIL: 0.3, CHAT: 0.2, MESSENGER: 0.1 },
        thirdChannel: 'CHAT',
        minQualityScore: 60,
        year: 2026,
        participants: participants.map(({ kept, ...p }, i) => ({
          companySlug: `c${i}`,
          ...p,
          kept: kept.map((k) => ({
            channel: p.channels[k.channel % p.channels.length]!,
            week: weeks[k.week % weekCount]!,
            observerId: `o${k.observer}`,
          })),
        })),
        observers: observers.map((o, i) => ({
          id: `o${i}`,
          gender: o.gender,
          birthYear: o.birthYear,
          region: 'Oslo',
          qualityScore: o.qualityScore,
          customerOf: o.customerOf.map((c) => `c${c}`),
          contactedBefore: o.contactedBefore.map((c) => `c${c}`),
          unavailableWeeks: o.unavailable.map((w) => 20 + w),
        })),
      };
    });

  it('breaks no rule, uses no observer twice on a participant, and staffs fully whenever that is possible', () => {
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        const { assignments, shortfalls } = planFieldwork(input);
        const byId = new Map(input.observers.map((o) => [o.id, o]));
        for (const a of assignments) {
          expect(isEligible(byId.get(a.observerId)!, a.companySlug, a.week, input)).toBe(true);
          expect(input.weeks).toContain(a.week);
        }
        for (const p of input.participants) {
          const mine: PlannedInquiry[] = assignments.filter((a) => a.companySlug === p.companySlug);
          const keptIds = (p.kept ?? []).map((k) => k.observerId);
          // Distinct observers, none of them already on the participant through a kept assignment.
          expect(new Set([...keptIds, ...mine.map((a) => a.observerId)]).size).toBe(keptIds.length + mine.length);
          // The split less the kept ones, per channel, never more.
          const split = splitInquiries(p.inquiries, chooseChannels(p.channels, input.thirdChannel), input.channelKeys);
          let toPlan = 0;
          for (const c of CHANNELS) {
            const due = Math.max(0, split[c] - (p.kept ?? []).filter((k) => k.channel === c).length);
            toPlan += due;
            const missingHere = shortfalls
              .filter((s) => s.companySlug === p.companySlug && s.channel === c)
              .reduce((n, s) => n + s.missing, 0);
            expect(mine.filter((a) => a.channel === c).length + missingHere).toBe(due);
          }
          const missing = shortfalls.filter((s) => s.companySlug === p.companySlug).reduce((n, s) => n + s.missing, 0);
          expect(missing === 0).toBe(bruteForceStaffable(input, p, toPlan));
        }
      }),
      { numRuns: 300, seed: 17 },
    );
  });
});
