import { describe, expect, it } from 'vitest';
import { improveFirst, participantWeight, performanceImportance, type ChannelWeights } from './improve-first.js';

describe('participantWeight', () => {
  const channels: ChannelWeights[] = [
    {
      channel: 'PHONE',
      inquiries: 15,
      weights: new Map([
        ['AGENT_1', 0.2],
        ['RT_1', 0.1],
      ]),
    },
    { channel: 'EMAIL', inquiries: 10, weights: new Map([['AGENT_1', 0.05]]) },
  ];

  it('averages the channel weights weighted by the participant’s inquiries on each', () => {
    // (0.2 · 15 + 0.05 · 10) / (15 + 10) = (3 + 0.5) / 25 = 0.14
    expect(participantWeight('AGENT_1', channels)).toBeCloseTo(0.14, 12);
  });

  it('leaves out a channel where the performance has no weight', () => {
    // RT_1 only weighs on PHONE: 0.1 · 15 / 15 = 0.1
    expect(participantWeight('RT_1', channels)).toBeCloseTo(0.1, 12);
    expect(participantWeight('OVERALL_9', channels)).toBeNull();
  });
});

describe('improveFirst', () => {
  const weights = new Map([
    ['A', 0.1],
    ['B', 0.3],
    ['C', 0.05],
    ['D', 0.2],
  ]);
  const list = improveFirst(
    [
      { questionCode: 'A', score: 50, classScore: 80 }, // gap 30 × 0.1  = 3
      { questionCode: 'B', score: 70, classScore: 75 }, // gap  5 × 0.3  = 1.5
      { questionCode: 'C', score: 20, classScore: 90 }, // gap 70 × 0.05 = 3.5
      { questionCode: 'D', score: 90, classScore: 60 }, // above the class: not listed
      { questionCode: 'E', score: 10, classScore: 60 }, // no weight: not listed
      { questionCode: 'F', score: null, classScore: 60 }, // no basis: not listed
    ],
    (code) => weights.get(code) ?? null,
  );

  it('lists the performances below the class figure by gap × weight, largest first', () => {
    expect(list.map((p) => p.questionCode)).toEqual(['C', 'A', 'B']);
    expect(list.map((p) => p.priority)).toEqual([expect.closeTo(3.5, 12), expect.closeTo(3, 12), expect.closeTo(1.5, 12)]);
    expect(list[0]).toMatchObject({ score: 20, classScore: 90, weight: 0.05 });
  });

  it('keeps every performance with a weight for the quadrant, those above the class with a negative priority', () => {
    const all = performanceImportance(
      [
        { questionCode: 'D', score: 90, classScore: 60 },
        { questionCode: 'A', score: 50, classScore: 80 },
      ],
      (code) => weights.get(code) ?? null,
    );
    // A: (80 − 50) × 0.1 = 3; D: (60 − 90) × 0.2 = −6
    expect(all.map((p) => [p.questionCode, p.priority])).toEqual([
      ['A', expect.closeTo(3, 12)],
      ['D', expect.closeTo(-6, 12)],
    ]);
  });
});
