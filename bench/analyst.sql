-- The participant report as an analyst would compute it with Metabase or Superset pointed at
-- the database: plain SQL over the raw tables, without the project's views (scored_item) or
-- helpers, one query per chart. $1 is the edition year, $2 the company's slug.
--
-- The scoring rules of domain.md, written out in every query that needs them:
-- * an answered, approved inquiry earns the chosen option's points of the question's maximum,
--   for every scored question that applies to its channel; "not applicable" drops out of both;
-- * an unanswered, approved inquiry earns 0 of the maximum of every scored question that
--   applies to its channel, and counts in the total and in RESPONSE_TIME only;
-- * a score is 100 · Σ earned / Σ possible, pooled over inquiries; a class mean is the mean of
--   the members' scores.
--
-- bench/analyst.ts runs each query below (named by its `-- name:` line) on one connection.

-- name: totals
-- The total and the total per channel of the participant, its chosen competitors and the
-- company's earlier editions (history, last year's total).
with me as (
  select p.id, p.company_id, e.year from participation p
  join edition e on e.id = p.edition_id join company c on c.id = p.company_id
  where e.year = $1 and c.slug = $2),
who as (
  select id, 'own' as role from me
  union all
  select cp.id, 'competitor' from me
  join participation_competitor pc on pc.participation_id = me.id
  join participation cp on cp.edition_id = pc.edition_id and cp.company_id = pc.competitor_company_id
  union all
  select old.id, 'history' from me
  join participation old on old.company_id = me.company_id join edition oe on oe.id = old.edition_id
  where oe.year < me.year),
points as (
  select i.participation_id, i.channel, coalesce(o.points, 0) as earned, q.max_points as possible
  from inquiry i join answer a on a.inquiry_id = i.id
  join question q on q.id = a.question_id join question_option o on o.id = a.option_id
  where i.participation_id in (select id from who) and i.review_status = 'APPROVED' and i.status = 'ANSWERED'
    and q.max_points is not null and not o.not_applicable and i.channel = any(q.channels)
  union all
  select i.participation_id, i.channel, 0, q.max_points
  from inquiry i join question q on q.edition_id = i.edition_id
  where i.participation_id in (select id from who) and i.review_status = 'APPROVED' and i.status = 'UNANSWERED'
    and q.max_points is not null and i.channel = any(q.channels))
select w.role, c.slug, e.year, k.name as class_name, p.tier, pt.channel,
       100.0 * sum(pt.earned) / nullif(sum(pt.possible), 0) as score
from points pt join who w on w.id = pt.participation_id
join participation p on p.id = pt.participation_id join company c on c.id = p.company_id
join edition e on e.id = p.edition_id join industry_class k on k.id = p.class_id
group by grouping sets ((w.role, c.slug, e.year, k.name, p.tier), (w.role, c.slug, e.year, k.name, p.tier, pt.channel));

-- name: areas
-- Area scores, overall and per channel, of the participant, its competitors and its earlier
-- editions: RESPONSE_TIME over every inquiry, the other areas over answered ones.
with me as (
  select p.id, p.company_id, e.year from participation p
  join edition e on e.id = p.edition_id join company c on c.id = p.company_id
  where e.year = $1 and c.slug = $2),
who as (
  select id, 'own' as role from me
  union all
  select cp.id, 'competitor' from me
  join participation_competitor pc on pc.participation_id = me.id
  join participation cp on cp.edition_id = pc.edition_id and cp.company_id = pc.competitor_company_id
  union all
  select old.id, 'history' from me
  join participation old on old.company_id = me.company_id join edition oe on oe.id = old.edition_id
  where oe.year < me.year),
points as (
  select i.participation_id, i.channel, q.area, coalesce(o.points, 0) as earned, q.max_points as possible
  from inquiry i join answer a on a.inquiry_id = i.id
  join question q on q.id = a.question_id join question_option o on o.id = a.option_id
  where i.participation_id in (select id from who) and i.review_status = 'APPROVED' and i.status = 'ANSWERED'
    and q.max_points is not null and not o.not_applicable and i.channel = any(q.channels)
  union all
  select i.participation_id, i.channel, q.area, 0, q.max_points
  from inquiry i join question q on q.edition_id = i.edition_id
  where i.participation_id in (select id from who) and i.review_status = 'APPROVED' and i.status = 'UNANSWERED'
    and q.area = 'RESPONSE_TIME' and q.max_points is not null and i.channel = any(q.channels))
