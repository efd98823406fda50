import {
  attemptAnswered,
  DEFAULT_WAIT_LIMITS,
  inquiryStatusOf,
  type AssignmentStatus,
  type Channel,
  type EditionStatus,
  type InquiryStatus,
  type ResponseInput,
  type ResponseProblem,
  type WaitLimit,
} from '@ksp/shared';
import { rows, type Sql } from '../../db/sql.js';
import { BadInput, NotFound, quote } from '../../errors.js';

/**
 * Reading and writing an observer's response (issue 18): what the form, the review and the
 * corrections share. A response is written whole (the inquiry, its attempts and answers) from a
 * ResponseInput that passed the shared rules (shared/src/fieldwork/response-rules.ts), and read
 * back in the same shape, so the form, the review and a correction's before/after agree.
 */

/** The fieldwork rules contract.md names in `extensions.rules`; other problems are in `extensions.fields` only. */
const NAMED_RULES = new Set(['OUTSIDE_HOURS', 'SAME_DAY', 'TOO_MANY_ATTEMPTS', 'NOT_APPLICABLE', 'MISSING_ANSWER']);

/** A refusal of a response: every problem beside its field, the named fieldwork rules in `rules`. */
export function refuseResponse(problems: ResponseProblem[]): never {
  const rules = [...new Set(problems.map((p) => p.reason).filter((r) => NAMED_RULES.has(r)))];
  // The message names the rules too, for a client that shows only the message.
  const named = rules.length ? `${rules.join(', ')}: ` : '';
  throw new BadInput(`${named}${problems.map((p) => p.message).join(' ')}`, { rules, fields: problems });
}

/** A serial id from the API: anything else (or past int4) names nothing, a NOT_FOUND with `what` ("Det finnes intet oppdrag"). */
export function serialIdOf(value: string, what: string): number {
  const id = /^[1-9][0-9]{0,9}$/.test(value) ? Number(value) : 0;
  if (!id || id > 2 ** 31 - 1) throw new NotFound(`${what} ${quote(value)}.`);
  return id;
}

export const assignmentIdOf = (value: string) => serialIdOf(value, 'Det finnes intet oppdrag');

export interface AssignmentContext {
  id: number;
  participationId: number;
  editionId: number;
  year: number;
  editionStatus: EditionStatus;
  companySlug: string;
  observerId: number;
  channel: Channel;
  status: AssignmentStatus;
  openingHours: string | null;
  waitLimits: Partial<Record<Channel, WaitLimit>>;
  /** The response's inquiry once submitted (the latest, if an import gave the assignment several). */
  inquiryId: number | null;
}

/** One assignment and what its rules need; `lock` takes the row for the transaction (one writer per assignment at a time). */
export async function assignmentContext(sql: Sql, id: number, lock = false): Promise<AssignmentContext> {
  const [row] = await rows<{
    id: number;
    participation_id: number;
    edition_id: number;
    year: number;
    edition_status: EditionStatus;
    slug: string;
    observer_id: number;
    channel: Channel;
    status: AssignmentStatus;
    opening_hours: string | null;
    wait_limits: Partial<Record<Channel, WaitLimit>> | null;
    inquiry_id: number | null;
  }>(
    sql,
    `select a.id, a.participation_id, p.edition_id, e.year, e.status as edition_status, c.slug, a.observer_id, a.channel, a.status,
            p.opening_hours, e.wait_limits,
            (select max(i.id) from inquiry i where i.assignment_id = a.id) as inquiry_id
     from assignment a join participation p on p.id = a.participation_id join edition e on e.id = p.edition_id
     join company c on c.id = p.company_id
     where a.id = $1 ${lock ? 'for update of a' : ''}`,
    [id],
  );
  if (!row) throw new NotFound(`Det finnes intet oppdrag ${id}.`);
  return {
    id: row.id,
    participationId: row.participation_id,
    editionId: row.edition_id,
    year: row.year,
    editionStatus: row.edition_status,
    companySlug: row.slug,
    observerId: row.observer_id,
    channel: row.channel,
    status: row.status,
    openingHours: row.opening_hours,
    waitLimits: { ...DEFAULT_WAIT_LIMITS, ...(row.wait_limits ?? {}) },
    inquiryId: row.inquiry_id,
  };
}

/** A stored response in the form's shape, with its status: what a correction's before and after keep. */
export interface StoredResponse extends ResponseInput {
  status: InquiryStatus;
}

/** Stored responses by inquiry id, in one statement. Attempts an import left without a time are left out. */
export async function storedResponses(sql: Sql, inquiryIds: number[]): Promise<Map<number, StoredResponse>> {
  if (inquiryIds.length === 0) return new Map();
  const result = await rows<{
    id: number;
    status: InquiryStatus;
    reception: string;
    agent: string;
    overall: string;
    attempts: { at: string; waitSeconds: number | null; automaticReplyOnly: boolean }[];
    answers: { questionCode: string; optionCode: string | null; value: number | null }[];
  }>(
    sql,
    `select i.id, i.status, i.comment_reception as reception, i.comment_agent as agent, i.comment_overall as overall,
            coalesce((select json_agg(json_build_object('at', to_char(t.attempted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                                                        'waitSeconds', t.wait_seconds, 'automaticReplyOnly', t.automatic_reply_only) order by t.id)
                      from inquiry_attempt t where t.inquiry_id = i.id and t.attempted_at is not null), '[]') as attempts,
            coalesce((select json_agg(json_build_object('questionCode', q.code, 'optionCode', o.code, 'value', a.scale_value) order by q.position)
                      from answer a join question q on q.id = a.question_id left join question_option o on o.id = a.option_id
                      where a.inquiry_id = i.id), '[]') as answers
     from inquiry i where i.id = any($1::int[])`,
    [inquiryIds],
  );
  return new Map(
    result.map((r) => [
      r.id,
      {
        status: r.status,
        attempts: r.attempts,
        answers: r.answers.map((a) => ({ questionCode: a.questionCode, optionCode: a.optionCode, value: a.value })),
        comments: { reception: r.reception, agent: r.agent, overall: r.overall },
      },
    ]),
  );
}

