import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@server/test/db.js';
import { errorCodes, useApi, type ApiClient } from '@server/test/api.js';
import { fixtures, PARTICIPANTS } from '@server/test/factories.js';
import { useViewers } from '@server/test/viewers.js';
import { storeEdition } from '../edition/edition-bundle.js';

/**
 * Chapter 2 (score per performance, per channel) and the variation between inquiries,
 * hand-computed over the fixture of test/factories.ts (maxima: RT_WAIT 2, REC_WELCOME 4 with
 * N/A, AGT_NEEDS 6, AGT_PHONE 4 (PHONE only), OVR_BUY 4; CALLBACK unscored, PHONE only).
 *
 * alfa-1 PHONE answered: RT A 2/2, REC A 4/4, AGT_NEEDS B 3/6, AGT_PHONE A 4/4, OVR A 4/4, CALLBACK Y → 17/20 = 85 %
 * alfa-2 EMAIL answered: RT B 1/2, REC NA (dropped), AGT_NEEDS A 6/6, OVR B 0/4 → 7/12 = 58.33 %
 * alfa-3 PHONE unanswered → 0/20 = 0 %
 */
const db = useTestDatabase();
const api = useApi(db);
const { asStaff, asManager } = useViewers(db, api);
const { fixtureBundle } = fixtures(); // one numbering across the editions below

const SPREAD = `{ count min q1 median q3 max mean stdDev }`;
const PERFORMANCES = `performances { code text area categories channels scored maxPoints score answers
  options { code label points notApplicable count share } byChannel { channel score answers } }`;
const VARIATION = `variation { total ${SPREAD} byChannel { channel spread ${SPREAD} }
  areas { area spread ${SPREAD} byChannel { channel spread ${SPREAD} } }
  widestPerformances { code text area score stdDev answers } }`;
const REPORT = `query($year: Int!, $slug: String!, $channel: Channel, $area: ScoredArea) {
  participation(year: $year, companySlug: $slug) { report(channel: $channel, area: $area) {
    ${PERFORMANCES} ${VARIATION} areas { area performances { code } } } } }`;

let statements: string[] = [];

beforeAll(async () => {
  await db.orm.em.fork().transactional(async (em) => {
    await storeEdition(em, fixtureBundle(), { status: 'PUBLISHED' });
    // 2022: alfa chose two competitors, to show that their sections are batched.
    await storeEdition(
      em,
      fixtureBundle({
        year: 2022,
        participants: PARTICIPANTS.map((p) => (p.companySlug === 'alfa' ? { ...p, competitors: ['beta', 'gamma'] } : p)),
      }),
      { status: 'PUBLISHED' },
    );
  });
  const original = db.sql.query.bind(db.sql) as (...args: unknown[]) => unknown;
  db.sql.query = ((...args: unknown[]) => {
    const text = args[0];
    statements.push(typeof text === 'string' ? text : String((text as { text?: string })?.text ?? ''));
    return original(...args);
  }) as typeof db.sql.query;
});

async function report(client: ApiClient, variables: Record<string, unknown>) {
  const { data, errors } = await client.query(REPORT, { year: 2024, ...variables });
  expect(errors).toBeUndefined();
  return data!.participation.report;
}

const close = (v: number) => expect.closeTo(v, 10);
const opt = (code: string, label: string, points: number | null, count: number, share: number | null, notApplicable = false) => ({
  code,
  label,
  points,
  notApplicable,
  count,
  share: share === null ? null : close(share),
});
const spread = (count: number, min: number, q1: number, median: number, q3: number, max: number, mean: number, stdDev: number) => ({
  count,
  min: close(min),
  q1: close(q1),
  median: close(median),
  q3: close(q3),
  max: close(max),
  mean: close(mean),
  stdDev: close(stdDev),
});
const byCode = (list: { code: string }[], code: string) => list.find((p) => p.code === code) as any;

