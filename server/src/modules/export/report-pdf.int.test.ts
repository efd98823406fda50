import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { useTestDatabase } from '@server/test/db.js';
import { useApi, type ApiClient } from '@server/test/api.js';
import { fixtures, PARTICIPANTS } from '@server/test/factories.js';
import { useViewers } from '@server/test/viewers.js';
import { rows } from '../../db/sql.js';
import { storeEdition } from '../edition/edition-bundle.js';
import { loadDemo } from '../../cli/demo.js';
import { PDF_TEXTS } from './report-pdf/texts.js';

/** The heatmap of an area chapter ("Prestasjonene per kanal" onwards), as text: its cells run row by row. */
function heatmapOf(pages: string[], chapter: string): string {
  const page = pages.find((p) => p.includes(chapter) && p.includes('Prestasjonene per kanal'));
  if (!page) throw new Error(`No page with the heatmap of "${chapter}"`);
  return page.slice(page.indexOf('Prestasjonene per kanal'));
}

/** The left margin of the report's pages (20 mm): a chart is drawn from there, no text starts left of it. */
const MARGIN_LEFT = (20 * 72) / 25.4;

/** The headings of sections in a chapter (each followed by its chart or table). */
const HEADINGS = (() => {
  const t = PDF_TEXTS.nb;
  return [
    t.chart.classBenchmark,
    t.chart.spreadByChannel,
    t.chart.performances,
    t.chart.perfByChannel,
    t.chart.nps,
    t.widest,
    t.background.rolePlays,
    t.background.channels,
    t.background.genders,
    t.background.ageBands,
  ];
})();

/** Every text piece of a PDF with the x of its start, page by page. */
async function pdfItems(file: Buffer): Promise<{ str: string; x: number }[][]> {
  const doc = await getDocument({ data: new Uint8Array(file), disableFontFace: true, useSystemFonts: false, isEvalSupported: false })
    .promise;
  const pages: { str: string; x: number }[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      content.items.flatMap((item) => ('str' in item && item.str.trim() ? [{ str: item.str, x: item.transform[4] as number }] : [])),
    );
  }
  await doc.destroy();
  return pages;
}

/**
 * What a manager stumbles over in the layout: a label whose first letters fall off the chart's
 * edge (it starts left of the margin), a heading alone at the foot of a page (the page's text
 * ends with it, before the running header and footer), a shortened label ("…") whose full text
 * is nowhere in the report.
 */
function layoutProblems(pages: string[], items: { str: string; x: number }[][]): string[] {
  const problems: string[] = [];
  const all = pages.join(' ');
  items.forEach((page, i) => {
    for (const item of page)
      if (item.x < MARGIN_LEFT - 0.5) problems.push(`page ${i + 1}: "${item.str}" starts left of the margin (${item.x.toFixed(1)})`);
    for (const item of page.filter((it) => it.str.trim().endsWith('…'))) {
      const start = item.str.trim().slice(0, -1).replace(/\s+/g, ' ');
      if (!new RegExp(`${start.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s?[^\\s…]`).test(all))
        problems.push(`page ${i + 1}: "${item.str}" is nowhere in full`);
    }
  });
  pages.forEach((page, i) => {
    const content = page
      .replace(/ ?Side \d+ av \d+ ?$/, '')
      .replace(/ ?KSP \d{4} · [^·]*$/, '')
      .trim();
    const heading = HEADINGS.find((h) => content.endsWith(h));
    if (heading) problems.push(`page ${i + 1} ends with the heading "${heading}"`);
  });
  return problems;
}

/** The text of a PDF, page by page, whitespace (the no-break space of `87,45 %` too) as single spaces. */
async function pdfPages(file: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(file), disableFontFace: true, useSystemFonts: false, isEvalSupported: false })
    .promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    );
  }
  await doc.destroy();
  return pages;
}

