import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/db.js';
import { useApi } from '../../../test/api.js';
import { fixtureBundle } from '../../../test/factories.js';
import { rows } from '../../db/sql.js';
import { storeEdition } from '../edition/edition-bundle.js';
import { addUser, login, purgeExpiredSessions, SESSION_DAYS, viewerFromToken } from './user.service.js';
import { User, UserSession } from './user.entity.js';

/** Users and sessions are written through MikroORM's unit of work; expired sessions are purged. */
const db = useTestDatabase();
const api = useApi(db);

beforeAll(async () => {
  await db.orm.em.fork().transactional((em) => storeEdition(em, fixtureBundle(), { status: 'PUBLISHED' }));
});

const sessionsOf = async (email: string) => rows<{ token_hash: string; expires_at: Date }>(db.sql,
  `select s.token_hash, s.expires_at from user_session s join app_user u on u.id = s.user_id where u.email = $1`, [email]);

describe('ksp user add', () => {
  it('creates a user bound to its company or observer, and resets password and binding when run again', async () => {
    const id = await addUser(db.orm.em.fork(), { email: ' Leder@Alfa.no ', password: 'first-password', role: 'MANAGER', companySlug: 'alfa' });
    const again = await addUser(db.orm.em.fork(), { email: 'leder@alfa.no', password: 'second-password', role: 'OBSERVER', observerId: 'OBS-1' });
    expect(again).toBe(id);
    const [user] = await rows<{ email: string; role: string; company_id: number | null; observer: string | null }>(db.sql,
      `select u.email, u.role, u.company_id, o.external_id as observer from app_user u left join observer o on o.id = u.observer_id where u.id = $1`, [id]);
    expect(user).toEqual({ email: 'leder@alfa.no', role: 'OBSERVER', company_id: null, observer: 'OBS-1' });
    expect(await login(db.orm.em.fork(), 'leder@alfa.no', 'first-password')).toBeNull();
    expect(await login(db.orm.em.fork(), 'leder@alfa.no', 'second-password')).not.toBeNull();
  });

  it('refuses an unknown company or observer and writes nothing', async () => {
    await expect(addUser(db.orm.em.fork(), { email: 'x@y.no', password: 'long-enough', role: 'MANAGER', companySlug: 'finnes-ikke' }))
      .rejects.toThrow('There is no company "finnes-ikke".');
    await expect(addUser(db.orm.em.fork(), { email: 'x@y.no', password: 'long-enough', role: 'OBSERVER', observerId: 'OBS-404' }))
      .rejects.toThrow('There is no observer "OBS-404".');
    expect(await db.orm.em.fork().count(User, { email: 'x@y.no' })).toBe(0);
  });
});

describe('sessions', () => {
  beforeAll(async () => {
    await addUser(db.orm.em.fork(), { email: 'staff@test.no', password: 'secret-staff', role: 'STAFF' });
  });

  it('login stores only a hash of the token, valid for the session days; logout deletes it', async () => {
    const client = api.client();
    await client.login('staff@test.no', 'secret-staff');
    const token = decodeURIComponent(client.cookie.split('=')[1]!);
    const hash = crypto.createHash('sha256').update(token).digest('hex');
    const stored = await sessionsOf('staff@test.no');
    expect(stored.map((s) => s.token_hash)).toContain(hash);
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
    const expires = stored.find((s) => s.token_hash === hash)!.expires_at.getTime();
    expect(Math.abs(expires - (Date.now() + SESSION_DAYS * 86_400_000))).toBeLessThan(60_000);
    expect((await client.query('{ me { role } }')).data).toEqual({ me: { role: 'STAFF' } });

    expect((await client.query('mutation { logout }')).data).toEqual({ logout: true });
    expect((await sessionsOf('staff@test.no')).map((s) => s.token_hash)).not.toContain(hash);
  });

  it('never accepts an expired session, and purges expired ones at the next sign-in and at server start', async () => {
    const em = db.orm.em.fork();
    const user = await em.findOneOrFail(User, { email: 'staff@test.no' });
    const expired = 'expired-token';
    const expiredHash = crypto.createHash('sha256').update(expired).digest('hex');
    em.create(UserSession, { tokenHash: expiredHash, user, expiresAt: new Date(Date.now() - 1000) });
    em.create(UserSession, { tokenHash: 'old-2', user, expiresAt: new Date(Date.now() - 86_400_000) });
    await em.flush();
    expect(await viewerFromToken(db.sql, expired)).toEqual({ kind: 'anonymous' });

    const session = await login(db.orm.em.fork(), 'staff@test.no', 'secret-staff');
    const left = (await sessionsOf('staff@test.no')).map((s) => s.token_hash);
    expect(left).not.toContain(expiredHash);
    expect(left).not.toContain('old-2');
    expect(await viewerFromToken(db.sql, session!.token)).toMatchObject({ kind: 'user', role: 'STAFF' });

    em.create(UserSession, { tokenHash: 'old-3', user, expiresAt: new Date(Date.now() - 1000) });
    await em.flush();
    expect(await purgeExpiredSessions(db.orm.em.fork())).toBe(1);
    expect((await sessionsOf('staff@test.no')).map((s) => s.token_hash)).toEqual([crypto.createHash('sha256').update(session!.token).digest('hex')]);
  });
});
