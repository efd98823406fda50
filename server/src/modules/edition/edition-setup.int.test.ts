import { beforeAll, describe, expect, it } from 'vitest';
import { serializeQuestionnaire, type QuestionnaireFile } from '@ksp/shared';
import { SECTIONS } from '@server/modules/report/report.loaders.js';
import { useTestDatabase } from '@server/test/db.js';
import { errorCodes, useApi } from '@server/test/api.js';
import { fixtureBundle } from '@server/test/factories.js';
import { useViewers } from '@server/test/viewers.js';
import { rows } from '../../db/sql.js';
import { readEdition, storeEdition } from './edition-bundle.js';

/** Staff set up an edition (from a file or a copy), edit its settings while planning, and move its status forward. */
const db = useTestDatabase();
const api = useApi(db);
const { asStaff, asManager, anonymous } = useViewers(db, api);

const EDITION = `query($year: Int!) { edition(year: $year) { year name status settings {
  weeks inquiriesPerParticipant channelKeys { channel key } waitLimits { channel waitSeconds attempts }
  minQualityScore minCellSize thirdChannel } events { fromStatus toStatus by note at } } }`;
const CREATE = `mutation($input: CreateEditionInput!) { createEdition(input: $input) { year name status } }`;
const UPDATE = `mutation($year: Int!, $input: EditionSettingsInput!) { updateEditionSettings(year: $year, input: $input) { year } }`;
const STATUS = `mutation($year: Int!, $status: EditionStatus!) { setEditionStatus(year: $year, status: $status) { year status } }`;

/** 2023: published, with fieldwork weeks 10–13, quality 80 and MESSENGER as the third channel. */
const source = (): QuestionnaireFile => ({
  ...fixtureBundle({ year: 2023 }).questionnaire,
  edition: {
    ...fixtureBundle({ year: 2023 }).questionnaire.edition,
    minCellSize: 4,
    waitLimits: { PHONE: { waitSeconds: 240, attempts: 3 } },
  },
  fieldwork: { weeks: [10, 11, 12, 13], minQualityScore: 80, thirdChannel: 'MESSENGER' },
});

const goodSettings = {
  weeks: [40, 41],
  inquiriesPerParticipant: 20,
  channelKeys: [
    { channel: 'PHONE', key: 0.6 },
    { channel: 'EMAIL', key: 0.4 },
  ],
  waitLimits: [
    { channel: 'PHONE', waitSeconds: 300, attempts: 2 },
    { channel: 'EMAIL', waitSeconds: 259200, attempts: 1 },
    { channel: 'CHAT', waitSeconds: 300, attempts: 2 },
    { channel: 'MESSENGER', waitSeconds: 1800, attempts: 2 },
  ],
  minQualityScore: 75,
  minCellSize: 6,
  thirdChannel: 'CHAT',
};

beforeAll(async () => {
  await db.orm.em
    .fork()
    .transactional((em) => storeEdition(em, { ...fixtureBundle({ year: 2023 }), questionnaire: source() }, { status: 'PUBLISHED' }));
});

