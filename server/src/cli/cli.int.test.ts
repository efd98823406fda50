import { execFile, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { serializeBundle } from '@ksp/shared';
import { useTestDatabase, type TestDatabase } from '../../test/db.js';
import { fixtures } from '../../test/factories.js';
import { rows } from '../db/sql.js';
import { loadDemo } from './demo.js';
import { resultList } from '../modules/result-list/result-list.service.js';
import * as readModel from '../modules/report/report.read-model.js';
import { addUser, login, viewerFromToken } from '../modules/user/user.service.js';
import { storeEdition } from '../modules/edition/edition-bundle.js';
import { useApi } from '../../test/api.js';
import { useViewers } from '../../test/viewers.js';
import { SECTIONS } from '../modules/report/report.loaders.js';

/** A published edition of the fixtures: 3 participants × every section × 5 channel filters (all, and each of the four). */
const STORED_SECTIONS = 3 * Object.keys(SECTIONS).length * 5;

// One numbering for the file's bundles: no two responses share a default inquiry id or observer.
const { fixtureBundle, perfectResponse, response } = fixtures();
const CLI = path.resolve(import.meta.dirname, 'main.ts');
const run = promisify(execFile);

type Outcome = { code: number; stdout: string; stderr: string };

/** Runs `pnpm ksp …` as a user would (same entry point), against one test database. */
async function ksp(db: TestDatabase, ...args: string[]): Promise<Outcome> {
  return kspWith(db, {}, ...args);
}

/** `ksp` with more environment variables. */
async function kspWith(db: TestDatabase, env: Record<string, string>, ...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', CLI, ...args], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, DATABASE_URL: db.url, NODE_ENV: 'test', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

function writeFiles(files: { questionnaire: string; participants: string; responses: string }): Record<'q' | 'p' | 'r', string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksp-files-'));
  fs.writeFileSync(path.join(dir, 'questionnaire.json'), files.questionnaire);
  fs.writeFileSync(path.join(dir, 'participants.csv'), files.participants);
  fs.writeFileSync(path.join(dir, 'responses.csv'), files.responses);
  return { q: path.join(dir, 'questionnaire.json'), p: path.join(dir, 'participants.csv'), r: path.join(dir, 'responses.csv') };
}

const importArgs = (f: Record<'q' | 'p' | 'r', string>) => ['import', '--questionnaire', f.q, '--participants', f.p, '--responses', f.r];

const countAll = async (db: TestDatabase) =>
  (
    await rows<Record<string, number>>(
      db.sql,
      `select (select count(*) from edition) as editions, (select count(*) from company) as companies,
          (select count(*) from inquiry) as inquiries, (select count(*) from answer) as answers`,
    )
  )[0];

describe('ksp import: bad input', () => {
  const db = useTestDatabase();

  it('reports every problem with file, row and column, exits non-zero and writes nothing', async () => {
    const good = serializeBundle(fixtureBundle());
    const participants = good.participants
      .replace('alfa,Alfa Bank,Bank,KONKURRENT,PHONE;EMAIL,beta,true', 'alfa,Alfa Bank,Bank,KONKURRENT,PHONE;EMAIL,beta;alfa,ja')
      .replace('gamma,Gamma Forsikring,Forsikring,ENKEL,EMAIL,,false', 'gamma,Gamma Forsikring,Forsikring,ENKEL,EMAIL,beta,false');
    const bundle = fixtureBundle({
      responses: [
        ...fixtureBundle().responses.slice(0, 4),
        response({
          inquiryId: 'alfa-1',
          companySlug: 'alfa',
          channel: 'EMAIL',
          answers: {
            RT_WAIT: 'A',
            REC_WELCOME: 'Z',
            AGT_NEEDS: 'A',
            OVR_BUY: 'A',
            CSAT: '9',
            CES: '4',
            NPS: '7',
            VES1: '3',
            VES2: '3',
            CALLBACK: 'Y',
          },
        }),
        response({ inquiryId: 'x-1', companySlug: 'finnes-ikke', channel: 'PHONE', contactedAt: '2024-09-31T10:00:00+02:00' }),
      ],
    });
    const files = writeFiles({ ...serializeBundle(bundle), participants });
    const result = await ksp(db, ...importArgs(files));
    expect(result.code).not.toBe(0);
    const lines = result.stderr.split('\n');
    const expectLine = (...parts: string[]) =>
      expect(
        lines.some((l) => parts.every((p) => l.includes(p))),
        `a line with ${parts.join(' … ')} in:\n${result.stderr}`,
      ).toBe(true);
    expectLine('participants.csv:2', 'competitors', 'alfa'); // picks itself
    expectLine('participants.csv:2', 'report_purchased', '"ja"');
    expectLine('participants.csv:4', 'competitors', 'KONKURRENT'); // competitor in an ENKEL row
    expectLine('responses.csv:6', 'inquiry_id', 'duplicate');
    expectLine('responses.csv:6', 'REC_WELCOME', 'unknown option code "Z"');
    expectLine('responses.csv:6', 'CSAT', 'out of range');
    expectLine('responses.csv:6', 'CALLBACK', 'does not apply to EMAIL');
    expectLine('responses.csv:7', 'company_slug', 'finnes-ikke');
    expectLine('responses.csv:7', 'contacted_at');
    expectLine('responses.csv:7', 'RT_WAIT', 'missing required answer');
    // AGT_NEEDS in row 6 is a valid answer: only real problems are listed.
    expect(lines.some((l) => l.startsWith('responses.csv:6') && l.includes('AGT_NEEDS'))).toBe(false);
    expect(result.stderr).toMatch(/Nothing was imported: \d+ problem/);
    expect(await countAll(db)).toEqual({ editions: 0, companies: 0, inquiries: 0, answers: 0 });
  }, 60_000);

  it('refuses an edition that exists and leaves the database as it was', async () => {
    const files = writeFiles(serializeBundle(fixtureBundle()));
    const first = await ksp(db, ...importArgs(files), '--publish');
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('Imported KSP 2024: 3 participants, 5 responses, published.');
    const before = await countAll(db);
    // Answers: alfa-1 11, alfa-2 9, beta-1 11, gamma-1 9; the unanswered alfa-3 none.
    expect(before).toEqual({ editions: 1, companies: 3, inquiries: 5, answers: 40 });
    const again = await ksp(db, ...importArgs(files));
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('Edition 2024 already exists');
    expect(await countAll(db)).toEqual(before);
  }, 60_000);
});

describe('ksp import without --responses: an edition to plan', () => {
  const db = useTestDatabase();
  const setupArgs = (f: Record<'q' | 'p' | 'r', string>) => ['import', '--questionnaire', f.q, '--participants', f.p];

  it('creates the edition in PLANNING with its participants and its fieldwork setting, and no inquiries', async () => {
    const bundle = fixtureBundle({ year: 2026 });
    bundle.questionnaire.fieldwork = { weeks: [10, 11, 12, 13], minQualityScore: 75, thirdChannel: 'MESSENGER' };
    const result = await ksp(db, ...setupArgs(writeFiles(serializeBundle(bundle))));
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('Created KSP 2026 in PLANNING: 3 participants, no inquiries yet (plan its fieldwork next).');
    expect(await countAll(db)).toEqual({ editions: 1, companies: 3, inquiries: 0, answers: 0 });
    expect(
      await rows(
        db.sql,
        `select status, fieldwork_weeks, min_quality_score, third_channel, (select count(*)::int from participation) as participations from edition`,
      ),
    ).toEqual([
      { status: 'PLANNING', fieldwork_weeks: [10, 11, 12, 13], min_quality_score: 75, third_channel: 'MESSENGER', participations: 3 },
    ]);
  }, 60_000);

  it('refuses --publish without responses, and bad files, writing nothing', async () => {
    const files = writeFiles(serializeBundle(fixtureBundle({ year: 2027 })));
    const publish = await ksp(db, ...setupArgs(files), '--publish');
    expect(publish.code).toBe(1);
    expect(publish.stderr).toContain('Error: --publish needs --responses: an edition without responses has no results to publish.');
    const bad = serializeBundle(fixtureBundle({ year: 2027 }));
    const q = JSON.parse(bad.questionnaire);
    q.fieldwork = { weeks: [54] };
    const refused = await ksp(db, ...setupArgs(writeFiles({ ...bad, questionnaire: JSON.stringify(q) })));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'Nothing was imported: 1 problem(s) found.\nquestionnaire.json: fieldwork.weeks[0]: week 54 is not an ISO week of 2027 (1–52)',
    );
    expect(await rows(db.sql, `select count(*)::int as n from edition where year = 2027`)).toEqual([{ n: 0 }]);
  }, 60_000);
});

