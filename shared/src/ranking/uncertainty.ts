import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

// How sure a total and a rank are (domain.md "Uncertainty (how sure a rank is)"). A participant
// rests on about 25 inquiries, so its total is an estimate; these say how far it may be off and
// which ranks the estimate cannot tell apart. The published rank (rank.ts) stays as it is.

/** The points of one approved inquiry (an unanswered one: 0 of its full possible points). */
export interface InquiryPoints {
  earned: number;
  possible: number;
}

/** The number 1.96 as domain.md writes it (not z(0.975) = 1.95996…), so the interval is reproducible by hand. */
export const INTERVAL_Z = 1.96;
/** The family-wise error rate of the rank intervals. */
export const RANK_ALPHA = 0.05;

export interface TotalUncertainty {
  /** 100 · Σearned / Σpossible, null without possible points. */
  total: number | null;
  /** Standard error of the total in percentage points; null under 2 inquiries. */
  standardError: number | null;
  /** The 95 % interval `total ± 1.96 · SE`, clipped to 0–100; null without a standard error. */
  low: number | null;
  high: number | null;
}

/**
 * The standard error of a pooled total, as a ratio estimator over the inquiries:
 * `SE = 100 · sqrt( n/(n−1) · Σ (e_i − R·p_i)² ) / Σp_i` with `R = Σe / Σp`. An inquiry weighs by
 * its possible points, as it does in the total. Null with fewer than 2 inquiries (no spread to
 * read) or no possible points.
 */
export function totalStandardError(inquiries: readonly InquiryPoints[]): number | null {
  const n = inquiries.length;
  if (n < 2) return null;
  let earned = 0;
  let possible = 0;
  for (const i of inquiries) {
    earned += i.earned;
    possible += i.possible;
  }
  if (!(possible > 0)) return null;
  const ratio = earned / possible;
  let squares = 0;
  for (const i of inquiries) squares += (i.earned - ratio * i.possible) ** 2;
  return (100 * Math.sqrt((n / (n - 1)) * squares)) / possible;
}

const clip = (v: number) => Math.min(100, Math.max(0, v));

/** `total ± 1.96 · SE`, clipped to 0–100 (a total cannot leave the scale); null without both. */
export function totalInterval(total: number | null, standardError: number | null): { low: number; high: number } | null {
  if (total === null || standardError === null) return null;
  return { low: clip(total - INTERVAL_Z * standardError), high: clip(total + INTERVAL_Z * standardError) };
}

/** A participant's total with its standard error and 95 % interval, from its approved inquiries' points. */
export function totalUncertainty(inquiries: readonly InquiryPoints[]): TotalUncertainty {
  let earned = 0;
  let possible = 0;
  for (const i of inquiries) {
    earned += i.earned;
    possible += i.possible;
  }
  const total = possible > 0 ? (100 * earned) / possible : null;
  const standardError = totalStandardError(inquiries);
  const interval = totalInterval(total, standardError);
  return { total, standardError, low: interval?.low ?? null, high: interval?.high ?? null };
}

/**
 * The critical value of the rank intervals over P participants: `z(1 − 0.05 / (2·(P − 1)))`, a
 * Bonferroni correction over the P − 1 comparisons of one participant with the others, so all of
 * one participant's comparisons hold together at 95 %. Undefined (null) below 2 participants.
 */
export function rankCritical(participants: number): number | null {
  if (participants < 2) return null;
  return normalQuantile(1 - RANK_ALPHA / (2 * (participants - 1)), 0, 1);
}

/** What a comparison needs of a participant: its total at full precision and its standard error. */
export interface Comparand {
  id: string;
  total: number | null;
  standardError: number | null;
}

/** Whether `j` is surely ahead of `i` at critical value `c` (strictly greater, totals at full precision). */
export function surelyAhead(j: Comparand, i: Comparand, c: number): boolean {
  if (j.total === null || i.total === null || j.standardError === null || i.standardError === null) return false;
  return j.total - i.total > c * Math.sqrt(i.standardError ** 2 + j.standardError ** 2);
}

export interface RankInterval {
  rankLow: number;
  rankHigh: number;
  /** The others of the set that are neither surely ahead nor surely behind: statistically tied. */
  tiedWith: string[];
}

/** Only a participant with a total and a standard error (2 or more inquiries) takes part in comparisons. */
export const isComparable = (c: Comparand): c is Comparand & { total: number; standardError: number } =>
  c.total !== null && c.standardError !== null && Number.isFinite(c.total) && Number.isFinite(c.standardError);

/**
 * Rank intervals over one comparison set (the whole edition, or one class):
 * `rankLow = 1 + #{surely ahead}`, `rankHigh = P − #{surely behind}`. Participants without a
 * standard error are left out of the set (and get no interval); P counts the rest.
 */
export function rankIntervals(set: readonly Comparand[]): Map<string, RankInterval> {
  const members = set.filter(isComparable);
  const c = rankCritical(members.length);
  const result = new Map<string, RankInterval>();
  for (const i of members) {
    let ahead = 0;
    let behind = 0;
    const tiedWith: string[] = [];
    for (const j of members) {
      if (j === i || c === null) continue;
      if (surelyAhead(j, i, c)) ahead++;
      else if (surelyAhead(i, j, c)) behind++;
      else tiedWith.push(j.id);
    }
    result.set(i.id, { rankLow: 1 + ahead, rankHigh: members.length - behind, tiedWith });
  }
  return result;
}

export interface EditionComparand extends Comparand {
  className: string;
}

/** A participant's uncertainty as the result list and the report show it. */
export interface ParticipantUncertainty {
  standardError: number | null;
  low: number | null;
  high: number | null;
  /** Over the whole edition. */
  rankLow: number | null;
  rankHigh: number | null;
  /** Over the participant's class. */
  classRankLow: number | null;
  classRankHigh: number | null;
  /** The class members it is statistically tied with (class comparison set), in the given order. */
  tiedWith: string[];
}

/**
 * Every participant's interval and rank intervals over the edition and over its class. Takes
 * the whole edition: a rank interval needs everyone it is compared with.
 */
export function editionUncertainty(participants: readonly EditionComparand[]): Map<string, ParticipantUncertainty> {
  const overall = rankIntervals(participants);
  const byClass = new Map<string, RankInterval>();
  for (const className of new Set(participants.map((p) => p.className))) {
    for (const [id, interval] of rankIntervals(participants.filter((p) => p.className === className))) byClass.set(id, interval);
  }
  return new Map(
    participants.map((p) => {
      const interval = isComparable(p) ? totalInterval(p.total, p.standardError) : null;
      const edition = overall.get(p.id);
      const inClass = byClass.get(p.id);
      return [
        p.id,
        {
          standardError: interval ? p.standardError : null,
          low: interval?.low ?? null,
          high: interval?.high ?? null,
          rankLow: edition?.rankLow ?? null,
          rankHigh: edition?.rankHigh ?? null,
          classRankLow: inClass?.rankLow ?? null,
          classRankHigh: inClass?.rankHigh ?? null,
          tiedWith: inClass?.tiedWith ?? [],
        },
      ];
    }),
  );
}
