import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { Kind, print, type DocumentNode } from 'graphql';
import type { ApolloServer } from '@apollo/server';
import { firstViews } from '@ksp/shared';
import { REPO_ROOT } from '../config.js';
import type { Database } from '../db/orm.js';
import { rows, type Sql } from '../db/sql.js';
import { managerOf } from '../access/viewer.js';
import { createContext, type Context } from '../context.js';
import { CACHEABLE_ERROR_CODES, readDataVersion } from './response-cache.js';

/**
 * Results day, answered ahead. When an edition is published every participant's manager opens the
 * own report at once, and every one of those first views would be computed: on two cores, 32 of
 * them at once take a second each (bench/RESULTS.md). So the server computes them itself, before
 * anyone asks: for every bought report of the newest published edition, the dashboard's first
 * views (shared/src/report/first-views.ts), as one of the company's managers, through Apollo like
 * any request. The response cache keeps each under the company's audience key (response-cache.ts),
 * where every manager of the company finds it.
 *
 * When: at start, and whenever the data version has moved and then stood still for `quietMs`
 * (any write empties the response cache, so the answers are computed again). Requests come first:
 * one operation at a time, giving way to the event loop between them. A write during a run makes
 * its answers stale, so the run stops and waits for quiet again, each time twice as long (up to
 * MAX_QUIET_MS): during fieldwork, when observers write all day, it tries seldom and costs little;
 * publication and a quiet night let it finish. Each finished run is logged with its size and time.
 *
 * The answers are computed on the primary and kept under its data version; with a read replica, a
 * manager's request (sent there, read-routing.ts) finds them once the replica has that version,
 * which is at once when nothing is being written.
 */
export interface WarmAnswers {
  /** Until the run in progress (if any) has ended. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

const MAX_QUIET_MS = 60 * 60_000;

/** What the log says when a run has finished (the benchmark waits for it). */
export const WARMED_LOG = 'Answers computed ahead:';

/**
 * The web app's documents as codegen generates them (web/codegen.ts), each a parsed document in the
 * order its fields are written, as the browser sends it (urql prints it; the cache's key reads
 * the document, not its white space).
 */
export const DASHBOARD_DOCUMENTS = path.join(REPO_ROOT, 'web/src/graphql/generated/graphql.ts');

/**
 * The dashboard's query documents by operation name, printed. The module is imported at run time
 * by its path (the server runs under tsx), as data: the web package is not part of the server's build.
 */
export async function dashboardDocuments(file = DASHBOARD_DOCUMENTS): Promise<Map<string, string>> {
  const generated = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const documents = new Map<string, string>();
  for (const value of Object.values(generated)) {
    if (!isDocument(value)) continue;
    for (const d of value.definitions) {
      if (d.kind === Kind.OPERATION_DEFINITION && d.operation === 'query' && d.name) documents.set(d.name.value, print(value));
    }
  }
  return documents;
}

const isDocument = (value: unknown): value is DocumentNode =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === Kind.DOCUMENT;

interface BoughtReport {
  companyId: number;
  companySlug: string;
  year: number;
  className: string;
}

/** The bought reports of the newest published edition. */
async function boughtReports(sql: Sql): Promise<BoughtReport[]> {
  return rows<BoughtReport>(
    sql,
    `select p.company_id as "companyId", c.slug as "companySlug", e.year, k.name as "className"
     from participation p
     join company c on c.id = p.company_id
     join edition e on e.id = p.edition_id
     join industry_class k on k.id = p.class_id
     where p.report_purchased and e.year = (select max(year) from edition where status = 'PUBLISHED')
     order by c.slug`,
  );
}

export interface WarmOptions {
  /** How long the data must stand still before a run; default 2 s. */
  quietMs?: number;
  /** How often the data version is looked at; default 1 s. */
  pollMs?: number;
  log?: (line: string) => void;
}

export function warmAnswers(
  options: WarmOptions & { apollo: ApolloServer<Context>; db: Pick<Database, 'orm' | 'sql'>; documents: ReadonlyMap<string, string> },
): WarmAnswers {
  const { apollo, db, documents, log = console.log } = options;
  const baseQuietMs = options.quietMs ?? 2000;
  let quietMs = baseQuietMs;
  /** The data version the cached answers were last all computed at. */
  let warmedAt: number | null = null;
  let seen: { version: number; since: number } | null = null;
  /** At start nothing is cached: the first run does not wait for quiet. */
  let first = true;
  let running: Promise<void> | null = null;
  let stopped = false;

  const run = async (version: number) => {
    const started = performance.now();
    const reports = await boughtReports(db.sql);
    let views = 0;
    const refused: string[] = [];
    for (const report of reports) {
      // One context for a report's views: its loaders read each section once for all of them.
      const contextValue = createContext(db, { viewer: managerOf(report.companyId) });
      for (const view of firstViews(report)) {
        if (stopped) return;
        const query = documents.get(view.operationName);
        if (query === undefined) continue;
        const response = await apollo.executeOperation(
          { query, operationName: view.operationName, variables: view.variables },
          { contextValue },
        );
        views++;
        // An answer the cache does not keep (a fault, a document the schema no longer takes) is said in the log.
        const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
        const fault = errors.find((e) => !CACHEABLE_ERROR_CODES.has(String(e.extensions?.code)));
        if (fault) refused.push(`${view.operationName} of ${report.companySlug}: ${fault.message}`);
        await yieldToRequests();
      }
      if ((await readDataVersion(db.sql)) !== version) {
        // Written to meanwhile: what was computed is stale. Wait longer for quiet next time.
        quietMs = Math.min(MAX_QUIET_MS, quietMs * 2);
        return;
      }
    }
    warmedAt = version;
    quietMs = baseQuietMs;
    log(
      `${WARMED_LOG} ${reports.length} reports, ${views} views, in ${((performance.now() - started) / 1000).toFixed(1)} s.` +
        (refused.length ? ` ${refused.length} not kept, the first: ${refused[0]}` : ''),
    );
  };

  const check = async () => {
    if (running || stopped) return;
    const version = await readDataVersion(db.sql);
    if (version === warmedAt) return;
    const now = Date.now();
    if (!seen || seen.version !== version) seen = { version, since: now };
    if (!first && now - seen.since < quietMs) return;
    first = false;
    running = run(version).finally(() => {
      running = null;
    });
    await running;
  };

  let failed = false;
  const tick = () =>
    void check().catch((e: unknown) => {
      // Logged once; the next tick tries again.
      if (!failed) console.error('Computing answers ahead failed (logged once):', e);
      failed = true;
    });
  const timer = setInterval(tick, options.pollMs ?? 1000);
  timer.unref();
  tick();

  return {
    settled: async () => {
      await running;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}
