import type { Channel, ScoredArea } from '@ksp/shared/domain';

export interface ReadingInput {
  areas: readonly {
    area: ScoredArea;
    score: number | null;
    classMean: number | null | undefined;
    allChannels?: number | null | undefined;
  }[];
  channelSpread: readonly { channel: Channel; stdDev: number | null; count: number | null }[];
  performances: readonly {
    code?: string;
    text: string;
    scored: boolean;
    score: number | null;
    classScore?: number | null;
    allChannels?: number | null | undefined;
  }[];
  /**
   * Narrowed to a channel: the figures above are that channel's, and `total` with `allChannels`
   * the own total on it and over all channels. The class benchmark is not split by channel
   * (domain.md), so a channel figure is never read against the class: against the own
   * all-channel figure instead.
   */
  narrowed?: { total: number | null; allChannels: number | null | undefined };
  /** The own report's improve-first list (issue 19), first to improve first; absent for a competitor's reader. */
  improveFirst?: readonly { questionCode: string; score: number; classScore: number }[] | undefined;
}

export interface Reading {
  strongestArea?: { area: ScoredArea; score: number };
  /**
   * The area furthest below the class mean; `aboveEverywhere` when every area is above it,
   * `atOrAboveEverywhere` when none is below but some equal it (always so in a class of one).
   */
  weakestAgainstClass?: { area: ScoredArea; diff: number } | 'aboveEverywhere' | 'atOrAboveEverywhere';
  /** The performance furthest below its class figure (`classScore` given), else the lowest score. */
  weakestPerformance?: { text: string; score: number; classScore?: number; allChannels?: number };
  widestChannel?: { channel: Channel; stdDev: number };
  /** Narrowed only: the channel's total against the own total over all channels (`diff` = channel − all). */
  channelAgainstAll?: { score: number; allChannels: number; diff: number };
  /** Narrowed only: the area furthest below the own all-channel score; `aboveEverywhere` when none is below. */
  weakestAgainstAllChannels?: { area: ScoredArea; diff: number } | 'aboveEverywhere';
  /** The first performance to improve (below the class, weighted by what drives NPS), by its text. */
  improveFirst?: { text: string; score: number; classScore: number };
}

const known = <T extends { score: number | null }>(rows: readonly T[]) =>
  rows.filter((r): r is T & { score: number } => typeof r.score === 'number');

/** A short reading generated from the data: the sentences of the overview's "In short". */
export function overviewReading({ areas, channelSpread, performances, narrowed, improveFirst }: ReadingInput): Reading {
  const reading: Reading = {};
  // Narrowed to a channel the reading never sets a channel's figure against the class's (an
  // all-channel figure): the insight page states the channel's improve-first with that caveat.
  const first = narrowed ? undefined : improveFirst?.[0];
  if (first) {
    const text = performances.find((p) => p.code === first.questionCode)?.text ?? first.questionCode;
    reading.improveFirst = { text, score: first.score, classScore: first.classScore };
  }
  const scored = known(areas);
  const strongest = [...scored].sort((a, b) => b.score - a.score)[0];
  if (strongest) reading.strongestArea = { area: strongest.area, score: strongest.score };
  if (narrowed) return channelReading(reading, scored, performances, narrowed);

  const gaps = scored
    .filter((a): a is typeof a & { classMean: number } => typeof a.classMean === 'number')
    .map((a) => ({ area: a.area, diff: a.classMean - a.score }));
  if (gaps.length > 0) {
    const worst = [...gaps].sort((a, b) => b.diff - a.diff)[0]!;
    reading.weakestAgainstClass = worst.diff > 0 ? worst : worst.diff < 0 ? 'aboveEverywhere' : 'atOrAboveEverywhere';
  }

  // Against the class where the class figure is known (the own report); a competitor's view has
  // no class figures, so there the lowest score stands for the weakest performance.
  const scoredPerformances = known(performances.filter((p) => p.scored));
  const againstClass = scoredPerformances
    .filter((p): p is typeof p & { classScore: number } => typeof p.classScore === 'number')
    .sort((a, b) => b.classScore - b.score - (a.classScore - a.score))[0];
  const lowest = [...scoredPerformances].sort((a, b) => a.score - b.score)[0];
  if (againstClass)
    reading.weakestPerformance = { text: againstClass.text, score: againstClass.score, classScore: againstClass.classScore };
  else if (lowest) reading.weakestPerformance = { text: lowest.text, score: lowest.score };

  // A spread over one or two inquiries says little; require at least 3.
  const widest = channelSpread
    .filter((c): c is typeof c & { stdDev: number } => typeof c.stdDev === 'number' && (c.count ?? 0) >= 3)
    .sort((a, b) => b.stdDev - a.stdDev)[0];
  if (widest && channelSpread.length > 1) reading.widestChannel = { channel: widest.channel, stdDev: widest.stdDev };
  return reading;
}

/** A channel read against the own figures over all channels, never against the (all-channel) class. */
function channelReading(
  reading: Reading,
  scored: readonly (ReadingInput['areas'][number] & { score: number })[],
  performances: ReadingInput['performances'],
  narrowed: NonNullable<ReadingInput['narrowed']>,
): Reading {
  if (typeof narrowed.total === 'number' && typeof narrowed.allChannels === 'number') {
    reading.channelAgainstAll = { score: narrowed.total, allChannels: narrowed.allChannels, diff: narrowed.total - narrowed.allChannels };
  }
  const gaps = scored
    .filter((a): a is typeof a & { allChannels: number } => typeof a.allChannels === 'number')
    .map((a) => ({ area: a.area, diff: a.allChannels - a.score }));
  if (gaps.length > 0) {
    const worst = [...gaps].sort((a, b) => b.diff - a.diff)[0]!;
    reading.weakestAgainstAllChannels = worst.diff > 0 ? worst : 'aboveEverywhere';
  }
  // The lowest-scoring performance on the channel, with its own all-channel score beside it.
  const lowest = known(performances.filter((p) => p.scored)).sort((a, b) => a.score - b.score)[0];
  if (lowest) {
    reading.weakestPerformance = {
      text: lowest.text,
      score: lowest.score,
      ...(typeof lowest.allChannels === 'number' ? { allChannels: lowest.allChannels } : {}),
    };
  }
  return reading;
}