describe('ksp publish and setEditionStatus(PUBLISHED): one way to publish', () => {
  const db = useTestDatabase();
  const api = useApi(db);
  const { asStaff } = useViewers(db, api);

  it('both publish the same way: status, time, stored sections and the event (the command without a user)', async () => {
    // Two editions with the same data in REVIEW: 2023 published by the command, 2024 by the mutation.
    await db.orm.em.fork().transactional(async (em) => {
      await storeEdition(em, fixtureBundle({ year: 2023 }), { status: 'REVIEW' });
      await storeEdition(em, fixtureBundle({ year: 2024 }), { status: 'REVIEW' });
    });
    const cli = await ksp(db, 'publish', '--year', '2023');
    expect(cli).toMatchObject({ code: 0, stderr: '' });
    expect(cli.stdout).toContain('Published 2023; its report sections are stored.');
    const staff = await asStaff();
    expect(await staff.query(`mutation { setEditionStatus(year: 2024, status: PUBLISHED) { status } }`)).toEqual({
      data: { setEditionStatus: { status: 'PUBLISHED' } },
    });
    expect(
      await rows(
        db.sql,
        `select e.year, e.status, e.published_at is not null as dated,
                (select count(*)::int from published_section s where s.edition_id = e.id) as sections,
                (select json_agg(json_build_object('from', v.from_status, 'to', v.to_status, 'by', u.email, 'note', v.note))
                   from edition_event v left join app_user u on u.id = v.actor_user_id where v.edition_id = e.id) as events
           from edition e order by e.year`,
      ),
    ).toEqual([
      {
        year: 2023,
        status: 'PUBLISHED',
        dated: true,
        sections: STORED_SECTIONS,
        events: [{ from: 'REVIEW', to: 'PUBLISHED', by: null, note: 'ksp publish' }],
      },
      {
        year: 2024,
        status: 'PUBLISHED',
        dated: true,
        sections: STORED_SECTIONS,
        events: [{ from: 'REVIEW', to: 'PUBLISHED', by: 'staff@test.no', note: '' }],
      },
    ]);
    const again = await ksp(db, 'publish', '--year', '2023');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Error: Utgaven har allerede status PUBLISHED.');
  }, 60_000);
});

