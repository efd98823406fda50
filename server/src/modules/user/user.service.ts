import crypto from 'node:crypto';
import { ROLES, type Role } from '@ksp/shared';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../access/viewer.js';
import { rows, sqlOn, type Sql } from '../../db/sql.js';
import { Company } from '../participation/participation.entity.js';
import { Observer } from '../observer/observer.entity.js';
import { User, UserSession } from './user.entity.js';
import { BadInput, NotFound, quote } from '../../errors.js';
import { hashPassword, verifyPassword } from './password.js';

export const SESSION_COOKIE = 'ksp_session';
export const SESSION_DAYS = 30;

export interface NewUser {
  email: string;
  password: string;
  role: Role;
  companySlug?: string;
  observerId?: string;
}

/**
 * Creates a user, or resets the password, role and binding of an existing one (`ksp user add` is
 * idempotent). Re-adding ends every session of that user in the same transaction: a re-set password
 * is often a leaked one, and a session must not outlive the role or company it was opened under.
 */
export async function addUser(em: EntityManager, u: NewUser): Promise<number> {
  const email = u.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new BadInput(`"${u.email}" is not an e-mail address.`);
  if (!ROLES.includes(u.role)) throw new BadInput(`Role must be one of ${ROLES.join(', ')}, got "${u.role}".`);
  if (u.password.length < 8) throw new BadInput('The password must have at least 8 characters.');
  const passwordHash = await hashPassword(u.password);
  return em.transactional(async (tx) => {
    let company: Company | null = null;
    let observer: Observer | null = null;
    if (u.role === 'MANAGER') {
      if (!u.companySlug) throw new BadInput('A MANAGER needs --company SLUG.');
      company = await tx.findOne(Company, { slug: u.companySlug });
      if (!company) throw new BadInput(`There is no company "${u.companySlug}".`);
    } else if (u.companySlug) throw new BadInput('--company is only for a MANAGER.');
    if (u.role === 'OBSERVER') {
      if (!u.observerId) throw new BadInput('An OBSERVER needs --observer ID.');
      observer = await tx.findOne(Observer, { externalId: u.observerId });
      if (!observer) throw new BadInput(`There is no observer "${u.observerId}".`);
    }
    const existing = await tx.findOne(User, { email });
    if (existing) await tx.nativeDelete(UserSession, { user: existing });
    const user = existing ?? tx.create(User, { email, passwordHash, role: u.role });
    tx.assign(user, { passwordHash, role: u.role, company, observer });
    await tx.flush();
    return user.id;
  });
}

/**
 * Where the audit trails name a user: who reviewed, planned, submitted, decided a sign-up, moved an
 * edition's status, corrected a response, asked or decided a query. The schema would keep these
 * rows but null their actor, and "who did this" is what they are for.
 */
const AUDIT_COLUMNS = [
  ['review_event', 'actor_user_id'],
  ['assignment_event', 'actor_user_id'],
  ['edition_event', 'actor_user_id'],
  ['sign_up', 'decided_by_user_id'],
  ['fieldwork_plan', 'planned_by_user_id'],
  ['response_correction', 'actor_user_id'],
  ['response_query', 'asked_by_user_id'],
  ['response_query', 'decided_by_user_id'],
] as const;

/**
 * Removes a user and ends its sessions, in one transaction; returns how many sessions were open.
 * A user named in an audit trail (AUDIT_COLUMNS) is refused rather than removed.
 */
export async function removeUser(em: EntityManager, email: string): Promise<{ sessions: number }> {
  const address = email.trim().toLowerCase();
  return em.transactional(async (tx) => {
    // Locked, so an audited action by this user cannot commit between the count and the delete
    // (its foreign key check waits for the lock) and have its actor nulled.
    const user = await tx.findOne(User, { email: address }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!user) throw new NotFound(`There is no user ${quote(address)}.`);
    const [named] = await rows<{ events: number }>(
      sqlOn(tx),
      `select (${AUDIT_COLUMNS.map(([table, column]) => `(select count(*) from ${table} where ${column} = $1)`).join(' + ')})::int as events`,
      [user.id],
    );
    if (named!.events > 0) {
      throw new BadInput(
        `User ${quote(address)} is named in ${named!.events} audited event(s) (reviews, plans, corrections, queries, decisions); ` +
          'removing it would erase who made them. To lock the user out, run `ksp user add` for it with a new password: that ends its sessions.',
      );
    }
    const sessions = await tx.nativeDelete(UserSession, { user });
    await tx.nativeDelete(User, { id: user.id });
    return { sessions };
  });
}

const tokenHash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** Removes the sessions that have run out (at every sign-in and at server start), so the table holds live ones only. */
export async function purgeExpiredSessions(em: EntityManager): Promise<number> {
  return em.nativeDelete(UserSession, { expiresAt: { $lte: new Date() } });
}

/** Checks the password and opens a session; the token goes to the cookie, only its hash to the database. */
export async function login(
  em: EntityManager,
  email: string,
  password: string,
): Promise<{ token: string; user: { id: number; role: Role } } | null> {
  const user = await em.findOne(User, { email: email.trim().toLowerCase() });
  // Verify against a dummy hash when the user is unknown, so timing does not reveal which e-mails exist.
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!user || !ok) return null;
  await purgeExpiredSessions(em);
  const token = crypto.randomBytes(32).toString('base64url');
  em.create(UserSession, { tokenHash: tokenHash(token), user, expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000) });
  await em.flush();
  return { token, user: { id: user.id, role: user.role } };
}

export async function logout(em: EntityManager, token: string): Promise<void> {
  await em.nativeDelete(UserSession, { tokenHash: tokenHash(token) });
}

/** The user of a live session, by its token's hash ($1). The one place the session rule is written. */
const SESSION_USER = `select u.id, u.role, u.company_id, u.observer_id from user_session s join app_user u on u.id = s.user_id
     where s.token_hash = $1 and s.expires_at > now()`;

interface SessionUserRow {
  id: number;
  role: Role;
  company_id: number | null;
  observer_id: number | null;
}

const viewerOf = (row: SessionUserRow | undefined): Viewer =>
  row?.id == null
    ? { kind: 'anonymous' }
    : { kind: 'user', userId: row.id, role: row.role, companyId: row.company_id, observerId: row.observer_id };

/**
 * The viewer of a session token: anonymous without one, or when it is unknown or has expired.
 * Asked on every request, so it is one SQL row read rather than an entity load with its user
 * through the entity manager, several times dearer (bench/RESULTS.md, "Measured by hand").
 */
export async function viewerFromToken(sql: Sql, token: string | undefined): Promise<Viewer> {
  if (!token) return { kind: 'anonymous' };
  return viewerOf((await rows<SessionUserRow>(sql, SESSION_USER, [tokenHash(token)], 'session-user'))[0]);
}

/**
 * The viewer and the data version (migration Migration20261125010000_data_version) in one
 * statement, as a response-cache hit needs both and nothing else (graphql/response-cache.ts).
 */
export async function viewerAndDataVersion(sql: Sql, token: string | undefined): Promise<{ viewer: Viewer; version: number }> {
  const [row] = await rows<SessionUserRow & { version: number }>(
    sql,
    `select d.version, v.* from data_version d left join (${SESSION_USER}) v on true`,
    [token ? tokenHash(token) : null],
    'viewer-and-data-version',
  );
  if (!row) throw new Error('data_version has no row');
  return { viewer: viewerOf(row), version: row.version };
}

let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hashPassword(crypto.randomUUID()));
