import { describe, expect, it } from 'vitest';
import { overviewReading } from './reading';

describe('the overview reading', () => {
  it('names the strongest area, the area furthest below the class, the weakest performance and the widest channel', () => {
    expect(overviewReading({
      areas: [
        { area: 'RESPONSE_TIME', score: 88, classMean: 80 },
        { area: 'RECEPTION', score: 77.3, classMean: 75 },
        { area: 'AGENT', score: 70, classMean: 76.5 },
        { area: 'OVERALL', score: 73, classMean: 74 },
      ],
      channelSpread: [
        { channel: 'PHONE', stdDev: 13.7, count: 13 },
        { channel: 'CHAT', stdDev: 30, count: 2 },
        { channel: 'EMAIL', stdDev: 15.8, count: 8 },
      ],
      performances: [
        { text: 'Presenterte seg', scored: true, score: 40 },
        { text: 'Tilbud om tilbakeringing', scored: false, score: null },
        { text: 'Oppsummerte', scored: true, score: 12.5 },
      ],
    })).toEqual({
      strongestArea: { area: 'RESPONSE_TIME', score: 88 },
      weakestAgainstClass: { area: 'AGENT', diff: 6.5 },
      weakestPerformance: { text: 'Oppsummerte', score: 12.5 },
      // CHAT varies more but over 2 inquiries only.
      widestChannel: { channel: 'EMAIL', stdDev: 15.8 },
    });
  });

  it('names the performance furthest below its class figure when the class figures are there (the own report)', () => {
    const reading = overviewReading({
      areas: [],
      channelSpread: [],
      performances: [
        // Lowest score, but the class does no better: 12.5 against 10.
        { text: 'Oppsummerte', scored: true, score: 12.5, classScore: 10 },
        // 60 against the class's 81.25: 21.25 below, the widest gap.
        { text: 'Stilte spørsmål om behovet', scored: true, score: 60, classScore: 81.25 },
        { text: 'Presenterte seg', scored: true, score: 40, classScore: 50 },
        { text: 'Tilbud om tilbakeringing', scored: false, score: null, classScore: null },
      ],
    });
    expect(reading.weakestPerformance).toEqual({ text: 'Stilte spørsmål om behovet', score: 60, classScore: 81.25 });
  });

  it('says so when every area is above the class, and leaves out what it cannot know', () => {
    expect(overviewReading({
      areas: [{ area: 'AGENT', score: 80, classMean: 70 }, { area: 'OVERALL', score: null, classMean: 60 }],
      channelSpread: [{ channel: 'PHONE', stdDev: 10, count: 25 }],
      performances: [],
    })).toEqual({ strongestArea: { area: 'AGENT', score: 80 }, weakestAgainstClass: 'aboveEverywhere' });
  });

  it('gives no class comparison without the class means (a competitor)', () => {
    expect(overviewReading({ areas: [{ area: 'AGENT', score: 80, classMean: undefined }], channelSpread: [], performances: [] }).weakestAgainstClass).toBeUndefined();
  });
});
