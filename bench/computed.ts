import pg from 'pg';
import { openDataSet } from './datasets.js';
import { profileReport } from './profile.js';
import { cpuBetween, cpuSeconds, postgresCpu, startServer } from './server.js';
import { GraphQLClient, runConcurrent } from './http.js';
import { FULL_REPORT_NO_RESPONSES, LOGIN, MEASURED_MANAGER, measuredReport, REPORT_BY_DESIGN } from './requests.js';
import { summarize } from './stats.js';
import { DEMO_PASSWORD } from '../server/src/cli/demo.js';
import { WARMED_LOG } from '../server/src/graphql/warm-answers.js';

// `pnpm bench:computed`: the computed full report alone (the response cache passed by, sections
// stored), the figure the full run takes longest to reach, for working on it: one at a time and
// at concurrency 32, each with the CPU the server and PostgreSQL spent a report, and with `--sql`
// PostgreSQL's time per statement. Prints only. With
// KSP_BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" the server writes a CPU profile.
//
//   --editions N   the data set (default 20)
//   --rounds N     reports one at a time (default 300)
//   --requests N   reports at concurrency 32 (default 500; 0 skips)
//   --sql          the statement profile (pg_stat_statements) over 50 reports

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? fallback : Number(process.argv[at + 1]);
};
const editions = arg('editions', 20);
const rounds = arg('rounds', 300);
const requests = arg('requests', 500);

const ds = await openDataSet(editions, 192);
const server = await startServer(ds.url);
// Not measured while the server computes results day's answers ahead.
console.log(await server.line(WARMED_LOG, 600_000));
const setup = new pg.Client({ connectionString: ds.url });
await setup.connect();
try {
  const who = await measuredReport(setup);
  const vars = { year: who.year, slug: who.slug };
  const api = new GraphQLClient(server.graphql, 1);
  await api.must(LOGIN, { e: MEASURED_MANAGER, p: DEMO_PASSWORD });
  const computed = (connections: number) => {
    const client = new GraphQLClient(server.graphql, connections, { 'cache-control': 'no-cache' });
    client.cookie = api.cookie;
    return client;
  };
  /** The CPU milliseconds per report the server and PostgreSQL spend on `run`. */
  const cpuOf = async <T>(reports: number, run: () => Promise<T>) => {
    const server0 = cpuSeconds(server.pid);
    const postgres0 = postgresCpu(ds.postmasterPid());
    const result = await run();
    const perReport = (seconds: number) => ((seconds / reports) * 1000).toFixed(1);
    return {
      result,
      cpu: `CPU a report: server ${perReport(cpuSeconds(server.pid) - server0)} ms, PostgreSQL ${perReport(cpuBetween(postgres0, postgresCpu(ds.postmasterPid())))} ms`,
    };
  };

  const one = computed(1);
  for (let i = 0; i < 50; i++) await one.request(FULL_REPORT_NO_RESPONSES, vars);
  const serial = await cpuOf(rounds, async () => {
    const ms: number[] = [];
    for (let i = 0; i < rounds; i++) ms.push((await one.request(FULL_REPORT_NO_RESPONSES, vars)).ms);
    return summarize(ms);
  });
  const l = serial.result;
  console.log(
    `${editions} editions, ${rounds} computed full reports one at a time: p50 ${l.p50.toFixed(1)} / p95 ${l.p95.toFixed(1)} / p99 ${l.p99.toFixed(1)} ms; ${serial.cpu}`,
  );

  if (requests > 0) {
    const many = computed(32);
    await runConcurrent(() => many.request(FULL_REPORT_NO_RESPONSES, vars), 64, 32, REPORT_BY_DESIGN);
    const load = await cpuOf(requests, () =>
      runConcurrent(() => many.request(FULL_REPORT_NO_RESPONSES, vars), requests, 32, REPORT_BY_DESIGN),
    );
    const r = load.result;
    console.log(
      `at concurrency 32: ${r.perSecond.toFixed(1)} reports/s, p95 ${r.latency.p95.toFixed(0)} ms, ${r.errors} errors; ${load.cpu}`,
    );
  }

  if (process.argv.includes('--sql')) {
    const p = await profileReport(ds.url, ds.url.replace(/\/ksp$/, '/postgres'), one, who.year, who.slug, 50);
    console.log(`SQL ${p.sqlMs.toFixed(1)} ms of ${p.wallMs.toFixed(1)} ms a report, ${p.statementsPerRequest.toFixed(1)} statements:`);
    for (const s of p.statements)
      console.log(
        `  ${s.label}: ${s.callsPerRequest.toFixed(1)} calls, ${s.msPerRequest.toFixed(2)} ms (planning ${s.planMsPerRequest.toFixed(2)})`,
      );
  }
} finally {
  await setup.end();
  await server.stop();
  await ds.stop();
}
process.exit(0);
