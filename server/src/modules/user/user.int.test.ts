import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@server/test/db.js';
import { useApi } from '@server/test/api.js';
import { useViewers, type TestUser } from '@server/test/viewers.js';
import { fixtureBundle } from '@server/test/factories.js';
import { rows } from '../../db/sql.js';
import { storeEdition } from '../edition/edition-bundle.js';
import { addUser, login, purgeExpiredSessions, removeUser, SESSION_DAYS, viewerFromToken } from './user.service.js';
import { User, UserSession } from './user.entity.js';
import { NotFound } from '../../errors.js';

/** Users and sessions are written through MikroORM's unit of work; expired sessions are purged. */
const db = useTestDatabase();
const api = useApi(db);
const { as, createUser } = useViewers(db, api);

beforeAll(async () => {
  await db.orm.em.fork().transactional((em) => storeEdition(em, fixtureBundle(), { status: 'PUBLISHED' }));
});

const sessionsOf = async (email: string) =>
  rows<{ token_hash: string; expires_at: Date }>(
    db.sql,
    `select s.token_hash, s.expires_at from user_session s join app_user u on u.id = s.user_id where u.email = $1`,
    [email],
  );

describe('ksp user add', () => {
  it('creates a user bound to its company or observer, and resets password and binding when run again', async () => {
    const id = await addUser(db.orm.em.fork(), {
      email: ' Leder@Alfa.no ',
      password: 'first-password',
      role: 'MANAGER',
      companySlug: 'alfa',
    });
    const again = await addUser(db.orm.em.fork(), {
      email: 'leder@alfa.no',
      password: 'second-password',
      role: 'OBSERVER',
      observerId: 'OBS-1',
    });
    expect(again).toBe(id);
    const [user] = await rows<{ email: string; role: string; company_id: number | null; observer: string | null }>(
      db.sql,
      `select u.email, u.role, u.company_id, o.external_id as observer from app_user u left join observer o on o.id = u.observer_id where u.id = $1`,
      [id],
    );
    expect(user).toEqual({ email: 'leder@alfa.no', role: 'OBSERVER', company_id: null, observer: 'OBS-1' });
    expect(await login(db.orm.em.fork(), 'leder@alfa.no', 'first-password')).toBeNull();
    expect(await login(db.orm.em.fork(), 'leder@alfa.no', 'second-password')).not.toBeNull();
  });

  it('refuses an unknown company or observer and writes nothing', async () => {
    await expect(
      addUser(db.orm.em.fork(), { email: 'x@y.no', password: 'long-enough', role: 'MANAGER', companySlug: 'finnes-ikke' }),
    ).rejects.toThrow('There is no company "finnes-ikke".');
    await expect(
      addUser(db.orm.em.fork(), { email: 'x@y.no', password: 'long-enough', role: 'OBSERVER', observerId: 'OBS-404' }),
    ).rejects.toThrow('There is no observer "OBS-404".');
    expect(await db.orm.em.fork().count(User, { email: 'x@y.no' })).toBe(0);
  });
});

describe('sessions', () => {
  let staff: TestUser;
  beforeAll(async () => {
    staff = await createUser({ role: 'STAFF', email: 'staff@test.no', password: 'secret-staff' });
  });

  it('login stores only a hash of the token, valid for the session days; logout deletes it', async () => {
    const client = await as(staff);
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
    expect((await sessionsOf('staff@test.no')).map((s) => s.token_hash)).toEqual([
      crypto.createHash('sha256').update(session!.token).digest('hex'),
    ]);
  });
});

