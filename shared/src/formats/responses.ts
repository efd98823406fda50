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
  const has = (name: string) => cols.has(name);
  const participantsFile = ctx.participantsFile ?? FILE_NAMES.participants;
  const maxBirthYear = ctx.year !== null ? ctx.year - MIN_OBSERVER_AGE : null;

  // The question columns to read: the questionnaire's questions present in the header, or
  // (questionnaire unreadable) every column that is not a fixed one, unchecked.
  const questionColumns: { code: string; rules: QuestionRules | undefined }[] = ctx.rules
    ? ctx.rules.filter((r) => has(r.code)).map((r) => ({ code: r.code, rules: r }))
    : [...cols.keys()].filter((n) => n !== '' && !RESPONSES_FIXED_HEADER.includes(n)).map((code) => ({ code, rules: undefined }));

  const firstRow = new Map<string, number>();
  const rows: ResponseRow[] = [];
  for (const r of table.rows) {
    const row = checkRow(r);
    if (row) rows.push(row);
  }
  // Counted over every row, also those with problems: their company and observer are still known.
  const refs: InquiryRef[] = table.rows.map((r) => ({ row: r.row, companySlug: cell(r, cols, 'company_slug').trim(), observerId: cell(r, cols, 'observer_id').trim() }));
  const limit = ctx.inquiriesPerParticipant ?? null;
  if (limit !== null) checkInquiriesPerParticipant(refs, limit, ctx.questionnaireFile ?? FILE_NAMES.questionnaire, problems);
  warnRepeatedObservers(refs, warnings);
  problems.sortByRow();
  warnings.sortByRow();
  return { problems, value: problems.count === 0 ? rows : null, warnings };

  function checkRow(r: CsvRow): ResponseRow | null {
    const before = problems.count;
    const get = (name: string) => cell(r, cols, name).trim();
    const add = (column: string, message: string) => problems.add(r.row, column, message);
    const required = (name: string): string => {
      const v = get(name);
      if (has(name) && v === '') add(name, 'must not be empty');
      return v;
    };

    const inquiryId = required('inquiry_id');
    if (inquiryId !== '') {
      const first = firstRow.get(inquiryId);
      if (first !== undefined) add('inquiry_id', `duplicate inquiry_id ${quote(inquiryId)} (also in row ${first})`);
      else firstRow.set(inquiryId, r.row);
    }

    const companySlug = required('company_slug');
    let participantChannels: Channel[] | null = null;
    if (companySlug !== '' && ctx.companies) {
      if (!ctx.companies.has(companySlug)) add('company_slug', `unknown company ${quote(companySlug)} (not in ${participantsFile})`);
      else participantChannels = ctx.companies.get(companySlug) ?? null;
    }

    const channelText = required('channel');
    let channel: Channel | null = null;
    if (channelText !== '') {
      if (!isChannel(channelText)) add('channel', `unknown channel ${quote(channelText)} (expected ${oneOf(CHANNELS)})`);
      else {
        channel = channelText;
        if (participantChannels && !participantChannels.includes(channel)) {
          add('channel', `channel ${channel} is not among the participant's channels (${participantChannels.join(', ')})`);
        }
      }
    }

    const observerId = required('observer_id');

    const genderText = get('observer_gender');
    const gender = (GENDERS as readonly string[]).includes(genderText) ? (genderText as Gender) : null;
    if (has('observer_gender') && gender === null) {
      add('observer_gender', genderText === '' ? `must not be empty (expected ${oneOf(GENDERS)})` : `unknown gender ${quote(genderText)} (expected ${oneOf(GENDERS)})`);
    }

    const birthText = get('observer_birth_year');
    const birthYear = parseWholeNumber(birthText);
    if (has('observer_birth_year')) {
      const range = maxBirthYear !== null ? `a year from ${MIN_BIRTH_YEAR} to ${maxBirthYear}` : `a year from ${MIN_BIRTH_YEAR}`;
      if (birthYear === null) add('observer_birth_year', `expected ${range}, got ${quote(birthText)}`);
      else if (birthYear < MIN_BIRTH_YEAR || (maxBirthYear !== null && birthYear > maxBirthYear)) {
        add('observer_birth_year', `birth year ${birthYear} is not plausible: expected ${range} (observers are at least ${MIN_OBSERVER_AGE})`);
      }
    }

    const contactedAt = get('contacted_at');
    const dateError = isoDateTimeError(contactedAt);
    if (has('contacted_at') && dateError) add('contacted_at', dateError);

    const statusText = get('status');
    const status = (INQUIRY_STATUSES as readonly string[]).includes(statusText) ? (statusText as InquiryStatus) : null;
    if (has('status') && status === null) {
      add('status', statusText === '' ? `must not be empty (expected ${oneOf(INQUIRY_STATUSES)})` : `unknown status ${quote(statusText)} (expected ${oneOf(INQUIRY_STATUSES)})`);
    }

    const attemptsText = get('attempts');
    const attempts = parseWholeNumber(attemptsText);
    if (has('attempts') && (attempts === null || attempts < 1)) add('attempts', `expected a whole number ≥ 1, got ${quote(attemptsText)}`);

    const waitText = get('wait_seconds');
    const waitSeconds = waitText === '' ? null : parseWholeNumber(waitText);
    const waitOk = waitText === '' || (waitSeconds !== null && waitSeconds >= 0);
    if (!waitOk) add('wait_seconds', `expected a whole number of seconds ≥ 0 (or an empty cell), got ${quote(waitText)}`);

    const answers: Record<string, string> = {};
    for (const { code, rules } of questionColumns) {
      const value = get(code);
      const applies = channel !== null && rules?.channels ? rules.channels.includes(channel) : null;
      if (status === 'UNANSWERED') {
        if (value !== '') add(code, `an UNANSWERED inquiry has no answers; leave the cell empty (got ${quote(value)})`);
        continue;
      }
      if (status === 'ANSWERED' && applies === true && value === '') {
        add(code, `missing required answer: the question applies to ${channel} and the inquiry was answered`);
        continue;
      }
      if (value === '') continue;
      if (applies === false) {
        add(code, `answer on a question that does not apply to ${channel}; leave the cell empty (got ${quote(value)})`);
        continue;
      }
      const checked = checkAnswerValue(rules, value);
      if ('error' in checked) add(code, checked.error);
      else answers[code] = checked.value;
    }

    if (problems.count > before || channel === null || gender === null || birthYear === null || status === null || attempts === null) return null;
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
        reception: cell(r, cols, 'comment_reception'),
        agent: cell(r, cols, 'comment_agent'),
        overall: cell(r, cols, 'comment_overall'),
      },
      answers,
    };
  }
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
