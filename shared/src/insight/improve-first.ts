import type { Channel } from '../domain.js';

/**
 * "Improve first" (domain.md "Uncertainty"): the performances whose own score is below the
 * class figure, ordered by (class figure − own score) × key-driver weight, largest first. The
 * gap says how far behind the class a performance is, the weight how much that performance
 * moves the customer's experience: their product is where effort pays.
 */

export interface PerformanceGap {
  questionCode: string;
  /** Own score (0–100); null without a basis. */
  score: number | null;
  /** The class figure (mean of the members' scores, 0–100); null when no member has a basis. */
  classScore: number | null;
}

export interface ImprovePerformance {
  questionCode: string;
  score: number;
  classScore: number;
  /** Key-driver weight (share of R², 0–1). */
  weight: number;
  /** (classScore − score) × weight: percentage points of gap, weighted. */
  priority: number;
}

/** Key-driver weights of one channel by question code, and the participant's inquiries on it. */
export interface ChannelWeights {
  channel: Channel;
  inquiries: number;
  weights: ReadonlyMap<string, number>;
}

/**
 * A performance's weight for one participant: its key-driver weight on each channel the
 * participant was contacted on, averaged weighted by the participant's inquiries there. A
 * channel where the performance has no weight (it does not apply there, or the channel has no
 * analysis) is left out of the average rather than counted as 0: the own score is over the
 * channels where it applies too. Null when no channel gives it a weight.
 */
export function participantWeight(questionCode: string, channels: readonly ChannelWeights[]): number | null {
  let sum = 0;
  let inquiries = 0;
  for (const c of channels) {
    const w = c.weights.get(questionCode);
    if (w === undefined || c.inquiries <= 0) continue;
    sum += w * c.inquiries;
    inquiries += c.inquiries;
  }
  return inquiries > 0 ? sum / inquiries : null;
}

/**
 * Every performance with an own score, a class figure and a weight, with its priority
 * (class figure − own score) × weight: negative where the participant is above its class. The
 * importance × performance quadrant plots these; improve-first is the positive part.
 */
export function performanceImportance(
  performances: readonly PerformanceGap[],
  weightOf: (questionCode: string) => number | null,
): ImprovePerformance[] {
  const list: ImprovePerformance[] = [];
  for (const p of performances) {
    if (p.score === null || p.classScore === null) continue;
    const weight = weightOf(p.questionCode);
    if (weight === null) continue;
    list.push({
      questionCode: p.questionCode,
      score: p.score,
      classScore: p.classScore,
      weight,
      priority: (p.classScore - p.score) * weight,
    });
  }
  return list.sort((a, b) => b.priority - a.priority || a.questionCode.localeCompare(b.questionCode));
}

/** The improve-first list: below the class figure, with a weight, by priority, largest first. */
export function improveFirst(
  performances: readonly PerformanceGap[],
  weightOf: (questionCode: string) => number | null,
): ImprovePerformance[] {
  return belowClass(performanceImportance(performances, weightOf));
}

/** Of the weighted performances, those below their class figure (the improve-first list, its order kept). */
export function belowClass(importance: readonly ImprovePerformance[]): ImprovePerformance[] {
  return importance.filter((p) => p.score < p.classScore);
}
