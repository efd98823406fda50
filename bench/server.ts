import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { REPO_ROOT } from '../server/src/config.js';
import { freePort } from './datasets.js';

// The production server as `pnpm start` runs it (NODE_ENV=production: no introspection, no
// stack traces), in its own process, so the load generator does not share its event loop.

export interface ServerProcess {
  graphql: URL;
  pid: number;
  /** The first line of the server's output that starts with `prefix`, once it has printed it. */
  line(prefix: string, timeoutMs: number): Promise<string>;
  stop(): Promise<void>;
}

export async function startServer(databaseUrl: string): Promise<ServerProcess> {
  const port = await freePort();
  // KSP_BENCH_SERVER_NODE_ARGS passes flags to the server's node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const nodeArgs = process.env.KSP_BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  // The young generation's size as `pnpm start` sets it (package.json): a report makes many short-lived
  // objects, and 64 MB semi-spaces cut the server's CPU per computed report by about a sixth.
  const child = spawn(process.execPath, ['--max-semi-space-size=64', ...nodeArgs, '--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      TSX_TSCONFIG_PATH: 'server/tsconfig.json',
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
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer /healthz within 120 s:\n${output}`);
    }
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    graphql: new URL(`${base}/graphql`),
    pid: child.pid!,
    async line(prefix, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = output.split('\n').find((l) => l.startsWith(prefix));
        if (found) return found;
        if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
        if (Date.now() > deadline) throw new Error(`the server did not print "${prefix}" within ${timeoutMs / 1000} s:\n${output}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

const TICKS = 100; // USER_HZ on Linux

/** User + system CPU seconds a process has used so far (0 if it is gone). */
export function cpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS; // utime, stime (fields 14, 15)
  } catch {
    return 0;
  }
}

/** CPU seconds of PostgreSQL: the postmaster and every process it started (backends, workers). */
export function postgresCpu(postmaster: number | undefined): Map<number, number> {
  const result = new Map<number, number>();
  if (!postmaster) return result;
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      if (pid === postmaster || Number(fields[1]) === postmaster) result.set(pid, (Number(fields[11]) + Number(fields[12])) / TICKS);
    } catch {
      // the process ended meanwhile
    }
  }
  return result;
}

/** CPU seconds used between two snapshots (processes started in between count from 0). */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, t] of after) sum += t - (before.get(pid) ?? 0);
  return sum;
}