select w.role, c.slug, e.year, pt.area, pt.channel, 100.0 * sum(pt.earned) / nullif(sum(pt.possible), 0) as score
from points pt join who w on w.id = pt.participation_id
join participation p on p.id = pt.participation_id join company c on c.id = p.company_id join edition e on e.id = p.edition_id
group by grouping sets ((w.role, c.slug, e.year, pt.area), (w.role, c.slug, e.year, pt.area, pt.channel));

-- name: categories
-- Category scores (a question may be in several), overall and per channel, answered inquiries,
-- of the participant and its competitors.
with me as (
  select p.id from participation p
  join edition e on e.id = p.edition_id join company c on c.id = p.company_id
  where e.year = $1 and c.slug = $2),
who as (
  select id, 'own' as role from me
  union all
  select cp.id, 'competitor' from me
  join participation_competitor pc on pc.participation_id = me.id
  join participation cp on cp.edition_id = pc.edition_id and cp.company_id = pc.competitor_company_id)
select w.role, c.slug, category, i.channel,
       100.0 * sum(coalesce(o.points, 0)) / nullif(sum(q.max_points), 0) as score
from inquiry i join who w on w.id = i.participation_id
join answer a on a.inquiry_id = i.id join question q on q.id = a.question_id
join question_option o on o.id = a.option_id
cross join unnest(q.categories) as category
join participation p on p.id = i.participation_id join company c on c.id = p.company_id
where i.review_status = 'APPROVED' and i.status = 'ANSWERED'
  and q.max_points is not null and not o.not_applicable and i.channel = any(q.channels)
group by grouping sets ((w.role, c.slug, category), (w.role, c.slug, category, i.channel));

-- name: cx
-- The five CX measures and the NPS distribution, overall and per channel, answered inquiries,
-- of the participant and its competitors.
with me as (
  select p.id from participation p
  join edition e on e.id = p.edition_id join company c on c.id = p.company_id
  where e.year = $1 and c.slug = $2),
who as (
  select id, 'own' as role from me
  union all
  select cp.id, 'competitor' from me
  join participation_competitor pc on pc.participation_id = me.id
  join participation cp on cp.edition_id = pc.edition_id and cp.company_id = pc.competitor_company_id)
select w.role, c.slug, i.channel,
       avg(a.scale_value) filter (where q.code = 'CSAT') as csat_mean,
       100.0 * count(*) filter (where q.code = 'CSAT' and a.scale_value >= 4) / nullif(count(*) filter (where q.code = 'CSAT'), 0) as csat_top2_share,
       avg(a.scale_value) filter (where q.code = 'CES') as ces_mean,
       100.0 * (count(*) filter (where q.code = 'NPS' and a.scale_value >= 9) - count(*) filter (where q.code = 'NPS' and a.scale_value <= 6))
         / nullif(count(*) filter (where q.code = 'NPS'), 0) as nps,
       avg(a.scale_value) filter (where q.code = 'VES1') as ves1_mean,
       avg(a.scale_value) filter (where q.code = 'VES2') as ves2_mean,
       count(*) filter (where q.code = 'NPS' and a.scale_value <= 6) as detractors,
       count(*) filter (where q.code = 'NPS' and a.scale_value between 7 and 8) as passives,
       count(*) filter (where q.code = 'NPS' and a.scale_value >= 9) as promoters,
       count(*) filter (where q.code = 'NPS') as nps_count
from inquiry i join who w on w.id = i.participation_id
join answer a on a.inquiry_id = i.id join question q on q.id = a.question_id
join participation p on p.id = i.participation_id join company c on c.id = p.company_id
where i.review_status = 'APPROVED' and i.status = 'ANSWERED' and q.area = 'CX' and a.scale_value is not null
group by grouping sets ((w.role, c.slug), (w.role, c.slug, i.channel));

