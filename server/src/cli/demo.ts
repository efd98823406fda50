import crypto from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { contactPointsOf } from '@ksp/shared/signup/contact-points';
import { signUpProblems } from '@ksp/shared/signup/sign-up';
import { generateDemo } from '../demo/generate.js';
import type { DemoPlanning, DemoSignUp } from '../demo/planning.js';
import { DEMO_OBSERVER, startDemoFieldwork } from './demo-fieldwork.js';
import { rows, sqlOn, type Sql } from '../db/sql.js';
import { refreshStatistics, storeEdition } from '../modules/edition/edition-bundle.js';
import { copyEdition } from '../modules/edition/edition-setup.service.js';
import { Edition } from '../modules/edition/edition.entity.js';
import { importObserverPool } from '../modules/observer/observer-import.js';
import { acceptSignUp, declineSignUp } from '../modules/signup/sign-up.service.js';
import { SignUp } from '../modules/signup/sign-up.entity.js';
import { hashPassword } from '../modules/user/password.js';
import { User } from '../modules/user/user.entity.js';
import { addUser } from '../modules/user/user.service.js';

export const DEMO_PASSWORD = 'ksp-demo';

/** The demo users are described by the newest published edition: the one being planned has no results to try. */
const NEWEST_PUBLISHED = `select id from edition where status = 'PUBLISHED' order by year desc limit 1`;

export interface DemoLogin {
  email: string;
  role: string;
  who: string;
}

export interface DemoLoadOptions {
  editions: number;
  participants: number;
  /**
   * Also the two years after the newest edition: the first in FIELDWORK (planned, with responses
   * in every review state), the second in PLANNING with sign-ups pending and declined (default
   * true; the benchmark's data sets hold published editions only).
   */
  planning?: boolean;
  /** The load's clock, which the returned responses are dated against (default: now). */
  now?: Date;
  /** Told after each stored edition (20 editions take a few minutes): how many of how many are stored. */
  onProgress?: (stored: number, total: number) => void;
}

/** The staff user who decides the demo's sign-ups. */
const DEMO_STAFF = 'staff@ksp.demo';

/**
 * Loads the generated demo: the observer pool (as `ksp observers import`), the published editions,
 * the companies' organisation numbers and one user per role and tier, in one transaction; then
 * the editions in fieldwork and being planned, made as staff make them (copied from the newest,
 * participants coming in through sign-ups that the staff user accepts or declines, the fieldwork
 * planned by the real planner). That second part runs
 * through the services staff use, which keep their own transactions: should it fail, the
 * published editions are there without it.
 */
export async function loadDemo(orm: MikroORM, opts: DemoLoadOptions): Promise<void> {
  const demo = generateDemo({ editions: opts.editions, participants: opts.participants, planning: opts.planning ?? true });
  await orm.em.fork().transactional(async (em) => {
    await importObserverPool(em, demo.pool);
    for (const [i, edition] of demo.editions.entries()) {
      await storeEdition(em, edition.bundle, {
        status: edition.status,
        fieldworkWeeks: edition.fieldworkWeeks,
        rolePlays: edition.rolePlays,
      });
      opts.onProgress?.(i + 1, demo.editions.length);
    }
    await sqlOn(em).query(
      `update company c set organisation_number = v.number from unnest($1::text[], $2::text[]) v(slug, number) where c.slug = v.slug`,
      [demo.companies.map((c) => c.slug), demo.companies.map((c) => c.organisationNumber)],
    );
    await createDemoUsers(em);
    if (demo.planning) await createContactManagers(em, demo.planning);
  });
  if (demo.planning) await runNextEditions(orm, demo.planning, opts.now ?? new Date());
  await refreshStatistics(sqlOn(orm.em));
}

/**
 * Last year's contact persons already have manager accounts, so accepting their sign-ups leaves
 * the accounts as they are instead of making a welcome link each (and hashing a password each:
 * some 190 Argon2 hashes would add seconds to `pnpm start`). Nobody knows the password; the new
 * companies' contacts get their welcome link when staff accept them.
 */
async function createContactManagers(em: EntityManager, planning: DemoPlanning): Promise<void> {
  const returning = planning.signUps.filter((s) => s.companySlug !== undefined && s.decision === 'ACCEPT');
  const hash = await hashPassword(crypto.randomBytes(32).toString('base64url'));
  await sqlOn(em).query(
    `insert into app_user (email, password_hash, role, company_id)
     select v.email, $3, 'MANAGER', c.id from unnest($1::text[], $2::text[]) with ordinality v(email, slug, n)
     join company c on c.slug = v.slug order by v.n`,
    [returning.map((s) => s.contactEmail.toLowerCase()), returning.map((s) => s.companySlug!), hash],
  );
}

/**
 * An edition as staff make it: a copy of `fromYear` (`copyEdition`), the sign-ups as companies
 * send them, and staff's decisions through `acceptSignUp` and `declineSignUp` (those left PENDING
 * wait for a newcomer to decide). The sign-ups are written as `submitSignUp` writes them after
 * the same shared check, all at once: one at a time, a company could not name a competitor whose
 * sign-up comes later.
 */
