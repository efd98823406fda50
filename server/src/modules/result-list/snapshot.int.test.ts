import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getNamedType, isObjectType, type GraphQLObjectType } from 'graphql';
import { resultListPointerPath, resultListSnapshotPath, type ResultListSnapshot, type SnapshotPointer } from '@ksp/shared/snapshots';
import { useTestDatabase } from '@server/test/db.js';
import { useApi } from '@server/test/api.js';
import { useViewers } from '@server/test/viewers.js';
import { fixtureBundle } from '@server/test/factories.js';
import { rows } from '../../db/sql.js';
import { loadDemo } from '../../cli/demo.js';
import { storeEdition } from '../edition/edition-bundle.js';
import { createSchema } from '../../graphql/schema.js';
import { ResultListSnapshots } from './snapshot.service.js';
import { POINTER_CACHE_CONTROL, SNAPSHOT_CACHE_CONTROL } from './snapshot.routes.js';

/**
 * The published snapshots of the result list (snapshot.service.ts, docs/speed.md) over real HTTP
 * against the real app and database: exactly what GraphQL answers an anonymous viewer, none for
 * an edition that is not published, a new hash after a correction with the old URL still
 * answering its old bytes, and the caching headers a CDN goes by.
 */
const db = useTestDatabase();
const api = useApi(db);
/** A second server process on the same database, as a replica behind a load balancer would be. */
const other = useApi(db);
const viewers = useViewers(db, api);

/** Written here, not taken from the service: every field of a row that the snapshot must hold. */
const ANONYMOUS_LIST = `query List($year: Int!) {
  resultList(year: $year) {
    rank classRank total className company { slug name }
    uncertainty { standardError low high rankLow rankHigh classRankLow classRankHigh }
  }
}`;

let year: number;
let unpublished: number;

interface Got {
  status: number;
  headers: Headers;
  text: string;
}
async function get(path: string, headers: Record<string, string> = {}, base = api.url()): Promise<Got> {
  // fetch adds `cache-control: no-cache` to a request with If-None-Match unless it has one (as
  // the Fetch standard says), and that asks for a fresh answer; a browser's or CDN's revalidation
  // sends none, or max-age=0.
  if (headers['if-none-match']) headers = { 'cache-control': 'max-age=0', ...headers };
  const res = await fetch(`${base}${path}`, { headers, redirect: 'manual' });
  return { status: res.status, headers: res.headers, text: await res.text() };
}
/** The pointer's answer, checked, and the snapshot it points to. */
async function current(y = year, base = api.url()): Promise<{ href: string; snapshot: Got; hash: string }> {
  const pointer = await get(resultListPointerPath(y), {}, base);
  expect(pointer.status, pointer.text).toBe(200);
  const body = JSON.parse(pointer.text) as SnapshotPointer;
  expect(body.year).toBe(y);
  const hash = /\.([0-9a-f]{16})\.json$/.exec(body.href)![1]!;
  expect(body.href).toBe(resultListSnapshotPath(y, hash));
  return { href: body.href, hash, snapshot: await get(body.href, {}, base) };
}
const total = (list: ResultListSnapshot, slug: string) =>
  (list.resultList as { company: { slug: string }; total: number }[]).find((r) => r.company.slug === slug)!.total;

beforeAll(async () => {
  await loadDemo(db.orm, { editions: 2, participants: 24, planning: false });
  year = (await rows<{ year: number }>(db.sql, `select max(year) as year from edition where status = 'PUBLISHED'`))[0]!.year;
  unpublished = year + 5;
  await db.orm.em.fork().transactional((em) => storeEdition(em, fixtureBundle({ year: unpublished }), { status: 'REVIEW' }));
}, 180_000);

