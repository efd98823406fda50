import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@server/test/db.js';
import { errorCodes, useApi } from '@server/test/api.js';
import { fixtures } from '@server/test/factories.js';
import { useViewers } from '@server/test/viewers.js';
import { storeEdition } from '../edition/edition-bundle.js';
import { PRIOR_WORDS } from '@ksp/shared/insight/fightin-words';

const db = useTestDatabase();
const api = useApi(db, { responseCacheMB: 0 });
const { asStaff, asManager } = useViewers(db, api);
const { fixtureBundle, perfectResponse, response } = fixtures();

// Hand-countable comments. Bank: alfa (konkurrent tier, chose beta) and beta; Forsikring: gamma.
// PostgreSQL's Norwegian configuration drops the stop words and stems the rest:
//   alfa reception: "Hyggelig mottak." + "Hyggelige folk."  → hygg ×2 (two inflections, one lexeme), mottak ×1, folk ×1
//   beta reception: "Treg velkomst." ×2                      → treg ×2, velkomst ×2
//   gamma reception: "Hyggelig mottak."                      → hygg ×1, mottak ×1
// An unanswered inquiry's note ("Ingen svar, treg treg treg.") counts nowhere: areas are over answered inquiries.
const RESPONSES = () => [
  perfectResponse('alfa', 'PHONE', { comments: { reception: 'Hyggelig mottak.', agent: 'Svært dyktig.', overall: 'Bra.' } }),
  perfectResponse('alfa', 'PHONE', { comments: { reception: 'Hyggelige folk.', agent: 'Dyktig og rask.', overall: 'Bra.' } }),
  response({
    companySlug: 'alfa',
    channel: 'PHONE',
    status: 'UNANSWERED',
    comments: { reception: 'Ingen svar, treg treg treg.', agent: '', overall: '' },
  }),
  perfectResponse('beta', 'PHONE', { comments: { reception: 'Treg velkomst.', agent: 'Usikker.', overall: 'Dårlig.' } }),
  perfectResponse('beta', 'PHONE', { comments: { reception: 'Treg velkomst.', agent: 'Usikker.', overall: 'Dårlig.' } }),
  perfectResponse('gamma', 'EMAIL', { comments: { reception: 'Hyggelig mottak.', agent: 'Grei.', overall: 'Ok.' } }),
];

const WORDS = `query($slug: String!, $area: CommentArea!) { participation(year: 2024, companySlug: $slug) { report {
  commentWords(area: $area) { word term direction zScore logOdds ownCount classCount }
  commentSentiment { area mean comments classMean } } } }`;

beforeAll(async () => {
  await db.orm.em.fork().transactional(async (em) => {
    await storeEdition(em, fixtureBundle({ responses: RESPONSES() }), { status: 'PUBLISHED' });
  });
});

/**
 * The Fightin' Words z of a word, as the paper writes it: n_i = 4 own words, n_j = 4 words of the
 * rest of the class, α0 = PRIOR_WORDS (500), and the edition's 12 reception words (alfa 4, beta 4, gamma 2 … see below).
 */
function z(own: number, rest: number, editionUses: number, editionWords: number, ni: number, nj: number) {
  const a = (PRIOR_WORDS * editionUses) / editionWords;
  const delta = Math.log((own + a) / (ni + PRIOR_WORDS - own - a)) - Math.log((rest + a) / (nj + PRIOR_WORDS - rest - a));
  return delta / Math.sqrt(1 / (own + a) + 1 / (rest + a));
}

