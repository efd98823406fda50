import { Migration } from '@mikro-orm/migrations';

/**
 * The area rule of domain.md, once: an unanswered inquiry counts in the total and in
 * RESPONSE_TIME only; every other area (and every category and performance) is over answered
 * inquiries. `scored_item.counts_in_area` says whether a row counts in its area's score, so the
 * read models no longer repeat `area = 'RESPONSE_TIME' or status = 'ANSWERED'`.
 */
export class Migration20261124020000_area_rule extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create or replace view scored_item as
select a.inquiry_id, a.participation_id, a.edition_id, a.channel, 'ANSWERED'::text as status,
       a.question_id, a.area, a.categories, coalesce(a.points, 0) as earned, a.max_points as possible,
       true as counts_in_area
from counted_answer a
where a.max_points is not null and not a.not_applicable
union all
select i.id, i.participation_id, i.edition_id, i.channel, i.status,
       q.id, q.area, q.categories, 0, q.max_points,
       q.area = 'RESPONSE_TIME'
from counted_inquiry i
join question q on q.edition_id = i.edition_id and q.max_points is not null and i.channel = any(q.channels)
where i.status = 'UNANSWERED';
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop view scored_item;
create view scored_item as
select a.inquiry_id, a.participation_id, a.edition_id, a.channel, 'ANSWERED'::text as status,
       a.question_id, a.area, a.categories, coalesce(a.points, 0) as earned, a.max_points as possible
from counted_answer a
where a.max_points is not null and not a.not_applicable
union all
select i.id, i.participation_id, i.edition_id, i.channel, i.status,
       q.id, q.area, q.categories, 0, q.max_points
from counted_inquiry i
join question q on q.edition_id = i.edition_id and q.max_points is not null and i.channel = any(q.channels)
where i.status = 'UNANSWERED';
`);
  }
}