-- name: class
-- The class benchmark: every member of the participant's class with its total, area and
-- category scores and CX values (not per channel), and the class mean of each (members
-- without a value left out).
with me as (
  select p.class_id from participation p
  join edition e on e.id = p.edition_id join company c on c.id = p.company_id
  where e.year = $1 and c.slug = $2),
members as (select p.id, c.slug from participation p join company c on c.id = p.company_id where p.class_id = (select class_id from me)),
points as (
  select i.participation_id, i.status, q.area, q.categories, coalesce(o.points, 0) as earned, q.max_points as possible
  from inquiry i join answer a on a.inquiry_id = i.id
  join question q on q.id = a.question_id join question_option o on o.id = a.option_id
  where i.participation_id in (select id from members) and i.review_status = 'APPROVED' and i.status = 'ANSWERED'
    and q.max_points is not null and not o.not_applicable and i.channel = any(q.channels)
  union all
  select i.participation_id, i.status, q.area, q.categories, 0, q.max_points
  from inquiry i join question q on q.edition_id = i.edition_id
  where i.participation_id in (select id from members) and i.review_status = 'APPROVED' and i.status = 'UNANSWERED'
    and q.max_points is not null and i.channel = any(q.channels)),
scores as (
  select participation_id, 'total' as measure, 100.0 * sum(earned) / nullif(sum(possible), 0) as score
  from points group by participation_id
  union all
  select participation_id, 'area:' || area, 100.0 * sum(earned) / nullif(sum(possible), 0)
  from points where area = 'RESPONSE_TIME' or status = 'ANSWERED' group by participation_id, area
  union all
  select participation_id, 'category:' || category, 100.0 * sum(earned) / nullif(sum(possible), 0)
  from points cross join unnest(categories) as category where status = 'ANSWERED' group by participation_id, category
  union all
  select i.participation_id, 'cx:' || q.code,
         case q.code when 'NPS' then 100.0 * (count(*) filter (where a.scale_value >= 9) - count(*) filter (where a.scale_value <= 6)) / count(*)
                     else avg(a.scale_value) end
  from inquiry i join answer a on a.inquiry_id = i.id join question q on q.id = a.question_id
  where i.participation_id in (select id from members) and i.review_status = 'APPROVED' and i.status = 'ANSWERED'
    and q.area = 'CX' and q.code in ('CSAT', 'NPS') and a.scale_value is not null
  group by i.participation_id, q.code),
measures as (select distinct measure from scores)
select x.measure, m.slug, s.score, avg(s.score) over (partition by x.measure) as mean
from measures x cross join members m
left join scores s on s.participation_id = m.id and s.measure = x.measure;

-- name: inquiries
-- Every approved inquiry of the participant with its score, and its score in each area (an
-- unanswered inquiry only in RESPONSE_TIME).
with me as (
  select p.id from participation p
  join edition e on e.id = p.edition_id join company c on c.id = p.company_id
  where e.year = $1 and c.slug = $2),
points as (
  select i.id as inquiry_id, i.status, q.area, coalesce(o.points, 0) as earned, q.max_points as possible
  from inquiry i join answer a on a.inquiry_id = i.id
  join question q on q.id = a.question_id join question_option o on o.id = a.option_id
  where i.participation_id = (select id from me) and i.review_status = 'APPROVED' and i.status = 'ANSWERED'
    and q.max_points is not null and not o.not_applicable and i.channel = any(q.channels)
  union all
  select i.id, i.status, q.area, 0, q.max_points
  from inquiry i join question q on q.edition_id = i.edition_id
  where i.participation_id = (select id from me) and i.review_status = 'APPROVED' and i.status = 'UNANSWERED'
    and q.max_points is not null and i.channel = any(q.channels))
