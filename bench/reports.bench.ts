/**
 * Speed of `ksp reports` on its own: the report PDF of every participant of the full demo edition
 * 2024 (192 participants, 25 inquiries each), written as staff sees them (every chapter), by the
 * command's code path (bench/reports.ts). `pnpm bench` measures the same on its data sets. Prints
 * the wall time, the CPU time and the mean file size.
 *
 *   pnpm bench:reports                 (a fresh embedded PostgreSQL in a temporary folder)
 *   DATABASE_URL=… pnpm bench:reports  (an existing database with the demo data)
 *   KSP_BENCH_CONCURRENCY=1 pnpm bench:reports
 *   KSP_BENCH_THREADS=0 pnpm bench:reports     (render in this thread; default 2, as `ksp reports`)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbedded } from '../server/src/db/embedded.js';
import { ensureDatabase, initOrm } from '../server/src/db/orm.js';
import { rows, sqlOn } from '../server/src/db/sql.js';
import { loadDemo } from '../server/src/cli/demo.js';
import { measureReports } from './reports.js';

let url = process.env.DATABASE_URL;
let stopEmbedded = async () => {};
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksp-bench-reports-'));
if (!url) {
  const server = await startEmbedded(path.join(dir, 'data'), 54400 + Math.floor(Math.random() * 500), { fast: true, quiet: true });
  stopEmbedded = () => server.stop();
  url = await ensureDatabase(server, 'ksp');
}
const orm = await initOrm(url);
if (!(await rows(sqlOn(orm.em), 'select 1 from edition limit 1')).length) {
  const t = Date.now();
  await loadDemo(orm, { editions: 3, participants: 192, planning: false });
  console.log(`demo data loaded in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
await orm.close(true);
const started = performance.now();
const run = await measureReports(url, 2024, {
  concurrency: Number(process.env.KSP_BENCH_CONCURRENCY ?? 2),
  threads: Number(process.env.KSP_BENCH_THREADS ?? 2),
  onDone: (done, total) => {
    if (done % 24 === 0) console.log(`  ${done}/${total} after ${((performance.now() - started) / 1000).toFixed(1)} s`);
  },
});
console.log(
  `${run.reports} reports in ${run.seconds.toFixed(1)} s (${((1000 * run.seconds) / run.reports).toFixed(0)} ms each, concurrency ${run.concurrency}, threads ${run.threads}); ` +
    `CPU ${run.cpuSeconds.toFixed(1)} s in this process; mean file ${run.meanKiB.toFixed(0)} KB; ${os.loadavg()[0]!.toFixed(1)} load average`,
);
await stopEmbedded();
fs.rmSync(dir, { recursive: true, force: true });
