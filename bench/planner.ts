/**
 * The fieldwork planner's speed on a full edition (issue 17): `planFieldwork` for 192 participants
 * × 25 inquiries in 24 classes over 4 weeks with a pool of 6,000 observers, built deterministically
 * from a seed, with realistic conflicts: each observer a customer of about 3 and in contact before
 * with about 5 random companies, unavailable in one of the 4 weeks, and quality scores spread so
 * that about 80 % pass. Median of 3 runs (after one unmeasured warm-up), plus what the plan holds.
 * Pure CPU: no database, no server. `pnpm bench` runs it as a phase (`--no-planner` skips it,
 * `--planner-only` runs only it) and writes the "Fieldwork planner" section of RESULTS.md.
 *
 *   pnpm bench:planner              measure, print, write the section of bench/RESULTS.md
 *   pnpm bench:planner --no-write   print only
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHANNELS, GENDERS, type Channel } from '../shared/src/domain.js';
import { ageBand } from '../shared/src/fieldwork/age-band.js';
import type { ObserverProfile } from '../shared/src/fieldwork/eligibility.js';
import { planFieldwork, type FieldworkPlan, type PlanInput } from '../shared/src/fieldwork/planner.js';
import { machine, type Machine } from './results.js';
import { FIELDWORK_PLANNER, replaceSection } from './sections.js';

export const PLANNER_EDITION = { participants: 192, inquiries: 25, classes: 24, observers: 6000, weeks: [37, 38, 39, 40] } as const;
const MIN_QUALITY = 20;

/** A small, fast generator (xorshift32): the same seed gives the same edition on every machine. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/** The benchmark's edition: see the top of this file. */
export function plannerEdition(seed = 17): PlanInput {
  const rnd = random(seed);
  const e = PLANNER_EDITION;
  const slugs = Array.from(
    { length: e.participants },
    (_, i) => `k${String(i % e.classes).padStart(2, '0')}-deltaker-${String(i).padStart(3, '0')}`,
  );
  // About half the companies answer on all four channels, the rest on 2 or 3 of them.
  const channelSets: Channel[][] = [
    [...CHANNELS],
    [...CHANNELS],
    ['PHONE', 'EMAIL', 'CHAT'],
    ['PHONE', 'EMAIL', 'MESSENGER'],
    ['PHONE', 'EMAIL'],
  ];
  const some = (n: number) => Array.from({ length: n }, () => slugs[Math.floor(rnd() * slugs.length)]!);
  const observers: ObserverProfile[] = Array.from({ length: e.observers }, (_, i) => ({
    id: `OBS-${String(i + 1).padStart(5, '0')}`,
    gender: GENDERS[rnd() < 0.03 ? 2 : rnd() < 0.5 ? 0 : 1]!,
    birthYear: 1950 + Math.floor(rnd() * 58),
    region: 'Oslo',
    // Uniform 0–99 against a threshold of 20: about 80 % pass.
    qualityScore: Math.floor(rnd() * 100),
    customerOf: some(2 + Math.floor(rnd() * 3)),
    contactedBefore: some(3 + Math.floor(rnd() * 5)),
    unavailableWeeks: [e.weeks[Math.floor(rnd() * e.weeks.length)]!],
  }));
  return {
    weeks: [...e.weeks],
    channelKeys: { PHONE: 0.45, EMAIL: 0.3, CHAT: 0.15, MESSENGER: 0.1 },
    thirdChannel: 'CHAT',
    minQualityScore: MIN_QUALITY,
    year: 2026,
    participants: slugs.map((companySlug, i) => ({ companySlug, inquiries: e.inquiries, channels: channelSets[i % channelSets.length]! })),
    observers,
  };
}

export interface PlannerResult {
  runsMs: number[];
  medianMs: number;
  /** The process's CPU time of the median run: less noisy than wall time on a shared machine. */
  cpuMs: number[];
  medianCpuMs: number;
  planned: number;
  shortfalls: number;
  missing: number;
  /** Observers with 0, 1, 2, … planned inquiries. */
  loadHistogram: number[];
  /** Of the observers without an inquiry, those below the quality threshold. */
  idleBelowQuality: number;
  /** The most inquiries of one participant given to one gender, and to one age band (of 25). */
  mix: { gender: number; band: number };
  /** The most inquiries of one participant in one week, and the fewest. */
  weekSpread: { min: number; max: number };
}

export function measurePlanner(runs = 3): PlannerResult {
  const input = plannerEdition();
  planFieldwork(input); // warm-up: V8 compiles the hot loops
  const runsMs: number[] = [];
  const cpuMs: number[] = [];
  let plan: FieldworkPlan | undefined;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    plan = planFieldwork(input);
    runsMs.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
  }
  const { assignments, shortfalls } = plan!;
  const load = new Map<string, number>();
  for (const a of assignments) load.set(a.observerId, (load.get(a.observerId) ?? 0) + 1);
  const loadHistogram: number[] = [];
  let idleBelowQuality = 0;
  for (const o of input.observers) {
    const n = load.get(o.id) ?? 0;
    if (n === 0 && o.qualityScore < input.minQualityScore) idleBelowQuality += 1;
    while (loadHistogram.length <= n) loadHistogram.push(0);
    loadHistogram[n]! += 1;
  }
  const byId = new Map(input.observers.map((o) => [o.id, o]));
  const counts = new Map<string, number>();
  const mix = { gender: 0, band: 0 };
  for (const a of assignments) {
    const o = byId.get(a.observerId)!;
    for (const [kind, key] of [
      ['gender', `${a.companySlug}|g|${o.gender}`],
      ['band', `${a.companySlug}|b|${ageBand(input.year - o.birthYear)}`],
    ] as const) {
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      mix[kind] = Math.max(mix[kind], n);
    }
  }
  const perWeek = new Map<string, number>();
  for (const a of assignments) perWeek.set(`${a.companySlug}|${a.week}`, (perWeek.get(`${a.companySlug}|${a.week}`) ?? 0) + 1);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
  return {
    runsMs,
    medianMs: median(runsMs),
    cpuMs,
    medianCpuMs: median(cpuMs),
    planned: assignments.length,
    shortfalls: shortfalls.length,
    missing: shortfalls.reduce((n, s) => n + s.missing, 0),
    loadHistogram,
    idleBelowQuality,
    mix,
    weekSpread: { min: Math.min(...perWeek.values()), max: Math.max(...perWeek.values()) },
  };
}

