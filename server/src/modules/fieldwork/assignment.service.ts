import {
  contactWindows,
  DEFAULT_WAIT_LIMITS,
  formatHoursWindow,
  type AssignmentStatus,
  type Channel,
  type InquiryStatus,
  type ReviewStatus,
  type WaitLimit,
} from '@ksp/shared';
import { rows, type Sql } from '../../db/sql.js';
import type { AssignmentType } from './assignment.types.js';

/** One observer's assignments (of editions past planning), newest edition first, with role plays and the own response, in one statement. */
export async function assignmentsOf(
  sql: Sql,
  observerId: number,
  year: number | null,
  assignmentId: number | null = null,
): Promise<AssignmentType[]> {
  const result = await rows<{
    id: number;
    year: number;
    slug: string;
    name: string;
    channel: Channel;
    week: number | null;
    role_plays: { title: string; description: string }[];
    inquiry_row_id: number | null;
    inquiry_id: string | null;
    inquiry_channel: Channel | null;
    status: InquiryStatus | null;
    review_status: ReviewStatus | null;
    contacted_at: Date | null;
    attempts: number | null;
    wait_seconds: number | null;
    comment_reception: string | null;
    comment_agent: string | null;
    comment_overall: string | null;
    edition_id: number;
    assignment_status: AssignmentStatus;
    opening_hours: string | null;
    contact: string | null;
    wait_limits: Partial<Record<Channel, WaitLimit>> | null;
    returned: { note: string; questions: string[]; at: string } | null;
    draft: { input: unknown; savedAt: string } | null;
  }>(
    sql,
    `select a.id, e.year, c.slug, c.name, a.channel, a.week,
            coalesce((select json_agg(json_build_object('title', r.title, 'description', r.description) order by r.id)
                      from role_play r where r.participation_id = p.id), '[]') as role_plays,
            i.id as inquiry_row_id, i.external_id as inquiry_id, i.channel as inquiry_channel, i.status, i.review_status,
            i.contacted_at, i.attempts, i.wait_seconds, i.comment_reception, i.comment_agent, i.comment_overall,
            e.id as edition_id, a.status as assignment_status, p.opening_hours, e.wait_limits,
            -- How to reach the participant on the assignment's channel, when given.
            nullif(p.contact_points ->> a.channel::text, '') as contact,
            -- The latest return's note, while the response is back with the observer.
            case when a.status = 'RETURNED' then
              (select json_build_object('note', ev.note, 'questions', ev.questions, 'at', ev.at) from assignment_event ev
                where ev.assignment_id = a.id and ev.action = 'RETURNED' order by ev.at desc, ev.id desc limit 1) end as returned,
            (select json_build_object('input', d.input, 'savedAt', d.saved_at) from response_draft d where d.assignment_id = a.id) as draft
     from assignment a join participation p on p.id = a.participation_id join edition e on e.id = p.edition_id
     join company c on c.id = p.company_id
     -- An import may give an assignment several inquiries; the form's is the latest.
     left join inquiry i on i.id = (select max(ii.id) from inquiry ii where ii.assignment_id = a.id and ii.observer_id = a.observer_id)
     -- A plan may change until fieldwork starts: observers see their assignments from then on.
     where a.observer_id = $1 and e.status <> 'PLANNING' and ($2::int is null or e.year = $2) and ($3::int is null or a.id = $3)
     order by e.year desc, a.week, c.name, a.id`,
    [observerId, year, assignmentId],
  );
  return result.map((r) => ({
    id: String(r.id),
    editionId: r.edition_id,
    inquiryRowId: r.inquiry_row_id,
    status: r.assignment_status,
    returnNote: r.returned?.note ?? null,
    returnQuestions: r.returned?.questions ?? [],
    returnedAt: r.returned ? new Date(r.returned.at) : null,
    contactWindows: contactWindows(r.channel, r.opening_hours).map(formatHoursWindow),
    contact: r.contact,
    ...limitsOf(r.channel, r.wait_limits),
    draft: r.draft ? { input: r.draft.input, savedAt: new Date(r.draft.savedAt) } : null,
    year: r.year,
    company: { slug: r.slug, name: r.name },
    channel: r.channel,
    week: r.week,
    rolePlays: r.role_plays,
    response:
      r.inquiry_row_id === null
        ? null
        : {
            inquiryRowId: r.inquiry_row_id,
            id: r.inquiry_id!,
            channel: r.inquiry_channel!,
            status: r.status!,
            reviewStatus: r.review_status!,
            contactedAt: r.contacted_at!,
            attempts: r.attempts!,
            waitSeconds: r.wait_seconds,
            comments: { reception: r.comment_reception!, agent: r.comment_agent!, overall: r.comment_overall! },
          },
  }));
}

function limitsOf(channel: Channel, limits: Partial<Record<Channel, WaitLimit>> | null) {
  const limit = limits?.[channel] ?? DEFAULT_WAIT_LIMITS[channel];
  return { maxAttempts: limit.attempts, waitLimitSeconds: limit.waitSeconds };
}
