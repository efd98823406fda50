import {
  keyDriverAnalysis,
  KEY_DRIVER_OUTCOMES,
  type Channel,
  type DriverObservation,
  type KeyDriverOutcome,
  type KeyDriverResult,
} from '@ksp/shared';
import { rows, storeFailed, type Sql } from '../../db/sql.js';
import { codeFingerprint } from '../report/published-sections.js';

/**
 * The data of domain.md "Key drivers" for one edition and channel, in one statement: every
 * counted answered inquiry on the channel that has a CSAT or NPS answer, its participant, its
 * two outcomes, and one value per predictor. The predictors are the scored questions that apply
 * to the channel (RESPONSE_TIME included) in questionnaire order, each as points/maximum; a "not
 * applicable" answer takes that question's mean over the channel's counted answered inquiries of
 * the edition where it was answered (all of them, not only those with the outcome).
 */
const DRIVER_DATA = `
with predictor as (
  select q.id, q.code, q.position from question q
  where q.edition_id = $1 and q.max_points is not null and $2 = any(q.channels)
),
item as (
  select a.inquiry_id, a.question_id, coalesce(a.points, 0)::float8 / a.max_points as v
  from counted_answer a
  where a.edition_id = $1 and a.channel = $2 and a.max_points is not null and not a.not_applicable
),
question_mean as (select question_id, avg(v) as m from item group by question_id),
outcome as (
  select inquiry_id, participation_id,
         max(scale_value) filter (where code = 'CSAT')::float8 as csat,
         max(scale_value) filter (where code = 'NPS')::float8 as nps
  from counted_answer
  where edition_id = $1 and channel = $2 and area = 'CX' and code in ('CSAT', 'NPS') and scale_value is not null
  group by inquiry_id, participation_id
)
select o.participation_id, o.csat, o.nps,
       array_agg(coalesce(i.v, m.m) order by p.position) as x,
       array_agg(p.code order by p.position) as codes
from outcome o
cross join predictor p
left join item i on i.inquiry_id = o.inquiry_id and i.question_id = p.id
left join question_mean m on m.question_id = p.id
group by o.inquiry_id, o.participation_id, o.csat, o.nps
order by o.inquiry_id`;

interface DataRow {
  participation_id: number;
  csat: number | null;
  nps: number | null;
  x: (number | null)[];
  codes: string[];
}

/** Both outcomes' analyses of one edition and channel, computed from the answers. */
export async function computeKeyDrivers(sql: Sql, editionId: number, channel: Channel): Promise<Record<KeyDriverOutcome, KeyDriverResult>> {
  const data = await rows<DataRow>(sql, DRIVER_DATA, [editionId, channel]);
  const allCodes = data[0]?.codes ?? [];
  // A question never answered on the channel (every answer "not applicable") has no value to
  // impute from and can drive nothing: it is left out rather than voiding the analysis.
  const kept = allCodes.map((_, j) => data.every((r) => r.x[j] !== null));
  const codes = allCodes.filter((_, j) => kept[j]);
  const analyse = (outcome: 'csat' | 'nps') =>
    keyDriverAnalysis(
      codes,
      data
        .filter((r) => r[outcome] !== null)
        .map((r): DriverObservation => ({
          cluster: String(r.participation_id),
          outcome: r[outcome]!,
          predictors: r.x.filter((_, j) => kept[j]) as number[],
        })),
    );
  return { CSAT: analyse('csat'), NPS: analyse('nps') };
}

interface StoredRow {
  published: boolean;
  version: number;
  inquiries: number | null;
  r_squared: number | null;
  drivers: KeyDriverResult['drivers'] | null;
}

/**
 * The analysis of one edition, channel and outcome: for a published edition read from
 * `key_driver_analysis` when stored at the edition's current version by this code, otherwise
 * computed (both outcomes of the channel at once, from one read of the data) and, for a
 * published edition, stored under the version read before computing (as published-sections.ts
 * does, so a correction made meanwhile is never hidden). Null when the edition does not exist.
 */
export async function keyDrivers(
  sql: Sql,
  editionId: number,
  channel: Channel,
  outcome: KeyDriverOutcome,
): Promise<KeyDriverResult | null> {
  const [found] = await rows<StoredRow>(
    sql,
    `select e.status = 'PUBLISHED' as published, coalesce(v.version, 0) as version,
            k.inquiries, k.r_squared, k.drivers
     from edition e
     left join result_version v on v.edition_id = e.id
     left join key_driver_analysis k on k.edition_id = e.id and k.channel = $2 and k.outcome = $3
       and k.version = coalesce(v.version, 0) and k.fingerprint = $4
     where e.id = $1`,
    [editionId, channel, outcome, codeFingerprint()],
  );
  if (!found) return null;
  if (found.published && found.drivers !== null) return { inquiries: found.inquiries!, rSquared: found.r_squared, drivers: found.drivers };
  const computed = await computeKeyDrivers(sql, editionId, channel);
  if (found.published) await storeKeyDrivers(sql, editionId, channel, found.version, computed);
  return computed[outcome];
}

async function storeKeyDrivers(
  sql: Sql,
  editionId: number,
  channel: Channel,
  version: number,
  computed: Record<KeyDriverOutcome, KeyDriverResult>,
): Promise<void> {
  try {
    await sql.query(
      `insert into key_driver_analysis (edition_id, channel, outcome, inquiries, r_squared, drivers, version, fingerprint)
       select $1, $2, s.outcome, s.inquiries, s.r_squared, s.drivers, $3, $4
       from jsonb_to_recordset($5::jsonb) as s(outcome text, inquiries int, r_squared float8, drivers jsonb)
       on conflict (edition_id, channel, outcome) do update
         set inquiries = excluded.inquiries, r_squared = excluded.r_squared, drivers = excluded.drivers,
             version = excluded.version, fingerprint = excluded.fingerprint, computed_at = now()
         where key_driver_analysis.version <= excluded.version`,
      [
        editionId,
        channel,
        version,
        codeFingerprint(),
        JSON.stringify(
          KEY_DRIVER_OUTCOMES.map((outcome) => ({
            outcome,
            inquiries: computed[outcome].inquiries,
            r_squared: computed[outcome].rSquared,
            drivers: computed[outcome].drivers,
          })),
        ),
      ],
    );
  } catch (e) {
    storeFailed('Key drivers', e, 'they are computed on each request');
  }
}
