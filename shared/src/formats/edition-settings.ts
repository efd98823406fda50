// An edition's settings, checked value by value. The questionnaire.json parser (edition and
// fieldwork objects), the staff's settings form and the server's updateEditionSettings all check
// through these functions, so a value refused in the file is refused in the form, in the same words.
import { CHANNELS, type Channel, type WaitLimit } from '../domain.js';
import type { FieldProblem } from '../field-problem.js';
import { oneOf, quote } from './problems.js';
import { isChannel } from './values.js';

export const THIRD_CHANNELS = ['CHAT', 'MESSENGER'] as const;
export type ThirdChannel = (typeof THIRD_CHANNELS)[number];

/** Why a setting is refused: stable codes a client words in its own language beside the field. */
export const SETTING_REASONS = [
  'REQUIRED',
  'NOT_WHOLE_NUMBER',
  'NOT_A_NUMBER',
  'OUT_OF_RANGE',
  'UNKNOWN_CHANNEL',
  'NO_POSITIVE_KEY',
  'NO_WEEKS',
  'DUPLICATE_WEEK',
  'WEEK_NOT_IN_YEAR',
  'UNKNOWN_VALUE',
] as const;
export type SettingReason = (typeof SETTING_REASONS)[number];

/**
 * One refused value, in the shape of every form's field problems (field-problem.ts): its path below
 * the object checked (`weeks[2]`, `waitLimits.PHONE.attempts`), why, and in words; OUT_OF_RANGE and
 * WEEK_NOT_IN_YEAR carry the allowed range (`min`, `max`).
 */
export type SettingProblem = FieldProblem<SettingReason>;

const PG_INT_MAX = 2_147_483_647;

/** The bounds of each number (inclusive). */
export const SETTING_LIMITS = {
  // Above: PostgreSQL's int.
  inquiriesPerParticipant: { min: 1, max: PG_INT_MAX },
  minCellSize: { min: 1, max: PG_INT_MAX },
  minQualityScore: { min: 0, max: 100 },
  waitSeconds: { min: 1, max: PG_INT_MAX },
  attempts: { min: 1, max: PG_INT_MAX },
  week: { min: 1, max: 53 },
} as const;

/** The values an edition is run with (domain.md "Running an edition in the product", set-up). */
export interface EditionSettingsValues {
  weeks: number[];
  inquiriesPerParticipant: number;
  channelKeys: Partial<Record<Channel, number>>;
  waitLimits: Record<Channel, WaitLimit>;
  minQualityScore: number;
  minCellSize: number;
  thirdChannel: ThirdChannel;
}

type Report = (problem: SettingProblem) => void;

function show(v: unknown): string {
  if (typeof v === 'string') return quote(v);
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object' && v !== null) return 'an object';
  return String(v);
}

const expected = (what: string, v: unknown) => (v === undefined ? `missing; expected ${what}` : `expected ${what}, got ${show(v)}`);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** The ISO weeks of a year: 53 when it begins on a Thursday, or is a leap year beginning on a Wednesday; else 52. */
export function isoWeeksInYear(year: number): number {
  const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay(); // Sunday 0
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}

/** A whole number within [min, max]; `what` words it for the English message ("a whole number greater than 0"). */
function checkWhole(v: unknown, path: string, limits: { min: number; max: number }, what: string, report: Report): number | null {
  if (!isInt(v)) {
    report({ field: path, reason: v === undefined ? 'REQUIRED' : 'NOT_WHOLE_NUMBER', message: expected(what, v) });
    return null;
  }
  if (v < limits.min || v > limits.max) {
    const message = v > limits.max && limits.max === PG_INT_MAX ? `expected at most ${limits.max}, got ${v}` : expected(what, v);
    report({ field: path, reason: 'OUT_OF_RANGE', message, ...limits });
    return null;
  }
  return v;
}

export function checkInquiryCount(v: unknown, path: string, report: Report): number | null {
  return checkWhole(v, path, SETTING_LIMITS.inquiriesPerParticipant, 'a whole number greater than 0', report);
}

export function checkMinCellSize(v: unknown, path: string, report: Report): number | null {
  return checkWhole(v, path, SETTING_LIMITS.minCellSize, 'a whole number ≥ 1 (default 5)', report);
}

export function checkMinQualityScore(v: unknown, path: string, report: Report): number | null {
  return checkWhole(v, path, SETTING_LIMITS.minQualityScore, 'a whole number from 0 to 100 (default 70)', report);
}

export function checkThirdChannel(v: unknown, path: string, report: Report): ThirdChannel | null {
  if (typeof v === 'string' && (THIRD_CHANNELS as readonly string[]).includes(v)) return v as ThirdChannel;
  report({ field: path, reason: v === undefined ? 'REQUIRED' : 'UNKNOWN_VALUE', message: expected(`${THIRD_CHANNELS.join(' or ')}`, v) });
  return null;
}

/** Channel → key: every channel known, every key a number ≥ 0, at least one above 0. */
export function checkChannelKeys(v: unknown, path: string, report: Report): Partial<Record<Channel, number>> | null {
  if (!isObj(v)) {
    report({
      field: path,
      reason: v === undefined ? 'REQUIRED' : 'UNKNOWN_VALUE',
      message: expected(`an object of channel → key, e.g. {"PHONE": 0.5, "EMAIL": 0.5}`, v),
    });
    return null;
  }
  const keys: Partial<Record<Channel, number>> = {};
  let ok = true;
  let positive = 0;
  for (const [key, k] of Object.entries(v)) {
    const at = join(path, key);
    if (!isChannel(key)) {
      report({ field: at, reason: 'UNKNOWN_CHANNEL', message: `unknown channel ${quote(key)} (expected ${oneOf(CHANNELS)})` });
      ok = false;
    } else if (!(typeof k === 'number' && Number.isFinite(k) && k >= 0)) {
      report({ field: at, reason: typeof k === 'number' ? 'OUT_OF_RANGE' : 'NOT_A_NUMBER', message: expected('a number ≥ 0', k), min: 0 });
      ok = false;
    } else {
      keys[key] = k;
      if (k > 0) positive++;
    }
  }
  if (positive === 0) {
    report({ field: path, reason: 'NO_POSITIVE_KEY', message: 'at least one channel needs a key greater than 0' });
    ok = false;
  }
  return ok ? keys : null;
}

