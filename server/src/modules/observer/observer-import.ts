import type { EntityManager } from '@mikro-orm/postgresql';
import type { ObserverRow } from '@ksp/shared';
import { rows, sqlOn } from '../../db/sql.js';
import { Observer } from './observer.entity.js';

export interface PoolImport {
  created: number;
  updated: number;
  /** Observers in the database but not in the file: left as they were. */
  untouched: number;
}

/** Rows an upsert statement takes: 9 parameters a row, below PostgreSQL's 65,535. */
const CHUNK = 5_000;

/**
 * Loads or updates the observer pool (`ksp observers import`) inside the caller's transaction:
 * an observer of the file is found by its id and gets everything the file says (its relations
 * too: the file's lists replace the earlier ones); an observer not in the file is left alone.
 *
 * The contacts derived from the inquiries the product holds (edition-bundle.ts) are not the
 * file's to remove: for the file's observers, `observer_company` is reduced to exactly those,
 * recomputed from the inquiries, so a relation an earlier pool (the demo) wrote there gives way
 * to the file's lists while every stored contact stays a conflict.
 */
export async function importObserverPool(em: EntityManager, pool: readonly ObserverRow[]): Promise<PoolImport> {
  if (!em.isInTransaction()) throw new Error('importObserverPool writes inside em.transactional: all of the pool or nothing.');
  const sql = sqlOn(em);
  const ids = pool.map((o) => o.observerId);
  const [before] = await rows<{ total: number; known: number }>(
    sql,
    `select count(*)::int as total, count(*) filter (where external_id = any($1::text[]))::int as known from observer`,
    [ids],
  );
  for (let i = 0; i < pool.length; i += CHUNK) {
    await em.upsertMany(
      Observer,
      pool.slice(i, i + CHUNK).map((o) => ({
        externalId: o.observerId,
        name: o.name,
        gender: o.gender,
        birthYear: o.birthYear,
        region: o.region,
        qualityScore: o.qualityScore,
        unavailableWeeks: o.unavailableWeeks,
        customerOf: o.customerOf,
        contactedBefore: o.contactedBefore,
      })),
      {
        onConflictFields: ['externalId'],
        onConflictAction: 'merge',
        onConflictMergeFields: [
          'name',
          'gender',
          'birthYear',
          'region',
          'qualityScore',
          'unavailableWeeks',
          'customerOf',
          'contactedBefore',
        ],
      },
    );
  }
  await sql.query(
    `delete from observer_company oc using observer o
     where o.id = oc.observer_id and o.external_id = any($1::text[])
       and not (oc.relation = 'CONTACTED' and exists (
         select 1 from inquiry i join participation p on p.id = i.participation_id
         where i.observer_id = oc.observer_id and p.company_id = oc.company_id))`,
    [ids],
  );
  await sql.query(
    `insert into observer_company (observer_id, company_id, relation)
     select distinct i.observer_id, p.company_id, 'CONTACTED'
     from inquiry i join participation p on p.id = i.participation_id join observer o on o.id = i.observer_id
     where o.external_id = any($1::text[]) on conflict do nothing`,
    [ids],
  );
  const known = before!.known;
  return { created: pool.length - known, updated: known, untouched: before!.total - known };
}
