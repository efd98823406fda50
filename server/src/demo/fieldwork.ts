// The demo's edition in FIELDWORK, halfway through: which of the planner's assignments observers
// have done, what they answered, and how staff have reviewed it so far. Pure and deterministic
// (a seeded stream, the clock passed in) like generate.ts; the loader (cli/demo-fieldwork.ts)
// writes the result set-based. Every response is made to pass the form's rules
// (`responseProblems`), as if the observer had typed it in.
import {
  appliesTo,
  contactWindows,
  DEFAULT_WAIT_LIMITS,
  isNorwegianBusinessDay,
  questionKind,
  type AnswerInput,
  type AttemptInput,
  type Channel,
  type QuestionDef,
  type ResponseInput,
  type WaitLimit,
} from '@ksp/shared';
import { dateInIsoWeek, osloIso } from './calendar.js';
import { agentComment, overallComment, receptionComment, unansweredComment } from './comments.js';
import { Rng } from './rng.js';

export type DemoReviewState = 'PLANNED' | 'SUBMITTED' | 'RETURNED' | 'APPROVED';

/** A planned assignment as the loader reads it back from the planner's plan. */
export interface DemoFieldworkAssignment {
  id: number;
  companySlug: string;
  channel: Channel;
  week: number;
  observerId: string;
  openingHours: string | null;
}

export interface DemoAssignmentEvent {
  action: 'SUBMITTED' | 'APPROVED' | 'RETURNED';
  at: Date;
  /** SUBMITTED is the observer's; the others staff's. */
  byStaff: boolean;
  note?: string;
  questions?: string[];
}

export interface DemoFieldworkResponse {
  assignmentId: number;
  state: Exclude<DemoReviewState, 'PLANNED'>;
  input: ResponseInput;
  events: DemoAssignmentEvent[];
}

export interface DemoFieldworkOptions {
  year: number;
  questions: QuestionDef[];
  waitLimits?: Partial<Record<Channel, WaitLimit>>;
  /** The observer of `observer@ksp.demo`: their assignments get the states listed in DEMO_OBSERVER_STATES. */
  demoObserverId?: string | null;
  /** The load's clock: returns are dated against it, so exactly one is overdue when the demo is opened. */
  now: Date;
  seed?: string;
}

/** Share of the other assignments done and approved: staff's live report has figures from the first view. */
export const DEMO_APPROVED_SHARE = 0.3;
/** Responses waiting in staff's review queue (besides the demo observer's). */
export const DEMO_SUBMITTED = 30;
/** Responses returned to their observers (besides the demo observer's); the first of them is overdue. */
export const DEMO_RETURNED = 4;
/** Of the responses waiting, these many have a very short comment and these many a wait near the limit. */
export const DEMO_SHORT_COMMENTS = 4;
export const DEMO_NEAR_LIMIT = 3;
/** A comment under the review flag's 40 characters. */
export const DEMO_SHORT_COMMENT = 'Helt grei samtale.';

/**
 * The demo observer's assignments in order (the loader gives them at least this many, one on
 * PHONE and one on another channel first): two to try the form on two channels, a third planned,
 * then one waiting for review, one returned with a note, one approved.
 */
export const DEMO_OBSERVER_STATES: readonly DemoReviewState[] = ['PLANNED', 'PLANNED', 'SUBMITTED', 'RETURNED', 'APPROVED', 'PLANNED'];

const HOUR = 3_600_000;

/**
 * Decides each assignment's state and makes the responses. Fieldwork runs week by week, so the
 * done ones lean to the early weeks; the rest stay PLANNED. The returned notes name a question of
 * the response's channel, as staff's return does.
 */
