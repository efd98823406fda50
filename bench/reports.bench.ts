/**
 * Speed of `ksp reports`: the report PDF of every participant of the full demo edition 2024
 * (192 participants, 25 inquiries each), written as staff sees them (every chapter), the same
 * code path as the command (one schema, one database connection pool, `--concurrency` reports in
 * progress at once). Prints the wall time, the CPU time and the mean file size.
 *
 *   pnpm bench:reports                 (a fresh embedded PostgreSQL in a temporary folder)
 *   DATABASE_URL=… pnpm bench:reports  (an existing database with the demo data)
 *   KSP_BENCH_CONCURRENCY=1 pnpm bench:reports
 *   KSP_BENCH_THREADS=2 pnpm bench:reports     (render in two worker threads)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbedded } from '../server/src/db/embedded.js';
import { ensureDatabase, initOrm } from '../server/src/db/orm.js';
import { rows, sqlOn } from '../server/src/db/sql.js';
import { loadDemo } from '../server/src/cli/demo.js';
import { createSchema } from '../server/src/graphql/schema.js';
import { writeReports, type BoughtReport } from '../server/src/modules/export/report-pdf/edition.js';

let url = process.env.DATABASE_URL;
let stopEmbedded = async () => {};
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksp-bench-reports-'));
if (!url) {
  const server = await startEmbedded(path.join(dir, 'data'), 54400 + Math.floor(Math.random() * 500), { fast: true, quiet: true });
  stopEmbedded = () => server.stop();
  url = await ensureDatabase(server, 'ksp');
}
const orm = await initOrm(url);
const sql = sqlOn(orm.em);
if (!(await rows(sql, 'select 1 from edition limit 1')).length) {
  const t = Date.now();
  await loadDemo(orm, { editions: 3, participants: 192, planning: false });
  console.log(`demo data loaded in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
const reports = await rows<BoughtReport>(
  sql,
  `select c.slug, c.id as "companyId" from participation p join company c on c.id = p.company_id join edition e on e.id = p.edition_id
   where e.year = 2024 order by c.slug`,
);
const schema = await createSchema();
const concurrency = Number(process.env.KSP_BENCH_CONCURRENCY ?? 2);
const threads = Number(process.env.KSP_BENCH_THREADS ?? 0);
const out = path.join(dir, 'reports');
const cpu = process.cpuUsage();
const started = performance.now();
let done = 0;
const files = await writeReports({
  orm,
  sql,
  schema,
  year: 2024,
  reports,
  out,
  locale: 'nb',
  concurrency,
  threads,
  viewerOf: () => ({ kind: 'user', userId: 0, role: 'STAFF', companyId: null, observerId: null }),
  onDone: () => {
    if (++done % 24 === 0) console.log(`  ${done}/${reports.length} after ${((performance.now() - started) / 1000).toFixed(1)} s`);
  },
});
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
console.log(
  `${files.length} reports in ${seconds.toFixed(1)} s (${((1000 * seconds) / files.length).toFixed(0)} ms each, concurrency ${concurrency}, threads ${threads}); ` +
    `CPU ${((used.user + used.system) / 1e6).toFixed(1)} s in this process; mean file ${(bytes / files.length / 1024).toFixed(0)} KB; ${os.loadavg()[0]!.toFixed(1)} load average`,
);
await orm.close(true);
await stopEmbedded();
fs.rmSync(dir, { recursive: true, force: true });