export function printPlanner(r: PlannerResult): void {
  console.log(
    `  fieldwork planner: median ${r.medianMs.toFixed(0)} ms (runs ${r.runsMs.map((t) => t.toFixed(0)).join(', ')} ms; CPU median ${r.medianCpuMs.toFixed(0)} ms), ` +
      `${r.planned} inquiries planned, ${r.shortfalls} shortfalls (${r.missing} unstaffed); most of one participant on one gender ${r.mix.gender}, on one age band ${r.mix.band}; observers by load ${r.loadHistogram.map((n, i) => `${i}: ${n}`).join(', ')}`,
  );
}

export function renderPlannerSection(r: PlannerResult, m: Machine, at: Date, loadAverage: number[]): string {
  const e = PLANNER_EDITION;
  return [
    `## ${FIELDWORK_PLANNER}`,
    '',
    `Written by \`pnpm bench:planner\` (or \`pnpm bench\`) on ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC; ${m.cores} cores (${m.cpu}), Node ${m.node}, load average ${loadAverage.map((l) => l.toFixed(1)).join(', ')} at the start.`,
    '',
    `\`planFieldwork\` (shared/src/fieldwork/planner.ts) on a full edition built from a fixed seed (bench/planner.ts): ${e.participants} participants × ${e.inquiries} inquiries in ${e.classes} classes, ` +
      `channels varied (two fifths on all four, the rest on 2 or 3), ${e.weeks.length} weeks, ${e.observers.toLocaleString('en')} observers, each a customer of 2–4 and in contact before with 3–7 random companies, ` +
      `unavailable in one of the weeks, and about 80 % above the quality threshold.`,
    '',
    '| | |',
    '|---|---|',
    `| planning time, median of ${r.runsMs.length} (after a warm-up) | **${r.medianMs.toFixed(0)} ms** (runs ${r.runsMs.map((t) => t.toFixed(0)).join(', ')} ms; goal ≤ 5 s: ${r.medianMs <= 5000 ? 'met' : '**not met**'}) |`,
    `| CPU time of the process (all threads, the garbage collector's included), median | ${r.medianCpuMs.toFixed(0)} ms (runs ${r.cpuMs.map((t) => t.toFixed(0)).join(', ')} ms) |`,
    `| inquiries planned | ${r.planned.toLocaleString('en')} of ${(e.participants * e.inquiries).toLocaleString('en')} |`,
    `| shortfalls | ${r.shortfalls} (${r.missing} inquiries unstaffed) |`,
    `| observers by planned inquiries | ${r.loadHistogram.map((n, i) => `${i}: ${n.toLocaleString('en')}`).join(', ')} (of the 0: ${r.idleBelowQuality.toLocaleString('en')} below the quality threshold) |`,
    `| the most of one participant's inquiries on one gender / one age band | ${r.mix.gender} / ${r.mix.band} of ${e.inquiries} |`,
    `| inquiries of one participant in one week | ${r.weekSpread.min}–${r.weekSpread.max} |`,
    '',
    'Why this algorithm: per participant, staffing is a bipartite matching of its inquiries to distinct eligible observers (a greedy pick by load weighed against the gender and age band mix on the participant, repaired by augmenting paths, an inquiry moved to another week only when its own has nobody left), and participants go most constrained first so that scarce observers are still unloaded where they are needed. ' +
      "A global min-cost flow solver would add nothing to feasibility: an observer's load is not capped, so whether one participant can be fully staffed never depends on another's plan and the problem decomposes into one small matching per participant; only the load spread is shared, and the least-loaded-first pick keeps it nearly flat (a few observers take a second inquiry where that keeps a participant's mix).",
    '',
  ].join('\n');
}

/** Replaces the section in bench/RESULTS.md (the rest of the file belongs to the other writers). */
export function writePlannerSection(section: string): string {
  const file = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  fs.writeFileSync(file, replaceSection(old, FIELDWORK_PLANNER, section));
  return file;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--no-write');
  if (unknown.length) throw new Error(`Unknown argument ${unknown[0]}; pnpm bench:planner [--no-write]`);
  const loadAverage = (await import('node:os')).loadavg();
  const at = new Date();
  const result = measurePlanner();
  printPlanner(result);
  if (!args.includes('--no-write')) {
    const file = writePlannerSection(renderPlannerSection(result, await machine(), at, loadAverage));
    console.log(`Wrote the "${FIELDWORK_PLANNER}" section of ${file}`);
  }
}