describe('creating an edition', () => {
  it('from a questionnaire file: in PLANNING, with the settings of the file, no participants', async () => {
    const staff = await asStaff();
    const file: QuestionnaireFile = {
      ...fixtureBundle({ year: 2026 }).questionnaire,
      fieldwork: { weeks: [53, 2], minQualityScore: 60, thirdChannel: 'CHAT' },
    };
    const created = await staff.query(CREATE, { input: { questionnaire: serializeQuestionnaire(file) } });
    expect(created).toEqual({ data: { createEdition: { year: 2026, name: 'KSP 2026', status: 'PLANNING' } } });
    const { data } = await staff.query(EDITION, { year: 2026 });
    expect(data!.edition.settings).toEqual({
      weeks: [53, 2],
      inquiriesPerParticipant: 25,
      channelKeys: [
        { channel: 'PHONE', key: 0.5 },
        { channel: 'EMAIL', key: 0.3 },
        { channel: 'CHAT', key: 0.2 },
        { channel: 'MESSENGER', key: 0.2 },
      ],
      waitLimits: [
        { channel: 'PHONE', waitSeconds: 300, attempts: 2 },
        { channel: 'EMAIL', waitSeconds: 259200, attempts: 1 },
        { channel: 'CHAT', waitSeconds: 300, attempts: 2 },
        { channel: 'MESSENGER', waitSeconds: 1800, attempts: 2 },
      ],
      minQualityScore: 60,
      minCellSize: 5,
      thirdChannel: 'CHAT',
    });
    expect(
      await rows(db.sql, `select count(*)::int as n from participation p join edition e on e.id = p.edition_id where e.year = 2026`),
    ).toEqual([{ n: 0 }]);
  });

  it('refuses a bad file listing every problem as the importer does, and creates nothing', async () => {
    const staff = await asStaff();
    const file = JSON.parse(serializeQuestionnaire(fixtureBundle({ year: 2027 }).questionnaire));
    file.edition.inquiriesPerParticipant = 0;
    file.fieldwork = { weeks: [53], thirdChannel: 'PHONE' };
    const result = await staff.query(CREATE, { input: { questionnaire: JSON.stringify(file) } });
    expect(result.data).toBeNull();
    expect(result.errors![0]!.message).toBe('Spørreskjemaet har 3 feil; ingen utgave ble opprettet.');
    expect(result.errors![0]!.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      problems: [
        { file: 'questionnaire.json', column: 'edition.inquiriesPerParticipant', message: 'expected a whole number greater than 0, got 0' },
        { file: 'questionnaire.json', column: 'fieldwork.weeks[0]', message: 'week 53 is not an ISO week of 2027 (1–52)' },
        { file: 'questionnaire.json', column: 'fieldwork.thirdChannel', message: 'expected CHAT or MESSENGER, got "PHONE"' },
      ],
    });
    expect(await rows(db.sql, `select count(*)::int as n from edition where year = 2027`)).toEqual([{ n: 0 }]);
  });

  it('by copying last year: the same questionnaire and settings, the new year and name, the same week numbers', async () => {
    const staff = await asStaff();
    const created = await staff.query(CREATE, { input: { copyFrom: 2023 } });
    expect(created).toEqual({ data: { createEdition: { year: 2024, name: 'KSP 2024', status: 'PLANNING' } } });
    const [before, after] = [(await readEdition(db.sql, 2023))!, (await readEdition(db.sql, 2024))!];
    expect(after.questionnaire.questions).toEqual(before.questionnaire.questions);
    expect(after.questionnaire.edition).toEqual({ ...before.questionnaire.edition, year: 2024, name: 'KSP 2024' });
    expect(after.questionnaire.fieldwork).toEqual({ weeks: [10, 11, 12, 13], minQualityScore: 80, thirdChannel: 'MESSENGER' });
    expect(after.questionnaire.edition).toMatchObject({ minCellSize: 4, waitLimits: { PHONE: { waitSeconds: 240, attempts: 3 } } });
    expect(after.participants).toEqual([]);

    const again = await staff.query(CREATE, { input: { copyFrom: 2023, year: 2024 } });
    expect(errorCodes(again)).toEqual(['createEdition:BAD_USER_INPUT']);
    expect(again.errors![0]!.message).toBe('Edition 2024 already exists; remove it before importing it again.');
  });

  it('refuses both or neither of file and copy', async () => {
    const staff = await asStaff();
    expect(errorCodes(await staff.query(CREATE, { input: {} }))).toEqual(['createEdition:BAD_USER_INPUT']);
    expect(errorCodes(await staff.query(CREATE, { input: { copyFrom: 2023, questionnaire: '{}' } }))).toEqual([
      'createEdition:BAD_USER_INPUT',
    ]);
  });
});

