import { describe, expect, it } from 'vitest';
import type { Channel } from '@ksp/shared/domain';
import { channelQuadrant } from './quadrant';

// The demo questionnaire's kind of performances: a wait per channel, and common ones.
const CHANNELS = new Map<string, readonly Channel[]>([
  ['RT_WAIT_PHONE', ['PHONE']],
  ['RT_WAIT_EMAIL', ['EMAIL']],
  ['AGT_NEEDS', ['PHONE', 'EMAIL', 'CHAT']],
  ['OVR_GRADE', ['PHONE', 'EMAIL', 'CHAT']],
]);
const STANDINGS = [
  { questionCode: 'RT_WAIT_PHONE', score: 80, classScore: 60 },
  { questionCode: 'RT_WAIT_EMAIL', score: 40, classScore: 70 },
  { questionCode: 'AGT_NEEDS', score: 50, classScore: 60 },
  { questionCode: 'OVR_GRADE', score: 55, classScore: 58 },
];
const PHONE_DRIVERS = [
  { questionCode: 'OVR_GRADE', weight: 0.3 },
  { questionCode: 'AGT_NEEDS', weight: 0.05 },
  { questionCode: 'RT_WAIT_PHONE', weight: 0.02 },
];

describe('channelQuadrant', () => {
  it('keeps the performances asked on the channel, each at its weight there, by priority', () => {
    // OVR_GRADE (58 − 55) × 0,3 = 0,9; AGT_NEEDS (60 − 50) × 0,05 = 0,5; RT_WAIT_PHONE (60 − 80) × 0,02 = −0,4.
    const rows = channelQuadrant(STANDINGS, CHANNELS, 'PHONE', PHONE_DRIVERS);
    expect(rows.map((r) => [r.questionCode, r.weight, r.priority])).toEqual([
      ['OVR_GRADE', 0.3, expect.closeTo(0.9, 10)],
      ['AGT_NEEDS', 0.05, expect.closeTo(0.5, 10)],
      ['RT_WAIT_PHONE', 0.02, expect.closeTo(-0.4, 10)],
    ]);
    // The own score and class figure are carried as given.
    expect(rows[0]).toMatchObject({ score: 55, classScore: 58 });
  });

  it('never puts another channel’s performance on the chart, even where a weight is given for it', () => {
    const rows = channelQuadrant(STANDINGS, CHANNELS, 'PHONE', [...PHONE_DRIVERS, { questionCode: 'RT_WAIT_EMAIL', weight: 0.4 }]);
    expect(rows.map((r) => r.questionCode)).not.toContain('RT_WAIT_EMAIL');
    const email = channelQuadrant(STANDINGS, CHANNELS, 'EMAIL', [{ questionCode: 'RT_WAIT_EMAIL', weight: 0.4 }]);
    expect(email.map((r) => r.questionCode)).toEqual(['RT_WAIT_EMAIL']);
  });

  it('leaves out a performance without a weight on the channel, or unknown to the questionnaire, and is empty without an analysis', () => {
    const rows = channelQuadrant(
      [...STANDINGS, { questionCode: 'GONE', score: 1, classScore: 2 }],
      CHANNELS,
      'PHONE',
      PHONE_DRIVERS.filter((d) => d.questionCode !== 'AGT_NEEDS').concat({ questionCode: 'GONE', weight: 0.1 }),
    );
    expect(rows.map((r) => r.questionCode)).toEqual(['OVR_GRADE', 'RT_WAIT_PHONE']);
    expect(channelQuadrant(STANDINGS, CHANNELS, 'PHONE', [])).toEqual([]);
  });

  it('orders equal priorities by code, so the table does not shuffle', () => {
    const rows = channelQuadrant(
      [
        { questionCode: 'OVR_GRADE', score: 50, classScore: 60 },
        { questionCode: 'AGT_NEEDS', score: 50, classScore: 60 },
      ],
      CHANNELS,
      'CHAT',
      [
        { questionCode: 'OVR_GRADE', weight: 0.1 },
        { questionCode: 'AGT_NEEDS', weight: 0.1 },
      ],
    );
    expect(rows.map((r) => r.questionCode)).toEqual(['AGT_NEEDS', 'OVR_GRADE']);
  });
});