describe('report PDF: /eksport/:year/:company/rapport.pdf', () => {
  const db = useTestDatabase();
  const api = useApi(db);
  const { asStaff, asManager, asObserver, anonymous } = useViewers(db, api);
  const { fixtureBundle, fixtureResponses, perfectResponse, response } = fixtures();

  /**
   * 2024 (published) is factories.ts's fixture, with beta (chosen by alfa, konkurrent tier) given
   * channels PHONE and EMAIL and six inquiries more:
   * - alfa: PHONE 17/20 and 0/20 (unanswered), EMAIL 7/12 (REC N/A): total 24/52 = 46,15 %,
   *   PHONE 17/40 = 42,50 %, EMAIL 7/12 = 58,33 %;
   * - beta: PHONE beta-1 2/20 and four perfect 20/20: 82/100 = 82,00 % over 5 inquiries (shown to
   *   a competitor); EMAIL two of RT B 1 + REC B 2 + AGT B 3 + OVR B 0 = 6/16: 12/32 = 37,50 % over
   *   2 inquiries (under the minimum cell size 5: withheld from a competitor); total 94/132 = 71,21 %.
   * 2025 is the same, unpublished.
   */
  beforeAll(async () => {
    const participants = PARTICIPANTS.map((p) =>
      p.companySlug === 'beta' ? { ...p, channels: ['PHONE', 'EMAIL'] as typeof p.channels } : p,
    );
    const email = (id: string) =>
      response({
        inquiryId: id,
        companySlug: 'beta',
        channel: 'EMAIL',
        answers: { RT_WAIT: 'B', REC_WELCOME: 'B', AGT_NEEDS: 'B', OVR_BUY: 'B', CSAT: '3', CES: '4', NPS: '8', VES1: '4', VES2: '4' },
        comments: { reception: 'Hemmelig kommentar om beta.', agent: '', overall: '' },
      });
    const responses = [
      ...fixtureResponses(),
      ...[1, 2, 3, 4].map((i) => perfectResponse('beta', 'PHONE', { inquiryId: `beta-p${i}` })),
      email('beta-e1'),
      email('beta-e2'),
    ];
    await db.orm.em.fork().transactional(async (em) => {
      await storeEdition(em, fixtureBundle({ participants, responses }), { status: 'PUBLISHED' });
      await storeEdition(em, fixtureBundle({ year: 2025 }), { status: 'REVIEW' });
    });
  });

  async function download(client: ApiClient, p: string) {
    const res = await fetch(`${api.url()}${p}`, { headers: client.cookie ? { cookie: client.cookie } : {} });
    return { res, body: Buffer.from(await res.arrayBuffer()) };
  }

  it('gives the own manager the whole report: cover, contents, chapters, numbers in Norwegian format, page numbers', async () => {
    const { res, body } = await download(await asManager('alfa'), '/eksport/2024/alfa/rapport.pdf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('filename="rapport-alfa-2024.pdf"');
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await pdfPages(body);
    const all = pages.join('\n');
    // The cover: company, edition, class, total, ranks (alfa 46,15 % is 3rd of 3 overall, 2nd of 2 in Bank).
    expect(pages[0]).toContain('Alfa Bank');
    expect(pages[0]).toContain('Deltakerrapport · KSP 2024');
    expect(pages[0]).toMatch(/Klasse Bank/);
    expect(pages[0]).toContain('Totalresultat 46,15 %');
    expect(pages[0]).toContain('Plassering totalt 3 av 3');
    expect(pages[0]).toContain('Plassering i klassen 2 av 2');
    expect(pages[0]).toContain('I fjor deltok ikke');
    // How sure (domain.md "Uncertainty"): alfa's (e, p) are (17, 20), (0, 20), (7, 12); R = 24/52 = 6/13;
    // e − R·p = 101/13, −120/13, 19/13; Σ² = (10201 + 14400 + 361)/169 = 147.704; · 3/2 = 221.556; √ = 14.885;
    // SE = 100 · 14.885 / 52 = 28.625; 46.15 ± 1.96 · 28.625 = 46.15 ± 56.10 → clipped to 0 … 100.
    // gamma has 1 inquiry: out of the comparisons, so P = 2 (alfa, beta) overall and in Bank; with alfa's SE
    // no difference on the 0–100 scale is sure (1.96 · 28.625 > 100 − 46.15): plass 1–2 both ways.
    expect(pages[0]).toContain('Usikkerhet (95 %) 0,00–100,00 %, plass 1–2 totalt, plass 1–2 i klassen');
    // Contents with page numbers, and every chapter of the own report.
    expect(pages[1]).toMatch(/^.*Innhold Totalt 3 Område: Svar- og ventetid \d+ .*Konkurrenter \d+/);
    for (const chapter of ['Kategorier', 'Kundeopplevelse (CX)', 'Variasjon', 'Bakgrunn', 'Konkurrenter', 'Historikk'])
      expect(all).toContain(chapter);
    // Total and channels, the class benchmark and its mean (46,1538… and 71,2121…: 58,68 %).
    expect(pages[2]).toMatch(/Totalt 46,15 % Telefon 42,50 % E-post 58,33 % Snitt i klassen 58,68 %/);
    expect(pages[2]).toMatch(/1 Beta Sparebank 71,21 % 2 Alfa Bank 46,15 %/);
    // Competitors side by side: beta's total over 7 inquiries.
    expect(all).toMatch(/Beta Sparebank 71,21 %/);
    // The running header and footer on every page.
    pages.slice(1).forEach((page, i) => {
      expect(page).toContain('KSP 2024 · Alfa Bank');
      expect(page).toContain(`Side ${i + 2} av ${pages.length}`);
    });
    // The variation box plot names every area under its box (before the table's "Gruppe"; a long name wraps).
    const page = pages.find((p) => p.includes('Spredning per område'))!;
    const chart = page.slice(0, page.indexOf('Gruppe Antall'));
    for (const area of ['Svar- og ventetid', 'Mottak og velkomst', 'Kundebehandleren', 'Totalinntrykk']) expect(chart).toContain(area);
    expect(layoutProblems(pages, await pdfItems(body))).toEqual([]);
  });

  it('is in English with ?lang=en', async () => {
    const { res, body } = await download(await asManager('alfa'), '/eksport/2024/alfa/rapport.pdf?lang=en');
    expect(res.status).toBe(200);
    const pages = await pdfPages(body);
    expect(pages[0]).toContain('Participant report · KSP 2024');
    expect(pages[0]).toContain('Total score 46.15%');
    expect(pages[1]).toContain('Contents');
    expect(pages.join('\n')).toMatch(/Phone 42.50%/);
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
  });

  it("gives a konkurrent manager a chosen competitor's aggregates only, small cells marked", async () => {
    const { res, body } = await download(await asManager('alfa'), '/eksport/2024/beta/rapport.pdf');
    expect(res.status).toBe(200);
    const pages = await pdfPages(body);
    const all = pages.join('\n');
    expect(pages[0]).toContain('Beta Sparebank');
    expect(pages[0]).toContain('Totalresultat 71,21 %');
    expect(pages[0]).toContain('bare samlede tall');
    // EMAIL over 2 inquiries is withheld, as on screen, and so is PHONE over 5: beside the total it would
    // give EMAIL by subtraction (complementary suppression).
    expect(all).toMatch(/Telefon for få henvendelser/);
    expect(all).toMatch(/E-post for få henvendelser/);
    expect(all).not.toContain('82,00');
    expect(all).not.toContain('37,50');
    // No own-only sections: class detail (the class's totals are the public result list), background,
    // history, its own competitors; no single inquiries or comments.
    for (const chapter of ['Bakgrunn', 'Historikk', 'Konkurrenter', 'Svar- og ventetid mot klassen', 'Klassen'])
      expect(all).not.toContain(chapter);
    expect(all).toContain('Totalt mot klassen');
    expect(all).not.toContain('Hemmelig kommentar');
    expect(all).not.toContain('beta-p1');
    expect(all).toContain('Kategorier');
  });

  it('never says "too few inquiries" in the own report, where nothing is withheld: a cell without a figure reads "–"', async () => {
    const alfa = await asManager('alfa');
    const pages = await pdfPages((await download(alfa, '/eksport/2024/alfa/rapport.pdf')).body);
    expect(pages.join('\n')).not.toContain('for få henvendelser');
    // "Presenterte kundebehandleren seg med navn?" is asked on the phone only: no e-mail cell (its
    // row is the second).
    expect(heatmapOf(pages, 'Område: Kundebehandleren')).toContain('Telefon E-post 50,00 % 100,00 % 100,00 % – 0 Resultat 100');
    // The welcome was "not applicable" in alfa's one e-mail: answered, but no score there. The
    // area's heatmap leaves out a column without a single figure; its table keeps it as "–".
    const welcome = heatmapOf(pages, 'Område: Mottak og velkomst');
    expect(welcome).toContain('Hvordan opplevde du velkomsten? Telefon 100,00 % 0 Resultat 100');
    expect(welcome).toContain('Prestasjon Resultat Klassen Telefon E-post Hvordan opplevde du velkomsten? 100,00 % 89,29 % 100,00 % –');
    const english = (await pdfPages((await download(alfa, '/eksport/2024/alfa/rapport.pdf?lang=en')).body)).join('\n');
    expect(english).not.toContain('too few inquiries');
    expect(english).toContain('Performances by channel');
  });

  it('marks only a competitor\'s withheld heatmap cells as too few inquiries, a question not asked on a channel as "–"', async () => {
    const pages = await pdfPages((await download(await asManager('alfa'), '/eksport/2024/beta/rapport.pdf')).body);
    // Beta's two e-mails are under the minimum cell size: the needs question's e-mail cell is
    // withheld, and its phone cell with it (beside the question's total it would give the e-mail
    // cell away); the phone-only question has no e-mail cell at all, so its phone cell is its total.
    expect(heatmapOf(pages, 'Område: Kundebehandleren')).toContain(
      'Telefon E-post for få henvendelser for få henvendelser 80,00 % – 0 Resultat 100',
    );
  });

  it("says on the own report's cover, in one line, that responses were corrected after publication and when last", async () => {
    const [inquiry] = await rows<{ id: number; external_id: string }>(
      db.sql,
      `select i.id, i.external_id from inquiry i join participation p on p.id = i.participation_id join company c on c.id = p.company_id
       join edition e on e.id = p.edition_id where e.year = 2024 and c.slug = 'alfa' order by i.id limit 1`,
    );
    const at = ['2026-03-02T09:00:00Z', '2026-03-12T10:00:00Z'];
    for (const when of at)
      await db.sql.query(
        `insert into response_correction (inquiry_id, at, reason, before, after) values ($1, $2, 'Feil kanal', '{}', '{}')`,
        [inquiry!.id, when],
      );
    try {
      const own = await pdfPages((await download(await asManager('alfa'), '/eksport/2024/alfa/rapport.pdf')).body);
      expect(own[0]).toContain('Korrigert etter publisering: 2 besvarelser, sist 12.03.2026');
      const english = await pdfPages((await download(await asManager('alfa'), '/eksport/2024/alfa/rapport.pdf?lang=en')).body);
      expect(english[0]).toContain('Corrected after publication: 2 responses, latest 12/03/2026');
      // A competitor's aggregates say nothing about the competitor's corrections.
      const beta = await pdfPages((await download(await asManager('alfa'), '/eksport/2024/beta/rapport.pdf')).body);
      expect(beta.join('\n')).not.toContain('Korrigert');
    } finally {
      await db.sql.query(`delete from response_correction where inquiry_id = $1`, [inquiry!.id]);
    }
    const plain = await pdfPages((await download(await asManager('alfa'), '/eksport/2024/alfa/rapport.pdf')).body);
    expect(plain[0]).not.toContain('Korrigert');
  });

  it('staff may download any report, also of an unpublished edition', async () => {
    const staff = await asStaff();
    expect((await download(staff, '/eksport/2024/gamma/rapport.pdf')).res.status).toBe(200);
    expect((await download(staff, '/eksport/2025/alfa/rapport.pdf')).res.status).toBe(200);
  });

  it('refuses with 403, 401 or 404 and sends no file', async () => {
    const cases: [() => Promise<ApiClient>, string, number, string][] = [
      [anonymous, '/eksport/2024/alfa/rapport.pdf', 401, 'UNAUTHENTICATED'],
      [() => asManager('gamma'), '/eksport/2024/gamma/rapport.pdf', 403, 'FORBIDDEN'], // no report bought
      [() => asManager('gamma'), '/eksport/2024/alfa/rapport.pdf', 403, 'FORBIDDEN'], // another company
      [() => asManager('beta'), '/eksport/2024/alfa/rapport.pdf', 403, 'FORBIDDEN'], // enkel: chose no competitors
      [() => asObserver('OBS-1'), '/eksport/2024/alfa/rapport.pdf', 403, 'FORBIDDEN'],
      [() => asManager('alfa'), '/eksport/2024/finnes-ikke/rapport.pdf', 404, 'NOT_FOUND'],
      [() => asManager('alfa'), '/eksport/1999/alfa/rapport.pdf', 404, 'NOT_FOUND'],
      [() => asManager('alfa'), '/eksport/2025/alfa/rapport.pdf', 404, 'NOT_FOUND'], // unpublished
    ];
    for (const [viewer, p, status, code] of cases) {
      const client = await viewer();
      const { res, body } = await download(client, p);
      expect([client.who, p, res.status]).toEqual([client.who, p, status]);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('content-disposition')).toBeNull();
      expect(JSON.parse(body.toString()).error.code).toBe(code);
    }
  });
});

