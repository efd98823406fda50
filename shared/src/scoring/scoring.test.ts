import { describe, expect, it } from 'vitest';
import type { Channel, QuestionDef } from '../domain.js';
import {
  areaScores,
  areaScoresByChannel,
  categoryScores,
  categoryScoresByChannel,
  inquiryScore,
  participantReport,
  participantTotal,
  performanceScores,
  pooledScore,
  scoredItems,
  totalsByChannel,
  type ScoringInquiry,
} from './index.js';

// A tiny questionnaire. Maximum points per question in brackets.
//   RESPONSE_TIME  RT1 [4] ACCESSIBILITY, RT2 [2] ACCESSIBILITY, CALLBACK (unscored, PHONE only)
//   RECEPTION      REC1 [3] ACCESSIBILITY (PHONE only), REC2 [4] COMMUNICATION (has "not applicable")
//   AGENT          AG1 [5] INTEREST, AG2 [5] COMMUNICATION+COMPETENCE, AG3 [4] SALES
//   OVERALL        OV1 [4] (no category), OV2 [3] SALES
//   CX             CSAT, CES, NPS, VES1, VES2 (SCALE)
// Possible per inquiry: EMAIL/CHAT 4+2+4+5+5+4+4+3 = 31; PHONE adds REC1: 34.
// Area maxima: RESPONSE_TIME 6; RECEPTION 4 (PHONE 7); AGENT 14; OVERALL 7.
const opt = (code: string, points?: number) => ({ code, label: code, ...(points === undefined ? {} : { points }) });
const ALL: Channel[] = ['PHONE', 'EMAIL', 'CHAT', 'MESSENGER'];
const QUESTIONS: QuestionDef[] = [
  {
    code: 'RT1',
    area: 'RESPONSE_TIME',
    text: '',
    channels: ALL,
    categories: ['ACCESSIBILITY'],
    options: [opt('A', 4), opt('B', 2), opt('C', 0)],
  },
  { code: 'RT2', area: 'RESPONSE_TIME', text: '', channels: ALL, categories: ['ACCESSIBILITY'], options: [opt('Y', 2), opt('N', 0)] },
  { code: 'CALLBACK', area: 'RESPONSE_TIME', text: '', channels: ['PHONE'], options: [opt('Y'), opt('N')] },
  {
    code: 'REC1',
    area: 'RECEPTION',
    text: '',
    channels: ['PHONE'],
    categories: ['ACCESSIBILITY'],
    options: [opt('A', 3), opt('B', 1), opt('C', 0)],
  },
  {
    code: 'REC2',
    area: 'RECEPTION',
    text: '',
    channels: ALL,
    categories: ['COMMUNICATION'],
    options: [opt('A', 4), opt('B', 2), opt('C', 0), { code: 'NA', label: 'Ikke relevant', notApplicable: true }],
  },
  { code: 'AG1', area: 'AGENT', text: '', channels: ALL, categories: ['INTEREST'], options: [opt('A', 5), opt('B', 3), opt('C', 0)] },
  { code: 'AG2', area: 'AGENT', text: '', channels: ALL, categories: ['COMMUNICATION', 'COMPETENCE'], options: [opt('A', 5), opt('B', 0)] },
  { code: 'AG3', area: 'AGENT', text: '', channels: ALL, categories: ['SALES'], options: [opt('A', 4), opt('B', 2), opt('C', 0)] },
  {
    code: 'OV1',
    area: 'OVERALL',
    text: '',
    channels: ALL,
    options: [opt('G1', 0), opt('G2', 1), opt('G3', 2), opt('G4', 3), opt('G5', 4)],
  },
  { code: 'OV2', area: 'OVERALL', text: '', channels: ALL, categories: ['SALES'], options: [opt('Y', 3), opt('N', 0)] },
  { code: 'CSAT', area: 'CX', text: '', kind: 'SCALE', min: 1, max: 5 },
  { code: 'CES', area: 'CX', text: '', kind: 'SCALE', min: 1, max: 7 },
  { code: 'NPS', area: 'CX', text: '', kind: 'SCALE', min: 0, max: 10 },
  { code: 'VES1', area: 'CX', text: '', kind: 'SCALE', min: 1, max: 7 },
  { code: 'VES2', area: 'CX', text: '', kind: 'SCALE', min: 1, max: 7 },
];