describe('comment words of the own report', () => {
  it("gives alfa's reception words against the rest of its class (beta), stemmed, with the edition as prior", async () => {
    const result = await (await asManager('alfa')).query(WORDS, { slug: 'alfa', area: 'RECEPTION' });
    expect(result.errors).toBeUndefined();
    const words = (result.data as any).participation.report.commentWords as any[];
    // Edition reception words: hygg 3, mottak 2, folk 1, treg 2, velkomst 2 = 10 (the unanswered note left out).
    // alfa: n_i = 4; beta: n_j = 4. α = 500·uses/10: hygg 150, mottak 100, folk 50, treg 100, velkomst 100.
    //   hygg:     z(2, 0, 3) = [ln(152/352) − ln(150/354)] / √(1/152 + 1/150)
    //   mottak:   z(1, 0, 2) = [ln(101/403) − ln(100/404)] / √(1/101 + 1/100)
    //   folk:     z(1, 0, 1) = [ln(51/453) − ln(50/454)]   / √(1/51 + 1/50)
    //   treg, velkomst: z(0, 2, 2) = [ln(100/404) − ln(102/402)] / √(1/100 + 1/102)  (equal: order by lexeme)
    const hygg = (Math.log(152 / 352) - Math.log(150 / 354)) / Math.sqrt(1 / 152 + 1 / 150);
    const mottak = (Math.log(101 / 403) - Math.log(100 / 404)) / Math.sqrt(1 / 101 + 1 / 100);
    const folk = (Math.log(51 / 453) - Math.log(50 / 454)) / Math.sqrt(1 / 51 + 1 / 50);
    const less = (Math.log(100 / 404) - Math.log(102 / 402)) / Math.sqrt(1 / 100 + 1 / 102);
    expect(hygg).toBeCloseTo(z(2, 0, 3, 10, 4, 4), 12);
    // hygg ln(53808/52800)/0,11509 ≈ 0,1643 > folk ln(23154/22650)/0,19901 ≈ 0,1106
    //   > mottak ln(40804/40300)/0,14107 ≈ 0,0881 > 0 > treg = velkomst ln(40200/41208)/0,14073 ≈ −0,1760
    expect(hygg).toBeCloseTo(0.1643, 4);
    expect(less).toBeCloseTo(-0.176, 4);
    expect(words.map((w) => [w.term, w.direction, w.ownCount, w.classCount])).toEqual([
      ['hygg', 'MORE', 2, 0],
      ['folk', 'MORE', 1, 0],
      ['mottak', 'MORE', 1, 0],
      ['treg', 'LESS', 0, 2],
      ['velkomst', 'LESS', 0, 2],
    ]);
    words.forEach((w, i) => expect(w.zScore).toBeCloseTo([hygg, folk, mottak, less, less][i]!, 10));
    // The two inflections are one word, shown as the own comments write it (a tie: alphabetical);
    // a word alfa never used is shown as its class writes it.
    expect(words.map((w) => w.word)).toEqual(['hyggelig', 'folk', 'mottak', 'treg', 'velkomst']);
  });

  it('links each word to the responses that use it: the word given to the responses search finds them', async () => {
    const client = await asManager('alfa');
    const SEARCH = `query($q: String) { participation(year: 2024, companySlug: "alfa") { report { responses(search: $q) { totalCount } } } }`;
    // "hyggelig" finds both "Hyggelig" and "Hyggelige": 2 responses, as ownCount says.
    expect(((await client.query(SEARCH, { q: 'hyggelig' })).data as any).participation.report.responses.totalCount).toBe(2);
    expect(((await client.query(SEARCH, { q: 'folk' })).data as any).participation.report.responses.totalCount).toBe(1);
  });

  it('gives the sentiment of each area, own and the class mean of member means', async () => {
    const result = await (await asStaff()).query(WORDS, { slug: 'beta', area: 'OVERALL' });
    expect(result.errors).toBeUndefined();
    const report = (result.data as any).participation.report;
    // Overall: beta "Dårlig." ×2 → −2 each (dårlig −2 in the list): mean −2; alfa "Bra." ×2: no word of the list.
    // Class mean over members with a reading: beta only, −2.
    // Reception: beta "Treg velkomst." → treg −2: mean −2; alfa "Hyggelig …" +3, "Hyggelige …" +3 (inflection): 3.
    // Class mean of reception: (3 + (−2)) / 2 = 0,5.
    expect(report.commentSentiment).toEqual([
      { area: 'RECEPTION', mean: -2, comments: 2, classMean: 0.5 },
      { area: 'AGENT', mean: -1, comments: 2, classMean: expect.any(Number) },
      { area: 'OVERALL', mean: -2, comments: 2, classMean: -2 },
    ]);
    // The overall words of beta against alfa: "dårlig" ×2 used more, "bra" ×2 less.
    expect(report.commentWords.map((w: any) => [w.word, w.direction, w.ownCount, w.classCount])).toEqual([
      ['dårlig', 'MORE', 2, 0],
      ['bra', 'LESS', 0, 2],
    ]);
  });

  it('gives each response the sentiment of its comments', async () => {
    const result = await (
      await asManager('beta')
    ).query(
      `{ participation(year: 2024, companySlug: "beta") { report { responses { edges { node { sentiment { reception agent overall } } } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    // "Treg velkomst." −2 (treg), "Usikker." −1 (usikker), "Dårlig." −2
    expect((result.data as any).participation.report.responses.edges.map((e: any) => e.node.sentiment)).toEqual([
      { reception: -2, agent: -1, overall: -2 },
      { reception: -2, agent: -1, overall: -2 },
    ]);
  });

  it('never gives a competitor, or a manager without the report, comment words or sentiment', async () => {
    // alfa chose beta: beta's aggregates, but not its comments.
    const competitor = await (await asManager('alfa')).query(WORDS, { slug: 'beta', area: 'RECEPTION' });
    expect(errorCodes(competitor)).toContain('participation.report.commentWords:FORBIDDEN');
    expect(JSON.stringify(competitor.data ?? null)).not.toContain('velkomst');
    // gamma did not buy its report.
    const unbought = await (await asManager('gamma')).query(WORDS, { slug: 'gamma', area: 'RECEPTION' });
    expect(errorCodes(unbought).every((c) => c.endsWith(':FORBIDDEN'))).toBe(true);
    expect(errorCodes(unbought)).not.toEqual([]);
    expect(JSON.stringify(unbought.data ?? null)).not.toContain('mottak');
  });
});
