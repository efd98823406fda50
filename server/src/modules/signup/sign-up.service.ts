import crypto from 'node:crypto';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { chooseChannels, type Channel, type EditionStatus, type Tier } from '@ksp/shared';
import {
  findKnownCompany,
  sameCompanyName,
  SIGN_UP_LIMITS,
  signUpProblems,
  type FieldProblem,
  type SignUpDraft,
} from '@ksp/shared/signup/sign-up';
import { contactPointsOf, type ContactPoints } from '@ksp/shared/signup/contact-points';
import { normaliseOrganisationNumber } from '@ksp/shared/signup/organisation-number';
import { uniqueSlug } from '@ksp/shared/signup/slug';
import { rows, sqlOn, type Sql } from '../../db/sql.js';
import { BadInput, NotFound } from '../../errors.js';
import { Edition } from '../edition/edition.entity.js';
import { Company, IndustryClass, Participation, ParticipationCompetitor } from '../participation/participation.entity.js';
import { User, UserSession } from '../user/user.entity.js';
import { hashPassword } from '../user/password.js';
import { SignUp, WelcomeLink, type SignUpStatus } from './sign-up.entity.js';

/** How long a new manager's one-time sign-in link works. */
export const WELCOME_LINK_DAYS = 14;
/** The path of the page where a new manager sets a password with the link's token. */
export const WELCOME_PATH = '/velkommen/';

/** What the public sign-up form needs of an edition. */
export interface SignUpFormRow {
  year: number;
  name: string;
  status: EditionStatus;
  /** Whether sign-up is open: the edition is in PLANNING. */
  open: boolean;
  classNames: string[];
  /** Names a competitor can be picked from (participants and sign-ups not declined); empty when sign-up is closed. */
  companyNames: string[];
}

/** The edition a sign-up form is for, its classes, and the names competitors are picked from (only while sign-up is open). */
export async function signUpForm(sql: Sql, year: number): Promise<SignUpFormRow> {
  const [edition] = await rows<{ id: number; year: number; name: string; status: EditionStatus; classNames: string[] }>(
    sql,
    `select e.id, e.year, e.name, e.status,
       coalesce((select array_agg(k.name order by k.name) from industry_class k where k.edition_id = e.id), '{}') as "classNames"
     from edition e where e.year = $1`,
    [year],
  );
  if (!edition) throw new NotFound(`Det finnes ingen utgave ${year}.`);
  const open = edition.status === 'PLANNING';
  return {
    year: edition.year,
    name: edition.name,
    status: edition.status,
    open,
    // Closed: nothing of who takes part leaks before publication.
    classNames: open ? edition.classNames : [],
    companyNames: open ? await knownCompanies(sql, edition.id) : [],
  };
}

/** The edition's participants and its sign-ups that are not declined, by name, alphabetically, each once. */
async function knownCompanies(sql: Sql, editionId: number, exceptSignUpId?: number): Promise<string[]> {
  const found = await rows<{ name: string }>(
    sql,
    `select c.name from participation p join company c on c.id = p.company_id where p.edition_id = $1
     union
     select s.company_name from sign_up s where s.edition_id = $1 and s.status <> 'DECLINED' and s.id is distinct from $2
     order by 1`,
    [editionId, exceptSignUpId ?? null],
  );
  return found.map((r) => r.name);
}

/** Every field at fault in `extensions.fields` ({ field, reason, message, … }: errors.ts BadFieldsDetail). */
function refuse(problems: FieldProblem[]): never {
  throw new BadInput(problems.map((p) => p.message).join(' '), { fields: problems });
}

/**
 * A company's own sign-up (anyone, the edition in PLANNING): checked by the shared rules, one per
 * organisation number and edition (a participant's number too), stored PENDING.
 */
