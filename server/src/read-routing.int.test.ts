import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useApi, type ApiClient } from '@server/test/api.js';
import { fixtures } from '@server/test/factories.js';
import { useReplicatedDatabase } from '@server/test/replica.js';
import { useViewers } from '@server/test/viewers.js';
import { storeEdition } from './modules/edition/edition-bundle.js';
import { storedResponses } from './modules/fieldwork/response.store.js';
import { READS_HEADER } from './read-routing.js';

/**
 * Reads from a streaming replica (issue 20), for real: a primary and a replica made from a base
 * backup of it (server/test/replica.ts), the app opened on both as `pnpm start` opens it with
 * DATABASE_REPLICA_URL. KSP 2024 is published (the fixture edition); alfa's inquiry alfa-1
 * (phone, 17 of 20 points, OVR_BUY A) is what staff correct.
 *
 * What proves where a read ran: the replica's pg_stat_statements (which statements it executed),
 * and its replay paused, so that it holds older data than the primary: an answer with the old
 * figure can only have come from the replica, one with the new figure only from the primary.
 */
const db = useReplicatedDatabase();
const api = useApi(db);
const { asStaff, asManager, asObserver, anonymous } = useViewers(db, api);
const { fixtureBundle } = fixtures();

/** Generous for a shared two-core machine: streaming on loopback takes milliseconds (measured: docs/speed.md). */
const LAG_BOUND_MS = 5_000;

const REPORT = `{ participation(year: 2024, companySlug: "alfa") { report { total } } }`;
const QUERIES = `{ participation(year: 2024, companySlug: "alfa") { report { responses(first: 10, channel: PHONE) {
  edges { node { id queries { status } } } } } } }`;
const CORRECT = `mutation($id: ID!, $input: ResponseInput!, $reason: String!) {
  correctResponse(assignmentId: $id, input: $input, reason: $reason) { status } }`;
const QUERY = `mutation($m: String!) { queryResponse(year: 2024, companySlug: "alfa", inquiryId: "alfa-1", message: $m) { status } }`;

let assignmentId: string;
let inquiryRow: number;

beforeAll(async () => {
  await db.orm.em.fork().transactional(async (em) => {
    await storeEdition(em, fixtureBundle({ year: 2024 }), { status: 'PUBLISHED' });
  });
  // Created on the primary, replayed by the replica, where it counts what runs there.
  await db.sql.query(`create extension pg_stat_statements`);
  const [row] = (
    await db.sql.query<{ id: number; assignment_id: number }>(`select id, assignment_id from inquiry where external_id = 'alfa-1'`)
  ).rows;
  inquiryRow = row!.id;
  assignmentId = String(row!.assignment_id);
  await db.servers.caughtUp();
}, 60_000);

afterEach(async () => {
  await db.servers.resumeReplay();
  vi.restoreAllMocks();
});

async function total(client: ApiClient): Promise<{ total: number; reads: string | null }> {
  const result = await client.query(REPORT);
  expect(result.errors, client.who).toBeUndefined();
  return { total: result.data!.participation.report.total as number, reads: client.lastHeaders.get(READS_HEADER) };
}

/** alfa-1 as stored, with OVR_BUY set to `option` (attempts left out: a correction keeps them). */
async function alfa1With(option: 'A' | 'B') {
  const stored = (await storedResponses(db.sql, [inquiryRow])).get(inquiryRow)!;
  return {
    attempts: [],
    answers: stored.answers.map((a) =>
      a.questionCode === 'OVR_BUY'
        ? { questionCode: a.questionCode, optionCode: option }
        : a.optionCode !== null
          ? { questionCode: a.questionCode, optionCode: a.optionCode }
          : { questionCode: a.questionCode, value: a.value },
    ),
    comments: stored.comments,
  };
}

/** The statements the replica has executed in the test database since pg_stat_statements_reset(). */
async function onReplica(): Promise<string[]> {
  const found = await db.servers.onReplica<{ query: string }>(
    'ksp',
    `select query from pg_stat_statements where dbid = (select oid from pg_database where datname = 'ksp')`,
  );
  return found.map((r) => r.query);
}

