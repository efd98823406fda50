// responses.csv: parse, validate (against the questionnaire and the participants) and serialize.
import {
  CHANNELS,
  GENDERS,
  INQUIRY_STATUSES,
  type Channel,
  type Gender,
  type InquiryStatus,
  type ParticipantRow,
  type QuestionDef,
  type QuestionnaireFile,
  type ResponseRow,
} from '../domain.js';
import { questionChannels, questionKind } from '../questionnaire.js';
import { cell, checkColumnOrder, checkDuplicateColumns, columnIndex, readCsv, writeCsv, type CsvRow } from './csv.js';
import { FILE_NAMES, RESPONSES_FIXED_HEADER, responsesHeader } from './headers.js';
import { checkInquiriesPerParticipant, warnRepeatedObservers, type InquiryRef } from './plausibility.js';
import { oneOf, ProblemList, quote, type NamedText, type ParseResult } from './problems.js';
import type { QuestionRules } from './questionnaire.js';
import { isChannel, isoDateTimeError, parseWholeNumber } from './values.js';

/** The oldest plausible observer birth year; the youngest is the edition year − 16. */
export const MIN_BIRTH_YEAR = 1900;
export const MIN_OBSERVER_AGE = 16;

/** What responses.csv is checked against; null parts are unknown (their file is broken) and not checked. */
export interface ResponsesContext {
  rules: QuestionRules[] | null;
  year: number | null;
  /** The edition's inquiriesPerParticipant: no company may have more rows (null: unknown, not checked). */
  inquiriesPerParticipant?: number | null;
  /** slug → the participant's channels (null: unknown). */
  companies: Map<string, Channel[] | null> | null;
  /** Named in messages such as `unknown company "x" (not in participants.csv)`. */
  participantsFile?: string;
  /** Named in the message about too many inquiries. */
  questionnaireFile?: string;
}

export interface ResponsesCheck {
  problems: ProblemList;
  /** The rows, only when there is no problem. */
  value: ResponseRow[] | null;
  /** What is odd but not refused (an observer with several inquiries of one participant), with or without problems. */
  warnings: ProblemList;
}

/** The rules of well-formed questions, for checking responses against a valid questionnaire. */
export function questionRules(q: QuestionDef): QuestionRules {
  const kind = questionKind(q);
  return {
    code: q.code,
    kind,
    channels: questionChannels(q),
    optionCodes: kind === 'CHOICE' ? (q.options ?? []).map((o) => o.code) : null,
    min: q.min ?? null,
    max: q.max ?? null,
  };
}

/** Checks one answer cell's value; returns the stored value (a SCALE number normalised) or an error. */
export function checkAnswerValue(rules: QuestionRules | undefined, value: string): { value: string } | { error: string } {
  if (!rules) return { value };
  if (rules.kind === 'CHOICE') {
    if (rules.optionCodes && !rules.optionCodes.includes(value)) {
      return { error: `unknown option code ${quote(value)} (expected ${oneOf(rules.optionCodes)})` };
    }
    return { value };
  }
  const range = rules.min !== null && rules.max !== null ? `a whole number from ${rules.min} to ${rules.max}` : 'a whole number';
  const n = parseWholeNumber(value);
  if (n === null) return { error: `expected ${range}, got ${quote(value)}` };
  if ((rules.min !== null && n < rules.min) || (rules.max !== null && n > rules.max)) {
    return { error: `${n} is out of range: expected ${range}` };
  }
  return { value: String(n) };
}

function checkHeader(header: readonly string[], rules: QuestionRules[] | null, problems: ProblemList): void {
  checkDuplicateColumns(header, problems);
  for (const name of RESPONSES_FIXED_HEADER) {
    if (!header.includes(name)) problems.add(1, name, `missing column ${quote(name)}`);
  }
  if (rules) {
    const codes = rules.map((r) => r.code);
    for (const code of codes) {
      if (!header.includes(code)) problems.add(1, code, `missing column ${quote(code)} for the question ${code} of the questionnaire`);
    }
    for (const name of new Set(header)) {
      if (name !== '' && !RESPONSES_FIXED_HEADER.includes(name) && !codes.includes(name)) {
        problems.add(1, name, `unknown column ${quote(name)} (neither a fixed column nor a question code of the questionnaire)`);
      }
    }
  }
  checkColumnOrder(header, RESPONSES_FIXED_HEADER, problems);
}

