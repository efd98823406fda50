import { describe, expect, it } from 'vitest';
import { percentile, summarize } from './stats.js';

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
  it('takes a real sample: p50, p95, p99 of 1..100 are 50, 95, 99', () => {
    expect([percentile(hundred, 0.5), percentile(hundred, 0.95), percentile(hundred, 0.99)]).toEqual([50, 95, 99]);
  });
  it('gives the largest sample when there are too few for the percentile', () => {
    expect(percentile([3, 7, 9], 0.99)).toBe(9);
    expect(percentile([3, 7, 9], 0.5)).toBe(7);
  });
  it('sorts before summarizing', () => {
    expect(summarize([9, 1, 5, 3])).toMatchObject({ count: 4, p50: 3, max: 9, mean: 4.5 });
  });
});
