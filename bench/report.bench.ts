/**
 * Speed of the API on the full demo data (3 editions × 192 participants × 25 inquiries):
 * the result list, the full report of a konkurrent participant (competitors, class
 * benchmarks, history, performances, variation, a page of responses), and a comment search.
 * Loopback only, a bounded number of requests; prints median and 95th percentile.
 *
 *   pnpm bench                 (a fresh embedded PostgreSQL in a temporary folder)
 *   DATABASE_URL=… pnpm bench  (an existing database with the demo data)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { startEmbedded } from '../server/src/db/embedded.js';
import { ensureDatabase, initOrm } from '../server/src/db/orm.js';
import { rows, sqlOn } from '../server/src/db/sql.js';
import { createApp } from '../server/src/app.js';
import { DEMO_PASSWORD, loadDemo } from '../server/src/cli/demo.js';
import { FULL_REPORT } from '../server/test/queries.js';

const ROUNDS = 40;

let url = process.env.DATABASE_URL;
let stopEmbedded = async () => {};
let dir: string | undefined;
if (!url) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksp-bench-'));
  const server = await startEmbedded(path.join(dir, 'data'), 54400 + Math.floor(Math.random() * 500), { fast: true, quiet: true });
  stopEmbedded = () => server.stop();
  url = await ensureDatabase(server, 'ksp');
}
const orm = await initOrm(url);
const sql = sqlOn(orm.em);
if (!(await rows(sql, 'select 1 from edition limit 1')).length) {
  const t = Date.now();
  await loadDemo(orm, { editions: 3, participants: 192 });
  console.log(`demo data loaded in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
const { app, stop } = await createApp({ orm, sql }, { production: true });
const http = app.listen(0, '127.0.0.1');
await new Promise((resolve) => http.once('listening', resolve));
const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;

let cookie = '';
async function gql(query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(base, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
  cookie = res.headers.get('set-cookie')?.split(';')[0] ?? cookie;
  const json = (await res.json()) as { errors?: unknown[] };
  if (json.errors) throw new Error(JSON.stringify(json.errors));
  return json;
}

await gql(`mutation { login(email: "konkurrent@ksp.demo", password: "${DEMO_PASSWORD}") { id } }`);
const [konk] = await rows<{ slug: string }>(sql, `select c.slug from app_user u join company c on c.id = u.company_id where u.email = 'konkurrent@ksp.demo'`);

async function measure(name: string, run: () => Promise<unknown>) {
  await run(); // warm up
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1);
  console.log(`${name.padEnd(44)} median ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms`);
}

console.log(`${ROUNDS} requests each, after one warm-up:`);
await measure('resultList(2024), 192 rows', () => gql(`{ resultList(year: 2024) { rank classRank total className company { slug name } } }`));
await measure('resultList(2024, one class)', () => gql(`query($c: String) { resultList(year: 2024, className: $c) { rank total company { name } } }`, { c: 'Bank' }));
await measure('full report (konkurrent, everything)', () => gql(FULL_REPORT, { year: 2024, slug: konk!.slug }));
await measure('report total + areas only', () => gql(`query($s: String!) { participation(year: 2024, companySlug: $s) { report { total areas { area score } } } }`, { s: konk!.slug }));
await measure('responses page, comment search', () => gql(`query($s: String!) { participation(year: 2024, companySlug: $s) { report {
  responses(first: 20, search: "hyggelig") { totalCount edges { node { id highlights { reception agent overall } } } } } } }`, { s: konk!.slug }));

http.close();
await stop();
await orm.close(true);
await stopEmbedded();
if (dir) fs.rmSync(dir, { recursive: true, force: true });
process.exit(0);
