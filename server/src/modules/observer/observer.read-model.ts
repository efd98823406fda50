import { ageBand, type AgeBand, type Gender, type ObserverProfile } from '@ksp/shared';
import { foldForSearch } from '@ksp/shared/search/fold';
import { rows, type Sql } from '../../db/sql.js';

// The observer pool as staff see it for one edition, and as the planner reads it. Both ask
// the same question of an observer and a company: may not be sent there, and why. The reasons
// come from three places, read together here and nowhere else:
// - the pool file's slugs (observer.customer_of, observer.contacted_before), known companies or not;
// - observer_company: the contacts derived from stored inquiries (and relations an earlier pool wrote);
// - the inquiries the observer made in other editions, in case any were stored without their derived row.

/** `foldForSearch` (shared/src/search/fold.ts) in SQL: æ→ae, ø→o, å→aa, then marks dropped and case ignored. */
function foldSql(expr: string): string {
  // The Norwegian letters first and in both cases: lower() under a C collation only knows ASCII,
  // and NFD would otherwise turn å into a + ring. After NFD every other letter is ASCII with marks.
  return `btrim(regexp_replace(lower(regexp_replace(normalize(
    replace(replace(replace(replace(replace(replace(${expr}, 'æ', 'ae'), 'Æ', 'ae'), 'ø', 'o'), 'Ø', 'o'), 'å', 'aa'), 'Å', 'aa'),
    NFD), '[\\u0300-\\u036f]', '', 'g')), '\\s+', ' ', 'g'))`;
}

/** The edition the pool is seen for. */
export interface PoolEdition {
  id: number;
  year: number;
  fieldworkWeeks: number[];
  minQualityScore: number;
}

export async function poolEdition(sql: Sql, year: number): Promise<PoolEdition | null> {
  const [edition] = await rows<PoolEdition>(
    sql,
    `select id, year, fieldwork_weeks as "fieldworkWeeks", min_quality_score as "minQualityScore" from edition where year = $1`,
    [year],
  );
  return edition ?? null;
}

/** `2025-W07`, as observers.csv writes a week. */
export const isoWeekText = (year: number, week: number) => `${year}-W${String(week).padStart(2, '0')}`;

/** The ISO week numbers of `year` among weeks written `2025-W11`. */
export function weeksOfYear(weeks: readonly string[], year: number): number[] {
  const prefix = `${year}-W`;
  return weeks.filter((w) => w.startsWith(prefix)).map((w) => Number(w.slice(prefix.length)));
}

export interface PoolFilter {
  search?: string | null;
  passesQuality?: boolean | null;
  /** An ISO week of the edition's year the observer must be available in. */
  availableInWeek?: number | null;
  first: number;
  offset: number;
}

export type ConflictReason = 'CUSTOMER' | 'CONTACTED_BEFORE';

export interface PoolObserver {
  id: string;
  name: string | null;
  gender: Gender;
  birthYear: number;
  /** Age in the edition year, banded as the report bands it. */
  ageBand: AgeBand;
  region: string | null;
  qualityScore: number | null;
  passesQuality: boolean;
  availability: { week: number; available: boolean }[];
  conflicts: { company: { slug: string; name: string }; reasons: ConflictReason[] }[];
  /** Assignments in this edition. */
  assignments: number;
}

export interface PoolPage {
  total: number;
  observers: PoolObserver[];
}

interface PageRow {
  external_id: string;
  name: string | null;
  gender: Gender;
  birth_year: number;
  region: string | null;
  quality_score: number | null;
  unavailable_weeks: string[];
  total: number;
  assignments: number;
  conflicts: { slug: string; name: string; customer: boolean; contacted: boolean }[];
}

/**
 * One page of the pool, in one statement whatever the page size: the observers matching the
 * filter in id order, with the total matching, each one's conflicts among the edition's
 * participants and assignments in the edition. The filter is on the observer's own columns (a
 * sequential pass over some 6,000 narrow rows); the per-company work runs for the page only.
 */
export async function poolPage(sql: Sql, edition: PoolEdition, filter: PoolFilter): Promise<PoolPage> {
  const needle = filter.search ? foldForSearch(filter.search) : '';
  const week = filter.availableInWeek ?? null;
  const result = await rows<PageRow>(
    sql,
    `with page as (
       select o.*, count(*) over ()::int as total from observer o
       where ($2::text = '' or strpos(${foldSql(`o.external_id || ' ' || coalesce(o.name, '') || ' ' || coalesce(o.region, '')`)}, $2) > 0)
         and ($3::boolean is null or (coalesce(o.quality_score >= $4, false)) = $3)
         and ($5::text is null or not ($5 = any(o.unavailable_weeks)))
       order by o.external_id limit $6 offset $7),
     edition_company as (
       select p.company_id, c.slug, c.name from participation p join company c on c.id = p.company_id where p.edition_id = $1)
     select page.external_id, page.name, page.gender, page.birth_year, page.region, page.quality_score, page.unavailable_weeks, page.total,
       (select count(*)::int from assignment a join participation ap on ap.id = a.participation_id
        where ap.edition_id = $1 and a.observer_id = page.id) as assignments,
       coalesce((select json_agg(x order by x.name, x.slug) from (
         select ec.slug, ec.name,
           ec.slug = any(page.customer_of) or exists (select 1 from observer_company oc
             where oc.observer_id = page.id and oc.company_id = ec.company_id and oc.relation = 'CUSTOMER') as customer,
           ec.slug = any(page.contacted_before) or exists (select 1 from observer_company oc
             where oc.observer_id = page.id and oc.company_id = ec.company_id and oc.relation = 'CONTACTED')
             or exists (select 1 from inquiry i join participation ip on ip.id = i.participation_id
               where i.observer_id = page.id and ip.company_id = ec.company_id and i.edition_id <> $1) as contacted
         from edition_company ec) x where x.customer or x.contacted), '[]') as conflicts
     from page order by page.external_id`,
    [
      edition.id,
      needle,
      filter.passesQuality ?? null,
      edition.minQualityScore,
      week === null ? null : isoWeekText(edition.year, week),
      filter.first,
      filter.offset,
    ],
  );
  return {
    total: result[0]?.total ?? (filter.offset > 0 ? await countMatching(sql, edition, filter) : 0),
    observers: result.map((r) => {
      const unavailable = weeksOfYear(r.unavailable_weeks, edition.year);
      return {
        id: r.external_id,
        name: r.name,
        gender: r.gender,
        birthYear: r.birth_year,
        ageBand: ageBand(edition.year - r.birth_year),
        region: r.region,
        qualityScore: r.quality_score,
        passesQuality: r.quality_score !== null && r.quality_score >= edition.minQualityScore,
        availability: edition.fieldworkWeeks.map((w) => ({ week: w, available: !unavailable.includes(w) })),
        conflicts: r.conflicts.map((c) => ({
          company: { slug: c.slug, name: c.name },
          reasons: [...(c.customer ? (['CUSTOMER'] as const) : []), ...(c.contacted ? (['CONTACTED_BEFORE'] as const) : [])],
        })),
        assignments: r.assignments,
      };
    }),
  };
}