describe('performances (score and distribution per question)', () => {
  it('gives every CHOICE question in questionnaire order, scored or not, without the CX scales', async () => {
    const r = await report(await asStaff(), { slug: 'alfa' });
    expect(r.performances.map((p: { code: string }) => p.code)).toEqual([
      'RT_WAIT',
      'REC_WELCOME',
      'AGT_NEEDS',
      'AGT_PHONE',
      'OVR_BUY',
      'CALLBACK',
    ]);
  });

  it('pools points over answered inquiries and shares the answers over the options', async () => {
    const r = await report(await asStaff(), { slug: 'alfa' });
    // AGT_NEEDS: PHONE B 3/6 + EMAIL A 6/6 → 9/12 = 75 %; one A, one B of 2 answers; the unanswered alfa-3 not counted.
    expect(byCode(r.performances, 'AGT_NEEDS')).toEqual({
      code: 'AGT_NEEDS',
      text: 'Stilte kundebehandleren spørsmål om behovet ditt?',
      area: 'AGENT',
      categories: ['INTEREST', 'SALES'],
      channels: ['PHONE', 'EMAIL', 'CHAT', 'MESSENGER'],
      scored: true,
      maxPoints: 6,
      score: close(75),
      answers: 2,
      options: [opt('A', 'Flere', 6, 1, 50), opt('B', 'Ett', 3, 1, 50), opt('C', 'Ingen', 0, 0, 0)],
      byChannel: [
        { channel: 'PHONE', score: close(50), answers: 1 },
        { channel: 'EMAIL', score: close(100), answers: 1 },
      ],
    });
    // REC_WELCOME: PHONE A 4/4; EMAIL answered N/A, which leaves the score (4/4 = 100 %) but is one of the 2 answers (50 %).
    // EMAIL's only answer is N/A: 1 answer, no basis for a score.
    const rec = byCode(r.performances, 'REC_WELCOME');
    expect(rec.score).toBeCloseTo(100, 10);
    expect(rec.answers).toBe(2);
    expect(rec.options).toEqual([
      opt('A', 'Personlig og hyggelig', 4, 1, 50),
      opt('B', 'Nøytral', 2, 0, 0),
      opt('C', 'Rutinepreget', 0, 0, 0),
      opt('NA', 'Ikke relevant', null, 1, 50, true),
    ]);
    expect(rec.byChannel).toEqual([
      { channel: 'PHONE', score: close(100), answers: 1 },
      { channel: 'EMAIL', score: null, answers: 1 },
    ]);
    // RT_WAIT over answered inquiries only (unlike the RESPONSE_TIME area): (2 + 1)/(2 + 2) = 75 %.
    expect(byCode(r.performances, 'RT_WAIT').score).toBeCloseTo(75, 10);
    // OVR_BUY: A 4/4 + B 0/4 = 50 %.
    expect(byCode(r.performances, 'OVR_BUY').score).toBeCloseTo(50, 10);
  });

  it('gives an unscored question a distribution only, and a PHONE-only question PHONE answers only', async () => {
    const r = await report(await asStaff(), { slug: 'alfa' });
    // CALLBACK: Y in alfa-1 (the only answered PHONE inquiry): 1 of 1.
    expect(byCode(r.performances, 'CALLBACK')).toMatchObject({
      area: 'RESPONSE_TIME',
      categories: [],
      channels: ['PHONE'],
      scored: false,
      maxPoints: null,
      score: null,
      answers: 1,
      options: [opt('Y', 'Ja', null, 1, 100), opt('N', 'Nei', null, 0, 0)],
      byChannel: [{ channel: 'PHONE', score: null, answers: 1 }],
    });
    // AGT_PHONE: A 4/4 on PHONE; EMAIL (alfa-2) has no answer to it and is no basis.
    expect(byCode(r.performances, 'AGT_PHONE')).toMatchObject({
      channels: ['PHONE'],
      scored: true,
      maxPoints: 4,
      score: 100,
      answers: 1,
      options: [opt('A', 'Ja', 4, 1, 100), opt('B', 'Nei', 0, 0, 0)],
      byChannel: [{ channel: 'PHONE', score: 100, answers: 1 }],
    });
  });

  it('narrows to a channel (its inquiries and the questions that apply to it) and to an area', async () => {
    const client = await asStaff();
    const phone = await report(client, { slug: 'alfa', channel: 'PHONE' });
    // Only alfa-1 is answered on PHONE: AGT_NEEDS B 3/6 = 50 %, REC_WELCOME A 4/4.
    expect(byCode(phone.performances, 'AGT_NEEDS')).toMatchObject({
      score: 50,
      answers: 1,
      byChannel: [{ channel: 'PHONE', score: 50, answers: 1 }],
    });
    expect(byCode(phone.performances, 'REC_WELCOME').options.map((o: { count: number }) => o.count)).toEqual([1, 0, 0, 0]);
    const email = await report(client, { slug: 'alfa', channel: 'EMAIL' });
    // AGT_PHONE and CALLBACK do not apply to EMAIL.
    expect(email.performances.map((p: { code: string }) => p.code)).toEqual(['RT_WAIT', 'REC_WELCOME', 'AGT_NEEDS', 'OVR_BUY']);
    expect(byCode(email.performances, 'REC_WELCOME')).toMatchObject({ score: null, answers: 1 });

    const agent = await report(client, { slug: 'alfa', area: 'AGENT' });
    expect(agent.performances.map((p: { code: string }) => p.code)).toEqual(['AGT_NEEDS', 'AGT_PHONE']);
    expect(agent.areas).toEqual([{ area: 'AGENT', performances: [{ code: 'AGT_NEEDS' }, { code: 'AGT_PHONE' }] }]);
  });

  it("gives each area's performances on AreaScore", async () => {
    const r = await report(await asStaff(), { slug: 'alfa' });
    expect(r.areas.map((a: { area: string; performances: { code: string }[] }) => [a.area, a.performances.map((p) => p.code)])).toEqual([
      ['RESPONSE_TIME', ['RT_WAIT', 'CALLBACK']],
      ['RECEPTION', ['REC_WELCOME']],
      ['AGENT', ['AGT_NEEDS', 'AGT_PHONE']],
      ['OVERALL', ['OVR_BUY']],
    ]);
  });
});