describe('settings and status', () => {
  it('changes the settings while PLANNING, every value checked, each bad field named', async () => {
    const staff = await asStaff();
    await staff.query(CREATE, { input: { copyFrom: 2023, year: 2030 } });
    const saved = await staff.query(UPDATE, { year: 2030, input: goodSettings });
    expect(saved).toEqual({ data: { updateEditionSettings: { year: 2030 } } });
    const { data } = await staff.query(EDITION, { year: 2030 });
    expect(data!.edition.settings).toMatchObject({ weeks: [40, 41], inquiriesPerParticipant: 20, minQualityScore: 75, minCellSize: 6 });
    expect(data!.edition.settings.channelKeys).toEqual(goodSettings.channelKeys);

    const bad = await staff.query(UPDATE, {
      year: 2030,
      input: { ...goodSettings, weeks: [53, 0], minQualityScore: 101, thirdChannel: 'PHONE', channelKeys: [{ channel: 'PHONE', key: 0 }] },
    });
    expect(errorCodes(bad)).toEqual(['updateEditionSettings:BAD_USER_INPUT']);
    const fields = (bad.errors![0]!.extensions as { fields: { field: string; reason: string }[] }).fields;
    // 2030 has 52 ISO weeks.
    expect(fields.map((f) => [f.field, f.reason])).toEqual([
      ['weeks[0]', 'WEEK_NOT_IN_YEAR'],
      ['weeks[1]', 'OUT_OF_RANGE'],
      ['channelKeys', 'NO_POSITIVE_KEY'],
      ['minQualityScore', 'OUT_OF_RANGE'],
      ['thirdChannel', 'UNKNOWN_VALUE'],
    ]);
    expect(bad.errors![0]!.message).toBe(
      'Innstillingene ble ikke lagret; rett feltene weeks[0], weeks[1], channelKeys, minQualityScore, thirdChannel.',
    );
    // Nothing of the refused input was stored.
    expect((await staff.query(EDITION, { year: 2030 })).data!.edition.settings.minQualityScore).toBe(75);
  });

  it('moves forward one step at a time, records who and when, and refuses settings after PLANNING', async () => {
    const staff = await asStaff();
    await staff.query(CREATE, { input: { copyFrom: 2023, year: 2031 } });
    const skip = await staff.query(STATUS, { year: 2031, status: 'REVIEW' });
    expect(skip.errors![0]).toMatchObject({
      message: 'Statusen går ett steg om gangen: PLANNING → REVIEW hopper over FIELDWORK.',
      extensions: { code: 'BAD_USER_INPUT', rule: 'ONE_STEP' },
    });
    expect(await staff.query(STATUS, { year: 2031, status: 'FIELDWORK' })).toEqual({
      data: { setEditionStatus: { year: 2031, status: 'FIELDWORK' } },
    });
    const back = await staff.query(STATUS, { year: 2031, status: 'PLANNING' });
    expect(back.errors![0]).toMatchObject({
      message: 'Statusen går bare framover: FIELDWORK → PLANNING er ikke lov.',
      extensions: { code: 'BAD_USER_INPUT', rule: 'FORWARD_ONLY' },
    });
    const same = await staff.query(STATUS, { year: 2031, status: 'FIELDWORK' });
    expect(same.errors![0]!.extensions).toMatchObject({ rule: 'SAME_STATUS' });

    const late = await staff.query(UPDATE, { year: 2031, input: goodSettings });
    expect(late.errors![0]).toMatchObject({
      message: 'Innstillingene kan bare endres mens utgaven planlegges (PLANNING); 2031 har status FIELDWORK.',
      extensions: { code: 'BAD_USER_INPUT', rule: 'NOT_PLANNING' },
    });

    const { data } = await staff.query(EDITION, { year: 2031 });
    expect(data!.edition.status).toBe('FIELDWORK');
    expect(data!.edition.events).toHaveLength(1);
    expect(data!.edition.events[0]).toMatchObject({ fromStatus: 'PLANNING', toStatus: 'FIELDWORK', by: 'staff@test.no', note: '' });
    expect(Math.abs(Date.parse(data!.edition.events[0].at) - Date.now())).toBeLessThan(60_000);
  });

  it('publishing stores the sections and makes the edition public', async () => {
    const staff = await asStaff();
    await db.orm.em.fork().transactional((em) => storeEdition(em, fixtureBundle({ year: 2032 }), { status: 'REVIEW' }));
    const publicBefore = await (await anonymous()).query(`query { editions { year } }`);
    expect(publicBefore.data!.editions.map((e: { year: number }) => e.year)).not.toContain(2032);
    expect(await staff.query(STATUS, { year: 2032, status: 'PUBLISHED' })).toEqual({
      data: { setEditionStatus: { year: 2032, status: 'PUBLISHED' } },
    });
    // 3 participants × every section (SECTIONS) × 5 channel filters (all, and each of the four).
    const [stored] = await rows<{ n: number; published: boolean }>(
      db.sql,
      `select count(s.*)::int as n, bool_and(e.published_at is not null) as published
         from edition e left join published_section s on s.edition_id = e.id where e.year = 2032 group by e.id`,
    );
    expect(stored!.published).toBe(true);
    expect(stored!.n).toBe(3 * Object.keys(SECTIONS).length * 5);
    const publicAfter = await (await anonymous()).query(`query { editions { year } }`);
    expect(publicAfter.data!.editions.map((e: { year: number }) => e.year)).toContain(2032);
  });
});

describe('non-staff', () => {
  it('get FORBIDDEN for the settings and every mutation; the public fields stay as they are', async () => {
    const manager = await asManager('alfa');
    const read = await manager.query(`query { edition(year: 2023) { year name status settings { weeks } events { at } } }`);
    expect(read.data!.edition).toEqual({ year: 2023, name: 'KSP 2023', status: 'PUBLISHED', settings: null, events: null });
    expect(errorCodes(read).sort()).toEqual(['edition.events:FORBIDDEN', 'edition.settings:FORBIDDEN']);
    const publicFields = await manager.query(`query { edition(year: 2023) { year name status } }`);
    expect(publicFields).toEqual({ data: { edition: { year: 2023, name: 'KSP 2023', status: 'PUBLISHED' } } });
    expect(errorCodes(await manager.query(CREATE, { input: { copyFrom: 2023, year: 2040 } }))).toEqual(['createEdition:FORBIDDEN']);
    expect(errorCodes(await manager.query(UPDATE, { year: 2030, input: goodSettings }))).toEqual(['updateEditionSettings:FORBIDDEN']);
    expect(errorCodes(await manager.query(STATUS, { year: 2030, status: 'FIELDWORK' }))).toEqual(['setEditionStatus:FORBIDDEN']);
    expect(errorCodes(await (await anonymous()).query(STATUS, { year: 2030, status: 'FIELDWORK' }))).toEqual([
      'setEditionStatus:UNAUTHENTICATED',
    ]);
    expect(await rows(db.sql, `select count(*)::int as n from edition where year = 2040`)).toEqual([{ n: 0 }]);
  });
});