export async function submitSignUp(em: EntityManager, year: number, input: SignUpDraft): Promise<SignUp> {
  try {
    return await em.transactional(async (tx) => {
      const edition = await tx.findOne(Edition, { year });
      if (!edition) throw new NotFound(`Det finnes ingen utgave ${year}.`);
      if (edition.status !== 'PLANNING') {
        throw new BadInput(`Påmeldingen til ${edition.name} er stengt: utgaven er ikke lenger i planlegging.`, { rule: 'NOT_PLANNING' });
      }
      const sql = sqlOn(tx);
      const classNames = (await tx.find(IndustryClass, { edition }, { orderBy: { name: 'asc' } })).map((k) => k.name);
      const known = await knownCompanies(sql, edition.id);
      const problems = signUpProblems(input, { classNames, knownCompanies: known });
      if (problems.length > 0) refuse(problems);

      const organisationNumber = normaliseOrganisationNumber(input.organisationNumber);
      await refuseTakenNumber(sql, edition, organisationNumber);
      const signUp = tx.create(SignUp, {
        edition,
        companyName: input.companyName.trim(),
        organisationNumber,
        className: input.className.trim(),
        tier: input.tier as Tier,
        channels: input.channels as Channel[],
        // As the edition knows them, so they match when linked.
        competitors: (input.competitors ?? []).map((c) => findKnownCompany(c, known)!),
        reportPurchased: input.reportPurchased,
        openingHours: input.openingHours?.trim() || null,
        contactPoints: contactPointsOf(input.contactPoints),
        contactName: input.contactName.trim(),
        contactEmail: input.contactEmail.trim(),
        status: 'PENDING',
      });
      await tx.flush();
      return signUp;
    });
  } catch (error) {
    // Two sign-ups with one number at the same moment: the database's unique key refuses the second.
    if (error instanceof UniqueConstraintViolationException) refuse([takenProblem()]);
    throw error;
  }
}

const takenProblem = (): FieldProblem => ({
  field: 'organisationNumber',
  reason: 'ALREADY_SIGNED_UP',
  message: 'Dette organisasjonsnummeret er allerede påmeldt denne utgaven.',
});

async function refuseTakenNumber(sql: Sql, edition: Edition, organisationNumber: string): Promise<void> {
  const [taken] = await rows<{ one: number }>(
    sql,
    `select 1 as one from sign_up where edition_id = $1 and organisation_number = $2
     union all
     select 1 from participation p join company c on c.id = p.company_id where p.edition_id = $1 and c.organisation_number = $2`,
    [edition.id, organisationNumber],
  );
  if (taken) refuse([takenProblem()]);
}

/** A sign-up as staff see it. */
export interface SignUpRow {
  id: number;
  year: number;
  companyName: string;
  organisationNumber: string;
  className: string;
  tier: Tier;
  channels: Channel[];
  competitors: string[];
  reportPurchased: boolean;
  openingHours: string | null;
  contactPoints: ContactPoints;
  contactName: string;
  contactEmail: string;
  status: SignUpStatus;
  createdAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  declineReason: string | null;
  companySlug: string | null;
}

const SELECT = `select s.id, e.year, s.company_name as "companyName", s.organisation_number as "organisationNumber",
  s.class_name as "className", s.tier, s.channels, s.competitors, s.report_purchased as "reportPurchased",
  s.opening_hours as "openingHours", s.contact_points as "contactPoints", s.contact_name as "contactName", s.contact_email as "contactEmail", s.status,
  s.created_at as "createdAt", s.decided_at as "decidedAt", u.email as "decidedBy", s.decline_reason as "declineReason",
  c.slug as "companySlug"
  from sign_up s join edition e on e.id = s.edition_id
  left join app_user u on u.id = s.decided_by_user_id
  left join participation p on p.id = s.participation_id left join company c on c.id = p.company_id`;

/** An edition's sign-ups: pending first, oldest first (the queue); then the decided ones, latest decision first. */
export async function listSignUps(sql: Sql, year: number): Promise<SignUpRow[]> {
  const [edition] = await rows<{ id: number }>(sql, `select id from edition where year = $1`, [year]);
  if (!edition) throw new NotFound(`Det finnes ingen utgave ${year}.`);
  return rows<SignUpRow>(
    sql,
    `${SELECT} where s.edition_id = $1
     order by s.status <> 'PENDING', case when s.status = 'PENDING' then s.created_at end, s.decided_at desc, s.id`,
    [edition.id],
  );
}

export async function signUpById(sql: Sql, id: number): Promise<SignUpRow | undefined> {
  return (await rows<SignUpRow>(sql, `${SELECT} where s.id = $1`, [id]))[0];
}

/** A pending sign-up, locked until the decision commits, so two staff cannot decide it twice. */
async function pendingSignUp(tx: EntityManager, id: number): Promise<SignUp> {
  const signUp = await tx.findOne(SignUp, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['edition'] });
  if (!signUp) throw new NotFound(`Det finnes ingen påmelding ${id}.`);
  if (signUp.status !== 'PENDING') {
    throw new BadInput(`Påmeldingen fra ${signUp.companyName} er allerede ${signUp.status === 'ACCEPTED' ? 'godtatt' : 'avslått'}.`, {
      rule: 'ALREADY_DECIDED',
      status: signUp.status,
    });
  }
  return signUp;
}