export function checkResponses(file: NamedText, ctx: ResponsesContext): ResponsesCheck {
  const problems = new ProblemList(file.name);
  const warnings = new ProblemList(file.name);
  const table = readCsv(file, problems, RESPONSES_FIXED_HEADER);
  if (!table) return { problems, value: null, warnings };
  checkHeader(table.header, ctx.rules, problems);
  const cols = columnIndex(table.header);
  const sheet: Sheet = {
    cols,
    problems,
    ctx,
    participantsFile: ctx.participantsFile ?? FILE_NAMES.participants,
    maxBirthYear: ctx.year !== null ? ctx.year - MIN_OBSERVER_AGE : null,
    questionColumns: questionColumns(cols, ctx.rules),
    firstRow: new Map(),
  };

  const rows: ResponseRow[] = [];
  for (const r of table.rows) {
    const row = checkRow(r, sheet);
    if (row) rows.push(row);
  }
  checkPlausibility(table.rows, sheet, warnings);
  problems.sortByRow();
  warnings.sortByRow();
  return { problems, value: problems.count === 0 ? rows : null, warnings };
}

/** What every row is checked with: the header's columns, the context, and what earlier rows left. */
interface Sheet {
  cols: Map<string, number>;
  problems: ProblemList;
  ctx: ResponsesContext;
  participantsFile: string;
  /** The youngest plausible observer's birth year (null: the edition year is unknown). */
  maxBirthYear: number | null;
  questionColumns: QuestionColumn[];
  /** inquiry_id → the first row that has it. */
  firstRow: Map<string, number>;
}

interface QuestionColumn {
  code: string;
  rules: QuestionRules | undefined;
}

/** One row's cells, read trimmed, with its problems reported at its row. */
interface RowCells {
  get(name: string): string;
  has(name: string): boolean;
  add(column: string, message: string): void;
  /** The cell, reported when the column is there but the cell is empty. */
  required(name: string): string;
}

/**
 * The question columns to read: the questionnaire's questions present in the header, or
 * (questionnaire unreadable) every column that is not a fixed one, unchecked.
 */
function questionColumns(cols: Map<string, number>, rules: QuestionRules[] | null): QuestionColumn[] {
  return rules
    ? rules.filter((r) => cols.has(r.code)).map((r) => ({ code: r.code, rules: r }))
    : [...cols.keys()].filter((n) => n !== '' && !RESPONSES_FIXED_HEADER.includes(n)).map((code) => ({ code, rules: undefined }));
}

function rowCells(r: CsvRow, sheet: Sheet): RowCells {
  const get = (name: string) => cell(r, sheet.cols, name).trim();
  const has = (name: string) => sheet.cols.has(name);
  const add = (column: string, message: string) => sheet.problems.add(r.row, column, message);
  const required = (name: string): string => {
    const v = get(name);
    if (has(name) && v === '') add(name, 'must not be empty');
    return v;
  };
  return { get, has, add, required };
}

/** Checks one row, column by column in the file's order; the row only when it has no problem. */
function checkRow(r: CsvRow, sheet: Sheet): ResponseRow | null {
  const before = sheet.problems.count;
  const row = rowCells(r, sheet);
  const inquiryId = checkInquiryId(row, r.row, sheet.firstRow);
  const { companySlug, participantChannels } = checkCompany(row, sheet);
  const channel = checkChannel(row, participantChannels);
  const observerId = row.required('observer_id');
  const gender = checkObserverGender(row);
  const birthYear = checkObserverBirthYear(row, sheet.maxBirthYear);
  const contactedAt = checkContactedAt(row);
  const status = checkStatus(row);
  const attempts = checkAttempts(row);
  const waitSeconds = checkWaitSeconds(row);
  const answers = checkAnswers(row, sheet.questionColumns, channel, status);

  if (sheet.problems.count > before || channel === null || gender === null || birthYear === null || status === null || attempts === null)
    return null;
  return {
    inquiryId,
    companySlug,
    channel,
    observerId,
    observerGender: gender,
    observerBirthYear: birthYear,
    contactedAt,
    status,
    attempts,
    waitSeconds,
    comments: {
      reception: cell(r, sheet.cols, 'comment_reception'),
      agent: cell(r, sheet.cols, 'comment_agent'),
      overall: cell(r, sheet.cols, 'comment_overall'),
    },
    answers,
  };
}