/**
 * Writes a response that passed the rules: the assignment's inquiry (created on the first
 * submission, replaced whole on a resubmission or a correction), its attempts and answers. An
 * unanswered inquiry keeps no answers or comments it was not asked for. `keepAttempts`: a
 * correction that leaves the attempts (and so the status) as they were.
 */
export async function writeResponse(
  sql: Sql,
  assignment: AssignmentContext,
  input: ResponseInput,
  opts: { reviewStatus: 'SUBMITTED' | 'APPROVED'; keepAttempts?: boolean; inquiryId?: number | null },
): Promise<number> {
  const inquiryId = opts.inquiryId ?? assignment.inquiryId;
  const keep = opts.keepAttempts && inquiryId !== null;
  const status = keep
    ? (await rows<{ status: InquiryStatus }>(sql, `select status from inquiry where id = $1`, [inquiryId]))[0]!.status
    : inquiryStatusOf(input.attempts, assignment.channel, assignment.waitLimits);
  const answers = status === 'ANSWERED' ? input.answers : [];
  // The attempt the inquiry is reported by: the one that got the answer, else the last.
  const answeredIndex = input.attempts.findIndex((_, i) =>
    attemptAnswered(input.attempts, i, assignment.channel, assignment.waitLimits[assignment.channel]),
  );
  const reported = input.attempts[status === 'ANSWERED' && answeredIndex >= 0 ? answeredIndex : input.attempts.length - 1];
  // A first submission makes the inquiry's row; the update below writes what the response says.
  const id =
    inquiryId ??
    (
      await rows<{ id: number }>(
        sql,
        `insert into inquiry (participation_id, edition_id, external_id, channel, status, review_status, observer_id, assignment_id, contacted_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
        [
          assignment.participationId,
          assignment.editionId,
          `O${assignment.id}`,
          assignment.channel,
          status,
          opts.reviewStatus,
          assignment.observerId,
          assignment.id,
          new Date(reported!.at),
        ],
      )
    )[0]!.id;
  const comments = [input.comments.reception, input.comments.agent, input.comments.overall];
  if (keep) {
    await sql.query(
      `update inquiry set review_status = $2, comment_reception = $3, comment_agent = $4, comment_overall = $5 where id = $1`,
      [id, opts.reviewStatus, ...comments],
    );
  } else {
    await sql.query(
      `update inquiry set review_status = $2, comment_reception = $3, comment_agent = $4, comment_overall = $5,
              status = $6, contacted_at = $7, attempts = $8, wait_seconds = $9 where id = $1`,
      [id, opts.reviewStatus, ...comments, status, new Date(reported!.at), input.attempts.length, reported!.waitSeconds ?? null],
    );
    await sql.query(`delete from inquiry_attempt where inquiry_id = $1`, [id]);
  }
  await sql.query(`delete from answer where inquiry_id = $1`, [id]);
  if (!keep) {
    await sql.query(
      `insert into inquiry_attempt (inquiry_id, attempted_at, wait_seconds, answered, automatic_reply_only)
       select $1, x.at, x.wait, x.answered, x.auto
       from unnest($2::timestamptz[], $3::int[], $4::boolean[], $5::boolean[]) with ordinality as x(at, wait, answered, auto, n) order by x.n`,
      [
        id,
        input.attempts.map((a) => new Date(a.at)),
        input.attempts.map((a) => a.waitSeconds ?? null),
        input.attempts.map((_, i) => attemptAnswered(input.attempts, i, assignment.channel, assignment.waitLimits[assignment.channel])),
        input.attempts.map((a) => Boolean(a.automaticReplyOnly)),
      ],
    );
  }
  if (answers.length) {
    await sql.query(
      `insert into answer (inquiry_id, question_id, option_id, scale_value)
       select $1, q.id, o.id, x.value
       from unnest($3::text[], $4::text[], $5::int[]) as x(code, option, value)
       join question q on q.edition_id = $2 and q.code = x.code
       left join question_option o on o.question_id = q.id and o.code = x.option`,
      [
        id,
        assignment.editionId,
        answers.map((a) => a.questionCode),
        answers.map((a) => a.optionCode ?? null),
        answers.map((a) => a.value ?? null),
      ],
    );
  }
  return id;
}

/** Records what happened to an assignment (and to its inquiry's review state), who did it and why, in the caller's transaction. */
export async function recordEvent(
  sql: Sql,
  event: { assignmentId: number; action: string; actorUserId: number | null; note?: string; questions?: string[] },
  review?: { inquiryId: number; from: string | null; to: 'SUBMITTED' | 'RETURNED' | 'APPROVED' },
): Promise<void> {
  await sql.query(`insert into assignment_event (assignment_id, action, actor_user_id, note, questions) values ($1, $2, $3, $4, $5)`, [
    event.assignmentId,
    event.action,
    event.actorUserId,
    event.note ?? '',
    event.questions ?? [],
  ]);
  if (review) {
    await sql.query(`insert into review_event (inquiry_id, from_status, to_status, actor_user_id, reason) values ($1, $2, $3, $4, $5)`, [
      review.inquiryId,
      review.from,
      review.to,
      event.actorUserId,
      event.note ?? '',
    ]);
  }
}
