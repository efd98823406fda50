import { beforeAll, describe, expect, it, vi } from 'vitest';
import { HeaderMap } from '@apollo/server';
import { parse, type OperationDefinitionNode } from 'graphql';
import { useTestDatabase } from '../../test/db.js';
import { useApi, type ApiClient } from '../../test/api.js';
import { PASSWORD, useAccessFixture } from '../../test/access-fixture.js';
import { FULL_REPORT } from '../../test/queries.js';
import { useViewers } from '../../test/viewers.js';
import { CACHE_HEADER, responseCachePlugin, type CacheOutcome } from './response-cache.js';
import { createSchema } from './schema.js';
import { createContext } from '../context.js';

/**
 * The whole-response cache (response-cache.ts) through real HTTP against the real app and
 * database (fixture: test/access-fixture.ts). Data is changed with plain SQL, as a correction
 * would be, so nothing but the data version tells the cache.
 */
const db = useTestDatabase();
const api = useApi(db);
const uncached = useApi(db, { responseCacheMB: 0 });
/** 48 KiB: an entry may take a quarter, 12 KiB (its text's bytes and twice its key's length). */
const small = useApi(db, { responseCacheMB: 48 / 1024 });
/** 32 KiB, for the anonymous share: anonymous entries may take at most half, 16 KiB. */
const tight = useApi(db, { responseCacheMB: 32 / 1024 });
const clients = useAccessFixture(db, api);
const viewers = useViewers(db, api);

interface Answer {
  status: number;
  cache: CacheOutcome | null;
  text: string;
  body: { data?: any; errors?: { path?: (string | number)[]; extensions?: { code?: string } }[] };
  setCookie: string | null;
}

/** One POST to /graphql as `client` (its session cookie), with what the cache said about it. */
async function ask(
  client: ApiClient,
  query: string,
  variables: Record<string, unknown> = {},
  url = api.url(),
  headers: Record<string, string> = {},
): Promise<Answer> {
  return send(client, JSON.stringify({ query, variables }), url, headers);
}
/** One POST of a body written out by hand (for JSON that JSON.stringify could not write). */
async function send(client: ApiClient, body: string, url = api.url(), headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers, ...(client.cookie ? { cookie: client.cookie } : {}) },
    body,
  });
  const text = await res.text();
  return {
    status: res.status,
    cache: res.headers.get(CACHE_HEADER) as CacheOutcome | null,
    text,
    body: JSON.parse(text),
    setCookie: res.headers.get('set-cookie'),
  };
}
const codes = (a: Answer) => (a.body.errors ?? []).map((e) => `${(e.path ?? []).join('.')}:${e.extensions?.code}`);

/** rival in 2024 as a konkurrent manager sees it: a chosen competitor, its 2 CHAT inquiries a cell too small to show. */
const RIVAL = `query Rival($year: Int!) { participation(year: $year, companySlug: "rival") { total report { total byChannel { channel total } } } }`;
const ME = `{ me { id email company { slug } } }`;

const user = (who: string) => clients.get(who as never)!;
const konk2 = () => user('konk2');

beforeAll(async () => {
  // A second manager of konk, for `me`: same company, same grants, another person.
  const konk2User = await viewers.createUser({ role: 'MANAGER', companySlug: 'konk', email: 'konk2@t.no', password: PASSWORD });
  clients.set('konk2' as never, await viewers.as(konk2User, 'konk2'));
});

