import { NORWEGIAN_STOP_WORDS } from './stopwords.js';

/**
 * Why a request of the responses list was refused: `extensions.reason` of a BAD_USER_INPUT
 * error, beside `extensions.field` (the argument at fault). A small, stable set, so a client can
 * say it in its own words and language beside the field (README, "Errors").
 */
export const BAD_INPUT_REASONS = [
  /** A number outside its range: a score outside 0–100, `first` outside 1–100, attempts below 1. */
  'OUT_OF_RANGE',
  /** minScore above maxScore. */
  'MIN_ABOVE_MAX',
  /** `from` after `to`. */
  'FROM_AFTER_TO',
  /** Not in the form asked for: a date that is not YYYY-MM-DD, a cursor that is not one of this list's. */
  'INVALID_FORMAT',
  /** Longer than allowed (search). */
  'TOO_LONG',
  /** A search of very common words (stop words) and signs only: nothing to look for. */
  'NO_SEARCH_WORDS',
  /** A question code that the edition's questionnaire does not have. */
  'UNKNOWN_QUESTION',
  /** An option code that the question does not have. */
  'UNKNOWN_OPTION',
  /** An argument that needs another: `option` without `question`. */
  'MISSING_ARGUMENT',
] as const;
export type BadInputReason = (typeof BAD_INPUT_REASONS)[number];

/** The orders of the responses list; the first is the default (the order they took place). */
export const RESPONSE_ORDERS = ['CONTACTED_AT_ASC', 'CONTACTED_AT_DESC', 'SCORE_DESC', 'SCORE_ASC'] as const;
export type ResponseOrder = (typeof RESPONSE_ORDERS)[number];

/**
 * A score typed by a person: "60,5" and "60.5" are 60.5 (a Norwegian keyboard writes a decimal
 * comma). Undefined for blank; NaN for anything that is not a number.
 */
export function parseDecimal(text: string | null | undefined): number | undefined {
  const t = (text ?? '').trim().replace(/\s/g, '');
  if (t === '') return undefined;
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(t)) return Number.NaN;
  return Number(t.replace(',', '.'));
}

/**
 * Whether a search (web-search syntax) has a word left once PostgreSQL's Norwegian configuration
 * drops stop words and signs. Errs on the side of yes: a word the list does not hold counts, so
 * the server, which decides, is asked whenever there may be something to find.
 */
export function hasSearchWords(search: string): boolean {
  const words = search.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  // "or" is an operator of websearch_to_tsquery, not a word.
  return words.some((w) => w !== 'or' && !NORWEGIAN_STOP_WORDS.has(w));
}