// Points earned in brackets.
// P1 PHONE answered: RT 4+2, REC 1+4, AG 3+5+0, OV 3+3 → 25 of 34.
const P1: ScoringInquiry = {
  inquiryId: 'P1',
  channel: 'PHONE',
  status: 'ANSWERED',
  answers: {
    RT1: 'A',
    RT2: 'Y',
    CALLBACK: 'N',
    REC1: 'B',
    REC2: 'A',
    AG1: 'B',
    AG2: 'A',
    AG3: 'C',
    OV1: 'G4',
    OV2: 'Y',
    CSAT: '5',
    CES: '6',
    NPS: '9',
    VES1: '5',
    VES2: '4',
  },
};
// E1 EMAIL answered, REC2 not applicable: RT 2+0, REC –, AG 5+0+2, OV 2+0 → 11 of 31−4 = 27.
const E1: ScoringInquiry = {
  inquiryId: 'E1',
  channel: 'EMAIL',
  status: 'ANSWERED',
  answers: {
    RT1: 'B',
    RT2: 'N',
    REC2: 'NA',
    AG1: 'A',
    AG2: 'B',
    AG3: 'B',
    OV1: 'G3',
    OV2: 'N',
    CSAT: '3',
    CES: '4',
    NPS: '6',
    VES1: '3',
    VES2: '6',
  },
};
// C1 CHAT answered: RT 0+2, REC 0, AG 0+5+4, OV 4+3 → 18 of 31.
const C1: ScoringInquiry = {
  inquiryId: 'C1',
  channel: 'CHAT',
  status: 'ANSWERED',
  answers: {
    RT1: 'C',
    RT2: 'Y',
    REC2: 'C',
    AG1: 'C',
    AG2: 'A',
    AG3: 'A',
    OV1: 'G5',
    OV2: 'Y',
    CSAT: '4',
    CES: '2',
    NPS: '10',
    VES1: '7',
    VES2: '1',
  },
};
// Unanswered: 0 of the channel's full 34 (PHONE) or 31 (EMAIL).
const P2: ScoringInquiry = { inquiryId: 'P2', channel: 'PHONE', status: 'UNANSWERED', answers: {} };
const E2: ScoringInquiry = { inquiryId: 'E2', channel: 'EMAIL', status: 'UNANSWERED', answers: {} };

const ALL_INQUIRIES = [P1, E1, C1, P2, E2];
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('scoredItems', () => {
  it('gives an answered inquiry one item per applicable scored question, unscored and CX left out', () => {
    const items = scoredItems(QUESTIONS, P1);
    expect(items.map((i) => i.questionCode)).toEqual(['RT1', 'RT2', 'REC1', 'REC2', 'AG1', 'AG2', 'AG3', 'OV1', 'OV2']);
    // 4+2+1+4+3+5+0+3+3 = 25; 4+2+3+4+5+5+4+4+3 = 34
    expect(sum(items.map((i) => i.earned))).toBe(25);
    expect(sum(items.map((i) => i.possible))).toBe(34);
    expect(items.find((i) => i.questionCode === 'AG2')).toEqual({
      questionCode: 'AG2',
      area: 'AGENT',
      categories: ['COMMUNICATION', 'COMPETENCE'],
      earned: 5,
      possible: 5,
      inPerformance: true,
    });
  });

  it('drops a "not applicable" question from both earned and possible', () => {
    const items = scoredItems(QUESTIONS, E1);
    expect(items.map((i) => i.questionCode)).not.toContain('REC2');
    // 2+0+5+0+2+2+0 = 11 of 31 − 4 (REC2) = 27
    expect(sum(items.map((i) => i.earned))).toBe(11);
    expect(sum(items.map((i) => i.possible))).toBe(27);
  });

  it('gives an unanswered inquiry the full possible of its channel, counting in the total and RESPONSE_TIME only', () => {
    const phone = scoredItems(QUESTIONS, P2);
    const email = scoredItems(QUESTIONS, E2);
    // PHONE has REC1 [3] on top of EMAIL's 31.
    expect(sum(phone.map((i) => i.possible))).toBe(34);
    expect(sum(email.map((i) => i.possible))).toBe(31);
    expect(sum(phone.map((i) => i.earned))).toBe(0);
    expect(phone.find((i) => i.questionCode === 'RT1')).toEqual({
      questionCode: 'RT1',
      area: 'RESPONSE_TIME',
      categories: [],
      earned: 0,
      possible: 4,
      inPerformance: false,
    });
    expect(phone.find((i) => i.questionCode === 'AG1')).toMatchObject({ area: null, categories: [], inPerformance: false });
  });

  it('ignores stray answers on an unanswered inquiry and answers to questions outside the channel', () => {
    const stray: ScoringInquiry = { ...E2, answers: { RT1: 'A', AG1: 'A' } };
    expect(sum(scoredItems(QUESTIONS, stray).map((i) => i.earned))).toBe(0);
    // REC1 is PHONE only: an EMAIL answer to it does not count. 4+2+4+5+5+4+4+3 = 31 of 31.
    const best: ScoringInquiry = {
      inquiryId: 'E3',
      channel: 'EMAIL',
      status: 'ANSWERED',
      answers: { RT1: 'A', RT2: 'Y', REC1: 'C', REC2: 'A', AG1: 'A', AG2: 'A', AG3: 'A', OV1: 'G5', OV2: 'Y' },
    };
    expect(inquiryScore(QUESTIONS, best)).toBe(100);
  });
});

