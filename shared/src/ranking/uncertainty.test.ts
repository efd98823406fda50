import { describe, expect, it } from 'vitest';
import { editionUncertainty, rankCritical, rankIntervals, totalStandardError, totalUncertainty } from './uncertainty.js';

describe('the standard error and 95 % interval of a total (ratio estimator)', () => {
  it('is worked out by hand for one participant of 4 inquiries, one unanswered', () => {
    // (earned, possible): (30, 40), (20, 40), unanswered (0, 40), (35, 50)
    // Σe = 85, Σp = 170, R = 85/170 = 0.5, total = 50
    // e − R·p: 30 − 20 = 10, 20 − 20 = 0, 0 − 20 = −20, 35 − 25 = 10
    // Σ(e − R·p)² = 100 + 0 + 400 + 100 = 600; · n/(n−1) = 600 · 4/3 = 800
    // SE = 100 · √800 / 170 = 100 · 28.2842712 / 170 = 16.6378066
    // 1.96 · SE = 32.6101010 → 50 ± 32.6101010 = 17.3898990 … 82.6101010
    const u = totalUncertainty([
      { earned: 30, possible: 40 },
      { earned: 20, possible: 40 },
      { earned: 0, possible: 40 },
      { earned: 35, possible: 50 },
    ]);
    expect(u.total).toBe(50);
    expect(u.standardError).toBeCloseTo(16.6378066, 6);
    expect(u.low).toBeCloseTo(17.389899, 5);
    expect(u.high).toBeCloseTo(82.610101, 5);
  });

  it('clips the interval to 0–100', () => {
    // (40, 40), (40, 40), (38, 40): Σe = 118, Σp = 120, R = 0.983333, total = 98.3333
    // e − R·p: 0.6667, 0.6667, −1.3333; squares 0.4444 + 0.4444 + 1.7778 = 2.6667; · 3/2 = 4
    // SE = 100 · √4 / 120 = 1.6667; 1.96 · SE = 3.2667 → 95.0667 … 101.6 → clipped to 100
    const u = totalUncertainty([
      { earned: 40, possible: 40 },
      { earned: 40, possible: 40 },
      { earned: 38, possible: 40 },
    ]);
    expect(u.total).toBeCloseTo(98.333333, 5);
    expect(u.standardError).toBeCloseTo(1.666667, 5);
    expect(u.low).toBeCloseTo(95.066667, 5);
    expect(u.high).toBe(100);
    // All inquiries 0 of their points: SE 0 and the interval is the total itself, 0 … 0.
    expect(
      totalUncertainty([
        { earned: 0, possible: 40 },
        { earned: 0, possible: 50 },
      ]),
    ).toEqual({ total: 0, standardError: 0, low: 0, high: 0 });
  });

  it('has no standard error or interval under 2 inquiries', () => {
    expect(totalStandardError([{ earned: 30, possible: 40 }])).toBeNull();
    expect(totalUncertainty([{ earned: 30, possible: 40 }])).toEqual({ total: 75, standardError: null, low: null, high: null });
    expect(totalUncertainty([])).toEqual({ total: null, standardError: null, low: null, high: null });
  });
});

