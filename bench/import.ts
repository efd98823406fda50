import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../server/src/config.js';
import { initOrm } from '../server/src/db/orm.js';
import type { DataSet } from './datasets.js';

// Import time: `ksp export` writes one edition of the data set to the three files, and
// `ksp import` loads them into a fresh, migrated database on the same server, as an operator
// would run them (a process each: start-up, parsing and validating the files, one transaction,
// planner statistics). A failing `ksp export` of a year that does not exist gives the cost of
// starting the command and connecting, which is part of the import's time.

const run = promisify(execFile);

async function ksp(url: string, args: string[]): Promise<number> {
  const started = performance.now();
  await run(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: url, INIT_CWD: REPO_ROOT, TSX_TSCONFIG_PATH: 'server/tsconfig.json', NODE_ENV: 'production' },
    maxBuffer: 16 * 1024 * 1024,
  });
  return (performance.now() - started) / 1000;
}

export interface ImportResult {
  year: number;
  inquiries: number;
  exportSeconds: number;
  importSeconds: number[];
  startupSeconds: number;
}

export async function measureImport(ds: DataSet, year: number, rounds: number): Promise<ImportResult> {
  const out = path.join(ds.dir, 'export');
  fs.rmSync(out, { recursive: true, force: true });
  const exportSeconds = await ksp(ds.url, ['export', '--year', String(year), '--out', out]);
  const inquiries = fs.readFileSync(path.join(out, 'responses.csv'), 'utf8').trimEnd().split('\n').length - 1;
  const name = 'ksp_bench_import';
  const importSeconds: number[] = [];
  let startupSeconds = Number.NaN;
  try {
    for (let i = 0; i < rounds; i++) {
      await ds.dropDatabase(name);
      const url = await ds.database(name);
      await (await initOrm(url)).close(true); // a fresh database with the schema, not timed
      // `ksp export` of a year that does not exist fails (exit 1) right after start-up and connecting.
      if (i === 0) startupSeconds = await timeFailing(url);
      importSeconds.push(
        await ksp(url, [
          'import',
          '--questionnaire',
          path.join(out, 'questionnaire.json'),
          '--participants',
          path.join(out, 'participants.csv'),
          '--responses',
          path.join(out, 'responses.csv'),
          '--publish',
        ]),
      );
    }
  } finally {
    await ds.dropDatabase(name);
  }
  return { year, inquiries, exportSeconds, importSeconds, startupSeconds };
}

async function timeFailing(url: string): Promise<number> {
  const started = performance.now();
  await ksp(url, ['export', '--year', '2000', '--out', '/nonexistent']).catch(() => undefined);
  return (performance.now() - started) / 1000;
}