describe('inquiry score', () => {
  it('is 100 · earned / possible', () => {
    expect(inquiryScore(QUESTIONS, P1)).toBeCloseTo((100 * 25) / 34, 10); // 73.529…
    expect(inquiryScore(QUESTIONS, E1)).toBeCloseTo((100 * 11) / 27, 10); // 40.740…
    expect(inquiryScore(QUESTIONS, C1)).toBeCloseTo((100 * 18) / 31, 10); // 58.064…
  });
  it('is 0 for an unanswered inquiry', () => {
    expect(inquiryScore(QUESTIONS, P2)).toBe(0);
    expect(inquiryScore(QUESTIONS, E2)).toBe(0);
  });
  it('is null when every question was not applicable', () => {
    const onlyRec2 = QUESTIONS.filter((q) => q.code === 'REC2');
    expect(inquiryScore(onlyRec2, E1)).toBeNull(); // 0 of 0
  });
});

describe('pooledScore', () => {
  it('is null without possible points, never 0', () => {
    expect(pooledScore([])).toBeNull();
    expect(pooledScore([{ earned: 0, possible: 0 }])).toBeNull();
    expect(pooledScore([{ earned: 0, possible: 3 }])).toBe(0);
  });
});

describe('participant total', () => {
  it('pools the points of all inquiries, unanswered ones with 0 of their channel’s possible', () => {
    // (25+11+18+0+0) / (34+27+31+34+31) = 54/157 → 34.394904…%
    expect(participantTotal(QUESTIONS, ALL_INQUIRIES)).toBeCloseTo((100 * 54) / 157, 10);
  });

  it('is not the mean of the inquiry scores', () => {
    // Pooled: (25+11)/(34+27) = 36/61 → 59.016…%; the mean of 73.529…% and 40.740…% is 57.135…%.
    // The pooled total weighs P1 by its 34 possible points against E1's 27 (N/A dropped out).
    const pooled = participantTotal(QUESTIONS, [P1, E1]);
    expect(pooled).toBeCloseTo((100 * 36) / 61, 10);
    expect(pooled).not.toBeCloseTo((100 * 25) / 34 / 2 + (100 * 11) / 27 / 2, 2);
  });

  it('per channel: only channels with inquiries, in CHANNELS order', () => {
    expect(totalsByChannel(QUESTIONS, ALL_INQUIRIES)).toEqual([
      { channel: 'PHONE', total: expect.closeTo((100 * 25) / 68, 10) }, // (25+0)/(34+34) → 36.764…%
      { channel: 'EMAIL', total: expect.closeTo((100 * 11) / 58, 10) }, // (11+0)/(27+31) → 18.965…%
      { channel: 'CHAT', total: expect.closeTo((100 * 18) / 31, 10) }, // 18/31 → 58.064…%
    ]);
  });

  it('is null without inquiries', () => {
    expect(participantTotal(QUESTIONS, [])).toBeNull();
    expect(totalsByChannel(QUESTIONS, [])).toEqual([]);
  });
});

