/**
 * A participant's opening hours when they differ from 09–15 (domain.md "Fieldwork rules"), as the
 * sign-up takes them: one or more parts separated by `;` or `,`, each `HH:MM–HH:MM`, optionally
 * after a weekday or a range of weekdays in Norwegian short form: `08:00–16:00`,
 * `man–fre 08:00–16:00; lør 10:00–14:00`. A hyphen does for the dash and a full stop for the
 * colon. Read here once, for the sign-up's check and for the observer's contact windows.
 */

const DAYS = ['man', 'tir', 'ons', 'tor', 'fre', 'lør', 'søn'] as const;
const DASH = '\\s*[–-]\\s*';
const TIME = '([0-2][0-9])[:.]([0-5][0-9])';
const PART = new RegExp(`^(?:(${DAYS.join('|')})(?:${DASH}(${DAYS.join('|')}))?\\s+)?${TIME}${DASH}${TIME}$`, 'i');

/** One part as written: its days as typed and as ISO weekdays (1 = Monday), and minutes after midnight. */
export interface HoursPart {
  text: string;
  fromDay: { typed: string; iso: number } | null;
  toDay: { typed: string; iso: number } | null;
  open: number;
  close: number;
}

const isoDay = (typed: string | undefined) =>
  typed ? { typed, iso: DAYS.indexOf(typed.toLowerCase() as (typeof DAYS)[number]) + 1 } : null;

/** Each part of the text, or null for a part not written as above (checks of order and range are the caller's). */
export function readOpeningHours(text: string): (HoursPart | null)[] {
  return text
    .trim()
    .split(/[;,]/)
    .map((raw) => {
      const part = raw.trim();
      const m = PART.exec(part);
      if (!m) return null;
      const [, from, to, h1, m1, h2, m2] = m;
      return {
        text: part,
        fromDay: isoDay(from),
        toDay: isoDay(to),
        open: Number(h1) * 60 + Number(m1),
        close: Number(h2) * 60 + Number(m2),
      };
    });
}

/** One window: ISO weekdays it holds on, and minutes after midnight [open, close). */
export interface HoursWindow {
  days: number[];
  open: number;
  close: number;
}

/**
 * The opening hours as windows; a part without days holds Monday–Friday. Null when the text does
 * not parse (the sign-up refuses such text, so this only guards old data): then the standard
 * hours apply.
 */
export function parseOpeningHours(text: string): HoursWindow[] | null {
  const windows: HoursWindow[] = [];
  for (const part of readOpeningHours(text)) {
    if (!part) return null;
    const first = part.fromDay?.iso ?? 1;
    const last = part.toDay?.iso ?? (part.fromDay ? first : 5);
    const days: number[] = [];
    for (let d = first; d <= last; d++) days.push(d);
    windows.push({ days, open: part.open, close: part.close });
  }
  return windows;
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** A window in the sign-up's own notation, `man–fre 09:00–15:00`, as the observer's assignment shows it. */
export function formatHoursWindow(w: HoursWindow): string {
  const first = DAYS[w.days[0]! - 1]!;
  const last = DAYS[w.days[w.days.length - 1]! - 1]!;
  const days = w.days.length === 1 ? first : `${first}–${last}`;
  return `${days} ${hhmm(w.open)}–${hhmm(w.close)}`;
}
