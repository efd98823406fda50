import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { Locale } from '@ksp/shared';
import type { Viewer } from '@server/access/viewer.js';
import { initOrm } from '@server/db/orm.js';
import { sqlOn } from '@server/db/sql.js';
import { createSchema } from '@server/graphql/schema.js';
import { contextFor } from './edition.js';
import { reportPdf } from './pdf.js';

/** A report worker thread: its own schema and connections; renders the reports it is sent and writes them. */
export interface WorkerJob {
  slug: string;
  viewer: Viewer;
  file: string;
}
const { url, year, locale } = workerData as { url: string; year: number; locale: Locale };
const orm = await initOrm(url);
const sql = sqlOn(orm.em);
const schema = await createSchema();
parentPort!.on('message', async (job: WorkerJob | null) => {
  if (!job) {
    await orm.close(true);
    parentPort!.close();
    return;
  }
  try {
    const pdf = await reportPdf(schema, contextFor(orm, sql, job.viewer), year, job.slug, locale);
    if (!pdf) throw new Error(`The report of ${job.slug} ${year} could not be opened.`);
    await fs.promises.writeFile(job.file, pdf);
    parentPort!.postMessage({ slug: job.slug, file: job.file });
  } catch (error) {
    parentPort!.postMessage({ slug: job.slug, error: String((error as Error).stack ?? error) });
  }
});
parentPort!.postMessage({ ready: true });
