import { formatNumber, formatPercent, type Locale } from './number.js';

/** A rank interval as read aloud: "3–9", or just "3" when the interval is one rank; null without one. */
export function formatRankRange(low: number | null | undefined, high: number | null | undefined, locale: Locale): string | null {
  if (typeof low !== 'number' || typeof high !== 'number') return null;
  return low === high ? formatNumber(low, 0, locale) : `${formatNumber(low, 0, locale)}–${formatNumber(high, 0, locale)}`;
}

/** A 95 % interval of a total: "81,06–86,94 %"; null without one. */
export function formatInterval(low: number | null | undefined, high: number | null | undefined, locale: Locale): string | null {
  if (typeof low !== 'number' || typeof high !== 'number') return null;
  return `${formatNumber(low, 2, locale)}–${formatPercent(high, 2, locale)}`;
}
