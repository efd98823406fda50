import { Matrix, solve } from 'ml-matrix';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { keyDriverAnalysis, type DriverObservation } from './relative-weights.js';

/**
 * One block of four inquiries, repeated once per participant:
 *   x1 = ( 1,  1, −1, −1)   x2 = ( 1, −1,  1, −1)   y = (3, 1, 0, 0)
 * x1·x2 = 1 − 1 − 1 + 1 = 0, so the predictors are exactly uncorrelated.
 * ȳ = 1, y − ȳ = (2, 0, −1, −1), Σ(y − ȳ)² = 4 + 0 + 1 + 1 = 6, Σx1² = Σx2² = 4.
 * r1 = (2 + 0 + 1 + 1) / √(4·6) = 4/√24 → r1² = 16/24 = 2/3
 * r2 = (2 − 0 − 1 + 1) / √(4·6) = 2/√24 → r2² =  4/24 = 1/6
 * With uncorrelated predictors each relative weight is its squared correlation, R² = 5/6.
 */
function uncorrelatedBlocks(participants: number): DriverObservation[] {
  const block = [
    { x: [1, 1], y: 3 },
    { x: [1, -1], y: 1 },
    { x: [-1, 1], y: 0 },
    { x: [-1, -1], y: 0 },
  ];
  return Array.from({ length: participants }, (_, c) =>
    block.map((row) => ({ cluster: `p${c}`, outcome: row.y, predictors: row.x })),
  ).flat();
}

function seeded(seed: number) {
  const rng = xoroshiro128plus(seed);
  return () => uniformFloat64(rng);
}

/** R² of an ordinary least-squares fit with intercept, through ml-matrix's solver (another route). */
function olsRSquared(observations: DriverObservation[]): number {
  const x = new Matrix(observations.map((o) => [1, ...o.predictors]));
  const y = Matrix.columnVector(observations.map((o) => o.outcome));
  const beta = solve(x, y, true);
  const fitted = x.mmul(beta).to1DArray();
  const mean = observations.reduce((s, o) => s + o.outcome, 0) / observations.length;
  const ssTotal = observations.reduce((s, o) => s + (o.outcome - mean) ** 2, 0);
  const ssResidual = observations.reduce((s, o, i) => s + (o.outcome - fitted[i]!) ** 2, 0);
  return 1 - ssResidual / ssTotal;
}

describe('Johnson relative weights', () => {
  it('gives two uncorrelated predictors their squared correlations with the outcome (2/3 and 1/6)', () => {
    const result = keyDriverAnalysis(['Q1', 'Q2'], uncorrelatedBlocks(5), { replicates: 50 });
    expect(result.inquiries).toBe(20);
    expect(result.rSquared).toBeCloseTo(2 / 3 + 1 / 6, 12);
    expect(result.drivers.map((d) => d.questionCode)).toEqual(['Q1', 'Q2']);
    expect(result.drivers[0]!.weight).toBeCloseTo(2 / 3, 12);
    expect(result.drivers[1]!.weight).toBeCloseTo(1 / 6, 12);
    // Every participant holds the same block, so every bootstrap replicate is the same data:
    // the interval closes on the weight.
    expect(result.drivers[0]!.low).toBeCloseTo(2 / 3, 12);
    expect(result.drivers[0]!.high).toBeCloseTo(2 / 3, 12);
  });

  it('splits exactly the R² of the least-squares fit when predictors are correlated', () => {
    const random = seeded(7);
    const observations: DriverObservation[] = [];
    for (let i = 0; i < 300; i++) {
      const common = random();
      const x = [common + 0.3 * random(), common + 0.5 * random(), random(), 0.5 * common + random()];
      observations.push({ cluster: `p${i % 30}`, outcome: x[0]! + 2 * x[2]! + random(), predictors: x });
    }
    const result = keyDriverAnalysis(['A', 'B', 'C', 'D'], observations, { replicates: 0 });
    const sum = result.drivers.reduce((s, d) => s + d.weight, 0);
    expect(result.rSquared).toBeCloseTo(olsRSquared(observations), 10);
    expect(sum).toBeCloseTo(result.rSquared!, 12);
    expect(result.drivers.every((d) => d.weight >= 0 && d.low === null && d.high === null)).toBe(true);
  });

  it('ranks first the performance planted to drive NPS, with an interval that excludes the rest', () => {
    const random = seeded(2026);
    const codes = ['RECEPTION_1', 'AGENT_3', 'AGENT_7', 'OVERALL_1', 'RESPONSE_TIME_1'];
    const observations: DriverObservation[] = [];
    for (let c = 0; c < 60; c++) {
      const skill = random(); // a participant's agents share some quality
      for (let i = 0; i < 25; i++) {
        const x = codes.map(() => Math.min(1, Math.max(0, 0.5 * skill + 0.5 * random())));
        // NPS 0–10 moved by AGENT_7 and only weakly by anything else.
        const nps = Math.round(Math.min(10, Math.max(0, 1 + 8 * x[2]! + 0.5 * x[0]! + 2 * (random() - 0.5))));
        observations.push({ cluster: `p${c}`, outcome: nps, predictors: x });
      }
    }
    const result = keyDriverAnalysis(codes, observations, { seed: 1 });
    expect(result.drivers[0]!.questionCode).toBe('AGENT_7');
    const [first, second] = result.drivers;
    expect(first!.low!).toBeGreaterThan(second!.high!);
    expect(first!.low!).toBeLessThanOrEqual(first!.weight);
    expect(first!.high!).toBeGreaterThanOrEqual(first!.weight);
  });

  it('is deterministic for a seed', () => {
    const observations = uncorrelatedBlocks(5).map((o, i) => ({ ...o, outcome: o.outcome + (i % 3) }));
    const a = keyDriverAnalysis(['Q1', 'Q2'], observations, { seed: 3 });
    const b = keyDriverAnalysis(['Q1', 'Q2'], observations, { seed: 3 });
    expect(a).toEqual(b);
  });

  it('gives no analysis below 10 inquiries per predictor', () => {
    // 2 predictors need 20 inquiries; 19 have none.
    const result = keyDriverAnalysis(['Q1', 'Q2'], uncorrelatedBlocks(5).slice(0, 19));
    expect(result).toEqual({ inquiries: 19, rSquared: null, drivers: [] });
  });

  it('gives no analysis when a predictor or the outcome does not vary', () => {
    const constantPredictor = uncorrelatedBlocks(5).map((o) => ({ ...o, predictors: [o.predictors[0]!, 1] }));
    expect(keyDriverAnalysis(['Q1', 'Q2'], constantPredictor)).toEqual({ inquiries: 20, rSquared: null, drivers: [] });
    const constantOutcome = uncorrelatedBlocks(5).map((o) => ({ ...o, outcome: 4 }));
    expect(keyDriverAnalysis(['Q1', 'Q2'], constantOutcome).rSquared).toBeNull();
  });
});
