import crypto from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { initOrm } from '../src/db/orm.js';
import { sqlOn, type Sql } from '../src/db/sql.js';
import { recomputed } from '../src/modules/report/precompute.js';

export interface TestDatabase {
  url: string;
  orm: MikroORM;
  /** SQL on the ORM's pool, as the app's read models run it. */
  sql: Sql;
}

/** A fresh, migrated database for this test file on the run's PostgreSQL; dropped afterwards. */
export function useTestDatabase(): TestDatabase {
  const db = {} as TestDatabase;
  const name = `ksp_test_${crypto.randomBytes(6).toString('hex')}`;
  const serverUrl = inject('pgServerUrl');
  const urlFor = (database: string) => {
    const u = new URL(serverUrl);
    u.pathname = `/${database}`;
    return u.toString();
  };

  beforeAll(async () => {
    await admin(urlFor('postgres'), `create database ${name}`);
    db.url = urlFor(name);
    db.orm = await initOrm(db.url);
    db.sql = sqlOn(db.orm.em);
  });
  afterAll(async () => {
    // A correction's sections are computed after it answers: let that finish before the database goes.
    await recomputed();
    await db.orm?.close(true);
    await admin(urlFor('postgres'), `drop database if exists ${name} with (force)`);
  });
  return db;
}

async function admin(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