export function demoFieldwork(assignments: readonly DemoFieldworkAssignment[], opts: DemoFieldworkOptions): DemoFieldworkResponse[] {
  const rng = new Rng(`${opts.seed ?? 'ksp'}:fieldwork:${opts.year}`);
  const own = assignments.filter((a) => a.observerId === opts.demoObserverId);
  const others = assignments.filter((a) => a.observerId !== opts.demoObserverId);
  const state = new Map<number, DemoReviewState>();
  ownOrder(own).forEach((a, i) => state.set(a.id, DEMO_OBSERVER_STATES[i] ?? 'PLANNED'));

  const byProgress = others
    .map((a) => ({ a, key: a.week + rng.float() * 3 }))
    .sort((x, y) => x.key - y.key || x.a.id - y.a.id)
    .map((x) => x.a);
  const approved = Math.floor(others.length * DEMO_APPROVED_SHARE);
  const submitted = Math.min(DEMO_SUBMITTED, Math.max(0, Math.floor(others.length * 0.1)));
  const returned = Math.min(DEMO_RETURNED, Math.max(0, Math.floor(others.length * 0.02)));
  byProgress.forEach((a, i) =>
    state.set(
      a.id,
      i < approved ? 'APPROVED' : i < approved + returned ? 'RETURNED' : i < approved + returned + submitted ? 'SUBMITTED' : 'PLANNED',
    ),
  );

  const out: DemoFieldworkResponse[] = [];
  let shortSeen = 0;
  let nearSeen = 0;
  let returnedSeen = 0;
  for (const a of [...assignments].sort((x, y) => x.id - y.id)) {
    const s = state.get(a.id)!;
    if (s === 'PLANNED') continue;
    const limit = opts.waitLimits?.[a.channel] ?? DEFAULT_WAIT_LIMITS[a.channel];
    const isOwn = a.observerId === opts.demoObserverId;
    // Some of the queue asks for a second look: a very short comment, or a wait close to the
    // limit (on a live channel: e-mail's limit is in business days).
    let flag: 'SHORT' | 'NEAR_LIMIT' | null = null;
    if (s === 'SUBMITTED' && !isOwn) {
      if (shortSeen < DEMO_SHORT_COMMENTS) {
        flag = 'SHORT';
        shortSeen++;
      } else if (nearSeen < DEMO_NEAR_LIMIT && a.channel !== 'EMAIL') {
        flag = 'NEAR_LIMIT';
        nearSeen++;
      }
    }
    const input = response(rng, a, opts, limit, flag, s === 'RETURNED' || isOwn);
    const last = input.attempts[input.attempts.length - 1]!;
    const lastReply = new Date(last.at).getTime() + (last.waitSeconds ?? 0) * 1000;
    const submittedAt = new Date(lastReply + rng.int(1, 6) * HOUR + rng.int(0, 59) * 60_000);
    const events: DemoAssignmentEvent[] = [{ action: 'SUBMITTED', at: submittedAt, byStaff: false }];
    if (s === 'APPROVED') events.push({ action: 'APPROVED', at: new Date(submittedAt.getTime() + rng.int(18, 70) * HOUR), byStaff: true });
    if (s === 'RETURNED') {
      // The first return (not the demo observer's) has waited longer than the three days; the
      // others came back within the last two days.
      const overdue = !isOwn && returnedSeen++ === 0;
      const at = overdue
        ? new Date(submittedAt.getTime() + rng.int(18, 40) * HOUR)
        : new Date(Math.max(submittedAt.getTime() + HOUR, opts.now.getTime() - rng.int(2, 44) * HOUR));
      events.push({ action: 'RETURNED', at, byStaff: true, ...returnNote(rng, a.channel, opts.questions, input) });
    }
    out.push({ assignmentId: a.id, state: s, input, events });
  }
  return out;
}

/** The demo observer's assignments, PHONE first and another channel second, so both are there to try. */
function ownOrder(own: readonly DemoFieldworkAssignment[]): DemoFieldworkAssignment[] {
  const sorted = [...own].sort((x, y) => x.id - y.id);
  const phone = sorted.find((a) => a.channel === 'PHONE');
  const other = sorted.find((a) => a.channel !== 'PHONE');
  const first = [phone, other].filter((a): a is DemoFieldworkAssignment => a !== undefined);
  return [...first, ...sorted.filter((a) => !first.includes(a))];
}