describe('area scores', () => {
  it('RESPONSE_TIME over all inquiries, the others over answered ones', () => {
    expect(areaScores(QUESTIONS, ALL_INQUIRIES)).toEqual([
      // P1 4+2, E1 2+0, C1 0+2, P2 0, E2 0 → 10 / (5 × 6) → 33.333…%
      { area: 'RESPONSE_TIME', score: expect.closeTo((100 * 10) / 30, 10) },
      // P1 1+4 of 3+4, E1 N/A (0 of 0), C1 0 of 4 → 5/11 → 45.454…%
      { area: 'RECEPTION', score: expect.closeTo((100 * 5) / 11, 10) },
      // P1 3+5+0, E1 5+0+2, C1 0+5+4 → 24 / (3 × 14) → 57.142…%
      { area: 'AGENT', score: expect.closeTo((100 * 24) / 42, 10) },
      // P1 3+3, E1 2+0, C1 4+3 → 15 / (3 × 7) → 71.428…%
      { area: 'OVERALL', score: expect.closeTo((100 * 15) / 21, 10) },
    ]);
  });

  it('per channel, with null where a channel has no basis', () => {
    const rows = areaScoresByChannel(QUESTIONS, ALL_INQUIRIES);
    const get = (area: string, channel: string) => rows.find((r) => r.area === area && r.channel === channel)?.score;
    expect(rows).toHaveLength(4 * 3); // 4 areas × PHONE, EMAIL, CHAT
    expect(rows.map((r) => `${r.area}/${r.channel}`).slice(0, 4)).toEqual([
      'RESPONSE_TIME/PHONE',
      'RESPONSE_TIME/EMAIL',
      'RESPONSE_TIME/CHAT',
      'RECEPTION/PHONE',
    ]);
    expect(get('RESPONSE_TIME', 'PHONE')).toBeCloseTo(50, 10); // (6+0)/(6+6)
    expect(get('RESPONSE_TIME', 'EMAIL')).toBeCloseTo((100 * 2) / 12, 10); // (2+0)/(6+6) → 16.666…%
    expect(get('RESPONSE_TIME', 'CHAT')).toBeCloseTo((100 * 2) / 6, 10); // 2/6 → 33.333…%
    expect(get('RECEPTION', 'PHONE')).toBeCloseTo((100 * 5) / 7, 10); // (1+4)/(3+4) → 71.428…%
    expect(get('RECEPTION', 'EMAIL')).toBeNull(); // E1 N/A, E2 unanswered: no basis
    expect(get('RECEPTION', 'CHAT')).toBe(0); // 0/4
    expect(get('AGENT', 'EMAIL')).toBeCloseTo(50, 10); // 7/14
    expect(get('OVERALL', 'CHAT')).toBeCloseTo(100, 10); // 7/7
  });
});

describe('category scores', () => {
  it('over the category’s questions (a question may be in several), answered inquiries only', () => {
    expect(categoryScores(QUESTIONS, ALL_INQUIRIES)).toEqual([
      // RT1, RT2, REC1: P1 4+2+1 of 9, E1 2+0 of 6, C1 0+2 of 6 → 11/21 → 52.380…%
      { category: 'ACCESSIBILITY', score: expect.closeTo((100 * 11) / 21, 10) },
      // AG1: 3+5+0 of 3 × 5 → 8/15 → 53.333…%
      { category: 'INTEREST', score: expect.closeTo((100 * 8) / 15, 10) },
      // REC2, AG2: P1 4+5 of 9, E1 (N/A)+0 of 5, C1 0+5 of 9 → 14/23 → 60.869…%
      { category: 'COMMUNICATION', score: expect.closeTo((100 * 14) / 23, 10) },
      // AG2: 5+0+5 of 15 → 66.666…%
      { category: 'COMPETENCE', score: expect.closeTo((100 * 10) / 15, 10) },
      // AG3, OV2: P1 0+3, E1 2+0, C1 4+3 → 12 / (3 × 7) → 57.142…%
      { category: 'SALES', score: expect.closeTo((100 * 12) / 21, 10) },
    ]);
  });

  it('lists only categories some question uses', () => {
    const agentOnly = QUESTIONS.filter((q) => q.code === 'AG1');
    expect(categoryScores(agentOnly, [P1])).toEqual([{ category: 'INTEREST', score: 60 }]); // 3/5
  });

  it('per channel', () => {
    const rows = categoryScoresByChannel(QUESTIONS, ALL_INQUIRIES);
    expect(rows).toHaveLength(5 * 3);
    const get = (category: string, channel: string) => rows.find((r) => r.category === category && r.channel === channel)?.score;
    expect(get('ACCESSIBILITY', 'PHONE')).toBeCloseTo((100 * 7) / 9, 10); // P1 only: (4+2+1)/(4+2+3)
    expect(get('COMMUNICATION', 'EMAIL')).toBe(0); // E1: REC2 N/A, AG2 0 of 5
    expect(get('SALES', 'CHAT')).toBe(100); // (4+3)/(4+3)
  });
});

