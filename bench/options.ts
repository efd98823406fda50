/**
 * What a run measures. `pnpm bench` is the full run (both data sets, writes RESULTS.md);
 * `pnpm bench --quick` a smoke run of a few minutes at most (3 editions, few rounds, prints only).
 *
 *   --quick               3 editions, 30 rounds, 300 requests at concurrency 32, RESULTS.md untouched
 *   --editions 3,20       the data sets (number of demo editions each; env KSP_BENCH_EDITIONS)
 *   --rounds N            requests per measurement at concurrency 1 (env KSP_BENCH_ROUNDS)
 *   --requests N          requests at concurrency 32 (env KSP_BENCH_REQUESTS)
 *   --concurrency N       (env KSP_BENCH_CONCURRENCY, default 32)
 *   --write / --no-write  write bench/RESULTS.md (default: on for a full run, off for --quick)
 *   --fresh               reload the data sets instead of using the cache in .tmp/bench/
 *   --no-planner          skip the fieldwork planner phase (bench/planner.ts; pure CPU, seconds)
 *   --planner-only        run only the fieldwork planner phase (as `pnpm bench:planner`)
 */
export interface BenchOptions {
  quick: boolean;
  editions: number[];
  participants: number;
  rounds: number;
  requests: number;
  concurrency: number;
  /** Samples of approval and correction to visible. */
  visibilitySamples: number;
  /** `ksp import` runs of one edition. */
  importRounds: number;
  /** Full reports asked while pg_stat_statements records, for the profile. */
  profileRounds: number;
  /** No phase of requests runs longer than this, whatever its count. */
  phaseSeconds: number;
  write: boolean;
  fresh: boolean;
  /** The fieldwork planner phase (bench/planner.ts): with the data sets, skipped, or alone. */
  planner: 'with' | 'skip' | 'only';
}

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new Error(`Unknown argument ${arg}; see bench/options.ts`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const takesValue = ['editions', 'rounds', 'requests', 'concurrency'].includes(name);
    if (takesValue) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`--${name} needs a value`);
      flags.set(name, value);
    } else if (['quick', 'write', 'no-write', 'fresh', 'help', 'no-planner', 'planner-only'].includes(name)) {
      flags.set(name, true);
    } else {
      throw new Error(`Unknown option --${name}; see bench/options.ts`);
    }
  }
  if (flags.has('help')) {
    console.log(
      'pnpm bench [--quick] [--editions 3,20] [--rounds N] [--requests N] [--concurrency N] [--write|--no-write] [--fresh] [--no-planner|--planner-only]',
    );
    process.exit(0);
  }
  const value = (flag: string, envName: string): string | undefined => {
    const f = flags.get(flag);
    return typeof f === 'string' ? f : env[envName] || undefined;
  };
  const positive = (text: string | undefined, fallback: number, what: string) => {
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${what} must be a whole number ≥ 1, got ${text}`);
    return n;
  };
  if (flags.has('no-planner') && flags.has('planner-only')) throw new Error('--no-planner and --planner-only exclude each other');
  const quick = flags.has('quick') || env.KSP_BENCH_QUICK === '1';
  const editionsText = value('editions', 'KSP_BENCH_EDITIONS');
  const editions = editionsText ? editionsText.split(',').map((e) => positive(e.trim(), 0, '--editions')) : quick ? [3] : [3, 20];
  if (editions.some((e) => e > 30)) throw new Error('--editions: at most 30 editions (KSP_DEMO_EDITIONS allows 30)');
  return {
    quick,
    editions,
    participants: 192,
    rounds: positive(value('rounds', 'KSP_BENCH_ROUNDS'), quick ? 30 : 200, '--rounds'),
    requests: positive(value('requests', 'KSP_BENCH_REQUESTS'), quick ? 300 : 2000, '--requests'),
    concurrency: positive(value('concurrency', 'KSP_BENCH_CONCURRENCY'), 32, '--concurrency'),
    visibilitySamples: quick ? 2 : 6,
    importRounds: quick ? 1 : 3,
    profileRounds: quick ? 10 : 50,
    phaseSeconds: quick ? 60 : 240,
    write: flags.has('no-write') ? false : flags.has('write') || !quick,
    fresh: flags.has('fresh'),
    planner: flags.has('planner-only') ? 'only' : flags.has('no-planner') ? 'skip' : 'with',
  };
}

/**
 * The concurrent phases' sizes: the cached full reports after a warm-up at full concurrency,
 * and the computed ones (a quarter as many, as each costs more than ten cached) after theirs.
 */
export function loadPhases(o: Pick<BenchOptions, 'requests' | 'concurrency'>) {
  return {
    cached: { total: o.requests, warmup: Math.min(o.requests, 10 * o.concurrency) },
    computed: { total: Math.ceil(o.requests / 4), warmup: 2 * o.concurrency },
  };
}
