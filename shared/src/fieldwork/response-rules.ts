import Holidays from 'date-holidays';
import { DEFAULT_WAIT_LIMITS, type Channel, type InquiryStatus, type QuestionDef, type WaitLimit } from '../domain.js';
import type { FieldProblem } from '../field-problem.js';
import { osloWallClock } from '../export/oslo-time.js';
import { parseOpeningHours, type HoursWindow } from './opening-hours.js';

/**
 * The fieldwork rules of the observer's form (domain.md "Fieldwork rules", contract.md
 * "Running an edition (GraphQL)"), checked the same in the browser and on the server.
 * All clock rules are in Oslo local time, whatever the server's or the observer's time zone.
 */

export const RESPONSE_RULES = [
  'OUTSIDE_HOURS',
  'SAME_DAY',
  'TOO_MANY_ATTEMPTS',
  'NOT_APPLICABLE',
  'MISSING_ANSWER',
  'ANSWER_ON_UNANSWERED',
  'REQUIRED',
  'TOO_LONG',
  'OUT_OF_ORDER',
  'OUT_OF_RANGE',
  'BAD_DATE',
  'DUPLICATE',
] as const;
export type ResponseRule = (typeof RESPONSE_RULES)[number];
export type ResponseProblem = FieldProblem<ResponseRule>;

export const MAX_COMMENT_LENGTH = 2000;

export interface AttemptInput {
  /** ISO 8601 with offset. */
  at: string;
  /** Seconds from `at` until the reply; null: no reply. */
  waitSeconds: number | null;
  /** The only reply was an automatic confirmation, which is not an answer. */
  automaticReplyOnly?: boolean | null;
}
export interface AnswerInput {
  questionCode: string;
  optionCode?: string | null;
  value?: number | null;
}
export interface ResponseInput {
  attempts: AttemptInput[];
  answers: AnswerInput[];
  comments: { reception: string; agent: string; overall: string };
}
export interface ResponseContext {
  channel: Channel;
  questions: QuestionDef[];
  /** The edition's limits; channels left out use DEFAULT_WAIT_LIMITS. */
  waitLimits?: Partial<Record<Channel, WaitLimit>>;
  /** The participant's own opening hours (sign-up's format), replacing 09–15 for live channels. */
  openingHours?: string | null;
  /**
   * The form asks for every question that applies, not only the scored ones: an observer's form
   * that marked only some as required would tell which carry points (domain.md: observers never
   * see them). The server holds the rule itself (scored questions only).
   */
  requireAll?: boolean;
  /**
   * A correction after publication that keeps the response's attempts (staff change answers or
   * comments): the attempts are not checked again and the inquiry keeps this status.
   */
  keptStatus?: InquiryStatus;
}

// ---- Norwegian business days ----

const holidays = new Holidays('NO');
const publicHolidaysByYear = new Map<number, Set<string>>();

