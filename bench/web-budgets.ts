/**
 * `pnpm bench:web`: the web budgets of issue 8, measured (not asserted in tests) and written to
 * the "Web budgets" section of bench/RESULTS.md (the rest of the file belongs to `pnpm bench`).
 *
 *   - initial JavaScript ≤ 350 KB gzipped: the entry chunk of the production build and every chunk
 *     it imports statically (not the lazy chapters), each gzipped at level 9, summed;
 *   - the overview's first complete render ≤ 1.5 s on localhost with the 2024 demo data: the
 *     production server on a fresh embedded PostgreSQL with the full demo data (3 editions ×
 *     192 participants), the konkurrent demo manager signed in, `/rapport/2024/<own slug>` opened
 *     N times in Debian's Chromium, each time in a new browser context (empty cache).
 *
 *   pnpm bench:web                 build, measure 10 times, write RESULTS.md
 *   pnpm bench:web --runs 20       more page loads
 *   pnpm bench:web --no-build      weigh the existing web/dist
 *   pnpm bench:web --no-write      print only
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { freePort } from './datasets.js';
import { replaceSection, WEB_BUDGETS } from './sections.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'web/dist');
const RESULTS = path.join(ROOT, 'bench/RESULTS.md');
const YEAR = 2024;
const EMAIL = 'konkurrent@ksp.demo';
const PASSWORD = 'ksp-demo';
const BUDGET_JS_KB = 350;
const BUDGET_RENDER_MS = 1500;
// The same browser and flags as the browser tests (web/playwright.config.ts).
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 10;
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs takes a whole number ≥ 1');
const BUILD = !args.includes('--no-build');
const WRITE = !args.includes('--no-write');

const startedAt = new Date();
const loadAtStart = os.loadavg();
console.log(
  `pnpm bench:web: ${BUILD ? 'build, ' : ''}weigh the initial JavaScript, ${RUNS} page loads of the overview; load average ${fmtLoad(loadAtStart)} on ${os.cpus().length} cores`,
);

// 1. The build and its weights -------------------------------------------------------------

if (BUILD) {
  const build = spawnSync('pnpm', ['build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`pnpm build failed (${build.status})`);
}
const weights = weighBuild();
console.log(`initial JavaScript: ${kb(weights.initial.gzip)} KB gzipped (${weights.initial.files.join(', ')})`);

// 2. The overview's first complete render --------------------------------------------------

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksp-bench-web-'));
let server: { base: string; stop(): Promise<void> } | undefined;
let browser: Browser | undefined;
let renders: Render[];
let warmUp: Render;
let slug: string;
try {
  server = await startServer(dataDir);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const signedIn = await signIn(browser, server.base);
  slug = signedIn.slug;
  const url = `${server.base}/rapport/${YEAR}/${slug}`;
  // One unrecorded load first: the server's and PostgreSQL's first request after start-up pays
  // for connecting and planning, which a running server has long done.
  warmUp = await measureRender(browser, url, signedIn.state);
  console.log(`warm-up: ${ms(warmUp.complete)} ms`);
  renders = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await measureRender(browser, url, signedIn.state);
    renders.push(r);
    console.log(
      `  run ${i + 1}/${RUNS}: complete ${ms(r.complete)} ms (DOMContentLoaded ${ms(r.domContentLoaded)} ms; ${r.charts} charts)`,
    );
  }
} finally {
  await browser?.close();
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

// 3. Results -----------------------------------------------------------------------------

const times = renders.map((r) => r.complete);
const median = medianOf(times);
const max = Math.max(...times);
const loadAtEnd = os.loadavg();
const section = renderSection();
console.log(
  `\ninitial JavaScript ${kb(weights.initial.gzip)} KB gzipped (budget ${BUDGET_JS_KB} KB): ${weights.initial.gzip <= BUDGET_JS_KB * 1000 ? 'met' : 'NOT MET'}`,
);
console.log(
  `overview's first complete render: median ${ms(median)} ms, max ${ms(max)} ms over ${RUNS} (budget ${BUDGET_RENDER_MS} ms): ${max <= BUDGET_RENDER_MS ? 'met' : median <= BUDGET_RENDER_MS ? 'median met, max NOT' : 'NOT MET'}`,
);
console.log(
  `largest lazy chapter: ${weights.largestChapter.name} ${kb(weights.largestChapter.gzip)} KB; ECharts chunk: ${weights.echarts ? `${weights.echarts.file} ${kb(weights.echarts.gzip)} KB` : 'not found'}`,
);
console.log(`load average ${fmtLoad(loadAtStart)} at the start, ${fmtLoad(loadAtEnd)} at the end`);
if (WRITE) {
  const old = fs.existsSync(RESULTS) ? fs.readFileSync(RESULTS, 'utf8') : '';
  fs.writeFileSync(RESULTS, replaceSection(old, WEB_BUDGETS, section));
  console.log(`\nWrote the "${WEB_BUDGETS}" section of ${path.relative(process.cwd(), RESULTS)}`);
}
process.exit(0);

// ----------------------------------------------------------------------------------------

interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
interface Weighed {
  gzip: number;
  raw: number;
  files: string[];
}

function weighBuild() {
  const manifestFile = path.join(DIST, '.vite/manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`${manifestFile} is missing: build.manifest in web/vite.config.ts, then pnpm build`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
  const gz = new Map<string, { gzip: number; raw: number }>();
  const size = (file: string) => {
    let s = gz.get(file);
    if (!s) {
      const bytes = fs.readFileSync(path.join(DIST, file));
      s = { gzip: gzipSync(bytes, { level: 9 }).length, raw: bytes.length };
      gz.set(file, s);
    }
    return s;
  };
  /** A chunk and everything it imports statically (transitively), as manifest keys. */
  const closure = (key: string, into = new Set<string>()) => {
    if (into.has(key)) return into;
    into.add(key);
    for (const k of manifest[key]?.imports ?? []) closure(k, into);
    return into;
  };
  const weigh = (keys: Iterable<string>): Weighed => {
    const files = [...keys].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'));
    return { files, gzip: files.reduce((s, f) => s + size(f).gzip, 0), raw: files.reduce((s, f) => s + size(f).raw, 0) };
  };
  const entries = Object.entries(manifest).filter(([, c]) => c.isEntry);
  if (entries.length !== 1) throw new Error(`expected one entry in the manifest, found ${entries.length}`);
  const [entryKey, entry] = entries[0]!;
  const initialKeys = closure(entryKey);
  const initial = weigh(initialKeys);
  // Each lazy chunk of the entry (chapters, staff overview, workshop): its own file, and what
  // opening it adds to the initial JavaScript (its static imports not already loaded).
  const lazy = (entry.dynamicImports ?? []).map((key) => {
    const own = manifest[key]!;
    const adds = weigh([...closure(key)].filter((k) => !initialKeys.has(k)));
    return { key, name: own.name ?? key, file: own.file, gzip: size(own.file).gzip, adds };
  });
  const largestChapter = lazy.reduce((a, c) => (c.gzip > a.gzip ? c : a));
  const overview = lazy.find((c) => /overview\/Overview\.tsx$/.test(c.key));
  // ECharts has no chunk of its own name: the chunk holding `echarts/core` (named after the first
  // app module in it) is found by ECharts' internal property prefix `__ec_inner_`.
  const echartsFile = Object.values(manifest)
    .map((c) => c.file)
    .filter((f) => f.endsWith('.js') && fs.readFileSync(path.join(DIST, f), 'utf8').includes('__ec_inner_'))
    .sort((a, b) => size(b).gzip - size(a).gzip)[0];
  const echarts = echartsFile ? { file: path.basename(echartsFile), gzip: size(echartsFile).gzip, raw: size(echartsFile).raw } : undefined;
  const everything = weigh(Object.keys(manifest));
  return { initial, lazy, largestChapter, overview, echarts, everything };
}

