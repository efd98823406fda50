import type { Channel } from '@ksp/shared/domain';
import { osloWallClock } from '@ksp/shared/export/oslo-time';
import type { AttemptInput, ResponseInput } from '@ksp/shared/fieldwork/response-rules';

/**
 * The observer's form as typed: dates and times as the Norwegian wall clock, the wait as minutes
 * and seconds (or, for e-mail, when the reply arrived). Kept whole in localStorage and turned into
 * the API's ResponseInput (instants with the Oslo offset, waitSeconds) when sent or checked.
 */
export interface AttemptDraft {
  /** `YYYY-MM-DD`, Oslo. */
  date: string;
  /** `HH:MM`, Oslo. */
  time: string;
  replied: boolean;
  waitMinutes: string;
  waitSeconds: string;
  /** E-mail: when the reply arrived (Oslo). */
  replyDate: string;
  replyTime: string;
  automaticReplyOnly: boolean;
}

export interface AnswerDraft {
  optionCode?: string;
  value?: number;
}

export interface FormDraft {
  attempts: AttemptDraft[];
  answers: Record<string, AnswerDraft>;
  comments: { reception: string; agent: string; overall: string };
}

export const COMMENT_KEYS = ['reception', 'agent', 'overall'] as const;
export type CommentKey = (typeof COMMENT_KEYS)[number];

export const emptyAttempt = (): AttemptDraft => ({
  date: '',
  time: '',
  replied: false,
  waitMinutes: '',
  waitSeconds: '',
  replyDate: '',
  replyTime: '',
  automaticReplyOnly: false,
});

export const emptyDraft = (): FormDraft => ({
  attempts: [emptyAttempt()],
  answers: {},
  comments: { reception: '', agent: '', overall: '' },
});

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The instant of a Norwegian wall-clock time, as ISO 8601 with the Oslo offset of that moment
 * (+01:00 in winter, +02:00 in summer), whatever the browser's own time zone. Empty when either
 * part is missing or malformed.
 */
export function osloIso(date: string, time: string): string {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return '';
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  // The offset at the guessed instant, checked once more at the corrected one (the DST switch).
  let offsetMinutes = offsetAt(wall);
  offsetMinutes = offsetAt(wall - offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${date}T${time}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function offsetAt(utcMillis: number): number {
  const c = osloWallClock(new Date(utcMillis));
  return Math.round((Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - utcMillis) / 60_000);
}

/** The Oslo date and time (to the minute) of an instant. */
export function osloParts(instant: string | number): { date: string; time: string } {
  const c = osloWallClock(new Date(instant));
  return { date: `${c.year}-${pad(c.month)}-${pad(c.day)}`, time: `${pad(c.hour)}:${pad(c.minute)}` };
}

interface Content {
  attempts: readonly { at: string; waitSeconds: number | null; automaticReplyOnly: boolean }[];
  answers: readonly { questionCode: string; optionCode: string | null; value: number | null }[];
  comments: { reception: string; agent: string; overall: string };
}

/** The form as the server has it (a draft or the submitted response). */
export function draftFromContent(content: Content, channel: Channel): FormDraft {
  const attempts = content.attempts.map((a): AttemptDraft => {
    const { date, time } = osloParts(a.at);
    const replied = a.waitSeconds !== null;
    const wait = a.waitSeconds ?? 0;
    const reply = replied && channel === 'EMAIL' ? osloParts(new Date(a.at).getTime() + wait * 1000) : { date: '', time: '' };
    return {
      date,
      time,
      replied,
      waitMinutes: replied && channel !== 'EMAIL' ? String(Math.floor(wait / 60)) : '',
      waitSeconds: replied && channel !== 'EMAIL' ? String(wait % 60) : '',
      replyDate: reply.date,
      replyTime: reply.time,
      automaticReplyOnly: a.automaticReplyOnly,
    };
  });
  const answers: Record<string, AnswerDraft> = {};
  for (const a of content.answers) {
    answers[a.questionCode] = { ...(a.optionCode ? { optionCode: a.optionCode } : {}), ...(a.value !== null ? { value: a.value } : {}) };
  }
  return { attempts: attempts.length > 0 ? attempts : [emptyAttempt()], answers, comments: commentsOf(content.comments) };
}

/** The wait of an attempt in seconds; null: no reply (or, for e-mail, no reply time given yet). */
export function attemptWaitSeconds(a: AttemptDraft, channel: Channel): number | null {
  if (!a.replied) return null;
  if (channel === 'EMAIL') {
    const sent = osloIso(a.date, a.time);
    const reply = osloIso(a.replyDate, a.replyTime);
    if (!sent || !reply) return null;
    return Math.round((new Date(reply).getTime() - new Date(sent).getTime()) / 1000);
  }
  const whole = (s: string) => (s.trim() === '' ? 0 : Number(s));
  const seconds = whole(a.waitMinutes) * 60 + whole(a.waitSeconds);
  return Number.isFinite(seconds) ? seconds : null;
}

/**
 * The API's input. `at` of an attempt without a full date and time is '' (the shared rules call
 * that BAD_DATE); `complete` leaves such attempts out, for a draft the server would otherwise
 * refuse (the local copy keeps them). Answers and comments go as typed; the caller drops them
 * for an unanswered inquiry.
 */
export function toResponseInput(draft: FormDraft, channel: Channel, { complete = false } = {}): ResponseInput {
  const attempts: AttemptInput[] = draft.attempts
    .map((a) => ({
      at: osloIso(a.date, a.time),
      waitSeconds: attemptWaitSeconds(a, channel),
      automaticReplyOnly: channel === 'EMAIL' ? a.automaticReplyOnly : false,
    }))
    .filter((a) => !complete || a.at !== '');
  const answers = Object.entries(draft.answers)
    .filter(([, a]) => a.optionCode !== undefined || a.value !== undefined)
    .map(([questionCode, a]) => ({ questionCode, optionCode: a.optionCode ?? null, value: a.value ?? null }));
  return { attempts, answers, comments: commentsOf(draft.comments) };
}

/**
 * The three comments and nothing else: what the server sent carries urql's `__typename`, which
 * the API's input refuses (a returned response's form starts from it; a local copy may keep it).
 */
export function commentsOf(c: { reception: string; agent: string; overall: string }): FormDraft['comments'] {
  return { reception: c.reception, agent: c.agent, overall: c.overall };
}

// ---- The local copy ----

const storageKey = (assignmentId: string) => `ksp.oppdrag.${assignmentId}`;

export interface LocalCopy {
  /** When it was last changed (ISO): compared with the server draft's savedAt. */
  changedAt: string;
  draft: FormDraft;
}

export function readLocalCopy(assignmentId: string): LocalCopy | null {
  try {
    const raw = localStorage.getItem(storageKey(assignmentId));
    if (!raw) return null;
    const copy = JSON.parse(raw) as LocalCopy;
    return copy && typeof copy.changedAt === 'string' && copy.draft && Array.isArray(copy.draft.attempts) ? copy : null;
  } catch {
    return null;
  }
}

export function writeLocalCopy(assignmentId: string, copy: LocalCopy): void {
  try {
    localStorage.setItem(storageKey(assignmentId), JSON.stringify(copy));
  } catch {
    // Storage full or blocked (private mode): the server draft still keeps the form.
  }
}

export function clearLocalCopy(assignmentId: string): void {
  try {
    localStorage.removeItem(storageKey(assignmentId));
  } catch {
    // Nothing to clear.
  }
}