/** One channel's wait limit (the file's parser reports unknown keys itself). */
export function checkWaitLimit(v: unknown, path: string, report: Report): WaitLimit | null {
  if (!isObj(v)) {
    report({
      field: path,
      reason: v === undefined ? 'REQUIRED' : 'UNKNOWN_VALUE',
      message: expected('an object {waitSeconds, attempts}', v),
    });
    return null;
  }
  const waitSeconds = checkWhole(
    v.waitSeconds,
    join(path, 'waitSeconds'),
    SETTING_LIMITS.waitSeconds,
    'a whole number of seconds greater than 0',
    report,
  );
  const attempts = checkWhole(v.attempts, join(path, 'attempts'), SETTING_LIMITS.attempts, 'a whole number ≥ 1', report);
  return waitSeconds !== null && attempts !== null ? { waitSeconds, attempts } : null;
}

/** ISO weeks of the edition's year: at least one, each once, each a week the year has. */
export function checkFieldworkWeeks(v: unknown, year: number | null, path: string, report: Report): number[] | null {
  if (!Array.isArray(v)) {
    report({ field: path, reason: v === undefined ? 'REQUIRED' : 'UNKNOWN_VALUE', message: expected('a list of ISO week numbers', v) });
    return null;
  }
  if (v.length === 0) {
    report({ field: path, reason: 'NO_WEEKS', message: 'at least one fieldwork week is needed' });
    return null;
  }
  const last = year === null ? SETTING_LIMITS.week.max : isoWeeksInYear(year);
  const weeks: number[] = [];
  let ok = true;
  v.forEach((w, i) => {
    const at = `${path}[${i}]`;
    if (!isInt(w)) {
      report({ field: at, reason: 'NOT_WHOLE_NUMBER', message: expected('an ISO week number', w) });
      ok = false;
    } else if (w < 1 || w > last) {
      report({
        field: at,
        reason: w === 53 ? 'WEEK_NOT_IN_YEAR' : 'OUT_OF_RANGE',
        message: `week ${w} is not an ISO week of ${year ?? 'the year'} (1–${last})`,
        min: 1,
        max: last,
      });
      ok = false;
    } else if (weeks.includes(w)) {
      report({ field: at, reason: 'DUPLICATE_WEEK', message: `week ${w} is listed twice` });
      ok = false;
    } else weeks.push(w);
  });
  return ok ? weeks : null;
}

/**
 * Every setting of an edition at once, as the staff's form and updateEditionSettings send them
 * (field names as in `EditionSettingsValues`). Wait limits are checked for every channel given.
 */
export function checkEditionSettings(
  input: Partial<Record<keyof EditionSettingsValues, unknown>>,
  year: number,
): { value: EditionSettingsValues | null; problems: SettingProblem[] } {
  const problems: SettingProblem[] = [];
  const report: Report = (p) => problems.push(p);
  const weeks = checkFieldworkWeeks(input.weeks, year, 'weeks', report);
  const inquiriesPerParticipant = checkInquiryCount(input.inquiriesPerParticipant, 'inquiriesPerParticipant', report);
  const channelKeys = checkChannelKeys(input.channelKeys, 'channelKeys', report);
  let waitLimits: Partial<Record<Channel, WaitLimit>> | null = null;
  if (!isObj(input.waitLimits)) {
    report({
      field: 'waitLimits',
      reason: 'REQUIRED',
      message: expected('an object of channel → {waitSeconds, attempts}', input.waitLimits),
    });
  } else {
    const limits: Partial<Record<Channel, WaitLimit>> = {};
    let ok = true;
    for (const channel of CHANNELS) {
      const limit = checkWaitLimit(input.waitLimits[channel], `waitLimits.${channel}`, report);
      if (limit) limits[channel] = limit;
      else ok = false;
    }
    if (ok) waitLimits = limits;
  }
  const minQualityScore = checkMinQualityScore(input.minQualityScore, 'minQualityScore', report);
  const minCellSize = checkMinCellSize(input.minCellSize, 'minCellSize', report);
  const thirdChannel = checkThirdChannel(input.thirdChannel, 'thirdChannel', report);
  if (problems.length > 0) return { value: null, problems };
  return {
    value: {
      weeks: weeks!,
      inquiriesPerParticipant: inquiriesPerParticipant!,
      channelKeys: channelKeys!,
      waitLimits: waitLimits as Record<Channel, WaitLimit>,
      minQualityScore: minQualityScore!,
      minCellSize: minCellSize!,
      thirdChannel: thirdChannel!,
    },
    problems,
  };
}

/**
 * The same ISO week numbers in another year (copying an edition); week 53 becomes 52 in a year
 * without it, and a week already in the list is not repeated.
 */
export function weeksInYear(weeks: readonly number[], year: number): number[] {
  const last = isoWeeksInYear(year);
  return [...new Set(weeks.map((w) => Math.min(w, last)))];
}
