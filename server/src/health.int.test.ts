import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MikroORM } from '@mikro-orm/postgresql';
import { startEmbedded, type EmbeddedServer } from './db/embedded.js';
import { ensureDatabase, ormOptions } from './db/orm.js';
import { sqlOn } from './db/sql.js';
import { createApp } from './app.js';
import { HEALTH_TIMEOUT_MS } from './health.js';
import { freePort } from '../test/global-setup.js';

// A PostgreSQL of its own (not the run's shared one), so that it can be stopped and started again.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksp-health-pg-'));
const dataDir = path.join(dir, 'data');
let port: number;
let pg: EmbeddedServer | undefined;
let orm: MikroORM;
let server: http.Server;
let stopApp: () => Promise<void>;
let url: string;

beforeAll(async () => {
  port = await freePort();
  pg = await startEmbedded(dataDir, port, { fast: true, quiet: true });
  // No migrations: the health check asks nothing of the schema.
  orm = await MikroORM.init(ormOptions(await ensureDatabase(pg, 'ksp')));
  const created = await createApp({ orm, sql: sqlOn(orm.em) });
  stopApp = created.stop;
  await new Promise<void>((resolve) => {
    server = created.app.listen(0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/healthz`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await stopApp?.();
  await orm?.close(true);
  await pg?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function health() {
  const res = await fetch(url);
  return {
    status: res.status,
    cacheControl: res.headers.get('cache-control'),
    contentType: res.headers.get('content-type'),
    body: await res.json(),
  };
}

describe('GET /healthz', () => {
  it('answers 200 while the database is up, 503 while it is down, and 200 again once it is back', async () => {
    expect(await health()).toEqual({
      status: 200,
      cacheControl: 'no-store',
      contentType: 'application/json; charset=utf-8',
      body: { ok: true },
    });

    await pg!.stop();
    pg = undefined;
    expect(await health()).toEqual({
      status: 503,
      cacheControl: 'no-store',
      contentType: 'application/json; charset=utf-8',
      body: { ok: false, database: 'unreachable' },
    });

    pg = await startEmbedded(dataDir, port, { fast: true, quiet: true });
    expect(await health()).toEqual({
      status: 200,
      cacheControl: 'no-store',
      contentType: 'application/json; charset=utf-8',
      body: { ok: true },
    });
  });

  it('answers 503 within its timeout while the database hangs', async () => {
    expect((await health()).status).toBe(200);
    // Every process of the server frozen: connections are accepted by the kernel, nothing answers.
    const pids = postgresProcesses();
    for (const pid of pids) process.kill(pid, 'SIGSTOP');
    try {
      const started = Date.now();
      expect(await health()).toMatchObject({ status: 503, body: { ok: false, database: 'unreachable' } });
      expect(Date.now() - started).toBeLessThan(HEALTH_TIMEOUT_MS + 1000);
    } finally {
      for (const pid of pids) process.kill(pid, 'SIGCONT');
    }
    expect((await health()).status).toBe(200);
  });
});

/** The postmaster of this test's server (from its postmaster.pid) and its children (from /proc). */
function postgresProcesses(): number[] {
  const postmaster = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      try {
        // Field 4 of /proc/<pid>/stat, after the parenthesised command name, is the parent's pid.
        return Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    });
  return [postmaster, ...children];
}