async function signUpForEdition(orm: MikroORM, fromYear: number, year: number, signUps: DemoSignUp[]): Promise<void> {
  await copyEdition(orm.em.fork(), fromYear, year, null);
  await orm.em.fork().transactional(async (tx) => {
    const edition = await tx.findOneOrFail(Edition, { year });
    const staff = await tx.findOneOrFail(User, { email: DEMO_STAFF });
    const knownCompanies = signUps.map((s) => s.companyName);
    const stored = signUps.map((s) => {
      const problems = signUpProblems(s, { classNames: [], knownCompanies });
      if (problems.length) throw new Error(`demo: the sign-up of ${s.companyName} breaks the rules: ${JSON.stringify(problems)}`);
      const { decision: _decision, declineReason: _reason, companySlug: _slug, contactPoints, ...fields } = s;
      return { s, signUp: tx.create(SignUp, { edition, ...fields, contactPoints: contactPointsOf(contactPoints), status: 'PENDING' }) };
    });
    await tx.flush();
    const decisions = stored.map(({ s, signUp }) => ({ s, id: signUp.id }));
    const staffId = staff.id;
    // A nested transaction starts from a copy of the identity map: emptied after each decision,
    // 190 acceptances take about 5 s instead of 12 s.
    tx.clear();
    for (const { s, id } of decisions) {
      if (s.decision === 'ACCEPT') await acceptSignUp(tx, id, staffId);
      else if (s.decision === 'DECLINE') await declineSignUp(tx, id, s.declineReason!, staffId);
      tx.clear();
    }
  });
}

/**
 * The demo's two unpublished editions: the year after the newest published one, its participants
 * last year's companies signed up again and accepted, planned and halfway through FIELDWORK
 * (cli/demo-fieldwork.ts); and the year after that in PLANNING with the new companies' sign-ups,
 * pending and declined.
 */
async function runNextEditions(orm: MikroORM, planning: DemoPlanning, now: Date): Promise<void> {
  await signUpForEdition(
    orm,
    planning.fromYear,
    planning.year,
    planning.signUps.filter((s) => s.decision === 'ACCEPT'),
  );
  const staff = await orm.em.fork().findOneOrFail(User, { email: DEMO_STAFF });
  await startDemoFieldwork(orm, planning.year, staff.id, now);
  await signUpForEdition(
    orm,
    planning.year,
    planning.nextYear,
    planning.signUps.filter((s) => s.decision !== 'ACCEPT'),
  );
}

/** One login per role and tier, bound to companies picked from the newest published edition so every case can be tried. */
async function createDemoUsers(em: EntityManager): Promise<void> {
  const client = sqlOn(em);
  const pick = async (where: string) =>
    (
      await rows<{ slug: string; name: string }>(
        client,
        `select c.slug, c.name from participation p join company c on c.id = p.company_id
     where p.edition_id = (${NEWEST_PUBLISHED}) and ${where} order by c.slug limit 1`,
      )
    )[0];
  const konkurrent = await pick(
    `p.tier = 'KONKURRENT' and p.report_purchased and exists (select 1 from participation_competitor pc where pc.participation_id = p.id)`,
  );
  const enkel = await pick(`p.tier = 'ENKEL' and p.report_purchased`);
  const noReport = await pick(`not p.report_purchased`);
  const [observer] = await rows<{ external_id: string }>(
    client,
    // One who has done KSP fieldwork before and passes today's quality threshold, so the edition
    // in fieldwork can give them work.
    `select o.external_id from observer o where exists (select 1 from inquiry i where i.observer_id = o.id)
       and o.quality_score >= (select min_quality_score from edition where id = (${NEWEST_PUBLISHED}))
     order by o.external_id limit 1`,
  );

  const add = (email: string, role: 'STAFF' | 'MANAGER' | 'OBSERVER', binding: { companySlug?: string; observerId?: string } = {}) =>
    addUser(em, { email, password: DEMO_PASSWORD, role, ...binding });
  await add(DEMO_STAFF, 'STAFF');
  if (konkurrent) await add('konkurrent@ksp.demo', 'MANAGER', { companySlug: konkurrent.slug });
  if (enkel) await add('enkel@ksp.demo', 'MANAGER', { companySlug: enkel.slug });
  if (noReport) await add('uten-rapport@ksp.demo', 'MANAGER', { companySlug: noReport.slug });
  if (observer) await add(DEMO_OBSERVER, 'OBSERVER', { observerId: observer.external_id });
}

/** The demo users with what each can try, described from the newest published edition. */
export async function listDemoLogins(sql: Sql): Promise<DemoLogin[]> {
  return rows<DemoLogin>(
    sql,
    `select u.email, u.role,
            case u.role when 'STAFF' then 'project manager: sees everything'
                        when 'OBSERVER' then 'observer ' || o.external_id
                        else c.name || ': ' || lower(p.tier) || ' tier, ' || case when p.report_purchased then 'report bought' else 'no report bought' end
            end as who
     from app_user u left join company c on c.id = u.company_id left join observer o on o.id = u.observer_id
     left join participation p on p.company_id = c.id and p.edition_id = (${NEWEST_PUBLISHED})
     where u.email like '%@ksp.demo' order by u.id`,
  );
}

export function printDemoLogins(logins: DemoLogin[]): void {
  if (!logins.length) return;
  console.log(`Demo logins (password "${DEMO_PASSWORD}"):`);
  for (const l of logins) console.log(`  ${l.email.padEnd(24)} ${l.role.padEnd(9)} ${l.who}`);
}