describe('ksp user remove', () => {
  const db = useTestDatabase();

  it('removes the user and ends its sessions; an unknown e-mail exits 1 naming it', async () => {
    await addUser(db.orm.em.fork(), { email: 'slutter@firma.no', password: 'long-enough', role: 'STAFF' });
    const session = await login(db.orm.em.fork(), 'slutter@firma.no', 'long-enough');

    const removed = await ksp(db, 'user', 'remove', '--email', 'Slutter@firma.no');
    expect(removed).toMatchObject({ code: 0, stderr: '' });
    expect(removed.stdout).toContain('User slutter@firma.no is removed; 1 session(s) ended.');
    expect(await rows(db.sql, `select count(*)::int as users, (select count(*)::int from user_session) as sessions from app_user`)).toEqual(
      [{ users: 0, sessions: 0 }],
    );
    expect(await viewerFromToken(db.sql, session!.token)).toEqual({ kind: 'anonymous' });

    const again = await ksp(db, 'user', 'remove', '--email', 'slutter@firma.no');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Error: There is no user "slutter@firma.no".');
  }, 60_000);
});

describe('ksp import: implausible files', () => {
  const db = useTestDatabase();
  const nothing = { editions: 0, companies: 0, inquiries: 0, answers: 0 };

  it('refuses a participant with more inquiries than inquiriesPerParticipant, naming it, its count and the limit', async () => {
    // alfa: its 3 of the fixture and 23 more, one over the edition's 25; row 29 is its 26th.
    const extra = Array.from({ length: 23 }, () => perfectResponse('alfa', 'PHONE'));
    const files = writeFiles(serializeBundle(fixtureBundle({ responses: [...fixtureBundle().responses, ...extra] })));
    const result = await ksp(db, ...importArgs(files));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'Nothing was imported: 1 problem(s) found.\n' +
        'responses.csv:29: column company_slug: participant "alfa" has 26 inquiries, more than the edition\'s inquiriesPerParticipant of 25 (questionnaire.json); this row is its 26th',
    );
    expect(await countAll(db)).toEqual(nothing);
  }, 60_000);

  /** The fixture with a long comment, so that responses.csv is the largest of the three files. */
  const longBundle = () => {
    const bundle = fixtureBundle();
    bundle.responses[0]!.comments.overall = 'Lang kommentar. '.repeat(1000);
    return writeFiles(serializeBundle(bundle));
  };

  it('refuses a file over the size limit before reading it, naming the file, its size and the limit', async () => {
    const files = longBundle();
    const size = fs.statSync(files.r).size;
    const limit = size - 1;
    expect(Math.max(fs.statSync(files.q).size, fs.statSync(files.p).size)).toBeLessThan(limit); // so the responses are the file refused
    const result = await kspWith(db, { KSP_IMPORT_MAX_BYTES: String(limit) }, ...importArgs(files));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `Error: ${files.r} is ${size} bytes, over the limit of ${limit} bytes for the responses file; nothing was imported.`,
    );
    expect(await countAll(db)).toEqual(nothing);
  }, 60_000);

  it('stops reading a file whose size is not known beforehand (a pipe) at the limit', async () => {
    const files = longBundle();
    const limit = fs.statSync(files.r).size - 1;
    const fifo = path.join(path.dirname(files.r), 'responses-pipe.csv');
    execFileSync('mkfifo', [fifo]);
    // cat waits for the command to open the pipe, and is cut off when the command stops reading.
    const writer = spawn('sh', ['-c', 'cat "$0" > "$1"', files.r, fifo], { stdio: 'ignore' });
    const result = await kspWith(db, { KSP_IMPORT_MAX_BYTES: String(limit) }, ...importArgs({ ...files, r: fifo }));
    if (writer.exitCode === null) writer.kill();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`Error: ${fifo} reached \\d+ bytes while being read, over the limit of ${limit} bytes for the responses file`),
    );
    expect(await countAll(db)).toEqual(nothing);
  }, 60_000);

  it('imports an observer with several inquiries of one participant, with a warning a pair (the first 20 shown)', async () => {
    // alfa: 25 observers with two inquiries each (50, in an edition of 50 a participant).
    const repeated = Array.from({ length: 25 }, (_, i) =>
      [1, 2].map(() => perfectResponse('alfa', 'PHONE', { observerId: `TWICE-${i + 1}` })),
    ).flat();
    const bundle = fixtureBundle({ responses: [...repeated, ...fixtureBundle().responses.filter((r) => r.companySlug !== 'alfa')] });
    bundle.questionnaire.edition.inquiriesPerParticipant = 50;
    const result = await ksp(db, ...importArgs(writeFiles(serializeBundle(bundle))));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Imported KSP 2024: 3 participants, 52 responses');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('25 warning(s), which do not stop an import:');
    expect(lines[1]).toBe(
      'responses.csv:3: column observer_id: observer "TWICE-1" has 2 inquiries of "alfa" (rows 2, 3); the fieldwork plans at most one inquiry per observer per participant',
    );
    expect(lines[20]).toContain('responses.csv:41: column observer_id: observer "TWICE-20" has 2 inquiries of "alfa"');
    expect(lines.slice(21)).toEqual(['… and 5 more']);
    expect(await countAll(db)).toMatchObject({ editions: 1, companies: 3, inquiries: 52 });
  }, 60_000);
});