describe('variation (spread between inquiries)', () => {
  it('gives the spread of the inquiry scores, overall and per channel', async () => {
    const v = (await report(await asStaff(), { slug: 'alfa' })).variation;
    // Inquiry scores 85, 58.33…, 0 (the unanswered one counts). Sorted 0, 175/3, 85; percentile_cont at (n−1)·p:
    // q1 = 0 + 0.5 · 175/3 = 29.166…; q3 = 175/3 + 0.5 · (85 − 175/3) = 71.666…; mean = (85 + 175/3)/3 = 430/9 = 47.777…
    // stdDev: deviations 335/9, 95/9, −430/9 → √((335² + 95² + 430²)/81/3) = √102050 / 9 = 35.4947…
    expect(v.total).toEqual(spread(3, 0, 175 / 6, 175 / 3, 175 / 3 + (85 - 175 / 3) / 2, 85, 430 / 9, Math.sqrt(102050) / 9));
    expect(Math.sqrt(102050) / 9).toBeCloseTo(35.4947, 4);
    // PHONE 85 and 0: quartiles 21.25, 42.5, 63.75; mean 42.5, stdDev 42.5. EMAIL one inquiry: no deviation.
    expect(v.byChannel).toEqual([
      { channel: 'PHONE', spread: spread(2, 0, 21.25, 42.5, 63.75, 85, 42.5, 42.5) },
      { channel: 'EMAIL', spread: spread(1, 175 / 3, 175 / 3, 175 / 3, 175 / 3, 175 / 3, 175 / 3, 0) },
    ]);
  });

  it('gives the spread of area scores per inquiry (RESPONSE_TIME over all inquiries, the others over answered)', async () => {
    const v = (await report(await asStaff(), { slug: 'alfa' })).variation;
    const area = (a: string) => v.areas.find((x: { area: string }) => x.area === a);
    expect(v.areas.map((a: { area: string }) => a.area)).toEqual(['RESPONSE_TIME', 'RECEPTION', 'AGENT', 'OVERALL']);
    // RESPONSE_TIME: 2/2, 1/2 and the unanswered 0/2 → 100, 50, 0: mean 50, stdDev √(5000/3) = 40.82…
    expect(area('RESPONSE_TIME').spread).toEqual(spread(3, 0, 25, 50, 75, 100, 50, Math.sqrt(5000 / 3)));
    expect(area('RESPONSE_TIME').byChannel).toEqual([
      { channel: 'PHONE', spread: spread(2, 0, 25, 50, 75, 100, 50, 50) },
      { channel: 'EMAIL', spread: spread(1, 50, 50, 50, 50, 50, 50, 0) },
    ]);
    // RECEPTION: only alfa-1 (alfa-2 answered N/A, alfa-3 unanswered): one value, no EMAIL spread.
    expect(area('RECEPTION')).toEqual({
      area: 'RECEPTION',
      spread: spread(1, 100, 100, 100, 100, 100, 100, 0),
      byChannel: [{ channel: 'PHONE', spread: spread(1, 100, 100, 100, 100, 100, 100, 0) }],
    });
    // AGENT: alfa-1 (3 + 4)/(6 + 4) = 70, alfa-2 6/6 = 100: quartiles 77.5, 85, 92.5; stdDev 15.
    expect(area('AGENT').spread).toEqual(spread(2, 70, 77.5, 85, 92.5, 100, 85, 15));
    // OVERALL: 100 and 0.
    expect(area('OVERALL').spread).toEqual(spread(2, 0, 25, 50, 75, 100, 50, 50));
  });

  it('ranks the scored questions by the deviation of their points, equal ones by code', async () => {
    const client = await asStaff();
    const v = (await report(client, { slug: 'alfa' })).variation;
    // Per answered inquiry, points as % of max (N/A left out): OVR_BUY 100, 0 → σ 50; AGT_NEEDS 50, 100 → 25;
    // RT_WAIT 100, 50 → 25 (tie: by code); AGT_PHONE 100 → 0; REC_WELCOME 100 → 0. CALLBACK is unscored: absent.
    expect(v.widestPerformances).toEqual([
      { code: 'OVR_BUY', text: 'Ville du kjøpt av dette selskapet?', area: 'OVERALL', score: close(50), stdDev: close(50), answers: 2 },
      {
        code: 'AGT_NEEDS',
        text: 'Stilte kundebehandleren spørsmål om behovet ditt?',
        area: 'AGENT',
        score: close(75),
        stdDev: close(25),
        answers: 2,
      },
      { code: 'RT_WAIT', text: 'Hvor lenge ventet du?', area: 'RESPONSE_TIME', score: close(75), stdDev: close(25), answers: 2 },
      {
        code: 'AGT_PHONE',
        text: 'Presenterte kundebehandleren seg med navn?',
        area: 'AGENT',
        score: close(100),
        stdDev: close(0),
        answers: 1,
      },
      { code: 'REC_WELCOME', text: 'Hvordan opplevde du velkomsten?', area: 'RECEPTION', score: close(100), stdDev: close(0), answers: 1 },
    ]);
    const two = await client.query(
      `{ participation(year: 2024, companySlug: "alfa") { report { variation { widestPerformances(limit: 2) { code } } } } }`,
    );
    expect(two.data!.participation.report.variation.widestPerformances).toEqual([{ code: 'OVR_BUY' }, { code: 'AGT_NEEDS' }]);
    const bad = await client.query(
      `{ participation(year: 2024, companySlug: "alfa") { report { variation { widestPerformances(limit: -1) { code } } } } }`,
    );
    expect(errorCodes(bad)).toEqual(['participation.report.variation.widestPerformances:BAD_USER_INPUT']);
  });

  it('narrows to a channel and to an area', async () => {
    const client = await asStaff();
    const phone = (await report(client, { slug: 'alfa', channel: 'PHONE' })).variation;
    expect(phone.total).toEqual(spread(2, 0, 21.25, 42.5, 63.75, 85, 42.5, 42.5));
    expect(phone.byChannel.map((c: { channel: string }) => c.channel)).toEqual(['PHONE']);
    // On PHONE only alfa-1 is answered: one value per question, no deviation; ties by code.
    expect(phone.widestPerformances.map((p: { code: string; stdDev: number }) => [p.code, p.stdDev])).toEqual([
      ['AGT_NEEDS', 0],
      ['AGT_PHONE', 0],
      ['OVR_BUY', 0],
      ['REC_WELCOME', 0],
      ['RT_WAIT', 0],
    ]);

    const agent = (await report(client, { slug: 'alfa', area: 'AGENT' })).variation;
    expect(agent.areas.map((a: { area: string }) => a.area)).toEqual(['AGENT']);
    expect(agent.widestPerformances.map((p: { code: string }) => p.code)).toEqual(['AGT_NEEDS', 'AGT_PHONE']);
    // The spread of inquiry totals is not narrowed by area, as `total` is not.
    expect(agent.total.count).toBe(3);
  });

  it('gives empty spreads (count 0, null values) without inquiries', async () => {
    const client = await asStaff();
    const { data } = await client.query(`{ participation(year: 2024, companySlug: "beta") { report(channel: EMAIL) {
      performances { code answers score } variation { total ${SPREAD} byChannel { channel } widestPerformances { code } } } } }`);
    const r = data!.participation.report;
    expect(r.variation.total).toEqual({ count: 0, min: null, q1: null, median: null, q3: null, max: null, mean: null, stdDev: null });
    expect(r.variation.byChannel).toEqual([]);
    expect(r.variation.widestPerformances).toEqual([]);
    expect(r.performances).toEqual(['RT_WAIT', 'REC_WELCOME', 'AGT_NEEDS', 'OVR_BUY'].map((code) => ({ code, answers: 0, score: null })));
  });
});