/** Only `public` holidays: Christmas Eve and New Year's Eve are `bank` days, ordinary working days by law. */
function isPublicHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  let set = publicHolidaysByYear.get(year);
  if (!set) {
    set = new Set(
      holidays
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    publicHolidaysByYear.set(year, set);
  }
  return set.has(date);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The Oslo calendar date (`YYYY-MM-DD`) of an instant. */
export function osloDate(instant: Date | string): string {
  const t = osloWallClock(typeof instant === 'string' ? new Date(instant) : instant);
  return `${t.year}-${pad(t.month)}-${pad(t.day)}`;
}

/** Monday 1 … Sunday 7 of a calendar date. */
function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A Norwegian working day: Monday–Friday and not a public holiday. */
export function isNorwegianBusinessDay(date: string): boolean {
  return isoWeekday(date) <= 5 && !isPublicHoliday(date);
}

/**
 * Business days after `from` up to and including `to` (calendar dates `YYYY-MM-DD`, or instants,
 * taken as their Oslo date): Wednesday → Friday of an ordinary week is 2. 0 when `to` is not later.
 */
export function norwegianBusinessDaysBetween(from: Date | string, to: Date | string): number {
  let day = toDate(from);
  const end = toDate(to);
  let count = 0;
  while (day < end) {
    day = nextDate(day);
    if (isNorwegianBusinessDay(day)) count++;
  }
  return count;
}

/** The date `n` (≥ 0) business days after `date` (a calendar date or an instant's Oslo date). */
export function addNorwegianBusinessDays(date: Date | string, n: number): string {
  let day = toDate(date);
  for (let left = n; left > 0;) {
    day = nextDate(day);
    if (isNorwegianBusinessDay(day)) left--;
  }
  return day;
}

function toDate(d: Date | string): string {
  return typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : osloDate(d);
}

const WEEKDAYS = [1, 2, 3, 4, 5];

/** The windows a contact on this channel must fall in. */
export function contactWindows(channel: Channel, openingHours?: string | null): HoursWindow[] {
  // An e-mail is read whenever the company opens, so its own hours do not move the 09–12 rule.
  if (channel === 'EMAIL') return [{ days: WEEKDAYS, open: 9 * 60, close: 12 * 60 }];
  const own = openingHours && openingHours.trim() !== '' ? parseOpeningHours(openingHours) : null;
  return own ?? [{ days: WEEKDAYS, open: 9 * 60, close: 15 * 60 }];
}

/**
 * Whether a contact at this instant keeps the hours. Weekends and public holidays are refused
 * even if the participant's own hours name Saturday: the rules say weekdays, and observers are
 * only asked to be available on weekdays. The close is inclusive to the minute (15:00 is fine).
 */
export function withinContactHours(at: Date, channel: Channel, openingHours?: string | null): boolean {
  const date = osloDate(at);
  if (!isNorwegianBusinessDay(date)) return false;
  const t = osloWallClock(at);
  const minute = t.hour * 60 + t.minute + t.second / 60;
  const day = isoWeekday(date);
  return contactWindows(channel, openingHours).some((w) => w.days.includes(day) && minute >= w.open && minute <= w.close);
}

// ---- Status ----

function limitFor(channel: Channel, waitLimits?: Partial<Record<Channel, WaitLimit>>): WaitLimit {
  return waitLimits?.[channel] ?? DEFAULT_WAIT_LIMITS[channel];
}

/** Whether attempt `i` got a real answer in time (see inquiryStatusOf). */
export function attemptAnswered(
  attempts: AttemptInput[],
  i: number,
  channel: Channel,
  limit: WaitLimit = DEFAULT_WAIT_LIMITS[channel],
): boolean {
  const a = attempts[i];
  if (!a || a.waitSeconds === null || a.waitSeconds === undefined || a.automaticReplyOnly) return false;
  const sent = new Date(a.at);
  if (Number.isNaN(sent.getTime())) return false;
  const reply = new Date(sent.getTime() + a.waitSeconds * 1000);
  if (channel === 'EMAIL') {
    // WaitLimit stores e-mail's business days as days × 24 h; a reply any time on the last day counts.
    const days = Math.round(limit.waitSeconds / 86400);
    return osloDate(reply) <= addNorwegianBusinessDays(osloDate(sent), days);
  }
  if (a.waitSeconds <= limit.waitSeconds) return true;
  const next = attempts[i + 1];
  return channel === 'MESSENGER' && next !== undefined && reply.getTime() < new Date(next.at).getTime();
}

/**
 * ANSWERED when the last attempt got a real answer (a reply, not only an automatic one) within
 * the channel's limit; e-mail: by the end of the 3rd Norwegian business day after the day it was
 * sent. MESSENGER: a reply after the 30 minutes that arrives before the next attempt counts; it
 * shows as an earlier attempt whose waitSeconds reach past the limit but end before the next
 * attempt's `at`, and makes the inquiry ANSWERED whatever the later attempts got. The last
 * Messenger attempt has no next attempt to bound it, so the 30 minutes hold for it.
 */
export function inquiryStatusOf(
  attempts: AttemptInput[],
  channel: Channel,
  waitLimits?: Partial<Record<Channel, WaitLimit>>,
): InquiryStatus {
  if (attempts.length === 0) return 'UNANSWERED';
  const limit = limitFor(channel, waitLimits);
  if (attemptAnswered(attempts, attempts.length - 1, channel, limit)) return 'ANSWERED';
  if (channel === 'MESSENGER') {
    for (let i = 0; i < attempts.length - 1; i++) if (attemptAnswered(attempts, i, channel, limit)) return 'ANSWERED';
  }
  return 'UNANSWERED';
}

// ---- The form ----

const CHANNEL_WORDS: Record<Channel, string> = { PHONE: 'telefon', EMAIL: 'e-post', CHAT: 'chat', MESSENGER: 'Messenger' };
const COMMENT_WORDS = { reception: 'mottak', agent: 'kundebehandleren', overall: 'totalinntrykket' } as const;

const hhmm = (m: number) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;

function appliesTo(q: QuestionDef, channel: Channel): boolean {
  return !q.channels || q.channels.includes(channel);
}

function isScored(q: QuestionDef): boolean {
  return q.area !== 'CX' && (q.options ?? []).some((o) => o.points !== undefined);
}

/**
 * Every problem of an observer's response, in form order (attempts, answers, comments); empty
 * when it may be submitted. An answer on an UNANSWERED inquiry is `ANSWER_ON_UNANSWERED` (not
 * NOT_APPLICABLE): the question may well apply, it is the inquiry's status that forbids it,
 * and the form can then offer to clear the answers.
 */
export function responseProblems(input: ResponseInput, context: ResponseContext): ResponseProblem[] {
  const problems: ResponseProblem[] = [];
  const { channel } = context;
  const limit = limitFor(channel, context.waitLimits);
  const add = (p: ResponseProblem) => problems.push(p);

  const attempts = context.keptStatus ? [] : input.attempts;
  if (!context.keptStatus && attempts.length === 0)
    add({ field: 'attempts', reason: 'REQUIRED', message: 'Registrer minst ett forsøk.', min: 1 });
  if (attempts.length > limit.attempts) {
    add({
      field: 'attempts',
      reason: 'TOO_MANY_ATTEMPTS',
      message: `For ${CHANNEL_WORDS[channel]} gjøres høyst ${limit.attempts} forsøk.`,
      max: limit.attempts,
      value: String(input.attempts.length),
    });
  }
  const windows = contactWindows(channel, context.openingHours);
  const hoursText = windows.map((w) => `${hhmm(w.open)}–${hhmm(w.close)}`).join(', ');
  let previous: Date | null = null;
  const days: string[] = [];
  attempts.forEach((a, i) => {
    const field = `attempts[${i}].at`;
    const at = new Date(a.at);
    if (!/[zZ]|[+-]\d{2}:?\d{2}$/.test(a.at) || Number.isNaN(at.getTime())) {
      add({ field, reason: 'BAD_DATE', message: 'Skriv tidspunktet som ISO 8601 med tidssone.', value: a.at });
      return;
    }
    if (!withinContactHours(at, channel, context.openingHours)) {
      add({
        field,
        reason: 'OUTSIDE_HOURS',
        message: `Kontakt skjer på hverdager ${hoursText} (norsk tid); ${osloDate(at)} kl. ${hhmm(osloWallClock(at).hour * 60 + osloWallClock(at).minute)} er utenfor.`,
        value: a.at,
      });
    }
    const day = osloDate(at);
    if (days.includes(day)) {
      add({ field, reason: 'SAME_DAY', message: 'Et nytt forsøk gjøres en annen dag enn de forrige.', value: day });
    }
    if (previous && at.getTime() <= previous.getTime()) {
      add({ field, reason: 'OUT_OF_ORDER', message: 'Forsøkene må stå i tidsrekkefølge.', value: a.at });
    }
    if (a.waitSeconds !== null && a.waitSeconds !== undefined && (!Number.isInteger(a.waitSeconds) || a.waitSeconds < 0)) {
      add({
        field: `attempts[${i}].waitSeconds`,
        reason: 'OUT_OF_RANGE',
        message: 'Ventetiden er et helt antall sekunder, 0 eller mer.',
        min: 0,
      });
    }
    days.push(day);
    previous = at;
  });

  const status = context.keptStatus ?? inquiryStatusOf(input.attempts, channel, context.waitLimits);
  const byCode = new Map(context.questions.map((q) => [q.code, q]));
  const answered = new Set<string>();
  for (const ans of input.answers) {
    const field = `answers.${ans.questionCode}`;
    if (answered.has(ans.questionCode)) {
      add({ field, reason: 'DUPLICATE', message: 'Spørsmålet er besvart to ganger.', value: ans.questionCode });
      continue;
    }
    answered.add(ans.questionCode);
    if (status === 'UNANSWERED') {
      add({
        field,
        reason: 'ANSWER_ON_UNANSWERED',
        message: 'En henvendelse uten svar har ingen svar på spørsmålene.',
        value: ans.questionCode,
      });
      continue;
    }
    const q = byCode.get(ans.questionCode);
    if (!q) {
      add({ field, reason: 'NOT_APPLICABLE', message: `Spørsmålet ${ans.questionCode} finnes ikke.`, value: ans.questionCode });
      continue;
    }
    if (!appliesTo(q, channel)) {
      add({ field, reason: 'NOT_APPLICABLE', message: `Spørsmålet ${q.code} gjelder ikke ${CHANNEL_WORDS[channel]}.`, value: q.code });
      continue;
    }
    if (q.kind === 'SCALE') {
      const v = ans.value;
      if (v === null || v === undefined) {
        add({ field, reason: 'MISSING_ANSWER', message: `Velg et tall for ${q.code}.` });
      } else if (!Number.isInteger(v) || (q.min !== undefined && v < q.min) || (q.max !== undefined && v > q.max)) {
        add({
          field,
          reason: 'OUT_OF_RANGE',
          message: `Svaret på ${q.code} går fra ${q.min} til ${q.max}.`,
          min: q.min,
          max: q.max,
          value: String(v),
        });
      }
    } else if (!ans.optionCode) {
      add({ field, reason: 'MISSING_ANSWER', message: `Velg et svar for ${q.code}.` });
    } else if (!(q.options ?? []).some((o) => o.code === ans.optionCode)) {
      add({
        field,
        reason: 'NOT_APPLICABLE',
        message: `${ans.optionCode} er ikke et svaralternativ for ${q.code}.`,
        value: ans.optionCode,
      });
    }
  }
  if (status === 'ANSWERED') {
    for (const q of context.questions) {
      if ((context.requireAll || isScored(q)) && appliesTo(q, channel) && !answered.has(q.code)) {
        add({ field: `answers.${q.code}`, reason: 'MISSING_ANSWER', message: `Spørsmålet ${q.code} må besvares.`, value: q.code });
      }
    }
  }

  for (const key of ['reception', 'agent', 'overall'] as const) {
    const text = input.comments[key] ?? '';
    const field = `comments.${key}`;
    if (status === 'ANSWERED' && text.trim() === '') {
      add({ field, reason: 'REQUIRED', message: `Skriv en kommentar om ${COMMENT_WORDS[key]}.` });
    } else if (text.length > MAX_COMMENT_LENGTH) {
      add({ field, reason: 'TOO_LONG', message: `Kommentaren kan ha høyst ${MAX_COMMENT_LENGTH} tegn.`, max: MAX_COMMENT_LENGTH });
    }
  }
  return problems;
}
