import { describe, expect, it } from 'vitest';
import { checkEditionSettings, isoWeeksInYear, weeksInYear, type EditionSettingsValues } from './edition-settings.js';

const good: EditionSettingsValues = {
  weeks: [10, 11, 12],
  inquiriesPerParticipant: 25,
  channelKeys: { PHONE: 0.5, EMAIL: 0.3, CHAT: 0.2 },
  waitLimits: {
    PHONE: { waitSeconds: 300, attempts: 2 },
    EMAIL: { waitSeconds: 259_200, attempts: 1 },
    CHAT: { waitSeconds: 300, attempts: 2 },
    MESSENGER: { waitSeconds: 1800, attempts: 2 },
  },
  minQualityScore: 70,
  minCellSize: 5,
  thirdChannel: 'MESSENGER',
};

describe('isoWeeksInYear', () => {
  it('has 53 weeks in years beginning on a Thursday (2015, 2026) or leap years beginning on a Wednesday (2020)', () => {
    expect([2015, 2020, 2024, 2025, 2026, 2027].map(isoWeeksInYear)).toEqual([53, 53, 52, 52, 53, 52]);
  });

  it('moves weeks to another year: 53 becomes 52 where the year has no week 53, without repeating a week', () => {
    expect(weeksInYear([10, 52, 53], 2027)).toEqual([10, 52]);
    expect(weeksInYear([10, 53], 2026)).toEqual([10, 53]);
  });
});

describe('checkEditionSettings', () => {
  it('accepts good settings as they are', () => {
    expect(checkEditionSettings(good, 2026)).toStrictEqual({ value: good, problems: [] });
  });

  it('names every bad field with its reason', () => {
    const result = checkEditionSettings(
      {
        ...good,
        weeks: [53, 53],
        inquiriesPerParticipant: 0,
        channelKeys: { PHONE: 0 },
        waitLimits: { ...good.waitLimits, CHAT: { waitSeconds: 300, attempts: 0 } },
        minQualityScore: -1,
        minCellSize: 1.5,
        thirdChannel: 'EMAIL',
      },
      2027,
    );
    expect(result.value).toBeNull();
    expect(result.problems.map((p) => [p.field, p.reason])).toStrictEqual([
      ['weeks[0]', 'WEEK_NOT_IN_YEAR'],
      ['weeks[1]', 'WEEK_NOT_IN_YEAR'],
      ['inquiriesPerParticipant', 'OUT_OF_RANGE'],
      ['channelKeys', 'NO_POSITIVE_KEY'],
      ['waitLimits.CHAT.attempts', 'OUT_OF_RANGE'],
      ['minQualityScore', 'OUT_OF_RANGE'],
      ['minCellSize', 'NOT_WHOLE_NUMBER'],
      ['thirdChannel', 'UNKNOWN_VALUE'],
    ]);
    expect(result.problems[0]).toMatchObject({ min: 1, max: 52, message: 'week 53 is not an ISO week of 2027 (1–52)' });
    expect(result.problems[5]).toMatchObject({ min: 0, max: 100 });
  });

  it('in 2026, which has 53 weeks, week 53 is accepted and a repeated week refused', () => {
    expect(checkEditionSettings({ ...good, weeks: [53, 53] }, 2026).problems).toStrictEqual([
      { field: 'weeks[1]', reason: 'DUPLICATE_WEEK', message: 'week 53 is listed twice' },
    ]);
  });
});
