import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { GraphQLSchema } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Locale } from '@ksp/shared';
import { rows, type Sql } from '@server/db/sql.js';
import { BadInput, NotFound } from '@server/errors.js';
import { managerOf, type Viewer } from '@server/access/viewer.js';
import { createContext, type Context } from '@server/context.js';
import type { ReadSide } from '@server/read-routing.js';
import { reportPdf } from './pdf.js';

/** A GraphQL context for in-process execution as `viewer` (no HTTP request, no session cookie), reading `sql` (on `reads`). */
export const contextFor = (orm: MikroORM, sql: Sql, viewer: Viewer, reads: ReadSide = 'primary'): Context =>
  createContext({ orm, sql, reads }, { viewer });

export interface BoughtReport {
  slug: string;
  companyId: number;
}

/** The participants of a published edition that bought the report, by slug. */
export async function boughtReports(sql: Sql, year: number): Promise<BoughtReport[]> {
  const [edition] = await rows<{ status: string; name: string }>(sql, 'select status, name from edition where year = $1', [year]);
  if (!edition) throw new NotFound(`There is no edition ${year}.`);
  if (edition.status !== 'PUBLISHED') throw new BadInput(`${edition.name} is not published: its reports are written once it is.`);
  return rows<BoughtReport>(
    sql,
    `select c.slug, c.id as "companyId" from participation p join company c on c.id = p.company_id join edition e on e.id = p.edition_id
     where e.year = $1 and p.report_purchased order by c.slug`,
    [year],
  );
}

/** Writes `<slug>.pdf` for each report, `concurrency` at a time (database reads overlap the rendering). */
export async function writeReports(options: {
  orm: MikroORM;
  sql: Sql;
  /** The schema to render with in this thread; made here when not given. Worker threads make their own, so with `threads` none is needed. */
  schema?: GraphQLSchema;
  year: number;
  reports: readonly BoughtReport[];
  out: string;
  locale: Locale;
  /** Reports in progress at once (in each thread with `threads`), so that one's reads overlap another's rendering. */
  concurrency?: number;
  onDone?: (slug: string) => void;
  /** Whom each file is written for; by default the participant's own manager. */
  viewerOf?: (report: BoughtReport) => Viewer;
  /** Render in this many worker threads (each with its own schema and connections) instead of this thread. */
  threads?: number;
}): Promise<string[]> {
  fs.mkdirSync(options.out, { recursive: true });
  if (options.threads && options.threads > 0) return writeReportsInThreads({ ...options, threads: options.threads });
  const schema = options.schema ?? (await (await import('@server/graphql/schema.js')).createSchema());
  const queue = [...options.reports];
  const written: string[] = [];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const ctx = contextFor(options.orm, options.sql, (options.viewerOf ?? ((r) => managerOf(r.companyId)))(next));
      const pdf = await reportPdf(schema, ctx, options.year, next.slug, options.locale);
      if (!pdf) throw new Error(`The report of ${next.slug} ${options.year} could not be opened as its own manager.`);
      const file = path.join(options.out, `${next.slug}.pdf`);
      await fs.promises.writeFile(file, pdf);
      written.push(file);
      options.onDone?.(next.slug);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
  return written;
}

/** The same in worker threads: rendering is CPU-bound, so on 2 cores two threads render at once. */
async function writeReportsInThreads(options: Parameters<typeof writeReports>[0] & { threads: number }): Promise<string[]> {
  const url = options.orm.config.getClientUrl();
  const queue = [...options.reports];
  const written: string[] = [];
  const viewerOf = options.viewerOf ?? ((r: BoughtReport) => managerOf(r.companyId));
  const one = () =>
    new Promise<void>((resolve, reject) => {
      // The worker is TypeScript like the rest: it registers tsx in its own thread (hooks do not carry over) and loads worker.ts.
      const entry = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
      const worker = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); })`, {
        eval: true,
        workerData: { url, year: options.year, locale: options.locale },
      });
      // `concurrency` reports in progress in the thread, so that one's reads overlap another's
      // rendering; the thread is told to end (null) once it has none left.
      let inProgress = 0;
      let ended = false;
      const next = () => {
        const report = queue.shift();
        if (report) {
          inProgress++;
          worker.postMessage({ slug: report.slug, viewer: viewerOf(report), file: path.join(options.out, `${report.slug}.pdf`) });
        } else if (inProgress === 0 && !ended) {
          ended = true;
          worker.postMessage(null);
        }
      };
      worker.on('message', (m: { ready?: boolean; slug?: string; file?: string; error?: string }) => {
        if (m.error) {
          void worker.terminate();
          reject(new Error(m.error));
          return;
        }
        if (m.ready) {
          for (let i = 0; i < Math.max(1, options.concurrency ?? 2); i++) next();
          return;
        }
        if (m.file) {
          written.push(m.file);
          inProgress--;
          options.onDone?.(m.slug!);
        }
        next();
      });
      worker.on('error', reject);
      worker.on('exit', () => resolve());
    });
  await Promise.all(Array.from({ length: options.threads }, one));
  if (written.length !== options.reports.length) throw new Error(`Wrote ${written.length} of ${options.reports.length} reports.`);
  return written;
}
