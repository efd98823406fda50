import type http from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@server/test/db.js';
import { ApiClient, useApi, type GraphQLResult } from '@server/test/api.js';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '../../db/orm.js';
import { rows, sqlOn } from '../../db/sql.js';
import { createApp } from '../../app.js';
import { userFactory } from '@server/test/viewers.js';
import { LOGIN_LIMITS } from './login-limit.js';

const db = useTestDatabase();
/** As behind a proxy on this machine: X-Forwarded-For names the client. */
const BEHIND_PROXY = { trustProxy: ['loopback'] };
const api = useApi(db, BEHIND_PROXY);
/** With the default settings: no proxy is trusted. */
const direct = useApi(db);

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id role } }`;

beforeAll(async () => {
  const createUser = userFactory(db);
  for (const name of ['anna', 'bjorn', 'carl', 'dora', 'erik'])
    await createUser({ role: 'STAFF', email: `${name}@test.no`, password: `right-${name}` });
});

/**
 * A client acting from its own address. `api` trusts a proxy on loopback, so the test client
 * on 127.0.0.1 may name its address in X-Forwarded-For; each test uses its own, and so its own
 * counters.
 */
function clientAt(address: string, baseUrl = api.url): ApiClient {
  const client = new ApiClient(baseUrl);
  client.headers['x-forwarded-for'] = address;
  return client;
}

const attempt = (client: ApiClient, email: string, password: string) => client.query(LOGIN, { e: email, p: password });
const code = (r: GraphQLResult) => r.errors?.[0]?.extensions?.code ?? 'OK';

async function fail(client: ApiClient, email: string, times: number) {
  for (let i = 0; i < times; i++) expect(code(await attempt(client, email, `wrong-${i}`))).toBe('UNAUTHENTICATED');
}

describe('repeated failed sign-ins are slowed down', () => {
  it('blocks an account from an address after 5 wrong passwords, even with the right one, and says for how long', async () => {
    const client = clientAt('198.51.100.1');
    await fail(client, 'anna@test.no', LOGIN_LIMITS.perAccount.failures);
    const blocked = await attempt(client, 'anna@test.no', 'right-anna');
    expect(blocked.data).toBeNull();
    expect(blocked.errors).toEqual([
      {
        message: 'Too many failed sign-ins. Try again in 15 minutes.',
        path: ['login'],
        locations: [{ line: 1, column: 38 }],
        extensions: { code: 'TOO_MANY_REQUESTS' },
      },
    ]);
    expect(client.cookie).toBe(''); // no session was opened
    // Whatever case or spacing the e-mail is typed in, it is the same account.
    expect(code(await attempt(client, '  ANNA@test.no ', 'right-anna'))).toBe('TOO_MANY_REQUESTS');
  });

  it('still lets another account sign in from the same address, and the same account from another address', async () => {
    const client = clientAt('198.51.100.2');
    await fail(client, 'bjorn@test.no', LOGIN_LIMITS.perAccount.failures);
    expect(code(await attempt(client, 'bjorn@test.no', 'right-bjorn'))).toBe('TOO_MANY_REQUESTS');

    expect(code(await attempt(client, 'carl@test.no', 'right-carl'))).toBe('OK');
    const me = await client.query('{ me { role } }');
    expect(me.data).toEqual({ me: { role: 'STAFF' } });

    expect(code(await attempt(clientAt('198.51.100.3'), 'bjorn@test.no', 'right-bjorn'))).toBe('OK');
  });

  it('counts failures in a row: a successful sign-in resets the count of that account', async () => {
    const client = clientAt('198.51.100.4');
    await fail(client, 'carl@test.no', 4);
    expect(code(await attempt(client, 'carl@test.no', 'right-carl'))).toBe('OK');
    await fail(client, 'carl@test.no', 4); // 8 failures in all, but never 5 in a row
    expect(code(await attempt(client, 'carl@test.no', 'right-carl'))).toBe('OK');
  });

  it('blocks an address that tries many accounts, and only that address', async () => {
    const client = clientAt('198.51.100.5');
    // One guess each on many e-mails (unknown ones count too): no account reaches its limit.
    for (let i = 0; i < LOGIN_LIMITS.perAddress.failures; i++) {
      expect(code(await attempt(client, `user-${i}@test.no`, 'password1'))).toBe('UNAUTHENTICATED');
    }
    const blocked = await attempt(client, 'carl@test.no', 'right-carl');
    expect(blocked.errors?.[0]).toMatchObject({
      message: 'Too many failed sign-ins. Try again in 60 minutes.',
      extensions: { code: 'TOO_MANY_REQUESTS' },
    });
    expect(code(await attempt(clientAt('198.51.100.6'), 'carl@test.no', 'right-carl'))).toBe('OK');
  });

  it('keeps the counters in PostgreSQL: a restarted server (new ORM and pool, new app) still blocks', async () => {
    const stored = await rows<{ key: string; points: number }>(
      db.sql,
      `select key, points from login_limit where key like '%198.51.100.1'`,
    );
    expect(stored).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'account:anna@test.no 198.51.100.1' })]));

    const orm = await MikroORM.init(ormOptions(db.url));
    const { app, stop } = await createApp({ orm, sql: sqlOn(orm.em) }, BEHIND_PROXY);
    const server = await new Promise<http.Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      const result = await attempt(
        clientAt('198.51.100.1', () => url),
        'anna@test.no',
        'right-anna',
      );
      expect(code(result)).toBe('TOO_MANY_REQUESTS');
      expect(result.errors![0]!.message).toMatch(/^Too many failed sign-ins\. Try again in 1[45] minutes\.$/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await stop();
      await orm.close(true);
    }
  });
});

describe('the client address the limits count', () => {
  const accountKeys = (email: string) =>
    rows<{ key: string }>(db.sql, `select key from login_limit where key like $1 order by key`, [`account:${email} %`]);

  it('ignores X-Forwarded-For by default: a client cannot name a fresh address for every guess', async () => {
    for (let i = 0; i < LOGIN_LIMITS.perAccount.failures; i++) {
      expect(code(await attempt(clientAt(`203.0.113.${i + 1}`, direct.url), 'dora@test.no', `wrong-${i}`))).toBe('UNAUTHENTICATED');
    }
    expect(code(await attempt(clientAt('203.0.113.99', direct.url), 'dora@test.no', 'right-dora'))).toBe('TOO_MANY_REQUESTS');
    // All of them counted for the one real address of the connection.
    expect(await accountKeys('dora@test.no')).toEqual([{ key: expect.stringMatching(/^account:dora@test\.no (::ffff:)?127\.0\.0\.1$/) }]);
  });

  it('with KSP_TRUST_PROXY naming the proxy, counts the address the proxy gives, not one the client wrote before it', async () => {
    const client = new ApiClient(api.url);
    // What a client sent itself comes first; our proxy appends the address it saw.
    client.headers['x-forwarded-for'] = '192.0.2.1, 203.0.113.50';
    await fail(client, 'erik@test.no', 1);
    expect(await accountKeys('erik@test.no')).toEqual([{ key: 'account:erik@test.no 203.0.113.50' }]);
  });
});