interface Render {
  complete: number;
  domContentLoaded: number;
  charts: number;
  shapes: number;
  url: string;
}

/**
 * Runs in the page before any of its scripts: checks on every animation frame whether the
 * overview is complete and records `performance.now()` (ms since navigation start) the first
 * time it is. Complete: no loading notice (role=status saying "Laster …") left, the total KPI
 * showing a number, at least one chart figure, and every chart figure's container holding an
 * SVG (or canvas) with drawn shapes in it. The check runs at the start of a frame, so the time
 * is that of the frame that paints the complete overview (±1 frame, ~17 ms).
 */
function probe(): string {
  return `(() => {
  const loading = /Laster|Loading/;
  const complete = () => {
    for (const s of document.querySelectorAll('[role="status"]')) if (loading.test(s.textContent || '')) return null;
    const total = document.querySelector('.kpi--main dd');
    if (!total || !/\\d/.test(total.textContent || '')) return null;
    const figures = document.querySelectorAll('figure.chart-figure');
    if (!figures.length) return null;
    let shapes = 0;
    for (const f of figures) {
      const drawn = f.querySelector('.chart canvas, .chart svg');
      if (!drawn) return null;
      if (drawn.tagName.toLowerCase() === 'svg') {
        const n = drawn.querySelectorAll('path').length;
        if (!n) return null;
        shapes += n;
      }
    }
    return { charts: figures.length, shapes };
  };
  const tick = () => {
    if (window.__kspComplete) return;
    const r = complete();
    if (r) window.__kspComplete = { at: performance.now(), charts: r.charts, shapes: r.shapes, url: location.pathname };
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;
}

async function measureRender(b: Browser, url: string, state: StorageState): Promise<Render> {
  // A new context each time: empty HTTP cache, the session cookie from the one sign-in.
  const context = await b.newContext({ storageState: state, locale: 'nb-NO', viewport: { width: 1280, height: 720 } });
  try {
    await context.addInitScript({ content: probe() });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    // Strings evaluated through the DevTools protocol (not waitForFunction, which the app's
    // Content-Security-Policy refuses as eval); the bench compiles without the DOM's types.
    const deadline = Date.now() + 60_000;
    while (!(await page.evaluate<boolean>('window.__kspComplete !== undefined'))) {
      if (Date.now() > deadline) throw new Error(`the overview was not complete within 60 s: ${url}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const r = await page.evaluate<Render>(`(() => {
      const done = window.__kspComplete;
      const nav = performance.getEntriesByType('navigation')[0];
      return { complete: done.at, charts: done.charts, shapes: done.shapes, url: done.url, domContentLoaded: nav ? nav.domContentLoadedEventEnd : NaN };
    })()`);
    if (r.url !== new URL(url).pathname) throw new Error(`the overview ended on ${r.url}, not ${new URL(url).pathname}`);
    return r;
  } finally {
    await context.close();
  }
}

