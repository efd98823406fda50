import type { Channel, InquiryStatus, ReviewStatus } from '@ksp/shared';
import { rows, type Sql } from '../../db/sql.js';
import type { AssignmentType } from './assignment.types.js';

/** One observer's assignments (of editions past planning), newest edition first, with role plays and the own response, in one statement. */
export async function assignmentsOf(sql: Sql, observerId: number, year: number | null): Promise<AssignmentType[]> {
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
  }>(
    sql,
    `select a.id, e.year, c.slug, c.name, a.channel, a.week,
            coalesce((select json_agg(json_build_object('title', r.title, 'description', r.description) order by r.id)
                      from role_play r where r.participation_id = p.id), '[]') as role_plays,
            i.id as inquiry_row_id, i.external_id as inquiry_id, i.channel as inquiry_channel, i.status, i.review_status,
            i.contacted_at, i.attempts, i.wait_seconds, i.comment_reception, i.comment_agent, i.comment_overall
     from assignment a join participation p on p.id = a.participation_id join edition e on e.id = p.edition_id
     join company c on c.id = p.company_id
     left join inquiry i on i.assignment_id = a.id and i.observer_id = a.observer_id
     -- A plan may change until fieldwork starts: observers see their assignments from then on.
     where a.observer_id = $1 and e.status <> 'PLANNING' and ($2::int is null or e.year = $2)
     order by e.year desc, a.week, c.name, a.id`,
    [observerId, year],
  );
  return result.map((r) => ({
    id: String(r.id),
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
