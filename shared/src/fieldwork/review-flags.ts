import { DEFAULT_WAIT_LIMITS, type Channel, type WaitLimit } from '../domain.js';
import { osloWallClock } from '../export/oslo-time.js';
import { addNorwegianBusinessDays, contactWindows, osloDate, type AnswerInput, type ResponseInput } from './response-rules.js';

/**
 * What makes a submitted response worth a second look in review (issue 18): none of these
 * refuses anything, they order the reviewer's attention. Pure, so the queue and its tests agree.
 */
export const REVIEW_FLAGS = ['WAIT_NEAR_LIMIT', 'SAME_AS_PREVIOUS', 'SHORT_COMMENT', 'NEAR_WINDOW_EDGE', 'FIRST_RESPONSE'] as const;
export type ReviewFlagCode = (typeof REVIEW_FLAGS)[number];
export interface ReviewFlag {
  flag: ReviewFlagCode;
  /** In Norwegian, for the reviewer. */
  message: string;
}

/** A comment shorter than this (characters, trimmed) says too little to learn from. */
export const SHORT_COMMENT_LENGTH = 40;
/** A wait within this share of the limit (either side) is close to it: the status hangs on the clock. */
export const NEAR_LIMIT_SHARE = 0.1;
/** A contact within this many minutes of its window's opening or closing. */
export const NEAR_EDGE_MINUTES = 10;
/** A return the observer has not answered in this many days is flagged. */
export const RETURN_OVERDUE_DAYS = 3;

export interface ReviewFlagContext {
  channel: Channel;
  waitLimits?: Partial<Record<Channel, WaitLimit>>;
  openingHours?: string | null;
  /** The observer's previous submitted response (another assignment), if any. */
  previous?: Pick<ResponseInput, 'answers'> | null;
  /** The observer has no earlier response in any edition. */
  firstResponse: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (m: number) => `${pad(Math.floor(m / 60))}:${pad(Math.round(m) % 60)}`;

function answerKey(answers: AnswerInput[]): string {
  return answers
    .map((a) => `${a.questionCode}=${a.optionCode ?? ''}/${a.value ?? ''}`)
    .sort()
    .join(';');
}

export function reviewFlags(input: ResponseInput, context: ReviewFlagContext): ReviewFlag[] {
  const flags: ReviewFlag[] = [];
  const { channel } = context;
  const limit = context.waitLimits?.[channel] ?? DEFAULT_WAIT_LIMITS[channel];

  const nearLimit = input.attempts.some((a) => {
    if (a.waitSeconds === null || a.waitSeconds === undefined || a.automaticReplyOnly) return false;
    if (channel === 'EMAIL') {
      // The last business day the reply may come on, or the day after it.
      const sent = osloDate(a.at);
      const reply = osloDate(new Date(new Date(a.at).getTime() + a.waitSeconds * 1000));
      const days = Math.round(limit.waitSeconds / 86400);
      return reply === addNorwegianBusinessDays(sent, days) || reply === addNorwegianBusinessDays(sent, days + 1);
    }
    return Math.abs(a.waitSeconds - limit.waitSeconds) <= limit.waitSeconds * NEAR_LIMIT_SHARE;
  });
  if (nearLimit) flags.push({ flag: 'WAIT_NEAR_LIMIT', message: 'Ventetiden er nær grensen: statusen avhenger av klokka.' });

  if (context.previous && input.answers.length > 0 && answerKey(input.answers) === answerKey(context.previous.answers)) {
    flags.push({ flag: 'SAME_AS_PREVIOUS', message: 'Svarene er de samme som i observatørens forrige besvarelse.' });
  }

  const short = (['reception', 'agent', 'overall'] as const).filter((k) => {
    const text = input.comments[k]?.trim() ?? '';
    return text !== '' && text.length < SHORT_COMMENT_LENGTH;
  });
  if (short.length) {
    const words = { reception: 'mottak', agent: 'kundebehandleren', overall: 'totalinntrykket' };
    flags.push({ flag: 'SHORT_COMMENT', message: `Kort kommentar om ${short.map((k) => words[k]).join(', ')}.` });
  }

  const windows = contactWindows(channel, context.openingHours);
  const edge = input.attempts
    .map((a) => {
      const at = new Date(a.at);
      if (Number.isNaN(at.getTime())) return null;
      const t = osloWallClock(at);
      const minute = t.hour * 60 + t.minute;
      const near = windows.find(
        (w) => (minute >= w.open && minute - w.open < NEAR_EDGE_MINUTES) || (minute <= w.close && w.close - minute < NEAR_EDGE_MINUTES),
      );
      return near ? hhmm(minute) : null;
    })
    .filter((m): m is string => m !== null);
  if (edge.length) flags.push({ flag: 'NEAR_WINDOW_EDGE', message: `Kontakt nær kanten av kontaktvinduet (kl. ${edge.join(', ')}).` });

  if (context.firstResponse) flags.push({ flag: 'FIRST_RESPONSE', message: 'Observatørens første besvarelse.' });
  return flags;
}

/** Whether a return has waited for the observer longer than RETURN_OVERDUE_DAYS. */
export function returnOverdue(returnedAt: Date, now: Date = new Date()): boolean {
  return now.getTime() - returnedAt.getTime() > RETURN_OVERDUE_DAYS * 86_400_000;
}