select i.external_id, i.channel, i.status, pt.area, grouping(pt.area) = 1 as overall,
       100.0 * sum(pt.earned) / nullif(sum(pt.possible), 0) as score,
       100.0 * sum(pt.earned) filter (where pt.area = 'RESPONSE_TIME' or pt.status = 'ANSWERED')
         / nullif(sum(pt.possible) filter (where pt.area = 'RESPONSE_TIME' or pt.status = 'ANSWERED'), 0) as area_score,
       count(pt.area) filter (where pt.area = 'RESPONSE_TIME' or pt.status = 'ANSWERED') as area_items
from inquiry i left join points pt on pt.inquiry_id = i.id
where i.participation_id = (select id from me) and i.review_status = 'APPROVED'
group by grouping sets ((i.external_id, i.channel, i.status), (i.external_id, i.channel, i.status, pt.area));

-- name: performances
-- Every choice question (performance) of the edition: its score (answered inquiries, "not
-- applicable" dropped) and number of answers, overall and per channel, for the participant and
-- its competitors.
with me as (
  select p.id, p.edition_id from participation p
  join edition e on e.id = p.edition_id join company c on c.id = p.company_id
  where e.year = $1 and c.slug = $2),
who as (
  select id, 'own' as role from me
  union all
  select cp.id, 'competitor' from me
  join participation_competitor pc on pc.participation_id = me.id
  join participation cp on cp.edition_id = pc.edition_id and cp.company_id = pc.competitor_company_id),
answers as (
  select i.participation_id, i.channel, a.question_id, o.points, o.not_applicable
  from inquiry i join answer a on a.inquiry_id = i.id
  join question q on q.id = a.question_id join question_option o on o.id = a.option_id
  where i.participation_id in (select id from who) and i.review_status = 'APPROVED' and i.status = 'ANSWERED'
    and q.kind = 'CHOICE' and i.channel = any(q.channels))
select w.role, c.slug, q.code, q.area, an.channel, grouping(an.channel) = 1 as overall, count(an.question_id) as answers,
       100.0 * sum(coalesce(an.points, 0)) filter (where not an.not_applicable)
         / nullif(sum(q.max_points) filter (where not an.not_applicable), 0) as score
from who w join participation p on p.id = w.id join company c on c.id = p.company_id
join question q on q.edition_id = p.edition_id and q.kind = 'CHOICE' and q.area <> 'CX'
left join answers an on an.participation_id = w.id and an.question_id = q.id
group by grouping sets ((w.role, c.slug, q.code, q.area), (w.role, c.slug, q.code, q.area, an.channel));

-- name: options
-- How often each option of each performance was chosen by the participant's answered
-- inquiries, and its share of the question's answers ("not applicable" included).
with me as (
  select p.id, p.edition_id from participation p
  join edition e on e.id = p.edition_id join company c on c.id = p.company_id
  where e.year = $1 and c.slug = $2),
answers as (
  select a.question_id, a.option_id
  from inquiry i join answer a on a.inquiry_id = i.id join question q on q.id = a.question_id
  where i.participation_id = (select id from me) and i.review_status = 'APPROVED' and i.status = 'ANSWERED'
    and q.kind = 'CHOICE' and i.channel = any(q.channels)),
counts as (
  select q.code as question, o.code as option, count(an.option_id) as n
  from question q join question_option o on o.question_id = q.id
  left join answers an on an.option_id = o.id
  where q.edition_id = (select edition_id from me) and q.kind = 'CHOICE' and q.area <> 'CX'
  group by q.code, o.code)
select question, option, n as count, 100.0 * n / nullif(sum(n) over (partition by question), 0) as share
from counts;

-- name: variation
-- The spread of the inquiry scores (min, quartiles, max, mean, population standard deviation)
-- of the participant and its competitors: overall and per channel, and of each area's inquiry
-- scores.
with me as (
  select p.id from participation p
  join edition e on e.id = p.edition_id join company c on c.id = p.company_id
  where e.year = $1 and c.slug = $2),
who as (
  select id, 'own' as role from me
  union all
  select cp.id, 'competitor' from me
  join participation_competitor pc on pc.participation_id = me.id
  join participation cp on cp.edition_id = pc.edition_id and cp.company_id = pc.competitor_company_id),
points as (
  select i.participation_id, i.id as inquiry_id, i.channel, i.status, q.area, coalesce(o.points, 0) as earned, q.max_points as possible
  from inquiry i join answer a on a.inquiry_id = i.id
  join question q on q.id = a.question_id join question_option o on o.id = a.option_id
  where i.participation_id in (select id from who) and i.review_status = 'APPROVED' and i.status = 'ANSWERED'
    and q.max_points is not null and not o.not_applicable and i.channel = any(q.channels)
  union all
  select i.participation_id, i.id, i.channel, i.status, q.area, 0, q.max_points
  from inquiry i join question q on q.edition_id = i.edition_id
  where i.participation_id in (select id from who) and i.review_status = 'APPROVED' and i.status = 'UNANSWERED'
    and q.max_points is not null and i.channel = any(q.channels)),
inquiry_scores as (
  select participation_id, channel, null as area, (100.0 * sum(earned) / nullif(sum(possible), 0))::float8 as score
  from points group by participation_id, inquiry_id, channel
  union all
  select participation_id, channel, area, (100.0 * sum(earned) / nullif(sum(possible), 0))::float8
  from points where area = 'RESPONSE_TIME' or status = 'ANSWERED' group by participation_id, inquiry_id, channel, area)
select w.role, c.slug, s.area, s.channel, count(s.score) as count, min(s.score) as min,
       percentile_cont(0.25) within group (order by s.score) as q1,
       percentile_cont(0.5) within group (order by s.score) as median,
       percentile_cont(0.75) within group (order by s.score) as q3,
       max(s.score) as max, avg(s.score) as mean, stddev_pop(s.score) as std_dev
from inquiry_scores s join who w on w.id = s.participation_id
join participation p on p.id = s.participation_id join company c on c.id = p.company_id
group by grouping sets ((w.role, c.slug, s.area), (w.role, c.slug, s.area, s.channel));

-- name: widest
-- The five scored performances whose points vary most between the participant's answered
-- inquiries (population standard deviation of points as a percentage of the maximum).
with me as (
  select p.id from participation p
  join edition e on e.id = p.edition_id join company c on c.id = p.company_id
  where e.year = $1 and c.slug = $2)
select q.code, stddev_pop((100.0 * coalesce(o.points, 0) / q.max_points)::float8) as std_dev
from inquiry i join answer a on a.inquiry_id = i.id
join question q on q.id = a.question_id join question_option o on o.id = a.option_id
where i.participation_id = (select id from me) and i.review_status = 'APPROVED' and i.status = 'ANSWERED'
  and q.max_points is not null and q.area <> 'CX' and not o.not_applicable and i.channel = any(q.channels)
group by q.code
order by round(stddev_pop((100.0 * coalesce(o.points, 0) / q.max_points)::float8)::numeric, 9) desc, q.code collate "C"
limit 5;

-- name: background
-- The background chapter: role plays, channels, inquiries per channel, unanswered ones, and
-- the observers' gender and age mix (age in the edition's year).
with me as (
  select p.id, p.channels, e.year from participation p
  join edition e on e.id = p.edition_id join company c on c.id = p.company_id
  where e.year = $1 and c.slug = $2),
inq as (
  select i.channel, i.status, o.gender, me.year - o.birth_year as age
  from me join inquiry i on i.participation_id = me.id join observer o on o.id = i.observer_id
  where i.review_status = 'APPROVED')
select 'channel' as kind, unnest(channels) as key, null::bigint as n from me
union all select 'role_play', r.title, null from role_play r where r.participation_id = (select id from me)
union all select 'inquiries', channel, count(*) from inq group by channel
union all select 'unanswered', null, count(*) from inq where status = 'UNANSWERED'
union all select 'gender', gender, count(*) from inq group by gender
union all select 'age', case when age <= 29 then '18–29' when age <= 39 then '30–39' when age <= 49 then '40–49'
                             when age <= 59 then '50–59' else '60+' end, count(*) from inq group by 2;