describe('all inquiries unanswered', () => {
  const report = participantReport(QUESTIONS, [P2, E2]);
  it('scores 0 in total and RESPONSE_TIME, and has no basis anywhere else', () => {
    expect(report.total).toBe(0); // 0 / (34+31)
    expect(report.byChannel).toEqual([
      { channel: 'PHONE', total: 0 },
      { channel: 'EMAIL', total: 0 },
    ]);
    expect(report.areas.map((a) => [a.area, a.score])).toEqual([
      ['RESPONSE_TIME', 0], // 0 / (6+6)
      ['RECEPTION', null],
      ['AGENT', null],
      ['OVERALL', null],
    ]);
    expect(report.areas[0]?.byChannel).toEqual([
      { channel: 'PHONE', score: 0 },
      { channel: 'EMAIL', score: 0 },
    ]);
    expect(report.areas[2]?.byChannel).toEqual([
      { channel: 'PHONE', score: null },
      { channel: 'EMAIL', score: null },
    ]);
    expect(report.categories.every((c) => c.score === null)).toBe(true);
    expect(report.cx).toEqual({ csatMean: null, csatTop2Share: null, cesMean: null, nps: null, ves1Mean: null, ves2Mean: null });
    expect(report.inquiries).toEqual([
      { inquiryId: 'P2', channel: 'PHONE', status: 'UNANSWERED', score: 0 },
      { inquiryId: 'E2', channel: 'EMAIL', status: 'UNANSWERED', score: 0 },
    ]);
  });
  it('has performances without basis and no option counted', () => {
    const perf = performanceScores(QUESTIONS, [P2, E2]);
    expect(perf.find((p) => p.questionCode === 'RT1')).toMatchObject({ score: null, earned: 0, possible: 0, answers: 0 });
    expect(perf.find((p) => p.questionCode === 'RT1')?.options.map((o) => o.share)).toEqual([null, null, null]);
  });
});

