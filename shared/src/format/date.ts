import type { Locale } from './number.js';
import { NO_VALUE } from './number.js';

const INTL_LOCALE: Record<Locale, string> = { nb: 'nb-NO', en: 'en-GB' };
/** Fieldwork happens in Norway: dates and times read in Norwegian time wherever they are shown. */
export const TIME_ZONE = 'Europe/Oslo';

const cache = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: Locale, kind: 'date' | 'shortDate' | 'dateTime' | 'time'): Intl.DateTimeFormat {
  const key = `${locale}:${kind}`;
  let f = cache.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'time'
        ? { hour: '2-digit', minute: '2-digit' }
        : kind === 'shortDate'
          ? { day: '2-digit', month: '2-digit', year: 'numeric' }
          : kind === 'date'
            ? { day: 'numeric', month: 'long', year: 'numeric' }
            : { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' };
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...options, timeZone: TIME_ZONE });
    cache.set(key, f);
  }
  return f;
}

const toDate = (value: string | Date): Date => (typeof value === 'string' ? new Date(value) : value);
const valid = (d: Date) => !Number.isNaN(d.getTime());

/** `12. mars 2024` in bokmål, `12 March 2024` in English. */
export function formatDate(value: string | Date | null | undefined, locale: Locale = 'nb'): string {
  if (value === null || value === undefined) return NO_VALUE;
  const d = toDate(value);
  return valid(d) ? dateFormat(locale, 'date').format(d) : NO_VALUE;
}

/** `12.03.2024` in bokmål, `12/03/2024` in English (Norwegian time): for a date in a line of text or a list. */
export function formatShortDate(value: string | Date | null | undefined, locale: Locale = 'nb'): string {
  if (value === null || value === undefined) return NO_VALUE;
  const d = toDate(value);
  return valid(d) ? dateFormat(locale, 'shortDate').format(d) : NO_VALUE;
}

/** `12. mars 2024 kl. 10:15` in bokmål, `12 March 2024, 10:15` in English (Norwegian time). */
export function formatDateTime(value: string | Date | null | undefined, locale: Locale = 'nb'): string {
  if (value === null || value === undefined) return NO_VALUE;
  const d = toDate(value);
  if (!valid(d)) return NO_VALUE;
  const date = dateFormat(locale, 'date').format(d);
  const time = dateFormat(locale, 'time').format(d);
  return locale === 'nb' ? `${date} kl. ${time}` : `${date}, ${time}`;
}

/** A wait in words-free short form: `45 s`, `4 min 5 s`, `2 t 3 min` (`h` in English), `3 d 2 t`. */
export function formatDuration(seconds: number | null | undefined, locale: Locale = 'nb'): string {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return NO_VALUE;
  const h = locale === 'nb' ? 't' : 'h';
  const s = Math.round(seconds);
  if (s < 60) return `${s}\u00a0s`;
  if (s < 3600) return s % 60 ? `${Math.floor(s / 60)}\u00a0min ${s % 60}\u00a0s` : `${s / 60}\u00a0min`;
  if (s < 86400) {
    const m = Math.round((s % 3600) / 60);
    return m ? `${Math.floor(s / 3600)}\u00a0${h} ${m}\u00a0min` : `${Math.floor(s / 3600)}\u00a0${h}`;
  }
  const hours = Math.round((s % 86400) / 3600);
  return hours ? `${Math.floor(s / 86400)}\u00a0d ${hours}\u00a0${h}` : `${Math.floor(s / 86400)}\u00a0d`;
}
