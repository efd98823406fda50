/**
 * `pnpm bench`: the speed of the API at scale (issue 9). For each data set (3 and 20 demo
 * editions, each in its own embedded PostgreSQL, cached under .tmp/bench/) it starts the
 * production server in its own process and measures over HTTP on loopback:
 *   - at concurrency 1 (p50/p95/p99): the protocol floor, the result list of the newest edition,
 *     the full participant report (every section but `responses`), the class benchmark and a
 *     page of responses with a comment search;
 *   - at concurrency 32: full reports per second, p95 and errors, with the CPU of server and
 *     PostgreSQL per request;
 *   - the same report's figures by the analyst's plain SQL (analyst.sql) over the raw tables,
 *     checked equal to the API's, and its p50/p95/p99;
 *   - where a full report's time goes (pg_stat_statements), approval and correction to visible,
 *     and `ksp import` of one edition into a fresh database.
 * And, pure CPU before the data sets, the fieldwork planner on a full edition (bench/planner.ts).
 * Writes bench/RESULTS.md (full runs) and prints a summary. Options: bench/options.ts.
 */
import os from 'node:os';
import { Analyst, flattenAnalyst } from './analyst.js';
import { compareFlat, flattenApi } from './compare.js';
import { openDataSet, progressLine } from './datasets.js';
import { GraphQLClient, NO_ERRORS, runConcurrent, runSerial, type ErrorPolicy, type SerialResult } from './http.js';
import { measureImport } from './import.js';
import { computedAhead, measureResultsDay, resultsDayManagers } from './results-day.js';
import { measureReports } from './reports.js';
import { WARMED_LOG } from '../server/src/graphql/warm-answers.js';
import { profileReport } from './profile.js';
import {
  CLASS_BENCHMARK,
  FLOOR,
  FULL_REPORT_NO_RESPONSES,
  INSIGHT_PAGE,
  LOGIN,
  MEASURED_MANAGER,
  measuredReport,
  REPORT_BY_DESIGN,
  RESPONSES_SEARCH,
  RESULT_LIST,
} from './requests.js';
import { machine, printSummary, writeResults, type DataSetResult } from './results.js';
import { cpuBetween, cpuSeconds, postgresCpu, startServer } from './server.js';
import { loadPhases, parseOptions } from './options.js';
import { measurePlanner, printPlanner, renderPlannerSection, writePlannerSection } from './planner.js';
import { DEMO_PASSWORD } from '../server/src/cli/demo.js';
import { summarize } from './stats.js';
import { measureVisibility } from './visibility.js';
import pg from 'pg';
import { initOrm } from '../server/src/db/orm.js';
import { sqlOn } from '../server/src/db/sql.js';
import { precomputePublished, type Precomputed } from '../server/src/modules/report/precompute.js';

const options = parseOptions(process.argv.slice(2), process.env);
const startedAt = new Date();
// Judged before the benchmark's own server, PostgreSQL and load generator add to it.
const loadAtStart = os.loadavg();
console.log(
  options.planner === 'only'
    ? `pnpm bench --planner-only${options.write ? '' : ' (RESULTS.md not written)'}`
    : `pnpm bench${options.quick ? ' --quick' : ''}: data sets of ${options.editions.join(' and ')} editions, ${options.rounds} rounds, ` +
        `${options.requests} requests at concurrency ${options.concurrency}${options.write ? '' : ' (RESULTS.md not written)'}`,
);
if (loadAtStart[0]! > os.cpus().length * 0.5) {
  console.log(
    `note: load average ${loadAtStart[0]!.toFixed(1)} on ${os.cpus().length} cores: other work is running, figures will be noisy`,
  );
}

// First, while the machine is not yet busy with the benchmark's own server and PostgreSQL.
const planner = options.planner === 'skip' ? undefined : measurePlanner();
if (planner) {
  console.log('\nFieldwork planner');
  printPlanner(planner);
}
const plannerSection = async () => planner && renderPlannerSection(planner, await machine(), startedAt, loadAtStart);
if (options.planner === 'only') {
  const section = await plannerSection();
  if (options.write && section) console.log(`\nWrote the "Fieldwork planner" section of ${writePlannerSection(section)}`);
  process.exit(0);
}

const results: DataSetResult[] = [];
for (const editions of options.editions) results.push(await measureDataSet(editions));
const meta = { startedAt, machine: await machine(), options, loadAverage: loadAtStart, loadAverageEnd: os.loadavg() };
printSummary(results, meta);
if (options.write) {
  const file = writeResults(results, meta);
  // The planner's section replaces the one carried over; skipped, the old one stays.
  const section = await plannerSection();
  if (section) writePlannerSection(section);
  console.log(`\nWrote ${file}`);
}
process.exit(0);

