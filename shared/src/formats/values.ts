// Cell-level parsers shared by the file checkers (and reusable by forms in web or server).
import { CHANNELS, MAX_CHANNELS_PER_PARTICIPANT, type Channel } from '../domain.js';
import { oneOf, quote } from './problems.js';

/** A parsed value and the reasons (person-readable, without file/row/column) it is not fully valid. */
export interface CellResult<T> {
  value: T;
  errors: string[];
}

/** The separator of list cells (`channels`, `competitors`). */
export const LIST_SEPARATOR = ';';

/** Company slugs: lower-case letters, digits and single hyphens (`acme-bank`). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Question codes must be safe as a CSV header: letters, digits, underscore. */
export const QUESTION_CODE_PATTERN = /^[A-Za-z0-9_]+$/;
/** Option codes are what a responses.csv cell holds: letters, digits, underscore, hyphen. */
export const OPTION_CODE_PATTERN = /^[A-Za-z0-9_-]+$/;

export function isSlug(text: string): boolean {
  return SLUG_PATTERN.test(text);
}

export function slugError(text: string): string {
  return `${quote(text)} is not a valid company slug (use lower-case letters a-z, digits and hyphens, e.g. "acme-bank")`;
}

/** Splits a `;`-separated cell; blanks around items and empty items (`A;;B`, trailing `;`) are ignored. */
export function splitList(text: string): string[] {
  return text
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function joinList(items: readonly string[]): string {
  return items.join(LIST_SEPARATOR);
}

export function isChannel(text: string): text is Channel {
  return (CHANNELS as readonly string[]).includes(text);
}

/**
 * `PHONE;EMAIL` → channels in the given order. Unknown and repeated channels are errors;
 * so is a count outside [min, max] (default 1 to 3, the participant rule).
 */
export function parseChannelList(
  text: string,
  { min = 1, max = MAX_CHANNELS_PER_PARTICIPANT }: { min?: number; max?: number } = {},
): CellResult<Channel[]> {
  const errors: string[] = [];
  const value: Channel[] = [];
  for (const item of splitList(text)) {
    if (!isChannel(item)) errors.push(`unknown channel ${quote(item)} (expected ${oneOf(CHANNELS)})`);
    else if (value.includes(item)) errors.push(`channel ${item} is listed twice`);
    else value.push(item);
  }
  const count = splitList(text).length;
  if (count < min) errors.push(min === 1 ? 'at least one channel is required' : `at least ${min} channels are required`);
  if (count > max) errors.push(`at most ${max} channels are allowed, got ${count}`);
  return { value, errors };
}

/** `acme;bank-x` → slugs in the given order; bad slugs, repeats and more than `max` items are errors. */
export function parseSlugList(text: string, { max, what = 'company' }: { max?: number; what?: string } = {}): CellResult<string[]> {
  const errors: string[] = [];
  const value: string[] = [];
  const items = splitList(text);
  for (const item of items) {
    if (!isSlug(item)) errors.push(slugError(item));
    else if (value.includes(item)) errors.push(`${what} ${quote(item)} is listed twice`);
    else value.push(item);
  }
  if (max !== undefined && items.length > max)
    errors.push(`at most ${max} ${what === 'company' ? 'companies' : `${what}s`} are allowed, got ${items.length}`);
  return { value, errors };
}

/** A whole number written plainly (`-3`, `0`, `42`); null for anything else (`4.0`, `1e3`, ``). */
export function parseWholeNumber(text: string): number | null {
  const t = text.trim();
  if (!/^[-+]?\d+$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : null;
}

/** `true`/`false` (any letter case, as spreadsheets like to write `TRUE`); null for anything else. */
export function parseBooleanCell(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (t === 'true') return true;
  if (t === 'false') return false;
  return null;
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Checks an ISO 8601 date-time that carries its UTC offset: `2024-03-05T10:15:00+01:00`,
 * `2024-03-05T09:15Z`, `2024-03-05T09:15:00.250Z`. Returns null when valid, else the reason.
 */
export function isoDateTimeError(text: string): string | null {
  const example = '(e.g. 2024-03-05T10:15:00+01:00)';
  const t = text.trim();
  if (t === '') return `must not be empty; expected an ISO 8601 date-time with offset ${example}`;
  const m = ISO_DATE_TIME.exec(t);
  if (!m) {
    const withoutOffset = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(t);
    if (withoutOffset) return `${quote(t)} has no UTC offset; add Z or ±hh:mm ${example}`;
    return `${quote(t)} is not an ISO 8601 date-time with offset ${example}`;
  }
  const [, y, mo, d, h, mi, s, , off, , oh, om] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const bad =
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    (s !== undefined && Number(s) > 59) ||
    (off !== 'Z' && (Number(oh) > 18 || Number(om) > 59));
  if (bad) return `${quote(t)} is not a real date and time ${example}`;
  return null;
}

export function isIsoDateTimeWithOffset(text: string): boolean {
  return isoDateTimeError(text) === null;
}
