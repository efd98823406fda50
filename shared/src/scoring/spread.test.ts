import { describe, expect, it } from 'vitest';
import { describeSpread } from './index.js';

describe('describeSpread (PostgreSQL percentile_cont and stddev_pop)', () => {
  it('is null for no values', () => {
    expect(describeSpread([])).toBeNull();
  });

  it('[1, 2, 3, 4]', () => {
    const s = describeSpread([1, 2, 3, 4])!;
    expect(s.count).toBe(4);
    expect(s.min).toBe(1);
    expect(s.max).toBe(4);
    expect(s.q1).toBeCloseTo(1.75, 10); // position 3 · 0.25 = 0.75 → 1 + 0.75 · (2 − 1)
    expect(s.median).toBeCloseTo(2.5, 10); // position 1.5 → 2 + 0.5 · (3 − 2)
    expect(s.q3).toBeCloseTo(3.25, 10); // position 2.25 → 3 + 0.25 · (4 − 3)
    expect(s.mean).toBeCloseTo(2.5, 10);
    // ((1.5)² + (0.5)² + (0.5)² + (1.5)²) / 4 = 5/4
    expect(s.stdDev).toBeCloseTo(Math.sqrt(1.25), 10);
  });

  it('sorts its input and lands on whole positions', () => {
    // sorted 0, 5, 10, 15, 20; positions 1, 2, 3; mean 10; (100+25+0+25+100)/5 = 50
    expect(describeSpread([10, 0, 20, 5, 15])).toEqual({
      count: 5,
      min: 0,
      q1: 5,
      median: 10,
      q3: 15,
      max: 20,
      mean: 10,
      stdDev: expect.closeTo(Math.sqrt(50), 10),
    });
  });

  it('[3, 1, 4, 1, 5, 9]', () => {
    // sorted 1, 1, 3, 4, 5, 9 (n = 6, positions 5p)
    const s = describeSpread([3, 1, 4, 1, 5, 9])!;
    expect(s.q1).toBeCloseTo(1.5, 10); // position 1.25 → 1 + 0.25 · (3 − 1)
    expect(s.median).toBeCloseTo(3.5, 10); // position 2.5 → 3 + 0.5 · (4 − 3)
    expect(s.q3).toBeCloseTo(4.75, 10); // position 3.75 → 4 + 0.75 · (5 − 4)
    expect(s.mean).toBeCloseTo(23 / 6, 10);
    // Σx² = 133; variance = 133/6 − (23/6)² = (798 − 529)/36 = 269/36
    expect(s.stdDev).toBeCloseTo(Math.sqrt(269) / 6, 10);
  });

  it('a single value has no spread', () => {
    expect(describeSpread([7])).toEqual({ count: 1, min: 7, q1: 7, median: 7, q3: 7, max: 7, mean: 7, stdDev: 0 });
  });
});