async function measureDataSet(editions: number): Promise<DataSetResult> {
  console.log(`\n${editions} editions`);
  const ds = await openDataSet(editions, options.participants, { fresh: options.fresh });
  console.log(
    `  ${ds.size.editions} editions, ${ds.size.inquiries} inquiries, ${ds.size.answers} answers, ${ds.size.databaseMiB} MiB` +
      (ds.loadSeconds !== undefined ? ` (loaded in ${ds.loadSeconds.toFixed(0)} s)` : ' (from the cache)'),
  );
  // The results-day managers exist before the server starts, as a real edition's do before publication.
  const managers = await resultsDayManagers(ds.url);
  const server = await startServer(ds.url);
  // Nothing is measured while the server computes results day's answers ahead (its CPU would be in every figure).
  const warmed = await server.line(WARMED_LOG, 600_000);
  console.log(`  ${warmed}`);
  const setup = new pg.Client({ connectionString: ds.url });
  await setup.connect();
  const clients: GraphQLClient[] = [];
  const analyst = new Analyst(ds.url);
  try {
    const { slug, year } = await measuredReport(setup);
    const postgres = (await setup.query<{ server_version: string }>('show server_version')).rows[0]?.server_version;
    const api = new GraphQLClient(server.graphql, 1);
    clients.push(api);
    await api.must(LOGIN, { e: MEASURED_MANAGER, p: DEMO_PASSWORD });
    const vars = { year, slug };

    // The same figures both ways, before anything is timed.
    await analyst.connect();
    const report = await api.request(FULL_REPORT_NO_RESPONSES, vars);
    const allowed = (report.result.errors ?? []).filter(REPORT_BY_DESIGN);
    if ((report.result.errors ?? []).length !== allowed.length) throw new Error(`full report: ${JSON.stringify(report.result.errors)}`);
    const apiFlat = flattenApi(report.result.data, allowed);
    const shape = { competitors: Number(apiFlat.values.get('comp#') ?? 0), history: Number(apiFlat.values.get('history#') ?? 0) };
    const comparison = compareFlat(apiFlat, flattenAnalyst((await analyst.run(year, slug)).rows, year));
    if (comparison.mismatches.length) {
      console.error(`  The analyst's SQL and the API disagree on ${comparison.mismatches.length} figure(s):`);
      for (const m of comparison.mismatches.slice(0, 30)) console.error(`    ${m}`);
      throw new Error('figures differ: the benchmark compares equal work only');
    }
    console.log(
      `  full report of ${slug} ${year}: ${(report.bytes / 1024).toFixed(1)} KiB; ${comparison.compared} figures equal to the analyst's SQL` +
        ` (${comparison.withheld} withheld by design: ${
          Object.entries(countCodes(allowed))
            .map(([c, n]) => `${n} ${c}`)
            .join(', ') || 'none'
        })`,
    );

    const deadline = () => Date.now() + options.phaseSeconds * 1000;
    /** Another client on the same session; `cache-control: no-cache` makes its answers computed every time, not served from the server's response cache (published sections are still read from storage). */
    const sameSession = (connections: number, headers: Record<string, string> = {}) => {
      const client = new GraphQLClient(server.graphql, connections, headers);
      clients.push(client);
      client.cookie = api.cookie;
      return client;
    };
    const NO_CACHE = { 'cache-control': 'no-cache' };
    const bypass = sameSession(1, NO_CACHE);
    const serial = async (
      name: string,
      query: string,
      v: Record<string, unknown>,
      { allow = NO_ERRORS, client = api, before }: { allow?: ErrorPolicy; client?: GraphQLClient; before?: () => Promise<unknown> } = {},
    ): Promise<SerialResult> => {
      const r = await runSerial(
        async () => {
          await before?.();
          return client.request(query, v);
        },
        options.rounds,
        allow,
        { deadline: deadline() },
      );
      console.log(
        `  ${name.padEnd(34)} p50 ${r.latency.p50.toFixed(1).padStart(6)} ms  p95 ${r.latency.p95.toFixed(1).padStart(6)} ms  p99 ${r.latency.p99.toFixed(1).padStart(6)} ms` +
          `  ${(r.bytes / 1024).toFixed(1)} KiB${r.errors ? `  ${r.errors} ERRORS` : ''}`,
      );
      return r;
    };
    const floor = await serial('{ __typename }', FLOOR, {});
    const resultList = await serial(`resultList(${year})`, RESULT_LIST, { year });
    const fullReport = await serial('full report', FULL_REPORT_NO_RESPONSES, vars, { allow: REPORT_BY_DESIGN });
    const uncached = {
      resultList: await serial('  resultList, computed', RESULT_LIST, { year }, { client: bypass }),
      fullReport: await serial('  full report, computed', FULL_REPORT_NO_RESPONSES, vars, { allow: REPORT_BY_DESIGN, client: bypass }),
      // The first view after publication: none of the newest edition's sections stored yet (each
      // request stores them anew); the earlier editions' stay stored, as they are after publication
      // (deleting them too made the next run's answers computed ahead recompute every history).
      firstView: await serial('  full report, nothing stored', FULL_REPORT_NO_RESPONSES, vars, {
        allow: REPORT_BY_DESIGN,
        client: bypass,
        before: () => setup.query(`delete from published_section where edition_id = (select id from edition where year = $1)`, [year]),
      }),
      insight: await serial('  insight page, computed', INSIGHT_PAGE, vars, { client: bypass }),
    };
    const classBenchmark = await serial('class benchmark', CLASS_BENCHMARK, vars);
    const responses = await serial('responses page, comment search', RESPONSES_SEARCH, vars);
    const insight = await serial('insight page', INSIGHT_PAGE, vars);

    // Publication stores the newest edition's sections and key drivers before it answers.
    await setup.query(`delete from published_section where edition_id = (select id from edition where year = $1)`, [year]);
    await setup.query(`delete from key_driver_analysis where edition_id = (select id from edition where year = $1)`, [year]);
    const publication = await publicationCost(ds.url, year);
    console.log(
      `  publication of ${year}: ${publication.seconds.toFixed(1)} s (key drivers ${publication.keyDriverSeconds.toFixed(1)} s, comment words ${publication.sectionSeconds.commentWords.toFixed(1)} s)`,
    );

    // Then every manager opens its own report at once.
    const resultsDay = {
      ...(await measureResultsDay(managers, server.graphql, options.concurrency)),
      computedAhead: computedAhead(warmed),
    };
    console.log(
      `  results day: ${resultsDay.managers} managers in ${resultsDay.waves} waves of ${resultsDay.concurrency}: views p50 ${resultsDay.views.p50.toFixed(1)} ms, p95 ${resultsDay.views.p95.toFixed(1)} ms;` +
        ` sign-in p95 ${resultsDay.signIn.p95.toFixed(0)} ms; ${resultsDay.errors} errors${resultsDay.firstFailure ? ` (first: ${resultsDay.firstFailure})` : ''}`,
    );

    const analystRun = await analyst.measure(year, slug, options.rounds, deadline());
    const a = analystRun.latency;
    console.log(
      `  ${"analyst's plain SQL".padEnd(34)} p50 ${a.p50.toFixed(1).padStart(6)} ms  p95 ${a.p95.toFixed(1).padStart(6)} ms  p99 ${a.p99.toFixed(1).padStart(6)} ms` +
        `  API/analyst at p95: ${(fullReport.latency.p95 / a.p95).toFixed(2)}`,
    );

    /**
     * Full reports through `client` (`concurrency` keep-alive connections, a closed loop), after
     * `warmup` unmeasured ones at the same concurrency: the first few hundred requests run while
     * V8 is still compiling the hot paths (measured: bench/RESULTS.md, "Measured by hand"). With the CPU a report cost the server and PostgreSQL meanwhile.
     */
    const underLoad = async (label: string, client: GraphQLClient, total: number, warmup: number) => {
      await runConcurrent(() => client.request(FULL_REPORT_NO_RESPONSES, vars), warmup, options.concurrency, REPORT_BY_DESIGN, {
        deadline: deadline(),
      });
      const serverBefore = cpuSeconds(server.pid);
      const pgBefore = postgresCpu(ds.postmasterPid());
      const load = await runConcurrent(() => client.request(FULL_REPORT_NO_RESPONSES, vars), total, options.concurrency, REPORT_BY_DESIGN, {
        deadline: deadline(),
      });
      const done = load.latency.count;
      const cpu = {
        serverMsPerRequest: ((cpuSeconds(server.pid) - serverBefore) / done) * 1000,
        postgresMsPerRequest: (cpuBetween(pgBefore, postgresCpu(ds.postmasterPid())) / done) * 1000,
      };
      console.log(
        `${label} at concurrency ${options.concurrency}:`.padEnd(36) +
          ` ${load.perSecond.toFixed(1)} req/s  p95 ${load.latency.p95.toFixed(0)} ms` +
          `  ${load.errors} errors of ${done}  CPU per request: server ${cpu.serverMsPerRequest.toFixed(1)} ms, PostgreSQL ${cpu.postgresMsPerRequest.toFixed(1)} ms` +
          (load.firstFailure ? `\n    first failure: ${load.firstFailure}` : ''),
      );
      return { load, cpu };
    };
    const pool = sameSession(options.concurrency);
    for (let i = 0; i < options.concurrency; i++) await pool.request(FULL_REPORT_NO_RESPONSES, vars); // open the connections
    const phases = loadPhases(options);
    const { load, cpu } = await underLoad('  full report', pool, phases.cached.total, phases.cached.warmup);
    const { load: loadComputed, cpu: cpuComputed } = await underLoad(
      '    full report computed,',
      sameSession(options.concurrency, NO_CACHE),
      phases.computed.total,
      phases.computed.warmup,
    );

    // Where a computed report's time goes (the response cache would answer without SQL).
    const profile = await profileReport(ds.url, ds.url.replace(/\/ksp$/, '/postgres'), bypass, year, slug, options.profileRounds);
    console.log(
      `  profile: ${profile.statementsPerRequest.toFixed(0)} statements, SQL ${profile.sqlMs.toFixed(1)} ms of ${profile.wallMs.toFixed(1)} ms per full report`,
    );

    const visibility = await measureVisibility(ds.url, api, analyst, year, slug, options.visibilitySamples);
    const vis = [...visibility.approvalMs, ...visibility.correctionMs];
    console.log(
      `  approval / correction to visible: max ${Math.max(...vis).toFixed(0)} ms over ${vis.length} changes${visibility.timeouts ? `, ${visibility.timeouts} NOT VISIBLE within 10 s` : ''}`,
    );

    // The API's part is done: stopped, so that its background work (answers computed ahead again
    // after the writes above) is not in the commands' figures.
    await server.stop();
    const imported = await measureImport(ds, year, options.importRounds);
    console.log(
      `  ksp import of ${imported.inquiries} inquiries into a fresh database: ${imported.importSeconds.map((s) => s.toFixed(1)).join(', ')} s` +
        ` (of which start-up ${imported.startupSeconds.toFixed(1)} s); ksp export ${imported.exportSeconds.toFixed(1)} s`,
    );
    const progress = progressLine(`  ksp reports of ${year}`);
    const reports = await measureReports(ds.url, year, {
      onDone: (done, total) => done % 24 === 0 && progress.update(`${done}/${total} PDFs`),
    });
    progress.done(
      `${reports.reports} PDFs in ${reports.seconds.toFixed(1)} s (CPU ${reports.cpuSeconds.toFixed(1)} s, ${reports.threads} threads, mean ${reports.meanKiB.toFixed(0)} KB)`,
    );

    return {
      editions,
      postgres,
      size: ds.size,
      loadSeconds: ds.loadSeconds,
      participant: { slug, year, ...shape },
      reportBytes: report.bytes,
      comparison,
      allowedErrors: countCodes(allowed),
      floor,
      resultList,
      fullReport,
      classBenchmark,
      responses,
      insight,
      publication,
      resultsDay,
      analyst: analystRun,
      load,
      uncached,
      loadComputed,
      cpu,
      cpuComputed,
      profile,
      visibility: { ...visibility, all: summarize(vis) },
      imported,
      reports,
    };
  } finally {
    await Promise.all(clients.map((c) => c.close()));
    await analyst.end().catch(() => {});
    await setup.end();
    await server.stop();
    await ds.stop();
  }
}

function countCodes(errors: { extensions?: { code?: string } }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of errors) out[e.extensions?.code ?? '?'] = (out[e.extensions?.code ?? '?'] ?? 0) + 1;
  return out;
}

/** What publication's storing of one edition costs (`precomputePublished`, as `setEditionStatus(PUBLISHED)` runs it), in this process. */
async function publicationCost(url: string, year: number): Promise<Precomputed> {
  const orm = await initOrm(url);
  try {
    const [done] = await precomputePublished(sqlOn(orm.em), year);
    if (!done) throw new Error(`${year} is not published`);
    return done;
  } finally {
    await orm.close(true);
  }
}