describe('rank intervals (Bonferroni over the P − 1 comparisons)', () => {
  it('uses c = z(1 − 0.05 / (2(P − 1)))', () => {
    // P = 3: z(1 − 0.05/4) = z(0.9875) = 2.2414; P = 4: z(1 − 0.05/6) = z(0.991667) = 2.3940;
    // P = 2: z(1 − 0.025) = z(0.975) = 1.9600
    expect(rankCritical(3)).toBeCloseTo(2.2414, 4);
    expect(rankCritical(4)).toBeCloseTo(2.394, 3);
    expect(rankCritical(2)).toBeCloseTo(1.96, 3);
    expect(rankCritical(1)).toBeNull();
  });

  it('works out 3 participants by hand, and leaves out one with a single inquiry', () => {
    // P = 3 (D has no standard error and is not compared): c = 2.2414
    // A − B = 90 − 84 = 6     vs c · √(2² + 1.5²) = 2.2414 · 2.5 = 5.6035   → A surely ahead of B
    // A − C = 90 − 78.8 = 11.2 vs c · √(2² + 2²) = 2.2414 · 2.8284 = 6.3397 → A surely ahead of C
    // B − C = 84 − 78.8 = 5.2 vs c · 2.5 = 5.6035 → tied (at 1.96 it would not be: 1.96 · 2.5 = 4.9)
    // A: 1 + 0 … 3 − 2 = 1–1;  B: 1 + 1 … 3 − 0 = 2–3;  C: 1 + 1 … 3 − 0 = 2–3
    const set = [
      { id: 'A', total: 90, standardError: 2 },
      { id: 'B', total: 84, standardError: 1.5 },
      { id: 'C', total: 78.8, standardError: 2 },
      { id: 'D', total: 99, standardError: null },
    ];
    const ranks = rankIntervals(set);
    expect(ranks.get('A')).toEqual({ rankLow: 1, rankHigh: 1, tiedWith: [] });
    expect(ranks.get('B')).toEqual({ rankLow: 2, rankHigh: 3, tiedWith: ['C'] });
    expect(ranks.get('C')).toEqual({ rankLow: 2, rankHigh: 3, tiedWith: ['B'] });
    expect(ranks.has('D')).toBe(false);
  });

  it('needs the difference strictly greater than c · √(SE_i² + SE_j²)', () => {
    // Both SE 0: c · 0 = 0, so equal totals are tied and any difference is sure.
    const ranks = rankIntervals([
      { id: 'x', total: 80, standardError: 0 },
      { id: 'y', total: 80, standardError: 0 },
      { id: 'z', total: 79.99, standardError: 0 },
    ]);
    expect(ranks.get('x')).toEqual({ rankLow: 1, rankHigh: 2, tiedWith: ['y'] });
    expect(ranks.get('z')).toEqual({ rankLow: 3, rankHigh: 3, tiedWith: [] });
  });

  it('gives each participant its interval over the edition and over its class', () => {
    // Edition: P = 4, c = z(1 − 0.05/6) = 2.3940; classes: Bank (P = 2, c = 1.96), Mobil (P = 2)
    // b1 90 (SE 2), b2 84 (SE 1.5), m1 86 (SE 1), m2 70 (SE 3)
    // Edition, c = 2.394:
    //   b1 − b2 = 6   vs 2.394 · 2.5 = 5.985            → sure
    //   b1 − m1 = 4   vs 2.394 · √5 = 2.394 · 2.2361 = 5.353 → tied
    //   b1 − m2 = 20  vs 2.394 · √13 = 8.632            → sure
    //   m1 − b2 = 2   vs 2.394 · √3.25 = 4.316          → tied
    //   b2 − m2 = 14  vs 2.394 · √11.25 = 8.030         → sure
    //   m1 − m2 = 16  vs 2.394 · √10 = 7.571            → sure
    //   b1: 1 … 4 − 2 = 1–2; m1: 1 … 4 − 1 = 1–3; b2: 1 + 1 … 4 − 1 = 2–3; m2: 4–4
    // Class, c = z(0.975) = 1.95996: Bank b1 − b2 = 6 vs 1.96 · 2.5 = 4.90 → sure: b1 1–1, b2 2–2
    //   Mobil m1 − m2 = 16 vs 1.96 · 3.1623 = 6.198 → sure: m1 1–1, m2 2–2
    // Interval of b2: 84 ± 1.96 · 1.5 = 84 ± 2.94 = 81.06 … 86.94
    const u = editionUncertainty([
      { id: 'b1', className: 'Bank', total: 90, standardError: 2 },
      { id: 'b2', className: 'Bank', total: 84, standardError: 1.5 },
      { id: 'm1', className: 'Mobil', total: 86, standardError: 1 },
      { id: 'm2', className: 'Mobil', total: 70, standardError: 3 },
      { id: 'm3', className: 'Mobil', total: 60, standardError: null },
    ]);
    const ranks = (id: string) => {
      const p = u.get(id)!;
      return [p.rankLow, p.rankHigh, p.classRankLow, p.classRankHigh];
    };
    expect(ranks('b1')).toEqual([1, 2, 1, 1]);
    expect(ranks('m1')).toEqual([1, 3, 1, 1]);
    expect(ranks('b2')).toEqual([2, 3, 2, 2]);
    expect(ranks('m2')).toEqual([4, 4, 2, 2]);
    expect(u.get('b2')!.low).toBeCloseTo(81.06, 10);
    expect(u.get('b2')!.high).toBeCloseTo(86.94, 10);
    expect(u.get('m3')).toEqual({
      standardError: null,
      low: null,
      high: null,
      rankLow: null,
      rankHigh: null,
      classRankLow: null,
      classRankHigh: null,
      tiedWith: [],
    });
  });
});