type StorageState = Awaited<ReturnType<Awaited<ReturnType<Browser['newContext']>>['storageState']>>;

/** Signs in through the form as a manager does, and finds the own company's slug through `me`. */
async function signIn(b: Browser, base: string): Promise<{ state: StorageState; slug: string }> {
  const context = await b.newContext({ locale: 'nb-NO', baseURL: base });
  try {
    const page = await context.newPage();
    await page.goto('/logg-inn');
    await page.getByLabel('E-post').fill(EMAIL);
    await page.getByLabel('Passord').fill(PASSWORD);
    await page.getByLabel('Passord').press('Enter');
    await page.waitForURL((u) => !u.pathname.startsWith('/logg-inn'), { timeout: 60_000 });
    const res = await page.request.post('/graphql', { data: { query: '{ me { company { slug } } }' } });
    const body = (await res.json()) as { data?: { me: { company: { slug: string } | null } | null }; errors?: unknown[] };
    const found = body.data?.me?.company?.slug;
    if (!found) throw new Error(`me gave no company for ${EMAIL}: ${JSON.stringify(body)}`);
    return { state: await context.storageState(), slug: found };
  } finally {
    await context.close();
  }
}

/** The production server as the browser tests start it, on free ports, with its own embedded PostgreSQL in `dir`. */
async function startServer(dir: string) {
  const port = await freePort();
  const pgPort = await freePort();
  console.log(
    `starting the server on port ${port} (embedded PostgreSQL on ${pgPort}, data in ${dir}); loading the demo data takes a while…`,
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    // KSP_DEMO_EDITIONS / KSP_DEMO_PARTICIPANTS at their defaults: 3 editions × 192 participants.
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      KSP_PG_PORT: String(pgPort),
      KSP_DATA_DIR: path.join(dir, 'db'),
      NODE_ENV: 'production',
      TSX_TSCONFIG_PATH: 'server/tsconfig.json',
      KSP_DEMO_EDITIONS: '3',
      KSP_DEMO_PARTICIPANTS: '192',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM'); // stops the embedded PostgreSQL too
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  };
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    if (Date.now() - started > 600_000) {
      await stop();
      throw new Error(`the server did not answer /healthz within 10 min:\n${output}`);
    }
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(
    `server ready after ${((Date.now() - started) / 1000).toFixed(0)} s${/Demo data loaded in ([\d.]+) s/.exec(output) ? ` (demo data loaded in ${/Demo data loaded in ([\d.]+) s/.exec(output)![1]} s)` : ''}`,
  );
  return { base, stop };
}