describe('ksp export → ksp import: a round trip gives equal results', () => {
  const source = useTestDatabase();
  const target = useTestDatabase();

  it('exports the demo edition and imports it into an empty database with the same result list and reports', async () => {
    // The published edition alone: the results are compared by company, and an edition being
    // planned holds most of the same companies again.
    await loadDemo(source.orm, { editions: 1, participants: 24, planning: false });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksp-export-'));
    const exported = await ksp(source, 'export', '--year', '2024', '--out', dir);
    expect(exported.code).toBe(0);
    const imported = await ksp(
      target,
      'import',
      '--questionnaire',
      path.join(dir, 'questionnaire.json'),
      '--participants',
      path.join(dir, 'participants.csv'),
      '--responses',
      path.join(dir, 'responses.csv'),
      '--publish',
    );
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    // Short labels travel with the questionnaire (an optional field) and land on the questions.
    const questionnaire = JSON.parse(fs.readFileSync(path.join(dir, 'questionnaire.json'), 'utf8')) as {
      questions: { code: string; shortLabel?: string }[];
    };
    expect(questionnaire.questions.find((q) => q.code === 'RT_WAIT_PHONE')?.shortLabel).toBe('Ventetid telefon');
    expect(await rows(target.sql, `select short_label from question where code = 'RT_EMAIL_1DAY'`)).toEqual([
      { short_label: 'Svar på e-post innen 1 dag' },
    ]);

    // Every setting of the edition travels too (the fieldwork setting among them).
    const settings = `select name, status, inquiries_per_participant, channel_keys, wait_limits, min_cell_size,
                             fieldwork_weeks, min_quality_score, third_channel from edition`;
    const [sourceSettings] = await rows<{ fieldwork_weeks: number[] }>(source.sql, settings);
    expect(sourceSettings!.fieldwork_weeks.length).toBeGreaterThan(0);
    expect(await rows(target.sql, settings)).toEqual([sourceSettings]);

    const viewer = { kind: 'anonymous' } as const;
    const before = await resultList(source.sql, viewer, 2024);
    const after = await resultList(target.sql, viewer, 2024);
    expect(before.length).toBe(24);
    expect(after).toEqual(before);

    // Every report section of every participant is the same.
    const ids = async (db: TestDatabase) =>
      new Map(
        (
          await rows<{ slug: string; id: number }>(db.sql, `select c.slug, p.id from participation p join company c on c.id = p.company_id`)
        ).map((r) => [r.slug, r.id]),
      );
    const [a, b] = [await ids(source), await ids(target)];
    const slugs = [...a.keys()];
    for (const read of [readModel.totals, readModel.areaScores, readModel.categoryScores, readModel.cxMeasures, readModel.inquiryScores]) {
      const [before, after] = [
        await read(
          source.sql,
          slugs.map((s) => a.get(s)!),
        ),
        await read(
          target.sql,
          slugs.map((s) => b.get(s)!),
        ),
      ];
      for (const slug of slugs) expect(after.get(b.get(slug)!), `${read.name} of ${slug}`).toEqual(before.get(a.get(slug)!));
    }
    // And a second export is byte-identical to the first.
    const dir2 = fs.mkdtempSync(path.join(os.tmpdir(), 'ksp-export-'));
    await ksp(target, 'export', '--year', '2024', '--out', dir2);
    for (const f of ['questionnaire.json', 'participants.csv', 'responses.csv']) {
      expect(fs.readFileSync(path.join(dir2, f), 'utf8')).toBe(fs.readFileSync(path.join(dir, f), 'utf8'));
    }
  }, 120_000);
});