describe('access and batching', () => {
  it("gives a konkurrent manager a chosen competitor's performances and variation without figures over too few inquiries", async () => {
    const manager = await asManager('alfa');
    // beta has one inquiry (beta-1 PHONE, 2/20 = 10 %): below the minimum cell size of 5, every
    // figure would be that single response's ticks and score.
    const { data, errors } = await manager.query(REPORT, { year: 2024, slug: 'beta' });
    const codes = new Set(errorCodes({ errors }).map((c) => c.split(':')[1]));
    expect(codes).toEqual(new Set(['TOO_FEW_INQUIRIES', 'FORBIDDEN']));
    // Order statistics are single inquiries' scores: never a competitor's, whatever the cell.
    for (const path of ['min', 'q1', 'median', 'q3', 'max']) {
      expect(errorCodes({ errors })).toContain(`participation.report.variation.total.${path}:FORBIDDEN`);
    }
    expect(errorCodes({ errors })).toContain('participation.report.performances.0.score:TOO_FEW_INQUIRIES');
    const r = data!.participation.report;
    // What the questionnaire says stays; no figure does.
    expect(r.performances.map((p: { code: string; score: number | null; answers: number | null }) => [p.code, p.score, p.answers])).toEqual(
      ['RT_WAIT', 'REC_WELCOME', 'AGT_NEEDS', 'AGT_PHONE', 'OVR_BUY', 'CALLBACK'].map((code) => [code, null, null]),
    );
    expect(byCode(r.performances, 'CALLBACK').options).toEqual([
      { code: 'Y', label: 'Ja', points: null, notApplicable: false, count: null, share: null },
      { code: 'N', label: 'Nei', points: null, notApplicable: false, count: null, share: null },
    ]);
    expect(r.variation.total).toEqual({ count: null, min: null, q1: null, median: null, q3: null, max: null, mean: null, stdDev: null });
    // gamma is no competitor of alfa: no report at all.
    const other = await manager.query(
      `{ participation(year: 2024, companySlug: "gamma") { report { performances { code } variation { total { count } } } } }`,
    );
    expect(errorCodes(other)).toEqual(['participation.report:FORBIDDEN']);
  });

  it("loads the competitors' sections in one statement each, however many competitors", async () => {
    const client = await asStaff();
    const query = `query($year: Int!) { participation(year: $year, companySlug: "alfa") { report {
      ${PERFORMANCES} ${VARIATION}
      competitors { company { slug } report { ${PERFORMANCES} ${VARIATION} areas { performances { code } } } } } } }`;
    const count = async (year: number) => {
      statements = [];
      const { data, errors } = await client.query(query, { year });
      expect(errors).toBeUndefined();
      return {
        competitors: data!.participation.report.competitors.length,
        lookups: statements.filter((t) => t.includes('/* published sections */')).length,
      };
    };
    // Every section's lookup of the own report in one statement, the competitors' together in one more.
    expect(await count(2024)).toEqual({ competitors: 1, lookups: 2 });
    expect(await count(2022)).toEqual({ competitors: 2, lookups: 2 });
  });
});
