import { editionUncertainty, type ParticipantUncertainty } from '@ksp/shared';
import { rows, type Sql } from '../../db/sql.js';
import type { ChannelFilter } from './report.read-model.js';

// How sure a published total and its rank are (domain.md "Uncertainty"). The standard error is
// aggregated here in SQL over the same `scored_item` rows as the total, and checked against the
// pure `totalStandardError` of shared/ (uncertainty.crosscheck.int.test.ts); the interval and
// the rank intervals, which compare participants with each other, are shared/'s `editionUncertainty`.

/**
 * The standard error of each participation's total as a ratio estimator over its approved
 * inquiries: `100 · sqrt( n/(n−1) · Σ (e_i − R·p_i)² ) / Σp_i`, `R = Σe / Σp`, null when n < 2.
 * An inquiry without a scored item (every question "not applicable") is still an approved
 * inquiry: it counts in n with 0 of 0 points. In double precision, as the shared function.
 */
export const STANDARD_ERROR_SQL = `
  with points as (
    select i.participation_id, i.id, coalesce(sum(s.earned), 0)::float8 as e, coalesce(sum(s.possible), 0)::float8 as p
    -- scored_item narrowed by participation as well, so the filter reaches both arms of its union.
    from counted_inquiry i left join scored_item s on s.inquiry_id = i.id and s.participation_id = any($1)
    where i.participation_id = any($1)
    group by i.participation_id, i.id
  ), pooled as (
    select participation_id, count(*)::int as n, sum(e) as earned, sum(p) as possible from points group by participation_id
  )
  select r.participation_id, r.n,
         100 * r.earned / nullif(r.possible, 0) as total,
         case when r.n >= 2 and r.possible > 0
              then 100 * sqrt(r.n::float8 / (r.n - 1) * sum((pt.e - r.earned / r.possible * pt.p) ^ 2)) / r.possible end
           as "standardError"
  from pooled r join points pt using (participation_id)
  group by r.participation_id, r.n, r.earned, r.possible`;

export interface StandardErrorRow {
  participation_id: number;
  n: number;
  total: number | null;
  standardError: number | null;
}

/** The total and its standard error of each asked participation (absent: no approved inquiry). */
export async function standardErrors(sql: Sql, ids: number[]): Promise<Map<number, StandardErrorRow>> {
  return new Map((await rows<StandardErrorRow>(sql, STANDARD_ERROR_SQL, [ids])).map((r) => [r.participation_id, r]));
}

/** A company as the uncertainty names it (the ones a participant is statistically tied with). */
export interface TiedCompany {
  slug: string;
  name: string;
}

/** What is stored for a participation: the public uncertainty of its published total. */
export type UncertaintySection = Omit<ParticipantUncertainty, 'tiedWith'> & { tiedWith: TiedCompany[] };

/**
 * The uncertainty of each asked participation's total. A rank interval compares a participant
 * with every other of its edition (and class), so each asked participation's whole edition is
 * computed. It is of the published total, which is never narrowed: the channel filter is
 * ignored, so a report narrowed to a channel shows the same (public) reading of its total.
 */
export async function uncertainty(sql: Sql, ids: number[], _channel: ChannelFilter = null): Promise<Map<number, UncertaintySection>> {
  const members = await rows<{ id: number; editionId: number; slug: string; name: string; className: string }>(
    sql,
    `select p.id, p.edition_id as "editionId", c.slug, c.name, k.name as "className"
     from participation p join company c on c.id = p.company_id join industry_class k on k.id = p.class_id
     where p.edition_id in (select edition_id from participation where id = any($1))`,
    [ids],
  );
  const errors = await standardErrors(
    sql,
    members.map((m) => m.id),
  );
  const companies = new Map(members.map((m) => [String(m.id), { slug: m.slug, name: m.name }]));
  const result = new Map<number, UncertaintySection>();
  // Editions are compared apart: each is its own set of participants.
  for (const edition of new Set(members.map((m) => m.editionId))) {
    const computed = editionUncertainty(
      members
        .filter((m) => m.editionId === edition)
        .map((m) => ({
          id: String(m.id),
          className: m.className,
          total: errors.get(m.id)?.total ?? null,
          standardError: errors.get(m.id)?.standardError ?? null,
        })),
    );
    for (const id of ids) {
      const u = computed.get(String(id));
      if (u) result.set(id, { ...u, tiedWith: u.tiedWith.map((t) => companies.get(t)!) });
    }
  }
  return result;
}
