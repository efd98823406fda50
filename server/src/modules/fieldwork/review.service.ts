import type { EntityManager } from '@mikro-orm/postgresql';
import { returnOverdue, reviewFlags, type AssignmentStatus, type ReviewFlag } from '@ksp/shared';
import { rows, sqlOn, type Sql } from '../../db/sql.js';
import { BadInput, NotFound } from '../../errors.js';
import { fieldworkAssignments, type FieldworkAssignmentRow } from './planning.service.js';
import { questionsOf } from '../questionnaire/questionnaire.read-model.js';
import { assignmentContext, recordEvent, storedResponses, type StoredResponse } from './response.store.js';

/**
 * Review (domain.md "Running an edition in the product", step 5): submitted responses wait in a
 * queue, oldest first, with what looks odd flagged; staff approve (one or many) or return with a
 * note naming what to fix. Every transition is an assignment event and a review event, written in
 * the transaction that makes it.
 */

export interface ReviewedAssignment extends FieldworkAssignmentRow {
  submittedAt: Date | null;
  returnNote: string | null;
  returnQuestions: string[];
  returnedAt: Date | null;
  overdue: boolean;
  flags: ReviewFlag[];
  inquiryRowId: number | null;
  response: StoredResponse | null;
}

/**
 * An edition's assignments in one review state with their responses and flags: SUBMITTED oldest
 * submission first (the queue), RETURNED oldest return first. Null when there is no such edition.
 */
export async function reviewList(
  sql: Sql,
  year: number,
  status: 'SUBMITTED' | 'RETURNED',
  only?: number,
): Promise<ReviewedAssignment[] | null> {
  const wanted = await fieldworkAssignments(sql, year, { assignmentId: only, status });
  if (!wanted) return null;
  if (wanted.length === 0) return [];
  const meta = await rows<{
    id: number;
    inquiry_id: number | null;
    channel: 'PHONE' | 'EMAIL' | 'CHAT' | 'MESSENGER';
    opening_hours: string | null;
    wait_limits: Record<string, { waitSeconds: number; attempts: number }> | null;
    previous_inquiry_id: number | null;
    earlier_responses: number;
  }>(
    sql,
    // The observer's previous response: their latest other inquiry submitted before this one.
    `select a.id, i.id as inquiry_id, a.channel, p.opening_hours, e.wait_limits,
            (select max(o.id) from inquiry o where o.observer_id = a.observer_id and o.id < i.id and o.assignment_id is distinct from a.id) as previous_inquiry_id,
            (select count(*)::int from inquiry o where o.observer_id = a.observer_id and o.id < i.id and o.assignment_id is distinct from a.id) as earlier_responses
     from assignment a join participation p on p.id = a.participation_id join edition e on e.id = p.edition_id
     left join inquiry i on i.id = (select max(ii.id) from inquiry ii where ii.assignment_id = a.id)
     where a.id = any($1::int[])`,
    [wanted.map((a) => Number(a.id))],
  );
  const byId = new Map(meta.map((m) => [m.id, m]));
  const responses = await storedResponses(sql, [
    ...meta.flatMap((m) => [m.inquiry_id, m.previous_inquiry_id]).filter((id): id is number => id !== null),
  ]);
  const list = wanted.map((a): ReviewedAssignment => {
    const m = byId.get(Number(a.id))!;
    const response = m.inquiry_id !== null ? (responses.get(m.inquiry_id) ?? null) : null;
    const submitted = [...a.events].reverse().find((e) => e.action === 'SUBMITTED' || e.action === 'RESUBMITTED');
    const returned = status === 'RETURNED' ? [...a.events].reverse().find((e) => e.action === 'RETURNED') : undefined;
    return {
      ...a,
      submittedAt: submitted?.at ?? null,
      returnNote: returned?.note ?? null,
      returnQuestions: returned?.questions ?? [],
      returnedAt: returned?.at ?? null,
      overdue: returned ? returnOverdue(returned.at) : false,
      inquiryRowId: m.inquiry_id,
      response,
      flags:
        response && status === 'SUBMITTED'
          ? reviewFlags(response, {
              channel: m.channel,
              waitLimits: m.wait_limits ?? undefined,
              openingHours: m.opening_hours,
              previous: m.previous_inquiry_id !== null ? (responses.get(m.previous_inquiry_id) ?? null) : null,
              firstResponse: m.earlier_responses === 0,
            })
          : [],
    };
  });
  const time = (a: ReviewedAssignment) => (status === 'SUBMITTED' ? a.submittedAt : a.returnedAt)?.getTime() ?? 0;
  return list.sort((x, y) => time(x) - time(y) || Number(x.id) - Number(y.id));
}