describe('a published snapshot of the result list', () => {
  it('is exactly what GraphQL answers an anonymous viewer, field for field and byte for byte', async () => {
    const anonymous = await viewers.anonymous();
    const answer = await anonymous.query<{ resultList: unknown[] }>(ANONYMOUS_LIST, { year });
    expect(answer.errors).toBeUndefined();
    const { snapshot } = await current();
    expect(snapshot.status).toBe(200);
    const body = JSON.parse(snapshot.text) as ResultListSnapshot;
    expect(Object.keys(body)).toEqual(['year', 'resultList']);
    expect(body.year).toBe(year);
    expect(body.resultList).toHaveLength(24);
    expect(body.resultList).toEqual(answer.data!.resultList);
    // The same text GraphQL sends: the same fields in the same order, every digit of every total.
    expect(snapshot.text).toBe(JSON.stringify({ year, resultList: answer.data!.resultList }));
    // Intervals are there (the demo's participants have 25 inquiries each).
    expect(body.resultList[0]).toMatchObject({ uncertainty: { low: expect.any(Number), rankLow: expect.any(Number) } });
  });

  it('holds every field of a result row but the names of tied class members, and nothing else', async () => {
    const schema = await createSchema();
    const fields = (type: GraphQLObjectType, prefix = ''): string[] =>
      Object.values(type.getFields()).flatMap((f) => {
        const inner = getNamedType(f.type);
        return isObjectType(inner) ? fields(inner, `${prefix}${f.name}.`) : [`${prefix}${f.name}`];
      });
    const everyField = fields(schema.getType('ResultRow') as GraphQLObjectType).filter((f) => !f.startsWith('uncertainty.tiedWith.'));
    const { snapshot } = await current();
    const row = (JSON.parse(snapshot.text) as ResultListSnapshot).resultList[0] as Record<string, unknown>;
    const held = (value: Record<string, unknown>, prefix = ''): string[] =>
      Object.entries(value).flatMap(([k, v]) =>
        v && typeof v === 'object' ? held(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
      );
    expect(held(row).sort()).toEqual(everyField.sort());
  });

  it('is the same for every visitor: no cookie is read', async () => {
    const anonymous = await current();
    const staff = await viewers.asStaff();
    const signedIn = await get(resultListPointerPath(year), { cookie: staff.cookie });
    expect(JSON.parse(signedIn.text)).toEqual({ year, href: anonymous.href });
    expect(signedIn.headers.get('vary')).toBeNull();
    expect(signedIn.headers.get('set-cookie')).toBeNull();
  });

  it('is named by the SHA-256 of its bytes and sent as immutable; the pointer is asked again each time', async () => {
    const { snapshot, hash, href } = await current();
    expect(hash).toBe(createHash('sha256').update(snapshot.text).digest('hex').slice(0, 16));
    expect(snapshot.headers.get('cache-control')).toBe(SNAPSHOT_CACHE_CONTROL);
    expect(SNAPSHOT_CACHE_CONTROL).toBe('public, max-age=31536000, immutable');
    expect(snapshot.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(snapshot.headers.get('etag')).toBe(`"${hash}"`);
    expect((await get(href, { 'if-none-match': `"${hash}"` })).status).toBe(304);

    const pointer = await get(resultListPointerPath(year));
    expect(pointer.headers.get('cache-control')).toBe(POINTER_CACHE_CONTROL);
    expect(POINTER_CACHE_CONTROL).toBe('public, no-cache');
    expect(pointer.headers.get('etag')).toBe(`"${hash}"`);
    expect(pointer.headers.get('content-type')).toMatch(/^application\/json/);
    const revalidated = await get(resultListPointerPath(year), { 'if-none-match': `"${hash}"` });
    expect([revalidated.status, revalidated.text]).toEqual([304, '']);

    const head = await fetch(`${api.url()}${href}`, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length')]).toEqual([200, String(Buffer.byteLength(snapshot.text))]);
    const post = await fetch(`${api.url()}${href}`, { method: 'POST' });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });

  it('is made once per result version, however many ask and whatever else changes', async () => {
    const schema = await createSchema();
    const snapshots = new ResultListSnapshots(db, schema);
    const make = vi.spyOn(ResultListSnapshots.prototype as unknown as { make: () => Promise<unknown> }, 'make');
    try {
      const [first, ...rest] = await Promise.all(Array.from({ length: 5 }, () => snapshots.currentSnapshot(year)));
      expect(rest.every((s) => s === first)).toBe(true);
      // A write that leaves the published results as they are: an unchanged name, a session, another edition.
      const dataVersion = async () => (await rows<{ version: number }>(db.sql, `select version from data_version`))[0]!.version;
      const before = await dataVersion();
      await db.sql.query(`update company set name = name`);
      await db.sql.query(`update edition set name = name where year = $1`, [unpublished]);
      expect(await dataVersion()).toBe(before + 2);
      expect(await snapshots.currentSnapshot(year)).toBe(first);
      expect(make).toHaveBeenCalledTimes(1);
      // Storing a snapshot moves no data version: the response cache keeps its answers.
      expect(await dataVersion()).toBe(before + 2);
    } finally {
      make.mockRestore();
    }
  });

  it('is stored, so another server process answers its URL without having made it', async () => {
    const { href, snapshot } = await current();
    const stored = await rows<{ n: number }>(db.sql, `select count(*)::int as n from result_list_snapshot`);
    expect(stored[0]!.n).toBeGreaterThan(0);
    const fromOther = await get(href, {}, other.url());
    expect([fromOther.status, fromOther.text]).toEqual([200, snapshot.text]);
  });
});

describe('an edition without a published result list', () => {
  it('has no snapshot: an unpublished edition, a year without an edition, a hash never made', async () => {
    const anonymous = await viewers.anonymous();
    expect((await anonymous.query(ANONYMOUS_LIST, { year: unpublished })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    for (const path of [
      resultListPointerPath(unpublished),
      resultListPointerPath(1999),
      resultListSnapshotPath(unpublished, '0123456789abcdef'),
      resultListSnapshotPath(year, '0123456789abcdef'),
      '/snapshots/result-list/2024.NOT-A-HASH.json',
      '/snapshots/result-list/',
      '/snapshots',
    ]) {
      const got = await get(path);
      expect(got.status, path).toBe(404);
      expect(got.headers.get('cache-control'), path).toBe('no-store');
      expect(JSON.parse(got.text), path).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
    // Staff may read the unpublished list in GraphQL; the snapshot is the public list only.
    const staff = await viewers.asStaff();
    expect((await staff.query(ANONYMOUS_LIST, { year: unpublished })).errors).toBeUndefined();
    expect((await get(resultListPointerPath(unpublished), { cookie: staff.cookie })).status).toBe(404);
    expect(
      await rows(db.sql, `select 1 from result_list_snapshot s join edition e on e.id = s.edition_id where e.year = $1`, [unpublished]),
    ).toEqual([]);
  });
});

describe('a change of the published results', () => {
  it('makes a new snapshot under a new hash; the old URL keeps answering its old bytes', async () => {
    const before = await current();
    const oldList = JSON.parse(before.snapshot.text) as ResultListSnapshot;
    // A correction, as staff's correctResponse writes it: one counted answer of the leader moved to its cheapest option.
    const leader = (oldList.resultList[0] as { company: { slug: string } }).company.slug;
    const [answer] = await rows<{ inquiry_id: number; question_id: number; cheapest: number }>(
      db.sql,
      `select a.inquiry_id, a.question_id,
              (select o2.id from question_option o2 where o2.question_id = a.question_id and not o2.not_applicable order by o2.points limit 1) as cheapest
       from answer a join inquiry i on i.id = a.inquiry_id join question q on q.id = a.question_id
       join question_option o on o.id = a.option_id join participation p on p.id = i.participation_id
       join company c on c.id = p.company_id join edition e on e.id = p.edition_id
       where c.slug = $1 and e.year = $2 and i.review_status = 'APPROVED' and i.status = 'ANSWERED'
         and q.max_points is not null and not o.not_applicable and o.points > 0
       limit 1`,
      [leader, year],
    );
    await db.sql.query(`update answer set option_id = $3 where inquiry_id = $1 and question_id = $2`, [
      answer!.inquiry_id,
      answer!.question_id,
      answer!.cheapest,
    ]);

    const after = await current();
    expect(after.hash).not.toBe(before.hash);
    const newList = JSON.parse(after.snapshot.text) as ResultListSnapshot;
    expect(total(newList, leader)).toBeLessThan(total(oldList, leader));
    // Still exactly the anonymous answer, now of the corrected data.
    const anonymous = await viewers.anonymous();
    expect(newList.resultList).toEqual((await anonymous.query<{ resultList: unknown[] }>(ANONYMOUS_LIST, { year })).data!.resultList);
    // The pointer's old ETag no longer matches: a client revalidating it gets the new href.
    const revalidated = await get(resultListPointerPath(year), { 'if-none-match': `"${before.hash}"` });
    expect(revalidated.status).toBe(200);
    expect(JSON.parse(revalidated.text).href).toBe(after.href);
    // The old URL is immutable: the same bytes as before, from this process and from another.
    for (const base of [api.url(), other.url()]) {
      const old = await get(before.href, {}, base);
      expect([old.status, old.text, old.headers.get('cache-control')]).toEqual([200, before.snapshot.text, SNAPSHOT_CACHE_CONTROL]);
    }
    // The other process sees the correction too, under the same hash: the bytes depend on the data only.
    expect((await current(year, other.url())).hash).toBe(after.hash);
  });

  it("makes a new snapshot when a participant's company is renamed", async () => {
    const before = await current();
    const slug = ((JSON.parse(before.snapshot.text) as ResultListSnapshot).resultList[3] as { company: { slug: string } }).company.slug;
    await db.sql.query(`update company set name = name || ' ASA' where slug = $1`, [slug]);
    const after = await current();
    expect(after.hash).not.toBe(before.hash);
    const renamed = (JSON.parse(after.snapshot.text) as ResultListSnapshot).resultList.find(
      (r) => (r as { company: { slug: string } }).company.slug === slug,
    ) as { company: { name: string } };
    expect(renamed.company.name).toMatch(/ ASA$/);
  });
});