/** A note as staff write it, naming a question of the response's channel to fix. */
function returnNote(
  rng: Rng,
  channel: Channel,
  questions: readonly QuestionDef[],
  input: ResponseInput,
): { note: string; questions: string[] } {
  const answered = new Set(input.answers.map((x) => x.questionCode));
  const candidates = questions.filter((q) => appliesTo(q, channel) && questionKind(q) === 'CHOICE' && answered.has(q.code));
  const q = candidates.length ? rng.pick(candidates) : undefined;
  if (!q) return { note: 'Kommentaren om kundebehandleren sier for lite: beskriv hva som ble sagt og gjort.', questions: [] };
  return {
    note: `Svaret på «${q.text}» stemmer ikke med kommentaren din: se på det igjen og rett svaret eller kommentaren.`,
    questions: [q.code],
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The contact days of one assignment: distinct weekdays of its week (Norwegian business days), in order. */
function contactDays(rng: Rng, year: number, week: number, count: number): { year: number; month: number; day: number }[] {
  const days = [0, 1, 2, 3, 4]
    .map((d) => dateInIsoWeek(year, week, d))
    .filter((d) => isNorwegianBusinessDay(`${d.year}-${pad(d.month)}-${pad(d.day)}`));
  const picked = rng.sample(days, Math.min(count, days.length));
  return picked.sort((x, y) => x.month - y.month || x.day - y.day);
}

/** A time in the channel's window that day, clear of the window's edges (the review flags them). */
function contactTime(rng: Rng, date: { year: number; month: number; day: number }, channel: Channel, openingHours: string | null): string {
  const weekday = ((new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7) + 1;
  const windows = contactWindows(channel, openingHours).filter((w) => w.days.includes(weekday));
  const w = windows.length ? rng.pick(windows) : { open: 9 * 60, close: channel === 'EMAIL' ? 12 * 60 : 15 * 60 };
  const from = Math.min(w.open + 15, w.close);
  const to = Math.max(from, w.close - 30);
  const minute = rng.int(from, to);
  return osloIso(date, Math.floor(minute / 60), minute % 60);
}

function response(
  rng: Rng,
  a: DemoFieldworkAssignment,
  opts: DemoFieldworkOptions,
  limit: WaitLimit,
  flag: 'SHORT' | 'NEAR_LIMIT' | null,
  mustAnswer: boolean,
): ResponseInput {
  const answered = mustAnswer || flag !== null || !rng.chance(a.channel === 'EMAIL' ? 0.05 : 0.12);
  const tries = Math.max(1, limit.attempts);
  // Answered: now and then at the second attempt, the first unanswered. Unanswered: every attempt tried.
  const count = answered ? (tries > 1 && rng.chance(0.15) ? 2 : 1) : tries;
  const days = contactDays(rng, opts.year, a.week, count);
  const attempts: AttemptInput[] = days.map((d, i) => {
    const at = contactTime(rng, d, a.channel, a.openingHours);
    const isLast = i === days.length - 1;
    if (!answered || !isLast) return { at, waitSeconds: null, automaticReplyOnly: false };
    return {
      at,
      waitSeconds: flag === 'NEAR_LIMIT' ? Math.round(limit.waitSeconds * 0.96) : wait(rng, a.channel, limit),
      automaticReplyOnly: false,
    };
  });
  if (!answered) return { attempts, answers: [], comments: { reception: unansweredComment(rng, a.channel), agent: '', overall: '' } };

  const quality = rng.normal(0.8);
  const answers: AnswerInput[] = [];
  const earned = { RECEPTION: [0, 0], AGENT: [0, 0], OVERALL: [0, 0] } as Record<string, [number, number]>;
  const ticks: Record<string, string[]> = { RECEPTION: [], AGENT: [], OVERALL: [] };
  for (const q of opts.questions.filter((x) => appliesTo(x, a.channel))) {
    if (questionKind(q) === 'SCALE') {
      const min = q.min ?? 1;
      const max = q.max ?? 5;
      const share = Math.min(1, Math.max(0, 0.65 + quality * 0.2 + rng.normal(0.15)));
      answers.push({ questionCode: q.code, value: Math.round(min + (max - min) * share) });
      continue;
    }
    const options = q.options ?? [];
    const na = options.find((o) => o.notApplicable);
    const real = options.filter((o) => !o.notApplicable).sort((x, y) => (y.points ?? 0) - (x.points ?? 0));
    const option = na && rng.chance(0.04) ? na : real[Math.min(real.length - 1, Math.floor(Math.abs(rng.normal(0.9) - quality * 0.3)))]!;
    answers.push({ questionCode: q.code, optionCode: option.code });
    const area = earned[q.area];
    if (area && !option.notApplicable) {
      const best = Math.max(0, ...real.map((o) => o.points ?? 0));
      area[0] += option.points ?? 0;
      area[1] += best;
      ticks[q.area]!.push(`${q.code}:${option.code}`);
    }
  }
  const share = (k: string) => (earned[k]![1] > 0 ? earned[k]![0] / earned[k]![1] : 0.6);
  const grade = answers.find((x) => x.questionCode === 'OVR_GRADE')?.optionCode ?? undefined;
  return {
    attempts,
    answers,
    comments: {
      reception: receptionComment(rng, a.channel, { share: share('RECEPTION'), ticks: ticks.RECEPTION! }),
      agent: flag === 'SHORT' ? DEMO_SHORT_COMMENT : agentComment(rng, a.channel, { share: share('AGENT'), ticks: ticks.AGENT! }),
      overall: overallComment(rng, a.channel, { share: share('OVERALL'), ticks: ticks.OVERALL! }, grade),
    },
  };
}

/** A wait well inside the channel's limit (e-mail: a reply the same day). */
function wait(rng: Rng, channel: Channel, limit: WaitLimit): number {
  const [median, sigma, min] =
    channel === 'PHONE'
      ? [40, 0.8, 3]
      : channel === 'CHAT'
        ? [35, 0.8, 2]
        : channel === 'MESSENGER'
          ? [300, 0.9, 10]
          : [2 * 3600, 0.8, 300];
  const cap = channel === 'EMAIL' ? 4 * 3600 : Math.floor(limit.waitSeconds * 0.8);
  return Math.round(Math.min(cap, Math.max(min, rng.logNormal(median, sigma))));
}
