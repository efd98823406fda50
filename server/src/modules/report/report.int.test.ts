import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@server/test/db.js';
import { errorCodes, useApi } from '@server/test/api.js';
import { fixtures, PARTICIPANTS } from '@server/test/factories.js';
import { useViewers } from '@server/test/viewers.js';
import { storeEdition } from '../edition/edition-bundle.js';

const db = useTestDatabase();
const api = useApi(db);
const { asStaff, asManager } = useViewers(db, api);
const { fixtureBundle, perfectResponse, response } = fixtures(); // one numbering across the editions below

const REPORT = `query($year: Int!, $slug: String!) { participation(year: $year, companySlug: $slug) {
  company { slug name } className tier
  report { total lastYearTotal byChannel { channel total }
    areas { area score byChannel { channel score } }
    categories { category score byChannel { channel score } }
    cx { csatMean csatTop2Share cesMean nps ves1Mean ves2Mean }
    inquiries { id channel status score }
    classBenchmark { company { slug name } total } } } }`;

beforeAll(async () => {
  await db.orm.em.fork().transactional(async (em) => {
    // 2022: alfa took part without buying the report; one perfect PHONE inquiry (100 %).
    await storeEdition(
      em,
      fixtureBundle({
        year: 2022,
        participants: PARTICIPANTS.map((p) => (p.companySlug === 'alfa' ? { ...p, reportPurchased: false } : p)),
        responses: [perfectResponse('alfa', 'PHONE', { inquiryId: 'old-2022', contactedAt: '2022-09-13T10:00:00+02:00' })],
      }),
      { status: 'PUBLISHED' },
    );
    // 2023: alfa had one PHONE inquiry at 10/20 = 50 %; published, so it is "last year".
    await storeEdition(
      em,
      fixtureBundle({
        year: 2023,
        responses: [
          response({
            inquiryId: 'old-1',
            companySlug: 'alfa',
            channel: 'PHONE',
            contactedAt: '2023-09-12T10:00:00+02:00',
            answers: {
              RT_WAIT: 'B',
              REC_WELCOME: 'B',
              AGT_NEEDS: 'B',
              AGT_PHONE: 'A',
              OVR_BUY: 'B',
              CALLBACK: 'N',
              CSAT: '3',
              CES: '3',
              NPS: '5',
              VES1: '3',
              VES2: '3',
            },
          }),
        ],
      }),
      { status: 'PUBLISHED' },
    );
    await storeEdition(em, fixtureBundle(), { status: 'PUBLISHED' });
    await storeEdition(em, fixtureBundle({ year: 2025 }), { status: 'REVIEW' });
  });
});