function renderSection(): string {
  const cores = os.cpus().length;
  const busy = loadAtStart[0]! > cores * 0.5 || loadAtEnd[0]! > cores * 0.5;
  const jsMet = weights.initial.gzip <= BUDGET_JS_KB * 1000;
  const renderMet = max <= BUDGET_RENDER_MS;
  const chapter = weights.largestChapter;
  const ov = weights.overview;
  const lines = [
    `## ${WEB_BUDGETS}`,
    '',
    `Written by \`pnpm bench:web\` (\`bench/web-budgets.ts\`) on ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC; each run replaces only this section. ` +
      `Load average ${fmtLoad(loadAtStart)} at the start and ${fmtLoad(loadAtEnd)} at the end, on ${cores} cores` +
      (busy ? ': **the machine was busy with other work**, so the render times are slower and noisier than on a quiet machine.' : '.'),
    '',
    '| budget (issue 8) | measured | |',
    '|---|---|---|',
    `| initial JavaScript ≤ ${BUDGET_JS_KB} KB gzipped | ${kb(weights.initial.gzip)} KB (${kb(weights.initial.raw)} KB minified, ${weights.initial.files.length} files) | ${jsMet ? 'met' : '**not met**'} |`,
    `| the overview's first complete render ≤ ${(BUDGET_RENDER_MS / 1000).toFixed(1)} s on localhost, 2024 demo data | median ${ms(median)} ms, max ${ms(max)} ms over ${RUNS} loads | ${renderMet ? 'met' : median <= BUDGET_RENDER_MS ? '**not met** by the slowest load (the median is within)' : '**not met**'} |`,
    '',
    `**Initial JavaScript**: the entry chunk of the production build (\`pnpm build\`, \`web/dist/.vite/manifest.json\`) and every chunk it imports statically, ` +
      `each gzipped on its own (node:zlib, level 9), summed; KB = 1,000 bytes as Vite prints them. Lazy chunks (chapters, staff overview, workshop) are not counted. ` +
      `Files: ${weights.initial.files.map((f) => `\`${path.basename(f)}\``).join(', ')}. For information:`,
    '',
    `- largest lazy chapter chunk: \`${path.basename(chapter.file)}\` ${kb(chapter.gzip)} KB gzipped; opening it loads ${kb(chapter.adds.gzip)} KB more with the chunks it imports that are not loaded yet;`,
    weights.echarts
      ? `- the ECharts chunk (\`echarts/core\` with the SVG renderer, shared by every chart, in the chunk Rolldown names after \`ChartFigure\`): \`${weights.echarts.file}\` ${kb(weights.echarts.gzip)} KB gzipped (${kb(weights.echarts.raw)} KB minified);`
      : '- the ECharts chunk: not found (no chunk holds `__ec_inner_`);',
    ...(ov
      ? [
          `- the overview adds ${kb(ov.adds.gzip)} KB to the initial JavaScript (its chunk, the charts and ECharts), so its first load fetches ${kb(weights.initial.gzip + ov.adds.gzip)} KB of JavaScript gzipped;`,
        ]
      : []),
    `- every JavaScript chunk of the build together: ${kb(weights.everything.gzip)} KB gzipped.`,
    '',
    `**First complete render**: the production server (\`NODE_ENV=production\`, its own embedded PostgreSQL in a temporary folder, the default demo data: 3 editions × 192 participants) ` +
      `on loopback; \`${EMAIL}\` signs in once through the form; \`/rapport/${YEAR}/${slug}\` (its own overview, slug from \`me\`) is then opened ${RUNS} times in Debian's Chromium ` +
      `(headless, the flags of \`web/playwright.config.ts\`, 1280 × 720), each time in a new browser context: empty cache, the session cookie only. ` +
      `The time is \`performance.now()\` in the page (milliseconds since navigation start) at the first animation frame in which the overview is complete: ` +
      'no loading notice ("Laster …", role=status) left, the total KPI showing its number, and every chart figure of the chapter (here ' +
      `${renders[0]!.charts}: total per channel, areas against the class, the class benchmark) holding its SVG with drawn shapes (\`path\` elements: axes and bars). ` +
      "It covers the HTML, the initial JavaScript, `me` and the report shell, the lazy overview chunk with ECharts, the overview query and the charts' first drawing; " +
      "the bars' entry animation continues after it, and the rank KPI (a separate query) may arrive a little later. One warm-up load before the measured ones is not counted " +
      `(${ms(warmUp.complete)} ms); median = the mean of the two middle values for an even count.`,
    '',
    `| load | ${renders.map((_, i) => i + 1).join(' | ')} |`,
    `|---|${renders.map(() => '---|').join('')}`,
    `| complete (ms) | ${renders.map((r) => ms(r.complete)).join(' | ')} |`,
    `| DOMContentLoaded (ms) | ${renders.map((r) => ms(r.domContentLoaded)).join(' | ')} |`,
    '',
  ];
  return lines.join('\n');
}

function medianOf(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
function kb(bytes: number): string {
  return (bytes / 1000).toFixed(1);
}
function ms(v: number): string {
  return Number.isFinite(v) ? v.toFixed(0) : '–';
}
function fmtLoad(l: number[]): string {
  return l.map((v) => v.toFixed(1)).join(', ');
}
