import type { EntityManager } from '@mikro-orm/postgresql';
import { isDeepStrictEqual } from 'node:util';
import { responseProblems, type Channel, type QueryStatus, type ResponseInput } from '@ksp/shared';
import { rows, sqlOn, type Sql } from '../../db/sql.js';
import { BadInput, NotFound } from '../../errors.js';
import { recomputeSoon } from '../report/precompute.js';
import { questionsOf } from '../questionnaire/questionnaire.read-model.js';
import { assignmentContext, recordEvent, refuseResponse, storedResponses, writeResponse } from './response.store.js';

/**
 * After publication (domain.md "Running an edition in the product", steps 6–7): a published
 * result changes only through a correction, kept with the response before and after, who and
 * why; a manager may query one own response within the edition's deadline, and staff uphold it
 * (through a correction) or reject it with a reply.
 */

const MAX_TEXT = 2000;

function requiredText(field: string, value: string, words: string): string {
  const text = value.trim();
  if (text === '') throw new BadInput(words, { fields: [{ field, reason: 'REQUIRED', message: words }] });
  if (text.length > MAX_TEXT) {
    const message = `Teksten kan ha høyst ${MAX_TEXT} tegn.`;
    throw new BadInput(message, { fields: [{ field, reason: 'TOO_LONG', message, max: MAX_TEXT }] });
  }
  return text;
}

/**
 * Corrects a published response: checked against the same rules as a submission (attempts left
 * empty keep the stored ones and their status: a correction of answers or comments), written whole,
 * audited, and the edition's stored sections computed again in the background; every reader sees it
 * at once, as its stored sections are no longer current.
 * With `queryId`, the correction upholds that open query of the response, the reason its reply.
 */
export async function correctResponse(
  em: EntityManager,
  assignmentId: number,
  input: ResponseInput,
  reason: string,
  actorUserId: number,
  queryId: number | null = null,
): Promise<void> {
  const why = requiredText('reason', reason, 'Skriv hvorfor besvarelsen korrigeres.');
  const year = await em.transactional(async (tx) => {
    const sql = sqlOn(tx);
    const a = await assignmentContext(sql, assignmentId, true);
    if (a.editionStatus !== 'PUBLISHED') {
      throw new BadInput(
        `KSP ${a.year} er ikke publisert: før publisering rettes en besvarelse ved å sende den tilbake til observatøren.`,
        {
          rule: 'NOT_PUBLISHED',
          status: a.editionStatus,
        },
      );
    }
    if (a.inquiryId === null) throw new NotFound(`Oppdrag ${assignmentId} har ingen besvarelse.`);
    const before = (await storedResponses(sql, [a.inquiryId])).get(a.inquiryId)!;
    const keep = input.attempts.length === 0;
    const problems = responseProblems(input, {
      channel: a.channel,
      questions: await questionsOf(sql, a.editionId),
      waitLimits: a.waitLimits,
      openingHours: a.openingHours,
      ...(keep ? { keptStatus: before.status } : {}),
    });
    if (problems.length) refuseResponse(problems);

    if (queryId !== null) {
      const [query] = await rows<{ inquiry_id: number; status: QueryStatus }>(
        sql,
        `select inquiry_id, status from response_query where id = $1 for update`,
        [queryId],
      );
      if (!query || query.inquiry_id !== a.inquiryId) throw new NotFound(`Henvendelse ${queryId} gjelder ikke denne besvarelsen.`);
      if (query.status !== 'OPEN')
        throw new BadInput(`Henvendelse ${queryId} er allerede avgjort (${query.status}).`, { rule: 'QUERY_DECIDED' });
    }

    await writeResponse(sql, a, input, { reviewStatus: 'APPROVED', keepAttempts: keep });
    const after = (await storedResponses(sql, [a.inquiryId])).get(a.inquiryId)!;
    if (isDeepStrictEqual(before, after)) {
      throw new BadInput('Korrigeringen endrer ingenting i besvarelsen.', { rule: 'NO_CHANGE' });
    }
    const [{ id: correctionId }] = (await rows<{ id: number }>(
      sql,
      `insert into response_correction (inquiry_id, actor_user_id, reason, before, after) values ($1, $2, $3, $4, $5) returning id`,
      [a.inquiryId, actorUserId, why, JSON.stringify(before), JSON.stringify(after)],
    )) as [{ id: number }];
    if (queryId !== null) {
      await sql.query(
        `update response_query set status = 'UPHELD', reply = $2, decided_at = now(), decided_by_user_id = $3, correction_id = $4 where id = $1`,
        [queryId, why, actorUserId, correctionId],
      );
    }
    await recordEvent(sql, { assignmentId, action: 'CORRECTED', actorUserId, note: why });
    return a.year;
  });
  // Stored again for every reader soon after; until then each reader computes its own (recomputeSoon).
  recomputeSoon(sqlOn(em), year);
}

export interface QueryRow {
  id: string;
  status: QueryStatus;
  message: string;
  reply: string | null;
  askedAt: Date;
  decidedAt: Date | null;
  askedBy: string | null;
  decidedBy: string | null;
  inquiryId: string;
  assignmentId: string | null;
  company: { slug: string; name: string };
  channel: Channel;
}

const QUERY_SELECT = `
  select q.id::text, q.status, q.message, q.reply, q.asked_at as "askedAt", q.decided_at as "decidedAt",
         ua.email as "askedBy", ud.email as "decidedBy", i.external_id as "inquiryId", i.assignment_id::text as "assignmentId",
         json_build_object('slug', c.slug, 'name', c.name) as company, i.channel
  from response_query q join inquiry i on i.id = q.inquiry_id join participation p on p.id = i.participation_id
  join company c on c.id = p.company_id
  left join app_user ua on ua.id = q.asked_by_user_id left join app_user ud on ud.id = q.decided_by_user_id`;