/** Required, and unique in the file. */
function checkInquiryId(row: RowCells, rowNumber: number, firstRow: Map<string, number>): string {
  const inquiryId = row.required('inquiry_id');
  if (inquiryId !== '') {
    const first = firstRow.get(inquiryId);
    if (first !== undefined) row.add('inquiry_id', `duplicate inquiry_id ${quote(inquiryId)} (also in row ${first})`);
    else firstRow.set(inquiryId, rowNumber);
  }
  return inquiryId;
}

/** Required, and a participant (when the participants are known); returns the participant's channels. */
function checkCompany(row: RowCells, sheet: Sheet): { companySlug: string; participantChannels: Channel[] | null } {
  const companySlug = row.required('company_slug');
  const companies = sheet.ctx.companies;
  let participantChannels: Channel[] | null = null;
  if (companySlug !== '' && companies) {
    if (!companies.has(companySlug)) row.add('company_slug', `unknown company ${quote(companySlug)} (not in ${sheet.participantsFile})`);
    else participantChannels = companies.get(companySlug) ?? null;
  }
  return { companySlug, participantChannels };
}

/** Required, a known channel, and one of the participant's channels. */
function checkChannel(row: RowCells, participantChannels: Channel[] | null): Channel | null {
  const channelText = row.required('channel');
  if (channelText === '') return null;
  if (!isChannel(channelText)) {
    row.add('channel', `unknown channel ${quote(channelText)} (expected ${oneOf(CHANNELS)})`);
    return null;
  }
  if (participantChannels && !participantChannels.includes(channelText)) {
    row.add('channel', `channel ${channelText} is not among the participant's channels (${participantChannels.join(', ')})`);
  }
  return channelText;
}

function checkObserverGender(row: RowCells): Gender | null {
  const genderText = row.get('observer_gender');
  const gender = (GENDERS as readonly string[]).includes(genderText) ? (genderText as Gender) : null;
  if (row.has('observer_gender') && gender === null) {
    row.add(
      'observer_gender',
      genderText === ''
        ? `must not be empty (expected ${oneOf(GENDERS)})`
        : `unknown gender ${quote(genderText)} (expected ${oneOf(GENDERS)})`,
    );
  }
  return gender;
}

/** A whole year from MIN_BIRTH_YEAR to the edition year − MIN_OBSERVER_AGE. */
function checkObserverBirthYear(row: RowCells, maxBirthYear: number | null): number | null {
  const birthText = row.get('observer_birth_year');
  const birthYear = parseWholeNumber(birthText);
  if (row.has('observer_birth_year')) {
    const range = maxBirthYear !== null ? `a year from ${MIN_BIRTH_YEAR} to ${maxBirthYear}` : `a year from ${MIN_BIRTH_YEAR}`;
    if (birthYear === null) row.add('observer_birth_year', `expected ${range}, got ${quote(birthText)}`);
    else if (birthYear < MIN_BIRTH_YEAR || (maxBirthYear !== null && birthYear > maxBirthYear)) {
      row.add(
        'observer_birth_year',
        `birth year ${birthYear} is not plausible: expected ${range} (observers are at least ${MIN_OBSERVER_AGE})`,
      );
    }
  }
  return birthYear;
}

/** An ISO date-time with an offset. */
function checkContactedAt(row: RowCells): string {
  const contactedAt = row.get('contacted_at');
  const dateError = isoDateTimeError(contactedAt);
  if (row.has('contacted_at') && dateError) row.add('contacted_at', dateError);
  return contactedAt;
}

function checkStatus(row: RowCells): InquiryStatus | null {
  const statusText = row.get('status');
  const status = (INQUIRY_STATUSES as readonly string[]).includes(statusText) ? (statusText as InquiryStatus) : null;
  if (row.has('status') && status === null) {
    row.add(
      'status',
      statusText === ''
        ? `must not be empty (expected ${oneOf(INQUIRY_STATUSES)})`
        : `unknown status ${quote(statusText)} (expected ${oneOf(INQUIRY_STATUSES)})`,
    );
  }
  return status;
}