describe('report of a participant, computed in SQL (hand-computed from domain.md)', () => {
  it('gives pooled totals, channels, areas, categories, CX and inquiry scores', async () => {
    const staff = await asStaff();
    const { data, errors } = await staff.query(REPORT, { year: 2024, slug: 'alfa' });
    expect(errors).toBeUndefined();
    const p = data!.participation;
    expect(p.company).toEqual({ slug: 'alfa', name: 'Alfa Bank' });
    expect(p.className).toBe('Bank');
    expect(p.tier).toBe('KONKURRENT');
    const r = p.report;
    // Σearned/Σpossible = (17 + 7 + 0) / (20 + 12 + 20) = 24/52; not the mean of 85, 58.33 and 0.
    expect(r.total).toBeCloseTo((100 * 24) / 52, 10);
    expect(r.lastYearTotal).toBeCloseTo(50, 10); // 2023: (1+2+3+4+0)/20
    // PHONE (17 + 0)/(20 + 20); EMAIL 7/12.
    expect(r.byChannel).toEqual([
      { channel: 'PHONE', total: expect.closeTo(42.5, 10) },
      { channel: 'EMAIL', total: expect.closeTo((100 * 7) / 12, 10) },
    ]);
    const area = (a: string) => r.areas.find((x: { area: string }) => x.area === a);
    // RESPONSE_TIME over all inquiries, the unanswered one adding 0 of 2: (2 + 1 + 0)/(2 + 2 + 2).
    expect(area('RESPONSE_TIME').score).toBeCloseTo(50, 10);
    expect(area('RESPONSE_TIME').byChannel).toEqual([
      { channel: 'PHONE', score: expect.closeTo(50, 10) },
      { channel: 'EMAIL', score: expect.closeTo(50, 10) },
    ]);
    // RECEPTION over answered only, EMAIL's N/A dropped: 4/4; EMAIL has no basis, so no EMAIL score.
    expect(area('RECEPTION').score).toBeCloseTo(100, 10);
    expect(area('RECEPTION').byChannel).toEqual([{ channel: 'PHONE', score: expect.closeTo(100, 10) }]);
    // AGENT: (3 + 4 + 6)/(6 + 4 + 6) = 13/16; PHONE 7/10, EMAIL 6/6.
    expect(area('AGENT').score).toBeCloseTo(81.25, 10);
    expect(area('AGENT').byChannel).toEqual([
      { channel: 'PHONE', score: expect.closeTo(70, 10) },
      { channel: 'EMAIL', score: expect.closeTo(100, 10) },
    ]);
    expect(area('OVERALL').score).toBeCloseTo(50, 10); // (4 + 0)/(4 + 4)
    const category = (c: string) => r.categories.find((x: { category: string }) => x.category === c)?.score;
    expect(category('ACCESSIBILITY')).toBeCloseTo((100 * 3) / 4, 10); // RT_WAIT answered only: (2+1)/(2+2)
    expect(category('COMMUNICATION')).toBeCloseTo(100, 10); // 4/4
    expect(category('INTEREST')).toBeCloseTo(75, 10); // (3+6)/(6+6)
    expect(category('SALES')).toBeCloseTo(65, 10); // (3+6+4+0)/(6+6+4+4)
    expect(category('COMPETENCE')).toBeCloseTo(100, 10); // 4/4
    // CX over the two answered inquiries: CSAT 5,3; CES 6,4; NPS 10 (promoter), 7 (passive); VES1 5,3; VES2 4,3.
    expect(r.cx).toEqual({ csatMean: 4, csatTop2Share: 50, cesMean: 5, nps: 50, ves1Mean: 4, ves2Mean: 3.5 });
    expect(r.inquiries).toEqual([
      { id: 'alfa-1', channel: 'PHONE', status: 'ANSWERED', score: 85 },
      { id: 'alfa-2', channel: 'EMAIL', status: 'ANSWERED', score: expect.closeTo((100 * 7) / 12, 10) },
      { id: 'alfa-3', channel: 'PHONE', status: 'UNANSWERED', score: 0 },
    ]);
    // The class: alfa 24/52 and beta 2/20, best first; gamma is in another class.
    expect(r.classBenchmark).toEqual([
      { company: { slug: 'alfa', name: 'Alfa Bank' }, total: expect.closeTo((100 * 24) / 52, 10) },
      { company: { slug: 'beta', name: 'Beta Sparebank' }, total: expect.closeTo(10, 10) },
    ]);
  });

  it('benchmarks areas, categories and CX against the class, and describes the background', async () => {
    const staff = await asStaff();
    const { data, errors } = await staff.query(`{ participation(year: 2024, companySlug: "alfa") { report {
      classMean
      areas { area classBenchmark { mean members { company { slug } score } } }
      categories { category classBenchmark { mean } }
      cx { classMean { csatMean nps } npsDistribution { detractors passives promoters count } byChannel { channel nps npsAnswers }
        csatAnswers cesAnswers npsAnswers ves1Answers ves2Answers }
      background { channels inquiriesByChannel { channel count } unanswered }
      history { year total areas { area score } }
      competitors { company { slug } } } } }`);
    expect(errors).toBeUndefined();
    const r = data!.participation.report;
    // Class Bank: alfa 24/52 and beta 2/20; the class mean is the mean of participant totals.
    expect(r.classMean).toBeCloseTo(((100 * 24) / 52 + 10) / 2, 10);
    // AGENT: alfa 13/16 = 81.25; beta AGT_NEEDS C (0/6) and AGT_PHONE B (0/4) = 0.
    const agent = r.areas.find((a: { area: string }) => a.area === 'AGENT').classBenchmark;
    expect(agent.members).toEqual([
      { company: { slug: 'alfa' }, score: 81.25 },
      { company: { slug: 'beta' }, score: 0 },
    ]);
    expect(agent.mean).toBeCloseTo(40.625, 10);
    // SALES: alfa 13/20 = 65; beta (0 + 0)/(6 + 4) = 0.
    expect(r.categories.find((c: { category: string }) => c.category === 'SALES').classBenchmark.mean).toBeCloseTo(32.5, 10);
    // CX class means: CSAT alfa 4, beta 2 → 3; NPS alfa 50, beta one detractor (3) → −100 → −25.
    expect(r.cx.classMean).toEqual({ csatMean: 3, nps: -25 });
    expect(r.cx.npsDistribution).toEqual({ detractors: 0, passives: 1, promoters: 1, count: 2 });
    expect(r.cx.byChannel).toEqual([
      { channel: 'PHONE', nps: 100, npsAnswers: 1 },
      { channel: 'EMAIL', nps: 0, npsAnswers: 1 },
    ]);
    // The answers behind each measure: the two answered inquiries each answered all five.
    expect([r.cx.csatAnswers, r.cx.cesAnswers, r.cx.npsAnswers, r.cx.ves1Answers, r.cx.ves2Answers]).toEqual([2, 2, 2, 2, 2]);
    expect(r.background).toEqual({
      channels: ['PHONE', 'EMAIL'],
      inquiriesByChannel: [
        { channel: 'PHONE', count: 2 },
        { channel: 'EMAIL', count: 1 },
      ],
      unanswered: 1,
    });
    // 2023: RT B 1/2, REC B 2/4, AGENT B + A (3 + 4)/10, OVERALL B 0/4; 2022: all best.
    expect(r.history).toEqual([
      {
        year: 2023,
        total: 50,
        areas: [
          { area: 'RESPONSE_TIME', score: 50 },
          { area: 'RECEPTION', score: 50 },
          { area: 'AGENT', score: 70 },
          { area: 'OVERALL', score: 0 },
        ],
      },
      {
        year: 2022,
        total: 100,
        areas: [
          { area: 'RESPONSE_TIME', score: 100 },
          { area: 'RECEPTION', score: 100 },
          { area: 'AGENT', score: 100 },
          { area: 'OVERALL', score: 100 },
        ],
      },
    ]);
    expect(r.competitors).toEqual([{ company: { slug: 'beta' } }]);
  });

  it('shows the own manager its history of totals and area scores, but an unbought year’s report stays closed', async () => {
    const manager = await asManager('alfa');
    const history = await manager.query(`{ participation(year: 2024, companySlug: "alfa") { report { history { year total } } } }`);
    expect(history.errors).toBeUndefined();
    // Each year's total stood on that year's public result list.
    expect(history.data!.participation.report.history.map((h: { year: number; total: number }) => [h.year, h.total])).toEqual([
      [2023, 50],
      [2022, 100],
    ]);
    // The area scores follow each edition's own rules: 2023 was bought, 2022 was not.
    const areas = await manager.query(
      `{ participation(year: 2024, companySlug: "alfa") { report { history { year areas { area score } } } } }`,
    );
    expect(errorCodes(areas)).toEqual(['participation.report.history.1.areas:FORBIDDEN']);
    expect(areas.data!.participation.report.history).toEqual([
      {
        year: 2023,
        areas: [
          { area: 'RESPONSE_TIME', score: 50 },
          { area: 'RECEPTION', score: 50 },
          { area: 'AGENT', score: 70 },
          { area: 'OVERALL', score: 0 },
        ],
      },
      { year: 2022, areas: null },
    ]);
    // 2022 was not bought: its full report, and its class detail reached through history, are FORBIDDEN.
    const deeper = await manager.query(
      `{ participation(year: 2024, companySlug: "alfa") { report { history { year participation { report { total } } } } } }`,
    );
    expect(errorCodes(deeper)).toEqual(['participation.report.history.1.participation.report:FORBIDDEN']);
    const classDetail = await manager.query(
      `{ participation(year: 2024, companySlug: "alfa") { report { history { areas { classBenchmark { mean } } } } } }`,
    );
    expect(errorCodes(classDetail)).toEqual(['participation.report.history.1.areas:FORBIDDEN']);
  });

  it('gives null, not 0, where there is no basis', async () => {
    const staff = await asStaff();
    // gamma answered on EMAIL only: no CALLBACK, no AGT_PHONE; all CX present. In 2023 it had no inquiry at all.
    const { data } = await staff.query(REPORT, { year: 2023, slug: 'gamma' });
    const r = data!.participation.report;
    expect(r.total).toBeNull();
    expect(r.lastYearTotal).toBeNull();
    expect(r.cx).toEqual({ csatMean: null, csatTop2Share: null, cesMean: null, nps: null, ves1Mean: null, ves2Mean: null });
    expect(r.areas.map((a: { score: number | null }) => a.score)).toEqual([null, null, null, null]);
  });
});