describe('a changed or removed user loses its sessions', () => {
  const PASSWORD = 'old-password';
  const tokenOf = async (email: string, password = PASSWORD) => (await login(db.orm.em.fork(), email, password))!.token;
  const bystander = { email: 'andre@test.no', password: PASSWORD, role: 'STAFF' } as const;
  let bystanderToken: string;

  beforeAll(async () => {
    await addUser(db.orm.em.fork(), bystander);
    bystanderToken = await tokenOf(bystander.email);
  });

  /** Another user's session lives on whatever happens to the one under test. */
  const expectBystanderSignedIn = async () =>
    expect(await viewerFromToken(db.sql, bystanderToken)).toMatchObject({ kind: 'user', role: 'STAFF' });

  it('re-adding a user with a new password ends its sessions: the old token is anonymous and `me` is null', async () => {
    await addUser(db.orm.em.fork(), { email: 'bytter@test.no', password: PASSWORD, role: 'STAFF' });
    const client = api.client();
    await client.login('bytter@test.no', PASSWORD);
    expect((await client.query('{ me { role } }')).data).toEqual({ me: { role: 'STAFF' } });
    const token = await tokenOf('bytter@test.no');

    await addUser(db.orm.em.fork(), { email: 'bytter@test.no', password: 'new-password', role: 'STAFF' });
    expect(await viewerFromToken(db.sql, token)).toEqual({ kind: 'anonymous' });
    expect((await client.query('{ me { role } }')).data).toEqual({ me: null });
    expect(await sessionsOf('bytter@test.no')).toEqual([]);
    expect(await login(db.orm.em.fork(), 'bytter@test.no', 'new-password')).not.toBeNull();
    await expectBystanderSignedIn();
  });

  it('a company change or a role change ends the sessions too, even with the same password', async () => {
    await addUser(db.orm.em.fork(), { email: 'leder@test.no', password: PASSWORD, role: 'MANAGER', companySlug: 'alfa' });
    const alfaToken = await tokenOf('leder@test.no');
    expect(await viewerFromToken(db.sql, alfaToken)).toMatchObject({ kind: 'user', role: 'MANAGER' });

    await addUser(db.orm.em.fork(), { email: 'leder@test.no', password: PASSWORD, role: 'MANAGER', companySlug: 'beta' });
    expect(await viewerFromToken(db.sql, alfaToken)).toEqual({ kind: 'anonymous' });
    const betaToken = await tokenOf('leder@test.no');
    const [beta] = await rows<{ id: number }>(db.sql, `select id from company where slug = 'beta'`);
    expect(await viewerFromToken(db.sql, betaToken)).toMatchObject({ kind: 'user', role: 'MANAGER', companyId: beta!.id });

    await addUser(db.orm.em.fork(), { email: 'leder@test.no', password: PASSWORD, role: 'STAFF' });
    expect(await viewerFromToken(db.sql, betaToken)).toEqual({ kind: 'anonymous' });
    expect(await sessionsOf('leder@test.no')).toEqual([]);
    await expectBystanderSignedIn();
  });

  it('ksp user remove removes the user and its sessions; it can no longer sign in', async () => {
    await addUser(db.orm.em.fork(), { email: 'slutter@test.no', password: PASSWORD, role: 'MANAGER', companySlug: 'alfa' });
    const client = api.client();
    await client.login('slutter@test.no', PASSWORD);
    const token = await tokenOf('slutter@test.no');
    const [{ id }] = (await rows<{ id: number }>(db.sql, `select id from app_user where email = 'slutter@test.no'`)) as [{ id: number }];

    expect(await removeUser(db.orm.em.fork(), ' Slutter@Test.no ')).toEqual({ sessions: 2 });
    expect(await db.orm.em.fork().count(User, { email: 'slutter@test.no' })).toBe(0);
    expect(await rows(db.sql, 'select token_hash from user_session where user_id = $1', [id])).toEqual([]);
    expect(await viewerFromToken(db.sql, token)).toEqual({ kind: 'anonymous' });
    expect((await client.query('{ me { role } }')).data).toEqual({ me: null });
    expect(await login(db.orm.em.fork(), 'slutter@test.no', PASSWORD)).toBeNull();
    await expectBystanderSignedIn();
  });

  it('removing an unknown e-mail is an error naming it', async () => {
    await expect(removeUser(db.orm.em.fork(), 'ukjent@test.no')).rejects.toThrow(new NotFound('There is no user "ukjent@test.no".'));
  });

  it('refuses to remove a user named in the review history, and changes nothing', async () => {
    const id = await addUser(db.orm.em.fork(), { email: 'kontroll@test.no', password: PASSWORD, role: 'STAFF' });
    const token = await tokenOf('kontroll@test.no');
    await db.sql.query(
      `insert into review_event (inquiry_id, from_status, to_status, actor_user_id, reason)
      select id, 'SUBMITTED', 'RETURNED', $1, 'Mangler kommentar' from inquiry order by id limit 1`,
      [id],
    );

    await expect(removeUser(db.orm.em.fork(), 'kontroll@test.no')).rejects.toThrow(
      'User "kontroll@test.no" is named in 1 audited event(s) (reviews, plans, corrections, queries, decisions); ' +
        'removing it would erase who made them. To lock the user out, run `ksp user add` for it with a new password: that ends its sessions.',
    );
    expect(await rows(db.sql, `select actor_user_id from review_event where reason = 'Mangler kommentar'`)).toEqual([
      { actor_user_id: id },
    ]);
    expect(await viewerFromToken(db.sql, token)).toMatchObject({ kind: 'user', userId: id });
  });
});