/** What accepting gave the contact person: a new manager account with a one-time link, or the existing account left as it was. */
export interface ManagerWelcome {
  email: string;
  /** The one-time sign-in link's path (`/velkommen/<token>`); null when the e-mail already had an account. */
  link: string | null;
  expiresAt: Date | null;
  existingUser: boolean;
}

export interface Accepted {
  year: number;
  companySlug: string;
  welcome: ManagerWelcome;
}

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/**
 * Accepts a pending sign-up, all in one transaction: the company (found by organisation number, so
 * last year's results follow it; else created with a slug of its name), the class if the edition
 * lacks it (possible only when the edition had no classes at sign-up), the participation (at most
 * three channels, chooseChannels), the competitor picks among the participants (and the picks of
 * accepted sign-ups that named this company), the contact points (all given; an observer is
 * shown the one of the assignment's channel), the contact person as the company's manager with a
 * one-time sign-in link (an existing account is left as it is), and who decided when.
 */
export async function acceptSignUp(em: EntityManager, id: number, staffUserId: number): Promise<Accepted> {
  return em.transactional(async (tx) => {
    const signUp = await pendingSignUp(tx, id);
    const edition = signUp.edition;
    if (edition.status !== 'PLANNING') {
      throw new BadInput(`${edition.name} er ikke lenger i planlegging: en påmelding kan bare godtas før feltarbeidet.`, {
        rule: 'NOT_PLANNING',
      });
    }
    const company =
      (await tx.findOne(Company, { organisationNumber: signUp.organisationNumber })) ??
      (await createCompany(tx, signUp.companyName, signUp.organisationNumber));
    if (await tx.findOne(Participation, { edition, company })) {
      throw new BadInput(`${company.name} er allerede deltaker i ${edition.name}.`, { rule: 'ALREADY_PARTICIPANT' });
    }
    const industryClass =
      (await tx.findOne(IndustryClass, { edition, name: signUp.className })) ??
      tx.create(IndustryClass, { edition, name: signUp.className });
    const participation = tx.create(Participation, {
      edition,
      company,
      industryClass,
      tier: signUp.tier,
      channels: chooseChannels(signUp.channels, edition.thirdChannel),
      reportPurchased: signUp.reportPurchased,
      openingHours: signUp.openingHours ?? null,
      contactPoints: signUp.contactPoints,
    });
    await tx.flush();
    await linkCompetitors(tx, signUp, participation);

    const welcome = await welcomeManager(tx, signUp.contactEmail, company);
    tx.assign(signUp, { status: 'ACCEPTED', decidedAt: new Date(), decidedBy: tx.getReference(User, staffUserId), participation });
    await tx.flush();
    return { year: edition.year, companySlug: company.slug, welcome };
  });
}

async function createCompany(tx: EntityManager, name: string, organisationNumber: string): Promise<Company> {
  const base = uniqueSlug(name, () => false);
  const taken = new Set(
    (await rows<{ slug: string }>(sqlOn(tx), `select slug from company where slug = $1 or slug like $1 || '-%'`, [base])).map(
      (r) => r.slug,
    ),
  );
  const company = tx.create(Company, { slug: uniqueSlug(name, (s) => taken.has(s)), name: name.trim(), organisationNumber });
  await tx.flush();
  return company;
}

/**
 * The competitor picks that can be made now: this sign-up's names that are participants, and the
 * names of this company in the lists of sign-ups accepted earlier (still waiting for it). A pick
 * keeps its place in the list it came from.
 */