/** The total of a page asked past its end (rare: the page statement then returns no row to carry it). */
async function countMatching(sql: Sql, edition: PoolEdition, filter: PoolFilter): Promise<number> {
  return (await poolPage(sql, edition, { ...filter, offset: 0, first: 1 })).total;
}

export interface PoolSummary {
  observers: number;
  passingQuality: number;
  weeks: { week: number; available: number; availablePassing: number }[];
}

/** The whole pool for the edition: how many, how many pass its quality threshold, and who is available in each fieldwork week. */
export async function poolSummary(sql: Sql, edition: PoolEdition): Promise<PoolSummary> {
  const [summary] = await rows<PoolSummary>(
    sql,
    `select count(*)::int as observers,
       count(*) filter (where o.quality_score >= $2)::int as "passingQuality",
       coalesce((select json_agg(json_build_object(
           'week', w.week,
           'available', (select count(*) from observer a where not (w.text = any(a.unavailable_weeks))),
           'availablePassing', (select count(*) from observer a where not (w.text = any(a.unavailable_weeks)) and a.quality_score >= $2))
         order by w.week)
         from (select week, $1 || '-W' || lpad(week::text, 2, '0') as text from unnest($3::int[]) week) w), '[]') as weeks
     from observer o`,
    [String(edition.year), edition.minQualityScore, edition.fieldworkWeeks],
  );
  return summary!;
}

interface ProfileRow {
  external_id: string;
  gender: Gender;
  birth_year: number;
  region: string | null;
  quality_score: number;
  unavailable_weeks: string[];
  customer_of: string[];
  contacted_before: string[];
}

/**
 * The pool as the pure planner takes it (shared/src/fieldwork/eligibility.ts), in one
 * statement: `customerOf` and `contactedBefore` are company slugs, the file's (companies the
 * product holds or not) with the stored relations and earlier inquiries; `unavailableWeeks` the
 * ISO week numbers of `year`. Observers without a quality score (known only from imported
 * responses, never in a pool file) cannot pass the quality rule and are left out. `only` limits
 * it to one observer (a change by hand checks that one, not the whole pool of thousands).
 */
export async function observerProfiles(sql: Sql, year: number, only?: string): Promise<ObserverProfile[]> {
  const result = await rows<ProfileRow>(
    sql,
    // Set-based: the stored relations and earlier inquiries grouped once, not looked up per observer.
    `with stored as (
       select oc.observer_id, oc.relation, c.slug from observer_company oc join company c on c.id = oc.company_id
       where $2::text is null or oc.observer_id = (select id from observer where external_id = $2)
       union
       select i.observer_id, 'CONTACTED', c.slug from inquiry i
         join participation p on p.id = i.participation_id join company c on c.id = p.company_id
       where i.edition_id is distinct from (select id from edition where year = $1)
         and ($2::text is null or i.observer_id = (select id from observer where external_id = $2))),
     grouped as (
       select observer_id,
         array_agg(slug) filter (where relation = 'CUSTOMER') as customer_of,
         array_agg(slug) filter (where relation = 'CONTACTED') as contacted_before
       from stored group by observer_id)
     select o.external_id, o.gender, o.birth_year, o.region, o.quality_score, o.unavailable_weeks,
       array(select distinct s from unnest(o.customer_of || coalesce(g.customer_of, '{}')) s order by 1) as customer_of,
       array(select distinct s from unnest(o.contacted_before || coalesce(g.contacted_before, '{}')) s order by 1) as contacted_before
     from observer o left join grouped g on g.observer_id = o.id
     where o.quality_score is not null and ($2::text is null or o.external_id = $2) order by o.external_id`,
    [year, only ?? null],
  );
  return result.map((r) => ({
    id: r.external_id,
    gender: r.gender,
    birthYear: r.birth_year,
    region: r.region ?? '',
    qualityScore: r.quality_score,
    customerOf: r.customer_of,
    contactedBefore: r.contacted_before,
    unavailableWeeks: weeksOfYear(r.unavailable_weeks, year),
  }));
}
