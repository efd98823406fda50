import { describe, expect, it } from 'vitest';
import type { InquiryStatus } from '../domain.js';
import { cxMeasures, npsDistribution, type ScoringInquiry } from './index.js';

let n = 0;
const inquiry = (answers: Record<string, string>, status: InquiryStatus = 'ANSWERED'): ScoringInquiry => ({
  inquiryId: `I${++n}`,
  channel: 'CHAT',
  status,
  answers,
});
const nps = (...values: number[]) => values.map((v) => inquiry({ NPS: String(v) }));

describe('NPS', () => {
  it('is 0 with only passives', () => {
    // 7, 8, 7: no promoters, no detractors → 100 · (0 − 0)/3 = 0
    expect(cxMeasures(nps(7, 8, 7)).nps).toBe(0);
    expect(npsDistribution(nps(7, 8, 7))).toEqual({ detractors: 0, passives: 3, promoters: 0, count: 3 });
  });
  it('is 100 with only promoters', () => {
    // 9, 10 → 100 · (2 − 0)/2 = 100
    expect(cxMeasures(nps(9, 10)).nps).toBe(100);
  });
  it('is −100 with only detractors', () => {
    // 0, 6 → 100 · (0 − 2)/2 = −100
    expect(cxMeasures(nps(0, 6)).nps).toBe(-100);
  });
  it('counts 0–6 as detractors, 7–8 passives, 9–10 promoters', () => {
    // 6 D, 7 P, 8 P, 9 +, 10 + → 100 · (2 − 1)/5 = 20
    expect(npsDistribution(nps(6, 7, 8, 9, 10))).toEqual({ detractors: 1, passives: 2, promoters: 2, count: 5 });
    expect(cxMeasures(nps(6, 7, 8, 9, 10)).nps).toBeCloseTo(20, 10);
  });
});

describe('CX measures', () => {
  const inquiries = [
    inquiry({ CSAT: '5', CES: '6', NPS: '9', VES1: '5', VES2: '4' }),
    inquiry({ CSAT: '3', CES: '4', NPS: '6', VES1: '3', VES2: '6' }),
    inquiry({ CSAT: '4', CES: '2', NPS: '10', VES1: '7', VES2: '1' }),
    inquiry({ CSAT: '2' }),
    // Unanswered inquiries count nowhere in CX, whatever a row carries.
    inquiry({ CSAT: '1', NPS: '0' }, 'UNANSWERED'),
  ];

  it('takes means and shares over answered inquiries', () => {
    expect(cxMeasures(inquiries)).toEqual({
      csatMean: 3.5, // (5+3+4+2)/4 = 14/4
      csatTop2Share: 50, // 5 and 4 of 4 answers → 2/4
      cesMean: 4, // (6+4+2)/3
      nps: expect.closeTo(100 / 3, 10), // 9 and 10 promoters, 6 detractor → 100 · (2 − 1)/3 → 33.333…
      ves1Mean: 5, // (5+3+7)/3
      ves2Mean: expect.closeTo(11 / 3, 10), // (4+6+1)/3 → 3.666…
    });
  });

  it('gives CSAT top-2 share as a percentage', () => {
    // 4, 5, 3 → 2 of 3 → 66.666…%
    expect(cxMeasures([inquiry({ CSAT: '4' }), inquiry({ CSAT: '5' }), inquiry({ CSAT: '3' })]).csatTop2Share).toBeCloseTo(200 / 3, 10);
  });

  it('is null per measure without answers, and ignores empty texts', () => {
    expect(cxMeasures([inquiry({ CSAT: '4', CES: '' })])).toEqual({
      csatMean: 4,
      csatTop2Share: 100,
      cesMean: null,
      nps: null,
      ves1Mean: null,
      ves2Mean: null,
    });
    expect(npsDistribution([])).toEqual({ detractors: 0, passives: 0, promoters: 0, count: 0 });
  });
});
