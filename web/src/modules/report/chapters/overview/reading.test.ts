import { describe, expect, it } from 'vitest';
import { overviewReading } from './reading';

describe('the overview reading', () => {
  it('names the strongest area, the area furthest below the class, the weakest performance and the widest channel', () => {
    expect(
      overviewReading({
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
      }),
    ).toEqual({
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

  it('says at or above, not above, when an area equals the class mean (a class of one)', () => {
    expect(
      overviewReading({
        areas: [
          { area: 'AGENT', score: 80, classMean: 80 },
          { area: 'OVERALL', score: 70, classMean: 60 },
        ],
        channelSpread: [],
        performances: [],
      }).weakestAgainstClass,
    ).toBe('atOrAboveEverywhere');
  });

  it('says so when every area is above the class, and leaves out what it cannot know', () => {
    expect(
      overviewReading({
        areas: [
          { area: 'AGENT', score: 80, classMean: 70 },
          { area: 'OVERALL', score: null, classMean: 60 },
        ],
        channelSpread: [{ channel: 'PHONE', stdDev: 10, count: 25 }],
        performances: [],
      }),
    ).toEqual({ strongestArea: { area: 'AGENT', score: 80 }, weakestAgainstClass: 'aboveEverywhere' });
  });

  it('gives no class comparison without the class means (a competitor)', () => {
    expect(
      overviewReading({ areas: [{ area: 'AGENT', score: 80, classMean: undefined }], channelSpread: [], performances: [] })
        .weakestAgainstClass,
    ).toBeUndefined();
  });
});

describe('the overview reading with improve-first (issue 19)', () => {
  it('names the first performance to improve first, by its text, with its score and the class figure', () => {
    const reading = overviewReading({
      areas: [],
      channelSpread: [],
      performances: [
        { code: 'AGT_NEEDS', text: 'Stilte kundebehandleren spørsmål om behovet?', scored: true, score: 55, classScore: 70 },
        { code: 'OVR_GRADE', text: 'Karakter på kundebehandleren', scored: true, score: 60, classScore: 64 },
      ],
      // The server's order: OVR_GRADE first (gap 4 × weight 0,2 = 0,8 beats 15 × 0,05 = 0,75).
      improveFirst: [
        { questionCode: 'OVR_GRADE', score: 60, classScore: 64 },
        { questionCode: 'AGT_NEEDS', score: 55, classScore: 70 },
      ],
    });
    expect(reading.improveFirst).toEqual({ text: 'Karakter på kundebehandleren', score: 60, classScore: 64 });
    // The largest gap is still named as the weakest against the class.
    expect(reading.weakestPerformance?.text).toBe('Stilte kundebehandleren spørsmål om behovet?');
  });

  it('says nothing of it for a competitor’s reader or when nothing is below the class', () => {
    const base = { areas: [], channelSpread: [], performances: [] };
    expect(overviewReading(base).improveFirst).toBeUndefined();
    expect(overviewReading({ ...base, improveFirst: [] }).improveFirst).toBeUndefined();
    // Narrowed to a channel, the reading sets nothing against the (all-channel) class figure.
    const narrowed = { total: 70, allChannels: 75 };
    expect(
      overviewReading({ ...base, narrowed, improveFirst: [{ questionCode: 'X', score: 50, classScore: 60 }] }).improveFirst,
    ).toBeUndefined();
  });
});

describe('the overview reading narrowed to a channel', () => {
  // Chat at 51.90 % against the own 72.36 % over all channels; the class mean (74.13 %, all
  // channels) is nowhere in the reading.
  const input = {
    narrowed: { total: 51.9, allChannels: 72.36 },
    areas: [
      { area: 'RESPONSE_TIME' as const, score: 100, classMean: 74.13, allChannels: 90 },
      { area: 'RECEPTION' as const, score: 66.07, classMean: 80, allChannels: 70.41 },
      { area: 'AGENT' as const, score: 42.74, classMean: 75, allChannels: 54.61 },
      { area: 'OVERALL' as const, score: 48.61, classMean: 79.35, allChannels: 57.69 },
    ],
    channelSpread: [{ channel: 'CHAT' as const, stdDev: 20, count: 5 }],
    performances: [
      // Far below the class (an all-channel figure): not what a channel reading says.
      { text: 'Presenterte seg', scored: true, score: 40, classScore: 95, allChannels: 45 },
      { text: 'Oppsummerte', scored: true, score: 12.5, classScore: 10, allChannels: 30 },
    ],
  };

  it('reads the channel against the own all-channel figures, never against the class', () => {
    const reading = overviewReading(input);
    expect(reading.channelAgainstAll).toEqual({ score: 51.9, allChannels: 72.36, diff: 51.9 - 72.36 });
    // AGENT: 54.61 − 42.74 = 11.87 below the own all-channel score, the widest gap.
    expect(reading.weakestAgainstAllChannels).toEqual({ area: 'AGENT', diff: 54.61 - 42.74 });
    expect(reading.weakestAgainstClass).toBeUndefined();
    expect(reading.weakestPerformance).toEqual({ text: 'Oppsummerte', score: 12.5, allChannels: 30 });
    expect(reading.strongestArea).toEqual({ area: 'RESPONSE_TIME', score: 100 });
    expect(reading.widestChannel).toBeUndefined();
  });

  it('says so when the channel is at or above the own figures in every area', () => {
    const reading = overviewReading({ ...input, areas: [{ area: 'AGENT', score: 80, classMean: 90, allChannels: 70 }] });
    expect(reading.weakestAgainstAllChannels).toBe('aboveEverywhere');
  });

  it('leaves out the comparison it has no basis for (a withheld all-channel figure)', () => {
    const reading = overviewReading({
      ...input,
      narrowed: { total: 51.9, allChannels: null },
      areas: [{ area: 'AGENT', score: 80, classMean: 90, allChannels: null }],
    });
    expect(reading.channelAgainstAll).toBeUndefined();
    expect(reading.weakestAgainstAllChannels).toBeUndefined();
  });
});
