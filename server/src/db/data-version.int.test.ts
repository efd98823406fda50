import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { useTestDatabase } from '../../test/db.js';
import { fixtureBundle } from '../../test/factories.js';
import { rows } from './sql.js';
import { storeEdition } from '../modules/edition/edition-bundle.js';
import { UNVERSIONED_TABLES } from './tables.js';

/**
 * data_version moves with every transaction that writes data an answer depends on, exactly when
 * that transaction commits (the response cache's key relies on it: graphql/response-cache.ts).
 */
const db = useTestDatabase();

/** Tables that hold no data an answer depends on (db/tables.ts); every other table must move the version. */
const UNVERSIONED = UNVERSIONED_TABLES;

/** Two connections of their own, to hold a transaction open on one and look from the other. */
let writer: pg.Client;
let reader: pg.Client;
const version = async (client: pg.Client = reader) => Number((await client.query('select version from data_version')).rows[0].version);

beforeAll(async () => {
  await db.orm.em.fork().transactional((em) => storeEdition(em, fixtureBundle(), { status: 'PUBLISHED' }));
  writer = new pg.Client({ connectionString: db.url });
  reader = new pg.Client({ connectionString: db.url });
  await Promise.all([writer.connect(), reader.connect()]);
});
afterAll(async () => {
  await Promise.all([writer?.end(), reader?.end()]);
});

describe('data_version', () => {
  it('has a trigger before every insert, update, delete and truncate statement on every table with answer data', async () => {
    const tables = await rows<{ table: string; tgtype: number | null }>(
      db.sql,
      `select c.relname as table, t.tgtype
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       left join pg_trigger t on t.tgrelid = c.oid and t.tgname = c.relname || '_bumps_data_version'
       where n.nspname = 'public' and c.relkind = 'r' order by c.relname`,
    );
    const versioned = tables.filter((t) => !UNVERSIONED.includes(t.table));
    // Checked against a second source: the tables with answer data are the entities' tables but the session's.
    const entityTables = Object.values(db.orm.getMetadata().getAll())
      .map((m) => m.tableName)
      .filter((t) => t !== 'user_session');
    expect(entityTables).toEqual(expect.arrayContaining(['edition', 'question_option', 'inquiry', 'answer', 'review_event', 'app_user']));
    expect(versioned.map((t) => t.table)).toEqual(entityTables.sort());
    // pg_trigger.tgtype: BEFORE 2 | INSERT 4 | DELETE 8 | UPDATE 16 | TRUNCATE 32, no ROW bit (1): per statement.
    for (const t of versioned) expect(t.tgtype, t.table).toBe(2 | 4 | 8 | 16 | 32);
    for (const t of tables.filter((t) => UNVERSIONED.includes(t.table))) expect(t.tgtype, t.table).toBeNull();
  });

  it('moves once per writing transaction, when it commits, and not before', async () => {
    const before = await version();
    await writer.query('begin');
    await writer.query(`update inquiry set review_status = 'RETURNED' where external_id = 'alfa-1'`);
    await writer.query(`update inquiry set review_status = 'APPROVED' where external_id = 'alfa-1'`);
    await writer.query(`update company set name = name || ''`);
    // The writer sees its own bump; nobody else does until the data is committed with it.
    expect(await version(writer)).toBe(before + 1);
    expect(await version()).toBe(before);
    await writer.query('commit');
    expect(await version()).toBe(before + 1);
  });

  it('moves back with a transaction or savepoint rolled back', async () => {
    const before = await version();
    await writer.query('begin');
    await writer.query(`update company set name = name || ''`);
    await writer.query('rollback');
    expect(await version()).toBe(before);

    // The bump and its once-per-transaction note go together: a later write after the rollback bumps again.
    await writer.query('begin');
    await writer.query('savepoint s');
    await writer.query(`update company set name = name || ''`);
    await writer.query('rollback to savepoint s');
    expect(await version(writer)).toBe(before);
    await writer.query(`update edition set name = name || ''`);
    await writer.query('commit');
    expect(await version()).toBe(before + 1);
  });

  it('moves with every kind of statement, even one that changes no row, and truncate', async () => {
    let last = await version();
    for (const statement of [
      `insert into review_event (inquiry_id, to_status) select id, 'APPROVED' from inquiry limit 1`,
      `update answer set scale_value = scale_value where false`,
      `delete from review_event`,
      `truncate review_event`,
    ]) {
      await reader.query(statement);
      const now = await version();
      expect(now, statement).toBe(last + 1);
      last = now;
    }
  });

  it('stays where it is for sessions and sign-in counters', async () => {
    const before = await version();
    await reader.query(`insert into login_limit (key, points) values ('x', 1)`);
    await reader.query(`delete from login_limit`);
    await reader.query(`delete from user_session`);
    expect(await version()).toBe(before);
  });
});