/** Polls `read` until it gives `want`; the milliseconds that took. */
async function until(read: () => Promise<number>, want: number): Promise<number> {
  const started = performance.now();
  while (Math.abs((await read()) - want) > 1e-9) {
    if (performance.now() - started > LAG_BOUND_MS) throw new Error(`not seen within ${LAG_BOUND_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return performance.now() - started;
}

describe('with DATABASE_REPLICA_URL', () => {
  it('serves a manager’s published report from the replica, the session check and staff from the primary', async () => {
    await db.servers.onReplica('ksp', `select pg_stat_statements_reset()`);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const manager = await asManager('alfa');
    // Computed twice on the replica (no-cache: not from the response cache); nothing is stored yet.
    manager.headers['cache-control'] = 'no-cache';
    const first = await total(manager);
    const second = await total(manager);
    delete manager.headers['cache-control'];
    expect([first.reads, second.reads]).toEqual(['replica', 'replica']);

    const ran = await onReplica();
    // The response cache's data version, the stored-section lookups and the scoring of the report ran on the replica …
    expect(ran.filter((q) => q.includes('from data_version'))).not.toEqual([]);
    expect(ran.filter((q) => q.includes('left join published_section'))).not.toEqual([]);
    expect(ran.filter((q) => q.includes('sum(earned)'))).not.toEqual([]);
    // … and the session check did not: the viewer comes from the primary.
    expect(ran.filter((q) => q.includes('user_session'))).toEqual([]);

    // Storing the computed sections failed on the read-only replica, logged once; the answer stands.
    const notStored = warn.mock.calls.filter(([m]) => String(m).startsWith('Published sections are not being stored'));
    expect(notStored).toHaveLength(1);
    expect(String(notStored[0]![0])).toContain('read-only transaction');
    const staff = await asStaff();
    expect(await total(staff)).toEqual({ total: first.total, reads: 'primary' });
    expect(second.total).toBe(first.total);

    // The public reads there too; an observer reads the primary, as staff do.
    const visitor = await anonymous();
    const publicList = await visitor.query(`{ resultList(year: 2024) { company { slug } total } }`);
    expect(publicList.errors).toBeUndefined();
    expect(visitor.lastHeaders.get(READS_HEADER)).toBe('replica');
    const observer = await asObserver('OBS-1');
    expect((await observer.query(`{ myAssignments { id } }`)).errors).toBeUndefined();
    expect(observer.lastHeaders.get(READS_HEADER)).toBe('primary');

    // A download reads where the same viewer's queries do: the questions of the export ran on the replica.
    const csv = await fetch(`${api.url()}/eksport/2024/alfa/besvarelser.csv`, { headers: { cookie: manager.cookie } });
    expect(csv.status).toBe(200);
    expect((await onReplica()).filter((q) => q.includes('"scaleMin"'))).not.toEqual([]);
  });

  it('writes a correction to the primary; staff see it at once, the manager once the replica has replayed it', async () => {
    const staff = await asStaff();
    const manager = await asManager('alfa');
    const before = await total(manager);
    await db.servers.caughtUp();
    await db.servers.pauseReplay();

    const corrected = await staff.query(CORRECT, {
      id: assignmentId,
      input: await alfa1With('B'),
      reason: 'Kunden ble ikke tilbudt kjøp.',
    });
    expect(corrected.errors).toBeUndefined();
    expect(staff.lastHeaders.get(READS_HEADER)).toBe('primary');
    const corrections = `select count(*)::int as n from response_correction`;
    expect(await db.servers.onPrimary('ksp', corrections)).toEqual([{ n: 1 }]);
    expect(await db.servers.onReplica('ksp', corrections)).toEqual([{ n: 0 }]);

    // Staff read their own write at once; the manager reads the replica, which has not replayed it.
    const after = await total(staff);
    expect(after.total).toBeLessThan(before.total);
    expect(await total(manager)).toEqual({ total: before.total, reads: 'replica' });

    // Replay resumes: the manager sees the correction as soon as the replica has it.
    const resumed = performance.now();
    await db.servers.resumeReplay();
    const seenIn = await until(async () => (await total(manager)).total, after.total);
    expect(seenIn).toBeLessThan(LAG_BOUND_MS);
    console.info(`Replica: a paused replay resumed, the manager saw the correction ${(performance.now() - resumed).toFixed(0)} ms later.`);

    // And with replay running: from the correction's answer until the manager's report (computed
    // on the replica) shows it; and PostgreSQL's own measure of the replica's replay lag.
    const lags: string[] = [];
    for (const option of ['A', 'B'] as const) {
      const input = await alfa1With(option);
      const again = await staff.query(CORRECT, { id: assignmentId, input, reason: `OVR_BUY ${option}.` });
      const answered = performance.now();
      expect(again.errors).toBeUndefined();
      const want = (await total(staff)).total;
      await until(async () => (await total(manager)).total, want);
      const seen = performance.now() - answered;
      expect(manager.lastHeaders.get(READS_HEADER)).toBe('replica');
      expect(seen).toBeLessThan(LAG_BOUND_MS);
      const [streaming] = await db.servers.onPrimary<{ state: string; replay: number | null }>(
        'postgres',
        `select state, extract(epoch from replay_lag) * 1000 as replay from pg_stat_replication`,
      );
      expect(streaming?.state).toBe('streaming');
      lags.push(
        `seen after ${seen.toFixed(0)} ms (replay_lag ${streaming?.replay === null ? '–' : `${Number(streaming?.replay).toFixed(1)} ms`})`,
      );
    }
    console.info(`Replica lag after a correction's answer: ${lags.join('; ')} (bound ${LAG_BOUND_MS} ms).`);
  });

  it('sends a browser that wrote to the primary until the replica has its write, and only that browser', async () => {
    const manager = await asManager('alfa');
    const otherTab = await asManager('alfa');
    await db.servers.caughtUp();
    await db.servers.pauseReplay();
    const asked = await manager.query(QUERY, { m: 'Vi tilbød faktisk kjøp.' });
    expect(asked.errors).toBeUndefined();

    const queriesOf = async (client: ApiClient) => {
      const result = await client.query(QUERIES);
      expect(result.errors).toBeUndefined();
      const node = result.data!.participation.report.responses.edges.find((e: { node: { id: string } }) => e.node.id === 'alfa-1').node;
      return { queries: node.queries, reads: client.lastHeaders.get(READS_HEADER) };
    };
    // The manager who asked sees the query at once, read on the primary; a session without the write reads the paused replica.
    expect(await queriesOf(manager)).toEqual({ queries: [{ status: 'OPEN' }], reads: 'primary' });
    expect(await queriesOf(otherTab)).toEqual({ queries: [], reads: 'replica' });

    await db.servers.resumeReplay();
    await db.servers.caughtUp();
    // Replayed: back to the replica.
    expect(await queriesOf(manager)).toEqual({ queries: [{ status: 'OPEN' }], reads: 'replica' });
  });
});