describe('ksp reports', () => {
  const db = useTestDatabase();
  const run = promisify(execFile);

  it('writes exactly one valid PDF per bought report of the demo edition', async () => {
    await loadDemo(db.orm, { editions: 1, participants: 8 });
    const bought = await rows<{ slug: string }>(
      db.sql,
      `select c.slug from participation p join company c on c.id = p.company_id join edition e on e.id = p.edition_id
       where e.year = 2024 and p.report_purchased order by c.slug`,
    );
    expect(bought.length).toBeGreaterThan(0);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ksp-reports-'));
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', path.resolve(import.meta.dirname, '../../cli/main.ts'), 'reports', '--year', '2024', '--out', out],
      {
        cwd: path.resolve(import.meta.dirname, '../../..'),
        env: { ...process.env, DATABASE_URL: db.url, NODE_ENV: 'test' },
      },
    );
    expect(stdout).toContain(`Wrote ${bought.length} report(s) of 2024`);
    expect(fs.readdirSync(out).sort()).toEqual(bought.map((b) => `${b.slug}.pdf`));
    for (const { slug } of bought) {
      const file = fs.readFileSync(path.join(out, `${slug}.pdf`));
      expect(file.subarray(0, 5).toString()).toBe('%PDF-');
      const pages = await pdfPages(file);
      expect(pages.length).toBeGreaterThan(5);
      expect(pages[1]).toContain('Innhold');
      // An own report withholds nothing: a question not asked on a channel is "–", not "too few".
      expect(pages.join('\n')).not.toContain('for få henvendelser');
      // The demo's long questions: charts name them by their short label (full in the table), no
      // heading alone at a page's foot.
      expect([slug, layoutProblems(pages, await pdfItems(file))]).toEqual([slug, []]);
      expect(pages.join(' ')).toContain('Karakter totalt');
      expect(pages.join(' ')).toContain('Hvilken karakter fra 1 til 5 gir du kundebehandleren totalt?');
    }
  }, 240_000);
});
