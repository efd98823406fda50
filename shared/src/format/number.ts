export type Locale = 'nb' | 'en';

const INTL_LOCALE: Record<Locale, string> = { nb: 'nb-NO', en: 'en-GB' };

/**
 * Rounds half away from zero at `decimals`, on the decimal text of the number rather than
 * its binary value, so 87.445 becomes 87.45 as a person expects. Ranking and display both
 * use it, so two totals shown alike always share a rank.
 */
export function roundTo(value: number, decimals = 2): number {
  const sign = value < 0 ? -1 : 1;
  const shifted = Number(`${Math.abs(value).toPrecision(15)}e${decimals}`);
  return (sign * Math.round(shifted)) / 10 ** decimals || 0;
}

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, decimals: number): Intl.NumberFormat {
  const key = `${locale}:${decimals}`;
  let nf = cache.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(INTL_LOCALE[locale], { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    cache.set(key, nf);
  }
  return nf;
}

export const NO_VALUE = '–';

/** `87,45` in bokmål, `87.45` in English; a value with no basis shows as a dash. */
export function formatNumber(value: number | null | undefined, decimals = 2, locale: Locale = 'nb'): string {
  if (value === null || value === undefined || Number.isNaN(value)) return NO_VALUE;
  return numberFormat(locale, decimals).format(roundTo(value, decimals)).replace('-', '−');
}

/** A score or share already in percent (0–100): `87,45 %` (no-break space) in bokmål, `87.45%` in English. */
export function formatPercent(value: number | null | undefined, decimals = 2, locale: Locale = 'nb'): string {
  if (value === null || value === undefined || Number.isNaN(value)) return NO_VALUE;
  const n = formatNumber(value, decimals, locale);
  return locale === 'nb' ? `${n}\u00a0%` : `${n}%`;
}

/**
 * A difference in percentage points, read by more than colour: an arrow and a sign,
 * `▼ −12,40 p.p.` / `▲ +3,20 p.p.` in bokmål, `▼ −12.40 pp` in English; level is `= 0,00 p.p.`.
 */
export function formatGap(value: number | null | undefined, locale: Locale = 'nb'): string {
  if (value === null || value === undefined || Number.isNaN(value)) return NO_VALUE;
  const rounded = roundTo(value, 2);
  const arrow = rounded < 0 ? '▼' : rounded > 0 ? '▲' : '=';
  const sign = rounded > 0 ? '+' : '';
  return `${arrow} ${sign}${formatNumber(rounded, 2, locale)}\u00a0${locale === 'nb' ? 'p.p.' : 'pp'}`;
}
