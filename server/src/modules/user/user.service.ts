import crypto from 'node:crypto';
import { ROLES, type Role } from '@ksp/shared';
import type { EntityManager } from '@mikro-orm/postgresql';
import { rows, sqlOn, type Sql } from '../../db/sql.js';
import type { Viewer } from '../../access/viewer.js';
import { BadInput } from '../../errors.js';
import { hashPassword, verifyPassword } from './password.js';

export const SESSION_COOKIE = 'ksp_session';
export const SESSION_DAYS = 30;

export interface NewUser { email: string; password: string; role: Role; companySlug?: string; observerId?: string }

/** Creates a user (or resets the password and binding of an existing one: `ksp user add` is idempotent). */
export async function addUser(em: EntityManager, u: NewUser): Promise<number> {
  const sql = sqlOn(em);
  const email = u.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new BadInput(`"${u.email}" is not an e-mail address.`);
  if (!ROLES.includes(u.role)) throw new BadInput(`Role must be one of ${ROLES.join(', ')}, got "${u.role}".`);
  if (u.password.length < 8) throw new BadInput('The password must have at least 8 characters.');
  let companyId: number | null = null;
  let observerId: number | null = null;
  if (u.role === 'MANAGER') {
    if (!u.companySlug) throw new BadInput('A MANAGER needs --company SLUG.');
    companyId = (await rows<{ id: number }>(sql, 'select id from company where slug = $1', [u.companySlug]))[0]?.id ?? null;
    if (companyId === null) throw new BadInput(`There is no company "${u.companySlug}".`);
  } else if (u.companySlug) throw new BadInput('--company is only for a MANAGER.');
  if (u.role === 'OBSERVER') {
    if (!u.observerId) throw new BadInput('An OBSERVER needs --observer ID.');
    observerId = (await rows<{ id: number }>(sql, 'select id from observer where external_id = $1', [u.observerId]))[0]?.id ?? null;
    if (observerId === null) throw new BadInput(`There is no observer "${u.observerId}".`);
  }
  const [row] = await rows<{ id: number }>(sql,
    `insert into app_user (email, password_hash, role, company_id, observer_id) values ($1, $2, $3, $4, $5)
     on conflict (email) do update set password_hash = excluded.password_hash, role = excluded.role,
       company_id = excluded.company_id, observer_id = excluded.observer_id
     returning id`, [email, await hashPassword(u.password), u.role, companyId, observerId]);
  return row!.id;
}

const tokenHash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** Checks the password and opens a session; the token goes to the cookie, only its hash to the database. */
export async function login(sql: Sql, email: string, password: string): Promise<{ token: string; user: { id: number; role: Role } } | null> {
  const [user] = await rows<{ id: number; role: Role; password_hash: string }>(sql,
    'select id, role, password_hash from app_user where email = $1', [email.trim().toLowerCase()]);
  // Verify against a dummy hash when the user is unknown, so timing does not reveal which e-mails exist.
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
  if (!user || !ok) return null;
  const token = crypto.randomBytes(32).toString('base64url');
  await sql.query(`insert into user_session (token_hash, user_id, expires_at) values ($1, $2, now() + interval '${SESSION_DAYS} days')`,
    [tokenHash(token), user.id]);
  return { token, user: { id: user.id, role: user.role } };
}

export async function logout(sql: Sql, token: string): Promise<void> {
  await sql.query('delete from user_session where token_hash = $1', [tokenHash(token)]);
}

export async function viewerFromToken(sql: Sql, token: string | undefined): Promise<Viewer> {
  if (!token) return { kind: 'anonymous' };
  const [row] = await rows<{ id: number; role: Role; company_id: number | null; observer_id: number | null }>(sql,
    `select u.id, u.role, u.company_id, u.observer_id from user_session s join app_user u on u.id = s.user_id
     where s.token_hash = $1 and s.expires_at > now()`, [tokenHash(token)]);
  if (!row) return { kind: 'anonymous' };
  return { kind: 'user', userId: row.id, role: row.role, companyId: row.company_id, observerId: row.observer_id };
}

let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hashPassword(crypto.randomUUID()));