async function linkCompetitors(tx: EntityManager, signUp: SignUp, participation: Participation): Promise<void> {
  const edition = participation.edition;
  const participants = await tx.find(Participation, { edition }, { populate: ['company'] });
  const own = participation.company;
  const picks: { chooser: Participation; competitor: Company; position: number }[] = [];
  signUp.competitors.forEach((name, i) => {
    const found = participants.find((p) => p.company.id !== own.id && sameCompanyName(p.company.name, name));
    if (found) picks.push({ chooser: participation, competitor: found.company, position: i + 1 });
  });
  // The names others used for this company: the name it signed up with, and the company's own.
  const names = [signUp.companyName, own.name];
  const waiting = await tx.find(SignUp, { edition, status: 'ACCEPTED', tier: 'KONKURRENT' }, { populate: ['participation'] });
  for (const other of waiting) {
    if (!other.participation) continue;
    const i = other.competitors.findIndex((c) => names.some((n) => sameCompanyName(c, n)));
    if (i >= 0) picks.push({ chooser: other.participation, competitor: own, position: i + 1 });
  }
  for (const pick of picks) {
    const exists = await tx.findOne(ParticipationCompetitor, { participation: pick.chooser, competitorCompany: pick.competitor });
    if (exists) continue;
    tx.create(ParticipationCompetitor, {
      participation: pick.chooser,
      competitorCompany: pick.competitor,
      edition,
      company: pick.chooser.company,
      tier: 'KONKURRENT',
      position: pick.position,
    });
  }
  await tx.flush();
}

async function welcomeManager(tx: EntityManager, contactEmail: string, company: Company): Promise<ManagerWelcome> {
  const email = contactEmail.trim().toLowerCase();
  if (await tx.findOne(User, { email })) return { email, link: null, expiresAt: null, existingUser: true };
  // No password anyone knows until the link sets one.
  const user = tx.create(User, {
    email,
    passwordHash: await hashPassword(crypto.randomBytes(32).toString('base64url')),
    role: 'MANAGER',
    company,
  });
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + WELCOME_LINK_DAYS * 24 * 3600 * 1000);
  tx.create(WelcomeLink, { tokenHash: hashToken(token), user, expiresAt });
  await tx.flush();
  return { email, link: `${WELCOME_PATH}${token}`, expiresAt, existingUser: false };
}

/** Declines a pending sign-up with a reason the company can be told; who decided when is kept. */
export async function declineSignUp(em: EntityManager, id: number, reason: string, staffUserId: number): Promise<number> {
  const why = reason.trim();
  if (why === '') {
    throw new BadInput('Skriv hvorfor påmeldingen avslås.', {
      fields: [{ field: 'reason', reason: 'REQUIRED', message: 'Skriv en begrunnelse.' }],
    });
  }
  return em.transactional(async (tx) => {
    const signUp = await pendingSignUp(tx, id);
    tx.assign(signUp, { status: 'DECLINED', decidedAt: new Date(), decidedBy: tx.getReference(User, staffUserId), declineReason: why });
    await tx.flush();
    return signUp.id;
  });
}

const INVALID_LINK = 'Lenken virker ikke: den er ukjent, utløpt eller allerede brukt. Be KSP om en ny.';

/** The e-mail a valid, unused welcome link is for, or null. */
export async function welcomeLinkEmail(sql: Sql, token: string): Promise<{ email: string; expiresAt: Date } | null> {
  const [row] = await rows<{ email: string; expiresAt: Date }>(
    sql,
    `select u.email, w.expires_at as "expiresAt" from welcome_link w join app_user u on u.id = w.user_id
     where w.token_hash = $1 and w.used_at is null and w.expires_at > now()`,
    [hashToken(token)],
  );
  return row ?? null;
}

/**
 * Sets the new manager's password with the link's token, once: the link is marked used in the same
 * transaction (locked, so two tabs cannot both use it). Returns the user to sign in.
 */
export async function useWelcomeLink(em: EntityManager, token: string, password: string): Promise<{ email: string }> {
  if (password.length < SIGN_UP_LIMITS.minPassword) {
    const message = `Passordet må ha minst ${SIGN_UP_LIMITS.minPassword} tegn.`;
    throw new BadInput(message, { fields: [{ field: 'password', reason: 'TOO_SHORT', message, min: SIGN_UP_LIMITS.minPassword }] });
  }
  const passwordHash = await hashPassword(password);
  return em.transactional(async (tx) => {
    const link = await tx.findOne(
      WelcomeLink,
      { tokenHash: hashToken(token) },
      { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['user'] },
    );
    if (!link || link.usedAt || link.expiresAt <= new Date()) throw new BadInput(INVALID_LINK, { rule: 'INVALID_LINK' });
    link.usedAt = new Date();
    link.user.passwordHash = passwordHash;
    await tx.nativeDelete(UserSession, { user: link.user });
    await tx.flush();
    return { email: link.user.email };
  });
}