describe('result list', () => {
  it('ranks the published edition overall and within the class', async () => {
    const { data, errors } = await api
      .client()
      .query(`{ resultList(year: 2024) { rank classRank total className company { slug name } } }`);
    expect(errors).toBeUndefined();
    expect(data!.resultList).toEqual([
      { rank: 1, classRank: 1, total: 100, className: 'Forsikring', company: { slug: 'gamma', name: 'Gamma Forsikring' } },
      {
        rank: 2,
        classRank: 1,
        total: expect.closeTo((100 * 24) / 52, 10),
        className: 'Bank',
        company: { slug: 'alfa', name: 'Alfa Bank' },
      },
      { rank: 3, classRank: 2, total: expect.closeTo(10, 10), className: 'Bank', company: { slug: 'beta', name: 'Beta Sparebank' } },
    ]);
  });

  it('says how sure each total and rank is (domain.md "Uncertainty"), the same on the list and the report', async () => {
    const { data, errors } = await api.client().query(`{ resultList(year: 2024) { company { slug }
      uncertainty { standardError low high rankLow rankHigh classRankLow classRankHigh tiedWith { slug } } } }`);
    expect(errors).toBeUndefined();
    const bySlug = Object.fromEntries(
      data!.resultList.map((r: { company: { slug: string }; uncertainty: unknown }) => [r.company.slug, r.uncertainty]),
    );
    // alfa: (e, p) = (17, 20), (7, 12), (0, 20); R = 24/52 = 6/13; e − R·p = 101/13, 19/13, −120/13;
    // Σ² = (10201 + 361 + 14400)/169 = 24962/169; SE = 100 · √(3/2 · 24962/169) / 52 = 28.6245;
    // 46.1538 ± 1.96 · 28.6245 = 46.15 ± 56.10 → 0 … 100 (clipped).
    // beta and gamma have 1 inquiry each: no SE, and left out of alfa's comparisons, so alfa's set is
    // alfa alone (P = 1): rank 1–1 over the edition and the class, tied with nobody.
    expect(bySlug.alfa).toEqual({
      standardError: expect.closeTo((100 * Math.sqrt((3 / 2) * (24962 / 169))) / 52, 9),
      low: 0,
      high: 100,
      rankLow: 1,
      rankHigh: 1,
      classRankLow: 1,
      classRankHigh: 1,
      tiedWith: [],
    });
    const none = {
      standardError: null,
      low: null,
      high: null,
      rankLow: null,
      rankHigh: null,
      classRankLow: null,
      classRankHigh: null,
      tiedWith: [],
    };
    expect(bySlug.beta).toEqual(none);
    expect(bySlug.gamma).toEqual(none);
    // The report gives the same, narrowed to a channel or not: the published total's uncertainty.
    const staff = await asStaff();
    for (const channel of ['', '(channel: EMAIL)']) {
      const report = await staff.query(`{ participation(year: 2024, companySlug: "alfa") { report${channel} {
        uncertainty { standardError low high rankLow rankHigh classRankLow classRankHigh tiedWith { slug } } } } }`);
      expect(report.errors).toBeUndefined();
      expect(report.data!.participation.report.uncertainty).toEqual(bySlug.alfa);
    }
  });

  it('filters by class and keeps the overall rank', async () => {
    const { data } = await api.client().query(`{ resultList(year: 2024, className: "Bank") { rank classRank company { slug } } }`);
    expect(data!.resultList).toEqual([
      { rank: 2, classRank: 1, company: { slug: 'alfa' } },
      { rank: 3, classRank: 2, company: { slug: 'beta' } },
    ]);
  });

  it('says what is wrong with bad arguments', async () => {
    const unknownClass = await api.client().query(`{ resultList(year: 2024, className: "Bakeri") { rank } }`);
    expect(errorCodes(unknownClass)).toEqual(['resultList:BAD_USER_INPUT']);
    expect(unknownClass.errors![0]!.message).toContain('Classes: Bank, Forsikring');
    const unknownYear = await api.client().query(`{ resultList(year: 1999) { rank } }`);
    expect(errorCodes(unknownYear)).toEqual(['resultList:NOT_FOUND']);
  });
});

