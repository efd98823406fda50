// observers.csv: parse, validate and serialize the observer pool (contract.md "Interchange formats").
import { GENDERS, type Gender } from '../domain.js';
import { cell, checkColumnOrder, checkDuplicateColumns, columnIndex, readCsv, writeCsv } from './csv.js';
import { OBSERVERS_HEADER } from './headers.js';
import { oneOf, ProblemList, quote, type NamedText, type ParseResult } from './problems.js';
import { joinList, parseSlugList, parseWholeNumber, splitList } from './values.js';

/** One observer of the pool as the file gives it. */
export interface ObserverRow {
  observerId: string;
  name: string;
  gender: Gender;
  birthYear: number;
  region: string;
  /** Internal quality score, 0–100, at most two decimals. */
  qualityScore: number;
  /** ISO weeks (`2025-W11`) without weekday contacts 09–15, sorted, each once. */
  unavailableWeeks: string[];
  /** Company slugs, known to the product or not (a company may sign up later). */
  customerOf: string[];
  contactedBefore: string[];
}

/** Observers are 18 or older and at most about 90, counted in the year of the import. */
export const MIN_POOL_AGE = 18;
export const MAX_POOL_AGE = 90;

/** How many ISO weeks a year has: 53 when it starts on a Thursday, or is a leap year starting on a Wednesday. */
export function isoWeeksInYear(year: number): 52 | 53 {
  const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay(); // 0 = Sunday
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** `2025-W11` → { year: 2025, week: 11 }; null when not written so or the week does not exist in that year. */
export function parseIsoWeek(text: string): { year: number; week: number } | null {
  const m = ISO_WEEK.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  return week >= 1 && week <= isoWeeksInYear(year) ? { year, week } : null;
}

/** The reason an ISO week cell item is wrong, or null. */
export function isoWeekError(text: string): string | null {
  const m = ISO_WEEK.exec(text);
  if (!m) return `${quote(text)} is not an ISO week: write YYYY-Www, e.g. "2025-W11"`;
  if (parseIsoWeek(text) === null) return `${quote(text)} does not exist: ${m[1]} has weeks 01 to ${isoWeeksInYear(Number(m[1]))}`;
  return null;
}

/** A score written plainly with a point and at most two decimals (`85`, `72.5`), 0–100. */
function parseScore(text: string): number | null {
  if (!/^\d{1,3}(?:\.\d{1,2})?$/.test(text)) return null;
  const n = Number(text);
  return n <= 100 ? n : null;
}

export interface ObserversOptions {
  /** The year ages are counted in (birth-year plausibility); the current year by default. */
  currentYear?: number;
}

export interface ObserversCheck {
  problems: ProblemList;
  /** The rows, only when there is no problem. */
  value: ObserverRow[] | null;
}

export function checkObservers(file: NamedText, opts: ObserversOptions = {}): ObserversCheck {
  const problems = new ProblemList(file.name);
  const table = readCsv(file, problems, OBSERVERS_HEADER);
  if (!table) return { problems, value: null };
  checkDuplicateColumns(table.header, problems);
  for (const name of OBSERVERS_HEADER) {
    if (!table.header.includes(name)) problems.add(1, name, `missing column ${quote(name)}`);
  }
  for (const name of new Set(table.header)) {
    if (name !== '' && !OBSERVERS_HEADER.includes(name))
      problems.add(1, name, `unknown column ${quote(name)} (expected the columns ${OBSERVERS_HEADER.join(',')})`);
  }
  checkColumnOrder(table.header, OBSERVERS_HEADER, problems);
  const cols = columnIndex(table.header);
  const has = (name: string) => cols.has(name);
  const year = opts.currentYear ?? new Date().getFullYear();
  const minBirth = year - MAX_POOL_AGE;
  const maxBirth = year - MIN_POOL_AGE;

  const firstRow = new Map<string, number>();
  const rows: ObserverRow[] = [];
  for (const r of table.rows) {
    const before = problems.count;
    const get = (name: string) => cell(r, cols, name).trim();
    const add = (column: string, message: string) => problems.add(r.row, column, message);

    const observerId = get('observer_id');
    if (has('observer_id')) {
      if (observerId === '') add('observer_id', 'must not be empty');
      else if (firstRow.has(observerId))
        add('observer_id', `duplicate observer_id ${quote(observerId)} (also in row ${firstRow.get(observerId)})`);
      else firstRow.set(observerId, r.row);
    }

    const name = get('name');
    if (has('name') && name === '') add('name', 'must not be empty');

    const genderText = get('gender');
    const gender = (GENDERS as readonly string[]).includes(genderText) ? (genderText as Gender) : null;
    if (has('gender') && gender === null) {
      add(
        'gender',
        genderText === ''
          ? `must not be empty (expected ${oneOf(GENDERS)})`
          : `unknown gender ${quote(genderText)} (expected ${oneOf(GENDERS)})`,
      );
    }

    const birthText = get('birth_year');
    const birthYear = parseWholeNumber(birthText);
    const birthRange = `a year from ${minBirth} to ${maxBirth} (observers are ${MIN_POOL_AGE} to about ${MAX_POOL_AGE} in ${year})`;
    if (has('birth_year')) {
      if (birthYear === null) add('birth_year', `expected ${birthRange}, got ${quote(birthText)}`);
      else if (birthYear < minBirth || birthYear > maxBirth)
        add('birth_year', `birth year ${birthYear} is not plausible: expected ${birthRange}`);
    }

    const region = get('region');
    if (has('region') && region === '') add('region', 'must not be empty');

    const scoreText = get('quality_score');
    const qualityScore = parseScore(scoreText);
    if (has('quality_score') && qualityScore === null) {
      add('quality_score', `expected a number from 0 to 100 (at most two decimals, with a point), got ${quote(scoreText)}`);
    }

    const weeks: string[] = [];
    for (const item of splitList(get('unavailable_weeks'))) {
      const error = isoWeekError(item);
      if (error) add('unavailable_weeks', error);
      else if (weeks.includes(item)) add('unavailable_weeks', `week ${item} is listed twice`);
      else weeks.push(item);
    }

    const customerOf = parseSlugList(get('customer_of'));
    customerOf.errors.forEach((m) => add('customer_of', m));
    const contactedBefore = parseSlugList(get('contacted_before'));
    contactedBefore.errors.forEach((m) => add('contacted_before', m));

    if (problems.count === before && gender !== null && birthYear !== null && qualityScore !== null) {
      rows.push({
        observerId,
        name,
        gender,
        birthYear,
        region,
        qualityScore,
        unavailableWeeks: weeks.sort(),
        customerOf: customerOf.value,
        contactedBefore: contactedBefore.value,
      });
    }
  }
  problems.sortByRow();
  return { problems, value: problems.count === 0 ? rows : null };
}

export function parseObservers(file: NamedText, opts: ObserversOptions = {}): ParseResult<ObserverRow[]> {
  const { problems, value } = checkObservers(file, opts);
  return value ? { ok: true, value } : { ok: false, problems: problems.problems };
}

export function serializeObservers(rows: readonly ObserverRow[]): string {
  return writeCsv(
    OBSERVERS_HEADER,
    rows.map((o) => [
      o.observerId,
      o.name,
      o.gender,
      String(o.birthYear),
      o.region,
      String(o.qualityScore),
      joinList(o.unavailableWeeks),
      joinList(o.customerOf),
      joinList(o.contactedBefore),
    ]),
  );
}
