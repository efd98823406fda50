import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useTestDatabase, type TestDatabase } from '../../test/db.js';
import { fixtures } from '../../test/factories.js';
import { rows } from '../db/sql.js';
import { storeEdition } from '../modules/edition/edition-bundle.js';

const CLI = path.resolve(import.meta.dirname, 'main.ts');
const run = promisify(execFile);
const HEADER = 'observer_id,name,gender,birth_year,region,quality_score,unavailable_weeks,customer_of,contacted_before';

/** `pnpm ksp observers import --file …` as a user runs it, against one test database. */
async function importPool(db: TestDatabase, ...lines: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksp-observers-'));
  const file = path.join(dir, 'observers.csv');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', CLI, 'observers', 'import', '--file', file], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, DATABASE_URL: db.url, NODE_ENV: 'test' },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

interface Stored {
  external_id: string;
  name: string | null;
  gender: string;
  birth_year: number;
  region: string | null;
  quality_score: number | null;
  unavailable_weeks: string[];
  customer_of: string[];
  contacted_before: string[];
  relations: string[];
}

const pool = (db: TestDatabase) =>
  rows<Stored>(
    db.sql,
    `select o.external_id, o.name, o.gender, o.birth_year, o.region, o.quality_score, o.unavailable_weeks, o.customer_of, o.contacted_before,
            array(select c.slug || ' ' || oc.relation from observer_company oc join company c on c.id = oc.company_id
                  where oc.observer_id = o.id order by 1) as relations
     from observer o order by o.external_id`,
  );

describe('ksp observers import: bad input', () => {
  const db = useTestDatabase();

  it('names every bad cell by row and column, exits non-zero and writes nothing', async () => {
    const year = new Date().getFullYear();
    const result = await importPool(
      db,
      HEADER,
      `OBS-1,Kari,FEMALE,1980,Oslo,85,${year}-W10,alfa,`, // 2: fine
      `OBS-1,Per,male,${year - 17},Bergen,101,2025-W54;2025-11,Alfa Bank,beta;beta`, // 3
      ',,,,,,,,', // 4: blank cells only: skipped like any blank row
      `,Liv,OTHER,1900,,seventy,,,`, // 5
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Nothing was imported: 12 problem(s) found.');
    const lines = result.stderr.trim().split('\n').slice(1);
    expect(lines).toEqual([
      'observers.csv:3: column observer_id: duplicate observer_id "OBS-1" (also in row 2)',
      'observers.csv:3: column gender: unknown gender "male" (expected one of FEMALE, MALE, OTHER)',
      `observers.csv:3: column birth_year: birth year ${year - 17} is not plausible: expected a year from ${year - 90} to ${year - 18} (observers are 18 to about 90 in ${year})`,
      'observers.csv:3: column quality_score: expected a number from 0 to 100 (at most two decimals, with a point), got "101"',
      'observers.csv:3: column unavailable_weeks: "2025-W54" does not exist: 2025 has weeks 01 to 52',
      'observers.csv:3: column unavailable_weeks: "2025-11" is not an ISO week: write YYYY-Www, e.g. "2025-W11"',
      'observers.csv:3: column customer_of: "Alfa Bank" is not a valid company slug (use lower-case letters a-z, digits and hyphens, e.g. "acme-bank")',
      'observers.csv:3: column contacted_before: company "beta" is listed twice',
      'observers.csv:5: column observer_id: must not be empty',
      `observers.csv:5: column birth_year: birth year 1900 is not plausible: expected a year from ${year - 90} to ${year - 18} (observers are 18 to about 90 in ${year})`,
      'observers.csv:5: column region: must not be empty',
      'observers.csv:5: column quality_score: expected a number from 0 to 100 (at most two decimals, with a point), got "seventy"',
    ]);
    expect(await pool(db)).toEqual([]);
  }, 60_000);
});

describe('ksp observers import', () => {
  const db = useTestDatabase();
  const { fixtureBundle, perfectResponse } = fixtures();

  it('loads a pool, then updates it by observer_id, keeping observers not in the file and contacts from stored inquiries', async () => {
    // The product holds 2024 with OBS-A's inquiry of alfa and OBS-X's of gamma; an earlier pool
    // (as the demo writes it) made OBS-A a customer of beta in observer_company.
    await db.orm.em.fork().transactional(async (em) => {
      await storeEdition(
        em,
        fixtureBundle({
          responses: [
            perfectResponse('alfa', 'PHONE', { observerId: 'OBS-A', observerBirthYear: 1990 }),
            perfectResponse('gamma', 'EMAIL', { observerId: 'OBS-X', observerBirthYear: 1985 }),
          ],
        }),
        { status: 'PUBLISHED' },
      );
    });
    await db.sql.query(
      `insert into observer_company (observer_id, company_id, relation)
       select o.id, c.id, 'CUSTOMER' from observer o, company c where o.external_id = 'OBS-A' and c.slug = 'beta'`,
    );
    expect((await pool(db)).map((o) => [o.external_id, o.relations])).toEqual([
      ['OBS-A', ['alfa CONTACTED', 'beta CUSTOMER']],
      ['OBS-X', ['gamma CONTACTED']],
    ]);

    const first = await importPool(
      db,
      HEADER,
      'OBS-A,Kari Nordmann,FEMALE,1991,Oslo,85.5,2026-W10;2026-W12,beta;ny-bank,',
      'OBS-B,Ola Nordmann,MALE,1970,Tromsø,60,,,alfa',
    );
    expect(first.stderr).toBe('');
    expect(first.stdout.trim()).toBe('Imported the observer pool: 1 new, 1 updated; 1 observer(s) not in the file left as they were.');
    expect(await pool(db)).toEqual([
      {
        external_id: 'OBS-A',
        name: 'Kari Nordmann',
        gender: 'FEMALE',
        birth_year: 1991,
        region: 'Oslo',
        quality_score: 85.5,
        unavailable_weeks: ['2026-W10', '2026-W12'],
        customer_of: ['beta', 'ny-bank'], // ny-bank is no company yet: kept as a slug
        contacted_before: [],
        relations: ['alfa CONTACTED'], // the inquiry's contact stays; the earlier pool's beta is the file's now
      },
      {
        external_id: 'OBS-B',
        name: 'Ola Nordmann',
        gender: 'MALE',
        birth_year: 1970,
        region: 'Tromsø',
        quality_score: 60,
        unavailable_weeks: [],
        customer_of: [],
        contacted_before: ['alfa'],
        relations: [],
      },
      {
        external_id: 'OBS-X',
        name: null,
        gender: 'MALE',
        birth_year: 1985,
        region: null,
        quality_score: null,
        unavailable_weeks: [],
        customer_of: [],
        contacted_before: [],
        relations: ['gamma CONTACTED'],
      },
    ]);

    // Again with OBS-A changed and OBS-B left out: OBS-A's lists are replaced, OBS-B stays.
    const second = await importPool(db, HEADER, 'OBS-A,Kari Nordmann-Hansen,OTHER,1991,Bodø,90,,,gamma');
    expect(second.stdout.trim()).toBe('Imported the observer pool: 0 new, 1 updated; 2 observer(s) not in the file left as they were.');
    const [a, b] = await pool(db);
    expect(a).toMatchObject({
      name: 'Kari Nordmann-Hansen',
      gender: 'OTHER',
      region: 'Bodø',
      quality_score: 90,
      unavailable_weeks: [],
      customer_of: [],
      contacted_before: ['gamma'],
      relations: ['alfa CONTACTED'],
    });
    expect(b).toMatchObject({ external_id: 'OBS-B', name: 'Ola Nordmann', contacted_before: ['alfa'] });

    // A bad file changes nothing of what is there.
    const bad = await importPool(db, HEADER, 'OBS-A,Kari,FEMALE,1991,Oslo,85,,,', 'OBS-B,Ola,MALE,1970,Tromsø,-1,,,');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('observers.csv:3: column quality_score:');
    expect((await pool(db))[0]).toMatchObject({ name: 'Kari Nordmann-Hansen', quality_score: 90 });
  }, 90_000);
});