/** An edition's queries, open ones first, then the newest. */
export async function responseQueries(sql: Sql, year: number): Promise<QueryRow[]> {
  return rows<QueryRow>(
    sql,
    `${QUERY_SELECT} where i.edition_id = (select id from edition where year = $1)
     order by q.status = 'OPEN' desc, q.asked_at desc, q.id desc`,
    [year],
  );
}

/** The queries of responses by inquiry row id (a report's responses), oldest first. */
export async function queriesOfInquiries(sql: Sql, inquiryIds: number[]): Promise<Map<number, QueryRow[]>> {
  const result = await rows<QueryRow & { inquiry_row: number }>(
    sql,
    `${QUERY_SELECT.replace('select q.id::text', 'select q.inquiry_id as inquiry_row, q.id::text')} where q.inquiry_id = any($1::int[]) order by q.asked_at, q.id`,
    [inquiryIds],
  );
  const map = new Map<number, QueryRow[]>();
  for (const { inquiry_row, ...q } of result) map.set(inquiry_row, [...(map.get(inquiry_row) ?? []), q]);
  return map;
}

/**
 * A manager's query of one own response (the caller has opened the own report): the edition
 * published, within its deadline, the response counted, no other query of it open.
 */
export async function queryResponse(
  em: EntityManager,
  participationId: number,
  inquiryExternalId: string,
  message: string,
  askedByUserId: number,
): Promise<QueryRow> {
  const text = requiredText('message', message, 'Skriv hva henvendelsen gjelder.');
  return em.transactional(async (tx) => {
    const sql = sqlOn(tx);
    const [inquiry] = await rows<{ id: number; published_at: Date | null; query_days: number; status: string; year: number }>(
      sql,
      `select i.id, e.published_at, e.query_days, e.status, e.year from inquiry i join edition e on e.id = i.edition_id
       where i.participation_id = $1 and i.external_id = $2 and i.review_status = 'APPROVED' for update of i`,
      [participationId, inquiryExternalId.trim()],
    );
    if (!inquiry) throw new NotFound(`Det finnes ingen besvarelse ${inquiryExternalId} i rapporten.`);
    if (inquiry.status !== 'PUBLISHED') throw new BadInput(`KSP ${inquiry.year} er ikke publisert.`, { rule: 'NOT_PUBLISHED' });
    const deadline = new Date((inquiry.published_at ?? new Date()).getTime() + inquiry.query_days * 86_400_000);
    if (Date.now() > deadline.getTime()) {
      throw new BadInput(
        `Fristen for henvendelser om KSP ${inquiry.year} gikk ut ${deadline.toLocaleDateString('nb-NO', { timeZone: 'Europe/Oslo' })} (${inquiry.query_days} dager etter publisering).`,
        { rule: 'QUERY_DEADLINE_PASSED', deadline: deadline.toISOString() },
      );
    }
    const [open] = await rows(sql, `select 1 from response_query where inquiry_id = $1 and status = 'OPEN'`, [inquiry.id]);
    if (open) throw new BadInput('Det er allerede en åpen henvendelse om denne besvarelsen.', { rule: 'QUERY_OPEN' });
    const [{ id }] = (await rows<{ id: number }>(
      sql,
      `insert into response_query (inquiry_id, asked_by_user_id, message) values ($1, $2, $3) returning id`,
      [inquiry.id, askedByUserId, text],
    )) as [{ id: number }];
    return (await rows<QueryRow>(sql, `${QUERY_SELECT} where q.id = $1`, [id]))[0]!;
  });
}

/** Rejects an open query with a reply the manager reads on the response. */
export async function rejectQuery(em: EntityManager, queryId: number, reply: string, actorUserId: number): Promise<QueryRow> {
  const text = requiredText('reply', reply, 'Skriv hvorfor henvendelsen avvises.');
  return em.transactional(async (tx) => {
    const sql = sqlOn(tx);
    const [query] = await rows<{ status: QueryStatus }>(sql, `select status from response_query where id = $1 for update`, [queryId]);
    if (!query) throw new NotFound(`Det finnes ingen henvendelse ${queryId}.`);
    if (query.status !== 'OPEN')
      throw new BadInput(`Henvendelse ${queryId} er allerede avgjort (${query.status}).`, { rule: 'QUERY_DECIDED' });
    await sql.query(
      `update response_query set status = 'REJECTED', reply = $2, decided_at = now(), decided_by_user_id = $3 where id = $1`,
      [queryId, text, actorUserId],
    );
    return (await rows<QueryRow>(sql, `${QUERY_SELECT} where q.id = $1`, [queryId]))[0]!;
  });
}

export interface CorrectionRow {
  at: Date;
  inquiryId: string;
  reason: string;
  by: string | null;
}

/** The corrections of participations' responses after publication, newest first (what the report says was corrected, and when). */
export async function correctionsOf(sql: Sql, participationIds: number[]): Promise<Map<number, CorrectionRow[]>> {
  const result = await rows<CorrectionRow & { participation_id: number }>(
    sql,
    `select i.participation_id, r.at, i.external_id as "inquiryId", r.reason, u.email as by
     from response_correction r join inquiry i on i.id = r.inquiry_id left join app_user u on u.id = r.actor_user_id
     where i.participation_id = any($1::int[]) order by r.at desc, r.id desc`,
    [participationIds],
  );
  const map = new Map<number, CorrectionRow[]>();
  for (const { participation_id, ...c } of result) map.set(participation_id, [...(map.get(participation_id) ?? []), c]);
  return map;
}
