import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { initOrm } from '../server/src/db/orm.js';
import { rows, sqlOn } from '../server/src/db/sql.js';
import { writeReports, type BoughtReport } from '../server/src/modules/export/report-pdf/edition.js';

/** `ksp reports` of one edition, measured (bench/main.ts, bench/reports.bench.ts). */
export interface ReportsRun {
  reports: number;
  seconds: number;
  /** CPU of this process, its worker threads included. */
  cpuSeconds: number;
  meanKiB: number;
  threads: number;
  concurrency: number;
}

/**
 * The report PDF of every participant of `year`, written as staff sees them (every chapter), by the
 * code path of `ksp reports` with its defaults (two worker threads, two reports in progress each):
 * the files into a temporary folder that is removed after.
 */
export async function measureReports(
  url: string,
  year: number,
  { threads = 2, concurrency = 2, onDone }: { threads?: number; concurrency?: number; onDone?: (done: number, total: number) => void } = {},
): Promise<ReportsRun> {
  const orm = await initOrm(url);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ksp-bench-reports-'));
  try {
    const sql = sqlOn(orm.em);
    const reports = await rows<BoughtReport>(
      sql,
      `select c.slug, c.id as "companyId" from participation p join company c on c.id = p.company_id join edition e on e.id = p.edition_id
       where e.year = $1 order by c.slug`,
      [year],
    );
    const cpu = process.cpuUsage();
    const started = performance.now();
    let done = 0;
    const files = await writeReports({
      orm,
      sql,
      year,
      reports,
      out,
      locale: 'nb',
      concurrency,
      threads,
      viewerOf: () => ({ kind: 'user', userId: 0, role: 'STAFF', companyId: null, observerId: null }),
      onDone: () => onDone?.(++done, reports.length),
    });
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
    return {
      reports: files.length,
      seconds,
      cpuSeconds: (used.user + used.system) / 1e6,
      meanKiB: bytes / files.length / 1024,
      threads,
      concurrency,
    };
  } finally {
    await orm.close(true);
    fs.rmSync(out, { recursive: true, force: true });
  }
}