describe('the response cache', () => {
  it('answers the same query by the same user from the cache, byte for byte, withheld cells included', async () => {
    const first = await ask(user('konk'), RIVAL, { year: 2024 });
    const second = await ask(user('konk'), RIVAL, { year: 2024 });
    expect(first.cache).toBe('miss');
    expect(second.cache).toBe('hit');
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    // A report with a small cell withheld (CHAT, and EMAIL with it) carries errors by design, and is still cached.
    expect(codes(first).sort()).toEqual([
      'participation.report.byChannel.1.total:TOO_FEW_INQUIRIES',
      'participation.report.byChannel.2.total:TOO_FEW_INQUIRIES',
    ]);
    expect(first.body.data.participation.report.total).toBe(100);
    // Other variables are another entry: in 2023 konk chose "nabo", so rival is only public there.
    const other = await ask(user('konk'), RIVAL, { year: 2023 });
    expect(other.cache).toBe('miss');
    expect(codes(other)).toEqual(['participation.report:FORBIDDEN']);
    expect(other.body.data.participation).toEqual({ total: 100, report: null });
  });

  it('misses after any change of the data and shows the new figure', async () => {
    expect((await ask(user('konk'), RIVAL, { year: 2024 })).cache).toBe('hit');
    // A correction: one of rival's PHONE inquiries did not ask about the needs after all (AGT_NEEDS A, 6 of 6 → C, 0 of 6).
    await db.sql.query(`
      update answer a set option_id = o.id
      from inquiry i, question q, question_option o
      where i.id = a.inquiry_id and i.external_id = '2024-rival-P0' and q.id = a.question_id and q.code = 'AGT_NEEDS'
        and o.question_id = q.id and o.code = 'C'`);
    const after = await ask(user('konk'), RIVAL, { year: 2024 });
    expect(after.cache).toBe('miss');
    // 6 PHONE inquiries of 20 points, 5 EMAIL and 2 CHAT of 16: 232 possible, 6 lost.
    expect(after.body.data.participation.report.total).toBeCloseTo((100 * 226) / 232, 2);
    expect(after.body.data.participation.report.byChannel[0]).toEqual({ channel: 'PHONE', total: expect.closeTo((100 * 114) / 120, 2) });
    expect((await ask(user('konk'), RIVAL, { year: 2024 })).cache).toBe('hit');

    // A change that does not touch rival's figures still moves the version: exact, not clever.
    await db.sql.query(`update inquiry set review_status = 'RETURNED' where external_id = '2024-nabo-E0'`);
    const unrelated = await ask(user('konk'), RIVAL, { year: 2024 });
    expect(unrelated.cache).toBe('miss');
    expect(unrelated.text).toBe(after.text);
  });

  it('never gives one viewer what was stored for another', async () => {
    const konk = await ask(user('konk'), RIVAL, { year: 2024 });
    expect(konk.cache).toBe('hit');
    expect(konk.body.data.participation.report.byChannel.map((c: { total: number | null }) => c.total !== null)).toEqual([
      true,
      false,
      false,
    ]);

    // The same query by a manager of another company: the public total only, no report.
    const enkel = await ask(user('enkel'), RIVAL, { year: 2024 });
    expect(enkel.cache).toBe('miss');
    expect(codes(enkel)).toEqual(['participation.report:FORBIDDEN']);
    expect(enkel.body.data.participation).toEqual({ total: konk.body.data.participation.total, report: null });
    expect((await ask(user('enkel'), RIVAL, { year: 2024 })).text).toBe(enkel.text);

    // The other konkurrent manager of the same company has the same grants: the report asks only
    // audience fields, so it is the company's entry, computed once for both.
    const colleague = await ask(konk2(), RIVAL, { year: 2024 });
    expect(colleague.cache).toBe('hit');
    expect(colleague.text).toBe(konk.text);
    // Asked with `me` beside it, the answer is the person's own: per user again.
    const RIVAL_AND_ME = `query RivalAndMe($year: Int!) { me { email } participation(year: $year, companySlug: "rival") { total } }`;
    const mine = await ask(konk2(), RIVAL_AND_ME, { year: 2024 });
    expect(mine.cache).toBe('miss');
    expect(mine.body.data.me.email).toBe('konk2@t.no');
    const theirs = await ask(user('konk'), RIVAL_AND_ME, { year: 2024 });
    expect(theirs.cache).toBe('miss');
    expect(theirs.body.data.me.email).toBe('konk@t.no');
    // … also when `me` hides in a fragment at the root.
    const hidden = `query Hidden($year: Int!) { ...Root participation(year: $year, companySlug: "rival") { total } } fragment Root on Query { me { email } }`;
    expect((await ask(user('konk'), hidden, { year: 2024 })).body.data.me.email).toBe('konk@t.no');
    const hiddenColleague = await ask(konk2(), hidden, { year: 2024 });
    expect(hiddenColleague.cache).toBe('miss');
    expect(hiddenColleague.body.data.me.email).toBe('konk2@t.no');
    // The same document in other white space (as urql prints fragments) is the same entry.
    const spaced = await ask(konk2(), RIVAL.replace(/ /g, '  ').replace('{', '{\n'), { year: 2024 });
    expect(spaced.cache).toBe('hit');
    expect(spaced.text).toBe(konk.text);

    // Anonymous gets the public total and is told to sign in for the report: UNAUTHENTICATED is never stored.
    const anonymous = await ask(user('anonymous'), RIVAL, { year: 2024 });
    expect(anonymous.cache).toBe('miss');
    expect(codes(anonymous)).toEqual(['participation.report:UNAUTHENTICATED']);
    expect(anonymous.body.data.participation).toEqual({ total: konk.body.data.participation.total, report: null });
    expect((await ask(user('anonymous'), RIVAL, { year: 2024 })).cache).toBe('miss');

    // Anonymous's public answers are cached too, under its own key.
    const list = `{ resultList(year: 2024) { company { slug } total } }`;
    expect((await ask(user('anonymous'), list)).cache).toBe('miss');
    expect((await ask(user('anonymous'), list)).cache).toBe('hit');
    expect((await ask(user('staff'), list)).cache).toBe('miss');
  });

  it('keeps `me` per person, even for two managers of the same company', async () => {
    const one = await ask(user('konk'), ME);
    const two = await ask(konk2(), ME);
    expect(one.body.data.me).toMatchObject({ email: 'konk@t.no', company: { slug: 'konk' } });
    expect(two.body.data.me).toMatchObject({ email: 'konk2@t.no', company: { slug: 'konk' } });
    expect(two.cache).toBe('miss');
    const again = [await ask(user('konk'), ME), await ask(konk2(), ME)];
    expect(again.map((a) => a.cache)).toEqual(['hit', 'hit']);
    expect(again.map((a) => a.body.data.me.email)).toEqual(['konk@t.no', 'konk2@t.no']);
  });

  it('computes the answer for a request with cache-control: no-cache, and neither serves nor stores it from the cache', async () => {
    const first = await ask(user('konk'), ME);
    expect(['hit', 'miss']).toContain(first.cache);
    // Changed behind the cache's back without a version (as DDL would be): only a computed answer shows it.
    await db.sql.query(`update company set name = 'Ny Navn' where slug = 'konk'`);
    await db.sql.query(`update data_version set version = version - 1`);
    try {
      expect((await ask(user('konk'), ME)).cache).toBe('hit');
      const computed = await ask(user('konk'), `{ me { id email company { slug name } } }`, {}, api.url(), { 'cache-control': 'no-cache' });
      expect(computed.cache).toBe('bypass');
      expect(computed.body.data.me.company.name).toBe('Ny Navn');
      const again = await ask(user('konk'), `{ me { id email company { slug name } } }`, {}, api.url(), { 'cache-control': 'no-cache' });
      expect(again.cache).toBe('bypass');
      // …and nothing was stored for it: without the header the same query is a miss.
      expect((await ask(user('konk'), `{ me { id email company { slug name } } }`)).cache).toBe('miss');
    } finally {
      await db.sql.query(`update data_version set version = version + 1`);
    }
  });

  it('never caches a mutation, nor a response that sets a cookie', async () => {
    const c = api.client();
    const login = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id role } }`;
    for (let i = 0; i < 2; i++) {
      const answer = await ask(c, login, { e: 'enkel@t.no', p: PASSWORD });
      expect(answer.cache).toBe('bypass');
      expect(answer.setCookie).toMatch(/^ksp_session=/);
      c.cookie = answer.setCookie!.split(';')[0]!;
    }
    const wrong = [await ask(c, login, { e: 'enkel@t.no', p: 'wrong-pass' }), await ask(c, login, { e: 'enkel@t.no', p: 'wrong-pass' })];
    expect(wrong.map((a) => a.cache)).toEqual(['bypass', 'bypass']);
    expect(wrong.map(codes)).toEqual([['login:UNAUTHENTICATED'], ['login:UNAUTHENTICATED']]);
    // Signed out, the same cookie is nobody's: `me` is answered for anonymous, not from the user's entry.
    expect((await ask(c, ME)).body.data.me.email).toBe('enkel@t.no');
    expect((await ask(c, ME)).cache).toBe('hit');
    expect((await ask(c, 'mutation { logout }')).cache).toBe('bypass');
    const out = await ask(c, ME);
    expect(out.cache).toBe('miss');
    expect(out.body.data.me).toBeNull();
    // Requests refused before they run are not queries the cache looked at.
    expect((await ask(c, '{ me { nosuchfield } }')).cache).toBe('bypass');
  });

  it('does not store a response with a server error', async () => {
    const editions = `{ editions { year } }`;
    // A fault of the server, not of the data: the table is briefly not where the code looks (DDL moves no version).
    await db.sql.query('alter table edition rename to edition_away');
    let failed: Answer;
    try {
      failed = await ask(user('staff'), editions);
    } finally {
      await db.sql.query('alter table edition_away rename to edition');
    }
    expect(failed.cache).toBe('miss');
    expect(codes(failed)).toEqual(['editions:INTERNAL_SERVER_ERROR']);
    const fine = await ask(user('staff'), editions);
    expect(fine.cache).toBe('miss');
    expect(fine.body.data.editions.map((e: { year: number }) => e.year)).toEqual([2025, 2024, 2023]);
    expect((await ask(user('staff'), editions)).cache).toBe('hit');
  });

  it('executes concurrent identical misses once and answers the rest from that one', async () => {
    await db.sql.query(`update company set name = name where slug = 'rival'`);
    const answers = await Promise.all(Array.from({ length: 6 }, () => ask(user('konk'), RIVAL, { year: 2024 })));
    expect(answers.map((a) => a.cache).sort()).toEqual(['hit', 'hit', 'hit', 'hit', 'hit', 'miss']);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
  });

  it('keeps to its size: a response larger than a quarter of it is not stored', async () => {
    const report = [
      await ask(user('konk'), FULL_REPORT, { year: 2024, slug: 'konk' }, small.url()),
      await ask(user('konk'), FULL_REPORT, { year: 2024, slug: 'konk' }, small.url()),
    ];
    expect(report[0]!.text.length).toBeGreaterThan(6 * 1024);
    expect(report.map((a) => a.cache)).toEqual(['miss', 'miss']);
    expect(report[1]!.text).toBe(report[0]!.text);
    // The same report is stored by a cache of the default size.
    const roomy = [
      await ask(user('konk'), FULL_REPORT, { year: 2024, slug: 'konk' }),
      await ask(user('konk'), FULL_REPORT, { year: 2024, slug: 'konk' }),
    ];
    expect(roomy.map((a) => a.cache)).toEqual(['miss', 'hit']);
    expect(roomy[1]!.text).toBe(report[0]!.text);
    const rival = [
      await ask(user('konk'), RIVAL, { year: 2024 }, small.url()),
      await ask(user('konk'), RIVAL, { year: 2024 }, small.url()),
    ];
    expect(rival.map((a) => a.cache)).toEqual(['miss', 'hit']);
  });

  it('can be turned off', async () => {
    const answers = [
      await ask(user('konk'), RIVAL, { year: 2024 }, uncached.url()),
      await ask(user('konk'), RIVAL, { year: 2024 }, uncached.url()),
    ];
    expect(answers.map((a) => a.cache)).toEqual([null, null]);
    expect(answers[1]!.text).toBe(answers[0]!.text);
  });

  it('keys on the declared variables only: undeclared junk neither changes the key nor adds an entry', async () => {
    const list = `query List($year: Int!) { resultList(year: $year) { company { slug } total } }`;
    const clean = await ask(user('anonymous'), list, { year: 2024 }, small.url());
    expect(clean.cache).toBe('miss');
    // About 900 KB of variables the operation does not declare (the body limit is 1 MiB).
    const junk = (i: number) => ({ year: 2024, [`junk${i}`]: `${i}`.padEnd(900_000, 'x') });
    for (let i = 0; i < 3; i++) {
      const answer = await ask(user('anonymous'), list, junk(i), small.url());
      expect(answer.status).toBe(200);
      // Served from the clean request's entry: the junk is not part of the key, so nothing new is stored.
      expect(answer.cache).toBe('hit');
      expect(answer.text).toBe(clean.text);
    }
    // And a first request with junk is stored under the clean key.
    const editions = `query Editions { editions { year } }`;
    const first = await ask(user('staff'), editions, { junk: 'x'.repeat(900_000) }, small.url());
    expect(first.cache).toBe('miss');
    expect(first.body.data.editions.map((e: { year: number }) => e.year)).toEqual([2025, 2024, 2023]);
    expect((await ask(user('staff'), editions, {}, small.url())).cache).toBe('hit');
  });

  it('shares the key between variables that coerce to the same value', async () => {
    const list = `query List($year: Int = 2024, $className: String) { resultList(year: $year, className: $className) { company { slug } total } }`;
    const byDefault = await ask(user('anonymous'), list, {});
    expect(byDefault.cache).toBe('miss');
    const given = await ask(user('anonymous'), list, { year: 2024 });
    expect(given.cache).toBe('hit');
    expect(given.text).toBe(byDefault.text);
    // An explicit null is another value than an absent variable (graphql-js tells them apart).
    expect((await ask(user('anonymous'), list, { year: 2024, className: null })).cache).toBe('miss');
  });

  it('answers a deeply nested unused variable normally, never with a server error', async () => {
    const depth = 100_000;
    const nested = '['.repeat(depth) + ']'.repeat(depth);
    const body = `{"query":${JSON.stringify(`{ editions { year } }`)},"variables":{"deep":${nested}}}`;
    expect(body.length).toBeLessThan(2 ** 20);
    for (const who of ['anonymous', 'staff']) {
      const plain = await ask(user(who), `{ editions { year } }`);
      const answer = await send(user(who), body);
      expect(answer.status).toBe(200);
      expect(answer.text).toBe(plain.text);
      // The same key as without it: the unused variable is not part of it.
      expect(answer.cache).toBe('hit');
    }
  });

  it('does not cache a request whose declared variables are too large to key', async () => {
    const list = `query List($year: Int!, $className: String) { resultList(year: $year, className: $className) { total } }`;
    // A declared String of 64 K characters: not hashed, not stored; the request is answered all the same.
    const big = { year: 2024, className: 'x'.repeat(64 * 1024) };
    const answers = [await ask(user('anonymous'), list, big), await ask(user('anonymous'), list, big)];
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers.map((a) => a.cache)).toEqual(['bypass', 'bypass']);
    expect(answers.map(codes)).toEqual([['resultList:BAD_USER_INPUT'], ['resultList:BAD_USER_INPUT']]);
    expect(answers[1]!.text).toBe(answers[0]!.text);
    // Under the limit (16 K characters of variables' JSON) the same refusal is cached as any other.
    const fits = { year: 2024, className: 'x'.repeat(15 * 1024) };
    expect([await ask(user('anonymous'), list, fits), await ask(user('anonymous'), list, fits)].map((a) => a.cache)).toEqual([
      'miss',
      'hit',
    ]);
  });

  it("keeps anonymous entries to their share, so they cannot push out a signed-in viewer's", async () => {
    const mine = [await ask(user('konk'), RIVAL, { year: 2024 }, tight.url()), await ask(user('konk'), RIVAL, { year: 2024 }, tight.url())];
    expect(mine.map((a) => a.cache)).toEqual(['miss', 'hit']);
    // Many distinct anonymous queries, together far more than the whole cache.
    const list = (i: number) => `query List${i}($year: Int!) { resultList(year: $year) { company { slug name } total } }`;
    let written = 0;
    for (let i = 0; i < 80; i++) {
      const answer = await ask(user('anonymous'), list(i), { year: 2024 }, tight.url());
      expect(answer.cache).toBe('miss');
      written += answer.text.length;
    }
    expect(written).toBeGreaterThan(32 * 1024);
    expect((await ask(user('konk'), RIVAL, { year: 2024 }, tight.url())).cache).toBe('hit');
    // The newest anonymous entries are still served, the oldest went out within their own share.
    expect((await ask(user('anonymous'), list(79), { year: 2024 }, tight.url())).cache).toBe('hit');
    expect((await ask(user('anonymous'), list(0), { year: 2024 }, tight.url())).cache).toBe('miss');
  });

  it('serves a hit before Apollo: one statement (viewer and data version together), the same bytes and content type', async () => {
    const statements: string[] = [];
    const original = db.sql.query.bind(db.sql) as (...args: unknown[]) => unknown;
    db.sql.query = ((text: string, ...rest: unknown[]) => {
      statements.push(text);
      return original(text, ...rest);
    }) as typeof db.sql.query;
    try {
      // urql's accept header, under which Apollo answers application/graphql-response+json.
      const accept = 'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed';
      const query = `query Fast($year: Int!) { resultList(year: $year) { rank total company { slug } } }`;
      const miss = await fetch(`${api.url()}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body: JSON.stringify({ query, variables: { year: 2024 } }),
      });
      const missText = await miss.text();
      statements.length = 0;
      const hit = await fetch(`${api.url()}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body: JSON.stringify({ query, variables: { year: 2024 } }),
      });
      expect([miss.headers.get(CACHE_HEADER), hit.headers.get(CACHE_HEADER)]).toEqual(['miss', 'hit']);
      expect(await hit.text()).toBe(missText);
      expect(hit.headers.get('content-type')).toBe(miss.headers.get('content-type'));
      expect(hit.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
      // No request context, no session read of its own, no separate version read: Apollo never saw it.
      expect(statements.map((t) => t.replace(/\s+/g, ' ').slice(0, 40))).toEqual(['select d.version, v.* from data_version ']);
    } finally {
      db.sql.query = original as typeof db.sql.query;
    }
  });

  it('serves each operation of a document its own answer, and leaves requests with extensions to Apollo', async () => {
    const doc = `query Years { editions { year } } query Names { editions { name } }`;
    const as = (operationName: string) => send(user('konk'), JSON.stringify({ query: doc, operationName }));
    expect((await as('Years')).cache).toBe('miss');
    expect((await as('Names')).cache).toBe('miss');
    const years = await as('Years');
    const names = await as('Names');
    expect([years.cache, names.cache]).toEqual(['hit', 'hit']);
    expect(Object.keys(years.body.data.editions[0])).toEqual(['year']);
    expect(Object.keys(names.body.data.editions[0])).toEqual(['name']);
    // An operation the document does not have is Apollo's to refuse, as before it was ever cached.
    expect((await as('Other')).status).toBe(400);
    // Persisted queries are refused by Apollo (hardening.ts), even for a query whose answer is stored.
    const persisted = await send(
      user('konk'),
      JSON.stringify({ query: doc, operationName: 'Years', extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } } }),
    );
    expect(persisted.status).toBe(400);
  });

  it('falls back to bypass when its own work fails, and logs the fault once', async () => {
    // Faults the cache cannot meet through HTTP by design, made here by hand: its hooks called as
    // Apollo calls them (the data version read from the real database), with parts that throw.
    const plugin = responseCachePlugin({ maxBytes: 2 ** 20 });
    const schema = await createSchema();
    const operation = parse(`query Editions($year: Int) { editions { year } }`).definitions[0] as OperationDefinitionNode;
    const unreadable = {
      ...operation,
      get variableDefinitions(): never {
        throw new Error('the operation cannot be read');
      },
    };
    const unwritable = {
      data: {
        get editions(): never {
          throw new Error('the response cannot be written');
        },
      },
    };
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const request = async (singleResult: object, op: OperationDefinitionNode = operation) => {
      const contextValue = createContext(db, { viewer: { kind: 'anonymous' }, setSessionCookie() {} });
      const hooks = await plugin.requestDidStart!({ contextValue } as never);
      const rc = {
        contextValue,
        schema,
        operation: op,
        operationName: 'Editions',
        queryHash: 'h',
        document: { kind: 'Document', definitions: [op] },
        request: { variables: { year: 1 }, http: { headers: new HeaderMap() } },
      };
      const served = await hooks!.responseForOperation!(rc as never);
      const response = { http: { headers: new HeaderMap(), status: 200 }, body: { kind: 'single', singleResult } };
      await hooks!.willSendResponse!({ ...rc, response } as never);
      return { served, cache: response.http.headers.get(CACHE_HEADER) };
    };
    try {
      // Reading: the key cannot be made. Twice, logged once.
      expect(await request({ data: { editions: [] } }, unreadable)).toEqual({ served: null, cache: 'bypass' });
      expect(await request({ data: { editions: [] } }, unreadable)).toEqual({ served: null, cache: 'bypass' });
      // Storing: the response cannot be serialised; the next identical request is not kept waiting for it.
      expect(await request(unwritable)).toEqual({ served: null, cache: 'bypass' });
      expect(await request({ data: { editions: [] } })).toEqual({ served: null, cache: 'miss' });
      expect((await request({})).cache).toBe('hit');
      expect(errors.mock.calls.map((call) => String(call[1]))).toEqual([
        'Error: the operation cannot be read',
        'Error: the response cannot be written',
      ]);
    } finally {
      errors.mockRestore();
    }
  });
});
