import type { Channel } from '@ksp/shared/domain';

/** A performance's own score and class figure, as `Report.performanceImportance` gives them. */
export interface PerformanceStanding {
  questionCode: string;
  score: number;
  classScore: number;
}

/** A point of the quadrant: where the participant stands on a performance, and what it weighs on the channel. */
export interface QuadrantRow extends PerformanceStanding {
  /** The key-driver weight on the channel (share of R², 0–1). */
  weight: number;
  /** (classScore − score) × weight, as improve-first orders by. */
  priority: number;
}

/**
 * The importance × performance quadrant of one channel: the performances asked on that channel,
 * each at its key-driver weight there (the drivers chart's, above it on the page). Mixed over the
 * channels, a phone wait sat beside an e-mail reply time with weights averaged over channels where
 * neither applies, which no manager can act on. A performance without a weight on the channel (the
 * analysis left it out, or there is no analysis) is left out too; the gap to the class is the one
 * the report gives (all channels unless the report is narrowed, as improve-first). Ordered by
 * priority, largest first, as improve-first.
 */
export function channelQuadrant(
  standings: readonly PerformanceStanding[],
  channelsOf: ReadonlyMap<string, readonly Channel[]>,
  channel: Channel,
  drivers: readonly { questionCode: string; weight: number }[],
): QuadrantRow[] {
  const weightOf = new Map(drivers.map((d) => [d.questionCode, d.weight]));
  const rows: QuadrantRow[] = [];
  for (const s of standings) {
    if (!channelsOf.get(s.questionCode)?.includes(channel)) continue;
    const weight = weightOf.get(s.questionCode);
    if (weight === undefined) continue;
    rows.push({ ...s, weight, priority: (s.classScore - s.score) * weight });
  }
  return rows.sort((a, b) => b.priority - a.priority || a.questionCode.localeCompare(b.questionCode));
}
