import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { ObserverProfile } from '@ksp/shared';
import { generateDemo } from '../demo/generate.js';
import { rows, sqlOn, type Sql } from '../db/sql.js';
import { MAX_PARAMETERS, refreshStatistics, storeEdition } from '../modules/edition/edition-bundle.js';
import { Observer, ObserverCompany } from '../modules/observer/observer.entity.js';
import { Company } from '../modules/participation/participation.entity.js';
import { addUser } from '../modules/user/user.service.js';

export const DEMO_PASSWORD = 'ksp-demo';

export interface DemoLogin {
  email: string;
  role: string;
  who: string;
}

export interface DemoLoadOptions {
  editions: number;
  participants: number;
  /** Told after each stored edition (20 editions take a few minutes): how many of how many are stored. */
  onProgress?: (stored: number, total: number) => void;
}

/** Loads the generated demo editions, observers and one user per role and tier, in one transaction. */
export async function loadDemo(orm: MikroORM, opts: DemoLoadOptions): Promise<void> {
  const demo = generateDemo({ editions: opts.editions, participants: opts.participants });
  await orm.em.fork().transactional(async (em) => {
    const observerIds = await storeObservers(em, demo.observers);
    for (const [i, edition] of demo.editions.entries()) {
      await storeEdition(em, edition.bundle, {
        status: edition.status,
        fieldworkWeeks: edition.fieldworkWeeks,
        rolePlays: edition.rolePlays,
      });
      opts.onProgress?.(i + 1, demo.editions.length);
    }
    await storeObserverRelations(em, demo.observers, observerIds);
    await createDemoUsers(em);
  });
  await refreshStatistics(sqlOn(orm.em));
}

/** The observer pool, with what the interchange files do not carry: region and quality score. */
async function storeObservers(em: EntityManager, observers: ObserverProfile[]): Promise<Map<string, number>> {
  const stored = await em.upsertMany(
    Observer,
    observers.map((o) => ({
      externalId: o.id,
      gender: o.gender,
      birthYear: o.birthYear,
      region: o.region,
      qualityScore: o.qualityScore,
    })),
    { onConflictFields: ['externalId'], onConflictAction: 'merge', onConflictMergeFields: ['region', 'qualityScore'] },
  );
  return new Map(stored.map((o) => [o.externalId, o.id]));
}

/**
 * Customer relations and earlier contacts (outside KSP) make observers ineligible for those
 * companies. Companies that take part in no demo edition are not stored, and neither are their
 * relations; a contact already recorded from the demo inquiries stays as it is.
 */
async function storeObserverRelations(em: EntityManager, observers: ObserverProfile[], observerIds: Map<string, number>) {
  const companyIds = new Map((await em.find(Company, {}, { fields: ['slug'] })).map((c) => [c.slug, c.id]));
  const relations = observers
    .flatMap((o) => [
      ...o.customerOf.map((slug) => [o.id, slug, 'CUSTOMER'] as const),
      ...o.contactedBefore.map((slug) => [o.id, slug, 'CONTACTED'] as const),
    ])
    .filter(([, slug]) => companyIds.has(slug))
    .map(([observer, slug, relation]) => ({ observer: observerIds.get(observer)!, company: companyIds.get(slug)!, relation }));
  const size = Math.floor(MAX_PARAMETERS / 3);
  for (let i = 0; i < relations.length; i += size) {
    await em
      .createQueryBuilder(ObserverCompany)
      .insert(relations.slice(i, i + size))
      .onConflict()
      .ignore()
      .execute();
  }
}

/** One login per role and tier, bound to companies picked from the newest edition so every case can be tried. */
async function createDemoUsers(em: EntityManager): Promise<void> {
  const client = sqlOn(em);
  const pick = async (where: string) =>
    (
      await rows<{ slug: string; name: string }>(
        client,
        `select c.slug, c.name from participation p join company c on c.id = p.company_id
     where p.edition_id = (select id from edition order by year desc limit 1) and ${where} order by c.slug limit 1`,
      )
    )[0];
  const konkurrent = await pick(
    `p.tier = 'KONKURRENT' and p.report_purchased and exists (select 1 from participation_competitor pc where pc.participation_id = p.id)`,
  );
  const enkel = await pick(`p.tier = 'ENKEL' and p.report_purchased`);
  const noReport = await pick(`not p.report_purchased`);
  const [observer] = await rows<{ external_id: string }>(
    client,
    'select o.external_id from observer o where exists (select 1 from inquiry i where i.observer_id = o.id) order by o.external_id limit 1',
  );

  const add = (email: string, role: 'STAFF' | 'MANAGER' | 'OBSERVER', binding: { companySlug?: string; observerId?: string } = {}) =>
    addUser(em, { email, password: DEMO_PASSWORD, role, ...binding });
  await add('staff@ksp.demo', 'STAFF');
  if (konkurrent) await add('konkurrent@ksp.demo', 'MANAGER', { companySlug: konkurrent.slug });
  if (enkel) await add('enkel@ksp.demo', 'MANAGER', { companySlug: enkel.slug });
  if (noReport) await add('uten-rapport@ksp.demo', 'MANAGER', { companySlug: noReport.slug });
  if (observer) await add('observer@ksp.demo', 'OBSERVER', { observerId: observer.external_id });
}

/** The demo users with what each can try, described from the newest edition. */
export async function listDemoLogins(sql: Sql): Promise<DemoLogin[]> {
  return rows<DemoLogin>(
    sql,
    `select u.email, u.role,
            case u.role when 'STAFF' then 'project manager: sees everything'
                        when 'OBSERVER' then 'observer ' || o.external_id
                        else c.name || ': ' || lower(p.tier) || ' tier, ' || case when p.report_purchased then 'report bought' else 'no report bought' end
            end as who
     from app_user u left join company c on c.id = u.company_id left join observer o on o.id = u.observer_id
     left join participation p on p.company_id = c.id and p.edition_id = (select id from edition order by year desc limit 1)
     where u.email like '%@ksp.demo' order by u.id`,
  );
}

export function printDemoLogins(logins: DemoLogin[]): void {
  if (!logins.length) return;
  console.log(`Demo logins (password "${DEMO_PASSWORD}"):`);
  for (const l of logins) console.log(`  ${l.email.padEnd(24)} ${l.role.padEnd(9)} ${l.who}`);
}
