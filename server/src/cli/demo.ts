import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { ObserverProfile } from '@ksp/shared';
import { generateDemo } from '../demo/generate.js';
import { rows, sqlOn, type Sql } from '../db/sql.js';
import { refreshStatistics, storeEdition } from '../modules/edition/edition-bundle.js';
import { addUser } from '../modules/user/user.service.js';

export const DEMO_PASSWORD = 'ksp-demo';

export interface DemoLogin { email: string; role: string; who: string }

/** Loads the generated demo editions, observers and one user per role and tier, in one transaction. */
export async function loadDemo(orm: MikroORM, opts: { editions: number; participants: number }): Promise<void> {
  const demo = generateDemo({ editions: opts.editions, participants: opts.participants });
  await orm.em.fork().transactional(async (em) => {
    const sql = sqlOn(em);
    await storeObservers(sql, demo.observers);
    for (const edition of demo.editions) {
      await storeEdition(em, edition.bundle, { status: edition.status, fieldworkWeeks: edition.fieldworkWeeks, rolePlays: edition.rolePlays });
    }
    await storeObserverRelations(sql, demo.observers);
    await createDemoUsers(em);
  });
  await refreshStatistics(sqlOn(orm.em));
}

async function storeObservers(client: Sql, observers: ObserverProfile[]) {
  await client.query(
    `insert into observer (external_id, gender, birth_year, region, quality_score)
     select * from unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::numeric[])
     on conflict (external_id) do update set region = excluded.region, quality_score = excluded.quality_score`,
    [observers.map((o) => o.id), observers.map((o) => o.gender), observers.map((o) => o.birthYear),
      observers.map((o) => o.region), observers.map((o) => o.qualityScore)]);
}

/** Customer relations and earlier contacts (outside KSP) make observers ineligible for those companies. */
async function storeObserverRelations(client: Sql, observers: ObserverProfile[]) {
  const pairs = observers.flatMap((o) => [
    ...o.customerOf.map((slug) => [o.id, slug, 'CUSTOMER'] as const),
    ...o.contactedBefore.map((slug) => [o.id, slug, 'CONTACTED'] as const),
  ]);
  await client.query(
    `insert into observer_company (observer_id, company_id, relation)
     select o.id, c.id, u.relation from unnest($1::text[], $2::text[], $3::text[]) as u(observer, slug, relation)
     join observer o on o.external_id = u.observer join company c on c.slug = u.slug
     on conflict do nothing`,
    [pairs.map((p) => p[0]), pairs.map((p) => p[1]), pairs.map((p) => p[2])]);
}

/** One login per role and tier, bound to companies picked from the newest edition so every case can be tried. */
async function createDemoUsers(em: EntityManager): Promise<void> {
  const client = sqlOn(em);
  const pick = async (where: string) => (await rows<{ slug: string; name: string }>(client,
    `select c.slug, c.name from participation p join company c on c.id = p.company_id
     where p.edition_id = (select id from edition order by year desc limit 1) and ${where} order by c.slug limit 1`))[0];
  const konkurrent = await pick(`p.tier = 'KONKURRENT' and p.report_purchased and exists (select 1 from participation_competitor pc where pc.participation_id = p.id)`);
  const enkel = await pick(`p.tier = 'ENKEL' and p.report_purchased`);
  const noReport = await pick(`not p.report_purchased`);
  const [observer] = await rows<{ external_id: string }>(client,
    'select o.external_id from observer o where exists (select 1 from inquiry i where i.observer_id = o.id) order by o.external_id limit 1');

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
  return rows<DemoLogin>(sql,
    `select u.email, u.role,
            case u.role when 'STAFF' then 'project manager: sees everything'
                        when 'OBSERVER' then 'observer ' || o.external_id
                        else c.name || ': ' || lower(p.tier) || ' tier, ' || case when p.report_purchased then 'report bought' else 'no report bought' end
            end as who
     from app_user u left join company c on c.id = u.company_id left join observer o on o.id = u.observer_id
     left join participation p on p.company_id = c.id and p.edition_id = (select id from edition order by year desc limit 1)
     where u.email like '%@ksp.demo' order by u.id`);
}

export function printDemoLogins(logins: DemoLogin[]): void {
  if (!logins.length) return;
  console.log(`Demo logins (password "${DEMO_PASSWORD}"):`);
  for (const l of logins) console.log(`  ${l.email.padEnd(24)} ${l.role.padEnd(9)} ${l.who}`);
}