describe('performance scores', () => {
  const perf = performanceScores(QUESTIONS, ALL_INQUIRIES);
  const of = (code: string) => perf.find((p) => p.questionCode === code);

  it('lists every CHOICE question in questionnaire order, not the CX scales', () => {
    expect(perf.map((p) => p.questionCode)).toEqual(['RT1', 'RT2', 'CALLBACK', 'REC1', 'REC2', 'AG1', 'AG2', 'AG3', 'OV1', 'OV2']);
  });

  it('scores over answered inquiries, with option counts and shares', () => {
    // RT1: A(4), B(2), C(0) in P1, E1, C1 → 6/12 = 50%; unanswered P2, E2 do not count here.
    expect(of('RT1')).toEqual({
      questionCode: 'RT1',
      area: 'RESPONSE_TIME',
      score: 50,
      earned: 6,
      possible: 12,
      answers: 3,
      options: [
        { code: 'A', label: 'A', count: 1, share: expect.closeTo(100 / 3, 10) },
        { code: 'B', label: 'B', count: 1, share: expect.closeTo(100 / 3, 10) },
        { code: 'C', label: 'C', count: 1, share: expect.closeTo(100 / 3, 10) },
      ],
    });
  });

  it('leaves N/A out of the score but counts it as an answer', () => {
    // REC2: P1 A(4), C1 C(0) → 4/8 = 50%; E1 N/A. Shares over 3 answers.
    const rec2 = of('REC2');
    expect(rec2).toMatchObject({ score: 50, earned: 4, possible: 8, answers: 3 });
    expect(rec2?.options.map((o) => [o.code, o.count])).toEqual([
      ['A', 1],
      ['B', 0],
      ['C', 1],
      ['NA', 1],
    ]);
    expect(rec2?.options[3]?.share).toBeCloseTo(100 / 3, 10);
    expect(rec2?.options[1]?.share).toBe(0);
  });

  it('scores a PHONE-only question over PHONE inquiries only', () => {
    // REC1: only P1, B (1 of 3) → 33.333…%
    expect(of('REC1')).toMatchObject({ earned: 1, possible: 3, answers: 1 });
    expect(of('REC1')?.score).toBeCloseTo(100 / 3, 10);
  });

  it('gives an unscored question a null score but its distribution', () => {
    // CALLBACK: P1 answered N.
    expect(of('CALLBACK')).toEqual({
      questionCode: 'CALLBACK',
      area: 'RESPONSE_TIME',
      score: null,
      earned: 0,
      possible: 0,
      answers: 1,
      options: [
        { code: 'Y', label: 'Y', count: 0, share: 0 },
        { code: 'N', label: 'N', count: 1, share: 100 },
      ],
    });
  });
});

describe('participantReport', () => {
  it('mirrors the GraphQL Report', () => {
    const report = participantReport(QUESTIONS, ALL_INQUIRIES);
    expect(report.total).toBeCloseTo((100 * 54) / 157, 10);
    expect(report.byChannel.map((c) => c.channel)).toEqual(['PHONE', 'EMAIL', 'CHAT']);
    expect(report.areas.map((a) => a.area)).toEqual(['RESPONSE_TIME', 'RECEPTION', 'AGENT', 'OVERALL']);
    // RECEPTION: 5/11 overall; PHONE 5/7, EMAIL no basis, CHAT 0/4.
    expect(report.areas[1]).toEqual({
      area: 'RECEPTION',
      score: expect.closeTo((100 * 5) / 11, 10),
      byChannel: [
        { channel: 'PHONE', score: expect.closeTo((100 * 5) / 7, 10) },
        { channel: 'EMAIL', score: null },
        { channel: 'CHAT', score: 0 },
      ],
    });
    expect(report.categories).toHaveLength(5);
    // CSAT 5, 3, 4 → mean 4; NPS 9, 6, 10 → (2 − 1)/3 → 33.333…
    expect(report.cx.csatMean).toBe(4);
    expect(report.cx.nps).toBeCloseTo(100 / 3, 10);
    expect(report.inquiries).toEqual([
      { inquiryId: 'P1', channel: 'PHONE', status: 'ANSWERED', score: expect.closeTo((100 * 25) / 34, 10) },
      { inquiryId: 'E1', channel: 'EMAIL', status: 'ANSWERED', score: expect.closeTo((100 * 11) / 27, 10) },
      { inquiryId: 'C1', channel: 'CHAT', status: 'ANSWERED', score: expect.closeTo((100 * 18) / 31, 10) },
      { inquiryId: 'P2', channel: 'PHONE', status: 'UNANSWERED', score: 0 },
      { inquiryId: 'E2', channel: 'EMAIL', status: 'UNANSWERED', score: 0 },
    ]);
  });

  it('keeps the sum of area points equal to the total’s', () => {
    // Areas: RT 10/30, REC 5/11, AGENT 24/42, OVERALL 15/21 → earned 54 = total's 54; possible
    // 104 plus the unanswered inquiries' non-RESPONSE_TIME 28 (PHONE 34−6) + 25 (EMAIL 31−6) = 157.
    const items = ALL_INQUIRIES.flatMap((i) => scoredItems(QUESTIONS, i));
    expect(sum(items.filter((i) => i.area !== null).map((i) => i.possible))).toBe(104);
    expect(sum(items.filter((i) => i.area === null).map((i) => i.possible))).toBe(53);
  });
});
