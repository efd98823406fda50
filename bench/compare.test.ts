import { describe, expect, it } from 'vitest';
import { compareFlat, flattenApi, type Flat } from './compare.js';

// A full report cut down to what flattenApi reads, with one competitor's area withheld.
const report = (total: number) => ({
  participation: {
    className: 'Bank',
    tier: 'KONKURRENT',
    total,
    report: {
      total,
      lastYearTotal: null,
      byChannel: [{ channel: 'PHONE', total }],
      areas: [],
      categories: [],
      inquiries: [],
      classBenchmark: [],
      classMean: null,
      performances: [],
      history: [],
      cx: {
        csatMean: null,
        csatTop2Share: null,
        cesMean: null,
        nps: null,
        ves1Mean: null,
        ves2Mean: null,
        npsDistribution: { detractors: 0, passives: 0, promoters: 0, count: 0 },
        byChannel: [],
        classMean: { csatMean: null, nps: null },
      },
      background: { rolePlays: [], channels: ['PHONE'], inquiriesByChannel: [], unanswered: 0, observerGenders: [], observerAgeBands: [] },
      competitors: [
        {
          company: { slug: 'rival' },
          total: 70,
          report: {
            total: 70,
            byChannel: [],
            areas: [{ area: 'AGENT', score: null, performances: [] }],
            categories: [],
            cx: { nps: 10, csatMean: 4 },
            performances: [],
            variation: { total: { mean: 70, stdDev: 3 } },
          },
        },
      ],
      variation: { total: { min: 0, q1: 50, median: 60, q3: 70, max: 90, stdDev: 12 }, byChannel: [], areas: [], widestPerformances: [] },
    },
  },
});
const withheld = [
  {
    message: 'too few',
    path: ['participation', 'report', 'competitors', 0, 'report', 'areas', 0, 'score'],
    extensions: { code: 'TOO_FEW_INQUIRIES' },
  },
];

function analystFor(api: Flat, changes: Record<string, number | null> = {}): Flat {
  const copy = new Map(api);
  copy.set('comp.rival.area.AGENT', 55); // the analyst has no minimum cell size
  for (const [k, v] of Object.entries(changes)) copy.set(k, v);
  return copy;
}

describe('comparing the API with the analyst', () => {
  it('skips what the API withheld by design and finds the rest equal', () => {
    const api = flattenApi(report(81.5), withheld);
    expect(api.withheld).toEqual(new Set(['comp.rival.area.AGENT']));
    expect(api.values.get('own.byChannel.PHONE')).toBe(81.5);
    expect(compareFlat(api, analystFor(api.values)).mismatches).toEqual([]);
  });

  it('accepts float noise below 1e-9 and reports anything larger, or a missing figure', () => {
    const api = flattenApi(report(81.5), withheld);
    expect(compareFlat(api, analystFor(api.values, { 'own.total': 81.5 + 1e-12 })).mismatches).toEqual([]);
    expect(compareFlat(api, analystFor(api.values, { 'own.total': 81.5001 })).mismatches).toEqual(['own.total: API 81.5, analyst 81.5001']);
    const missing = analystFor(api.values);
    missing.delete('comp.rival.var.stdDev');
    expect(compareFlat(api, missing).mismatches).toEqual(['comp.rival.var.stdDev: API 3, analyst nothing']);
  });

  it('counts list entries, so an entry the analyst lacks is a mismatch', () => {
    const api = flattenApi(report(81.5), withheld);
    expect(compareFlat(api, analystFor(api.values, { 'own.byChannel#': 2 })).mismatches).toEqual(['own.byChannel#: API 1, analyst 2']);
  });
});