/** Review happens while the edition is in FIELDWORK or REVIEW; after publication only a correction changes a response. */
function requireReviewable(a: { editionStatus: string; year: number }): void {
  if (a.editionStatus !== 'FIELDWORK' && a.editionStatus !== 'REVIEW') {
    throw new BadInput(
      a.editionStatus === 'PUBLISHED'
        ? `KSP ${a.year} er publisert: en besvarelse endres nå bare ved en korrigering.`
        : `Feltarbeidet for KSP ${a.year} har ikke startet.`,
      { rule: 'NOT_IN_REVIEW', status: a.editionStatus },
    );
  }
}

function requireSubmitted(id: number, status: AssignmentStatus): void {
  if (status !== 'SUBMITTED') {
    throw new BadInput(`Oppdrag ${id} har status ${status}: bare innsendte besvarelser kan godkjennes eller sendes tilbake.`, {
      rule: 'NOT_SUBMITTED',
      status,
      field: 'assignmentId',
    });
  }
}

/** Approves submitted responses, all or none: each must be SUBMITTED. They count in the results from now on. */
export async function approveResponses(em: EntityManager, ids: number[], actorUserId: number): Promise<void> {
  if (ids.length === 0) throw new BadInput('Velg minst én besvarelse å godkjenne.', { field: 'assignmentIds', rule: 'REQUIRED' });
  await em.transactional(async (tx) => {
    const sql = sqlOn(tx);
    for (const id of [...new Set(ids)].sort((a, b) => a - b)) {
      const a = await assignmentContext(sql, id, true);
      requireReviewable(a);
      requireSubmitted(id, a.status);
      await sql.query(`update assignment set status = 'APPROVED' where id = $1`, [id]);
      await sql.query(`update inquiry set review_status = 'APPROVED' where id = $1`, [a.inquiryId]);
      await recordEvent(
        sql,
        { assignmentId: id, action: 'APPROVED', actorUserId },
        { inquiryId: a.inquiryId!, from: 'SUBMITTED', to: 'APPROVED' },
      );
    }
  });
}

/**
 * Returns a submitted response to its observer with a note (required) and the questions to fix
 * (codes of the form's questions for the channel). It stops counting until approved again.
 */
export async function returnResponse(em: EntityManager, id: number, note: string, questions: string[], actorUserId: number): Promise<void> {
  const text = note.trim();
  if (text === '') {
    throw new BadInput('Skriv hva observatøren skal rette.', {
      fields: [{ field: 'note', reason: 'REQUIRED', message: 'Skriv hva observatøren skal rette.' }],
    });
  }
  if (text.length > 2000) {
    throw new BadInput('Notatet kan ha høyst 2000 tegn.', {
      fields: [{ field: 'note', reason: 'TOO_LONG', message: 'Notatet kan ha høyst 2000 tegn.', max: 2000 }],
    });
  }
  await em.transactional(async (tx) => {
    const sql = sqlOn(tx);
    const a = await assignmentContext(sql, id, true);
    requireReviewable(a);
    requireSubmitted(id, a.status);
    const codes = new Set(
      (await questionsOf(sql, a.editionId)).filter((q) => !q.channels || q.channels.includes(a.channel)).map((q) => q.code),
    );
    const unknown = questions.filter((q) => !codes.has(q));
    if (unknown.length) {
      throw new BadInput(`Spørsmålene ${unknown.join(', ')} finnes ikke i skjemaet for denne kanalen.`, {
        fields: unknown.map((q) => ({
          field: 'questionCodes',
          reason: 'NOT_APPLICABLE',
          message: `${q} finnes ikke i skjemaet.`,
          value: q,
        })),
      });
    }
    await sql.query(`update assignment set status = 'RETURNED' where id = $1`, [id]);
    await sql.query(`update inquiry set review_status = 'RETURNED' where id = $1`, [a.inquiryId]);
    await recordEvent(
      sql,
      { assignmentId: id, action: 'RETURNED', actorUserId, note: text, questions: [...new Set(questions)] },
      { inquiryId: a.inquiryId!, from: 'SUBMITTED', to: 'RETURNED' },
    );
  });
}

/** The year of an assignment, for reading it back after a change; NOT_FOUND when there is none. */
export async function yearOfAssignment(sql: Sql, id: number): Promise<number> {
  const [row] = await rows<{ year: number }>(
    sql,
    `select e.year from assignment a join participation p on p.id = a.participation_id join edition e on e.id = p.edition_id where a.id = $1`,
    [id],
  );
  if (!row) throw new NotFound(`Det finnes intet oppdrag ${id}.`);
  return row.year;
}
