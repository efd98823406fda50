import type { EntityManager } from '@mikro-orm/postgresql';
import { MAX_COMMENT_LENGTH, responseProblems, type ResponseInput } from '@ksp/shared';
import { rows, sqlOn } from '../../db/sql.js';
import { BadInput, NotFound } from '../../errors.js';
import { questionsOf } from '../questionnaire/questionnaire.read-model.js';
import { assignmentContext, recordEvent, refuseResponse, writeResponse, type AssignmentContext } from './response.store.js';

/**
 * The observer's form (domain.md "Running an edition in the product", step 4): a draft kept as
 * the observer types, and a submission that passes the fieldwork rules or stores nothing.
 */

/** Fieldwork runs while the edition is in FIELDWORK or REVIEW (a returned response is corrected in REVIEW too). */
function requireFieldwork(a: AssignmentContext): void {
  if (a.editionStatus !== 'FIELDWORK' && a.editionStatus !== 'REVIEW') {
    throw new BadInput(
      a.editionStatus === 'PLANNING'
        ? `Feltarbeidet for KSP ${a.year} har ikke startet ennå.`
        : `KSP ${a.year} er publisert: besvarelsen kan ikke endres lenger.`,
      { rule: 'NOT_IN_FIELDWORK', status: a.editionStatus },
    );
  }
}

/** The observer's own assignment, or NOT_FOUND (another observer's assignment is not told apart from none). */
async function ownAssignment(em: EntityManager, observerId: number, assignmentId: number, lock: boolean): Promise<AssignmentContext> {
  const a = await assignmentContext(sqlOn(em), assignmentId, lock);
  if (a.observerId !== observerId || a.editionStatus === 'PLANNING') throw new NotFound(`Det finnes intet oppdrag ${assignmentId}.`);
  return a;
}

/** The open states: the observer may still change the response. */
const OPEN = new Set(['PLANNED', 'DRAFT', 'RETURNED']);

function requireOpen(a: AssignmentContext): void {
  if (!OPEN.has(a.status)) {
    throw new BadInput(
      a.status === 'APPROVED' ? 'Besvarelsen er godkjent og kan ikke endres.' : 'Besvarelsen er sendt inn og venter på kontroll.',
      { rule: a.status === 'APPROVED' ? 'ALREADY_APPROVED' : 'ALREADY_SUBMITTED', status: a.status },
    );
  }
}

/** A draft is never refused for its content (it is unfinished by nature), only for its size. */
function checkDraftSize(input: ResponseInput): void {
  const tooLong = (['reception', 'agent', 'overall'] as const).find((k) => (input.comments[k] ?? '').length > MAX_COMMENT_LENGTH * 2);
  if (tooLong || input.attempts.length > 10 || input.answers.length > 200) {
    throw new BadInput('Utkastet er for stort.', {
      fields: [{ field: tooLong ? `comments.${tooLong}` : 'input', reason: 'TOO_LONG', message: 'Utkastet er for stort.' }],
    });
  }
}

/** Saves what the observer has typed so far (replacing the previous draft); a PLANNED assignment becomes DRAFT. */
export async function saveDraft(em: EntityManager, observerId: number, assignmentId: number, input: ResponseInput): Promise<void> {
  checkDraftSize(input);
  await em.transactional(async (tx) => {
    const sql = sqlOn(tx);
    const a = await ownAssignment(tx, observerId, assignmentId, true);
    requireFieldwork(a);
    requireOpen(a);
    await sql.query(
      `insert into response_draft (assignment_id, input, saved_at) values ($1, $2, now())
       on conflict (assignment_id) do update set input = excluded.input, saved_at = excluded.saved_at`,
      [assignmentId, JSON.stringify(input)],
    );
    if (a.status === 'PLANNED') await sql.query(`update assignment set status = 'DRAFT' where id = $1`, [assignmentId]);
  });
}

/**
 * Submits the response: checked against the fieldwork rules (refused whole, nothing stored, the
 * rules named), then the inquiry written, the draft dropped, the assignment SUBMITTED and the
 * event recorded, in one transaction. The same idempotency key again (a double click, a retry
 * after a lost answer) finds the first submission and changes nothing.
 */
export async function submitResponse(
  em: EntityManager,
  viewer: { observerId: number; userId: number },
  assignmentId: number,
  input: ResponseInput,
  idempotencyKey: string,
): Promise<void> {
  const key = idempotencyKey.trim();
  if (key.length < 8 || key.length > 200) {
    throw new BadInput('idempotencyKey must be 8 to 200 characters (a fresh random id per submission).', {
      fields: [{ field: 'idempotencyKey', reason: 'OUT_OF_RANGE', message: 'idempotencyKey: 8–200 tegn.', min: 8, max: 200 }],
    });
  }
  await em.transactional(async (tx) => {
    const sql = sqlOn(tx);
    // The lock makes a concurrent retry wait here, then find the first one's key.
    const a = await ownAssignment(tx, viewer.observerId, assignmentId, true);
    const [seen] = await rows(sql, `select 1 from response_submission where assignment_id = $1 and idempotency_key = $2`, [
      assignmentId,
      key,
    ]);
    if (seen) return;
    requireFieldwork(a);
    requireOpen(a);
    const problems = responseProblems(input, {
      channel: a.channel,
      questions: await questionsOf(sql, a.editionId),
      waitLimits: a.waitLimits,
      openingHours: a.openingHours,
    });
    if (problems.length) refuseResponse(problems);

    const resubmission = a.status === 'RETURNED';
    const inquiryId = await writeResponse(sql, a, input, { reviewStatus: 'SUBMITTED' });
    await sql.query(`delete from response_draft where assignment_id = $1`, [assignmentId]);
    await sql.query(`insert into response_submission (assignment_id, idempotency_key) values ($1, $2)`, [assignmentId, key]);
    await sql.query(`update assignment set status = 'SUBMITTED' where id = $1`, [assignmentId]);
    await recordEvent(
      sql,
      { assignmentId, action: resubmission ? 'RESUBMITTED' : 'SUBMITTED', actorUserId: viewer.userId },
      { inquiryId, from: resubmission ? 'RETURNED' : null, to: 'SUBMITTED' },
    );
  });
}
