import { describe, expect, it } from 'vitest';
import { formatGap } from '../format/number.js';
import { classGap, sortByGap } from './gap.js';

describe('the gap to the class', () => {
  it('is own minus class in percentage points at two decimals, null without both', () => {
    expect(classGap(58, 70.4)).toBe(-12.4);
    expect(classGap(80.125, 80)).toBe(0.13);
    expect(classGap(null, 70)).toBeNull();
    expect(classGap(70, undefined)).toBeNull();
  });

  it('reads by arrow and sign as well as colour, in each language', () => {
    expect(formatGap(-12.4)).toBe('▼ −12,40\u00a0p.p.');
    expect(formatGap(3.2, 'en')).toBe('▲ +3.20\u00a0pp');
    expect(formatGap(-0.001)).toBe('= 0,00\u00a0p.p.');
    expect(formatGap(null)).toBe('–');
  });

  it('sorts furthest below first or last, without a gap always last, ties in given order', () => {
    const items = [
      { c: 'a', g: 5 },
      { c: 'b', g: null },
      { c: 'c', g: -10 },
      { c: 'd', g: 5 },
      { c: 'e', g: 0 },
    ];
    expect(sortByGap(items, (i) => i.g, 'ascending').map((i) => i.c)).toEqual(['c', 'e', 'a', 'd', 'b']);
    expect(sortByGap(items, (i) => i.g, 'descending').map((i) => i.c)).toEqual(['a', 'd', 'e', 'c', 'b']);
  });
});