/** A whole number ≥ 1. */
function checkAttempts(row: RowCells): number | null {
  const attemptsText = row.get('attempts');
  const attempts = parseWholeNumber(attemptsText);
  if (row.has('attempts') && (attempts === null || attempts < 1))
    row.add('attempts', `expected a whole number ≥ 1, got ${quote(attemptsText)}`);
  return attempts;
}

/** Empty, or a whole number of seconds ≥ 0. */
function checkWaitSeconds(row: RowCells): number | null {
  const waitText = row.get('wait_seconds');
  const waitSeconds = waitText === '' ? null : parseWholeNumber(waitText);
  const waitOk = waitText === '' || (waitSeconds !== null && waitSeconds >= 0);
  if (!waitOk) row.add('wait_seconds', `expected a whole number of seconds ≥ 0 (or an empty cell), got ${quote(waitText)}`);
  return waitSeconds;
}

/**
 * The answers by question code: none on an UNANSWERED inquiry, every applying question answered
 * on an ANSWERED one, none on a question that does not apply to the channel, each value valid.
 */
function checkAnswers(
  row: RowCells,
  columns: readonly QuestionColumn[],
  channel: Channel | null,
  status: InquiryStatus | null,
): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const { code, rules } of columns) {
    const value = row.get(code);
    const applies = channel !== null && rules?.channels ? rules.channels.includes(channel) : null;
    if (status === 'UNANSWERED') {
      if (value !== '') row.add(code, `an UNANSWERED inquiry has no answers; leave the cell empty (got ${quote(value)})`);
      continue;
    }
    if (status === 'ANSWERED' && applies === true && value === '') {
      row.add(code, `missing required answer: the question applies to ${channel} and the inquiry was answered`);
      continue;
    }
    if (value === '') continue;
    if (applies === false) {
      row.add(code, `answer on a question that does not apply to ${channel}; leave the cell empty (got ${quote(value)})`);
      continue;
    }
    const checked = checkAnswerValue(rules, value);
    if ('error' in checked) row.add(code, checked.error);
    else answers[code] = checked.value;
  }
  return answers;
}

/**
 * Across rows: no company with more inquiries than the edition allows (a problem), an observer
 * with several inquiries of one participant (a warning). Counted over every row, also those with
 * problems: their company and observer are still known.
 */
function checkPlausibility(rows: readonly CsvRow[], sheet: Sheet, warnings: ProblemList): void {
  const refs: InquiryRef[] = rows.map((r) => ({
    row: r.row,
    companySlug: cell(r, sheet.cols, 'company_slug').trim(),
    observerId: cell(r, sheet.cols, 'observer_id').trim(),
  }));
  const limit = sheet.ctx.inquiriesPerParticipant ?? null;
  if (limit !== null) checkInquiriesPerParticipant(refs, limit, sheet.ctx.questionnaireFile ?? FILE_NAMES.questionnaire, sheet.problems);
  warnRepeatedObservers(refs, warnings);
}

/** Checks responses.csv against a valid questionnaire and participant list. */
export function parseResponses(
  file: NamedText,
  questionnaire: QuestionnaireFile,
  participants: readonly ParticipantRow[],
  participantsFile: string = FILE_NAMES.participants,
): ParseResult<ResponseRow[]> {
  const { problems, value } = checkResponses(file, {
    rules: questionnaire.questions.map(questionRules),
    year: questionnaire.edition.year,
    inquiriesPerParticipant: questionnaire.edition.inquiriesPerParticipant,
    companies: new Map(participants.map((p) => [p.companySlug, p.channels])),
    participantsFile,
  });
  return value ? { ok: true, value } : { ok: false, problems: problems.problems };
}

export function serializeResponses(questions: readonly QuestionDef[], rows: readonly ResponseRow[]): string {
  return writeCsv(
    responsesHeader(questions),
    rows.map((r) => [
      r.inquiryId,
      r.companySlug,
      r.channel,
      r.observerId,
      r.observerGender,
      String(r.observerBirthYear),
      r.contactedAt,
      r.status,
      String(r.attempts),
      r.waitSeconds === null ? '' : String(r.waitSeconds),
      r.comments.reception,
      r.comments.agent,
      r.comments.overall,
      ...questions.map((q) => r.answers[q.code] ?? ''),
    ]),
  );
}