describe('editions and visibility', () => {
  it('shows the public only published editions, newest first; staff all', async () => {
    const { data } = await api.client().query(`{ editions { year name status classNames } }`);
    expect(data!.editions).toEqual([
      { year: 2024, name: 'KSP 2024', status: 'PUBLISHED', classNames: ['Bank', 'Forsikring'] },
      { year: 2023, name: 'KSP 2023', status: 'PUBLISHED', classNames: ['Bank', 'Forsikring'] },
      { year: 2022, name: 'KSP 2022', status: 'PUBLISHED', classNames: ['Bank', 'Forsikring'] },
    ]);
    const staff = await asStaff();
    const all = await staff.query(`{ editions { year status } }`);
    expect(all.data!.editions.map((e: { year: number }) => e.year)).toEqual([2025, 2024, 2023, 2022]);
  });

  it('hides an unpublished edition from the public as unknown', async () => {
    const result = await api.client().query(`{ resultList(year: 2025) { rank } }`);
    expect(errorCodes(result)).toEqual(['resultList:NOT_FOUND']);
  });

  it('gives NOT_FOUND for an unknown company', async () => {
    const result = await api.client().query(`{ participation(year: 2024, companySlug: "finnes-ikke") { className } }`);
    expect(errorCodes(result)).toEqual(['participation:NOT_FOUND']);
  });

  it('keeps reports from the public and competitor inquiries from a konkurrent manager', async () => {
    const anonymous = await api.client().query(`{ participation(year: 2024, companySlug: "alfa") { className report { total } } }`);
    expect(anonymous.data!.participation).toEqual({ className: 'Bank', report: null });
    expect(errorCodes(anonymous)).toEqual(['participation.report:UNAUTHENTICATED']);
    expect(anonymous.errors![0]!.message).toMatch(/^Sign in to see this\./);

    const manager = await asManager('alfa');
    const own = await manager.query(`{ participation(year: 2024, companySlug: "alfa") { report { total inquiries { id } } } }`);
    expect(own.errors).toBeUndefined();
    expect(own.data!.participation.report.inquiries).toHaveLength(3);
    const competitor = await manager.query(`{ participation(year: 2024, companySlug: "beta") { report { total inquiries { id } } } }`);
    expect(competitor.data!.participation.report).toBeNull();
    expect(errorCodes(competitor)).toEqual(['participation.report.inquiries:FORBIDDEN']);
    const aggregates = await manager.query(`{ participation(year: 2024, companySlug: "beta") { report { total } } }`);
    expect(aggregates.data!.participation.report.total).toBeCloseTo(10, 10);
    const other = await manager.query(`{ participation(year: 2024, companySlug: "gamma") { report { total } } }`);
    expect(errorCodes(other)).toEqual(['participation.report:FORBIDDEN']);
  });
});
