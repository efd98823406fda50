import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/db.js';
import { errorCodes, useApi } from '../../test/api.js';
import { PARTICIPANTS, useAccessFixture, VIEWERS, type Who } from '../../test/access-fixture.js';

/** The access matrix: every role × tier × report bought or not × target, over every report field (fixture: test/access-fixture.ts). */
const db = useTestDatabase();
const api = useApi(db);
const clients = useAccessFixture(db, api);

/** A report field as asked: its selection, and the report's arguments where it is narrowed. */
interface Probe {
  args?: string;
  select: string;
}
const on = (select: string, args?: string): Probe => ({ select, args });

/** Aggregates: what a konkurrent manager may see of a chosen competitor. */
const AGGREGATE_FIELDS = {
  total: on('total'),
  lastYearTotal: on('lastYearTotal'),
  byChannel: on('byChannel { channel total }'),
  areas: on('areas { area score byChannel { channel score } }'),
  categories: on('categories { category score }'),
  cx: on('cx { csatMean csatTop2Share cesMean nps ves1Mean ves2Mean npsDistribution { promoters } byChannel { channel nps } }'),
  classBenchmark: on('classBenchmark { company { slug } total }'),
  classMean: on('classMean'),
  performances: on('performances { code score answers options { code count share } byChannel { channel score } }'),
  variation: on('variation { total { count mean stdDev } areas { area spread { mean stdDev } } widestPerformances { code stdDev } }'),
  narrowedTotal: on('total byChannel { channel total } areas { score }', 'channel: PHONE'),
} satisfies Record<string, Probe>;
/** Figures over the last edition, narrowed: they follow that edition's rules. */
const PAST_FIELDS = {
  lastYearByChannel: on('lastYearTotal', 'channel: PHONE'),
} satisfies Record<string, Probe>;
/** The own report only: single inquiries, order statistics, observer data, class detail, history, the picks. */
const OWN_FIELDS = {
  inquiries: on('inquiries { id score }'),
  areaInquiries: on('areas { inquiries { id score } }'),
  areaBenchmark: on('areas { classBenchmark { mean members { company { slug } score } } }'),
  categoryBenchmark: on('categories { classBenchmark { mean } }'),
  cxClassMean: on('cx { classMean { nps } }'),
  performanceClass: on('performances { code classScore }'),
  spreadOrder: on('variation { total { min q1 median q3 max } }'),
  channelSpreadOrder: on('variation { byChannel { spread { min max } } }'),
  background: on('background { channels observerGenders { gender count } observerAgeBands { band count } }'),
  competitors: on('competitors { company { slug } }'),
  history: on('history { year total }'),
  historyAreas: on('history { year areas { area score } }'),
  responses: on(
    'responses(first: 5) { totalCount edges { node { id comments { agent } observer { ageBand } answers { questionCode optionLabel points } } } }',
  ),
  responseSearch: on('responses(search: "navnet") { totalCount }'),
} satisfies Record<string, Probe>;
type Field = keyof typeof AGGREGATE_FIELDS | keyof typeof PAST_FIELDS | keyof typeof OWN_FIELDS;
const ALL_FIELDS = { ...AGGREGATE_FIELDS, ...PAST_FIELDS, ...OWN_FIELDS } as Record<Field, Probe>;

/** WITHHELD: the report is there, but some figure is held back as over too few inquiries (and nothing is refused). */
type Outcome = 'ALLOWED' | 'WITHHELD' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'NOT_FOUND';

/** The value at an error's path: a refused or withheld field must hold nothing. */
function valueAt(data: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((v, key) => (v === null || v === undefined ? v : (v as Record<string | number, unknown>)[key]), data);
}

async function probe(who: Who, year: number, slug: string, field: Field): Promise<Outcome> {
  const { args, select } = ALL_FIELDS[field];
  const result = await clients
    .get(who)!
    .query(`{ participation(year: ${year}, companySlug: "${slug}") { company { slug } report${args ? `(${args})` : ''} { ${select} } } }`);
  for (const error of result.errors ?? []) expect(valueAt(result.data, error.path ?? []), `${who} ${slug} ${field}`).toBeNull();
  const codes = errorCodes(result).map((c) => c.split(':')[1]!);
  if (codes.length === 0) {
    expect(result.data!.participation.report, `${who} ${slug} ${field}`).not.toBeNull();
    return 'ALLOWED';
  }
  if (codes.every((c) => c === 'NOT_FOUND')) {
    expect(result.data?.participation ?? null).toBeNull();
    return 'NOT_FOUND';
  }
  const outcome = (['FORBIDDEN', 'UNAUTHENTICATED', 'TOO_FEW_INQUIRIES'] as const).find((code) => codes.every((c) => c === code));
  expect(outcome, `${who} ${slug} ${field}: ${codes.join(', ')}`).toBeDefined();
  return outcome === 'TOO_FEW_INQUIRIES' ? 'WITHHELD' : outcome!;
}

type Target = 'own' | 'competitor' | 'same class' | 'other class' | 'unpublished';
const TARGETS: Record<Target, (who: Who) => [number, string]> = {
  own: (who) => [2024, ['konk', 'konk-uten', 'enkel', 'enkel-uten'].includes(who) ? who : 'konk'],
  competitor: () => [2024, 'rival'],
  'same class': () => [2024, 'nabo'],
  'other class': () => [2024, 'fjern'],
  unpublished: (who) => [2025, ['konk', 'konk-uten', 'enkel', 'enkel-uten'].includes(who) ? who : 'konk'],
};

/** Aggregates that show rival's figures per channel, and so its 2-inquiry CHAT cell. */
const SHOWS_CHANNELS: Field[] = ['byChannel', 'areas', 'cx', 'performances'];

/** The rules of domain.md, written as a table: what each viewer gets for each target and field. */
function expected(who: Who, target: Target, field: Field): Outcome {
  if (who === 'staff') return 'ALLOWED';
  if (target === 'unpublished') return 'NOT_FOUND';
  // No session where one is needed: sign in first.
  if (who === 'anonymous') return 'UNAUTHENTICATED';
  if (who === 'observer') return 'FORBIDDEN';
  const bought = who === 'konk' || who === 'enkel';
  if (target === 'own') {
    if (!bought) return 'FORBIDDEN';
    // enkel did not buy its 2023 report: last year's figures by channel and 2023's areas are closed.
    if (who === 'enkel' && (field === 'lastYearByChannel' || field === 'historyAreas')) return 'FORBIDDEN';
    return 'ALLOWED';
  }
  if (target === 'competitor' && who === 'konk') {
    if (!(field in AGGREGATE_FIELDS)) return 'FORBIDDEN'; // own-report detail, and 2023, when rival was not chosen
    return SHOWS_CHANNELS.includes(field) ? 'WITHHELD' : 'ALLOWED';
  }
  return 'FORBIDDEN';
}

describe('access matrix: role × tier × report bought × target × report field', () => {
  for (const who of VIEWERS) {
    it(`${who}`, async () => {
      const table: string[] = [];
      const want: string[] = [];
      for (const target of Object.keys(TARGETS) as Target[]) {
        const [year, slug] = TARGETS[target](who);
        for (const field of Object.keys(ALL_FIELDS) as Field[]) {
          table.push(`${target} ${field}: ${await probe(who, year, slug, field)}`);
          want.push(`${target} ${field}: ${expected(who, target, field)}`);
        }
      }
      expect(table).toEqual(want);
    }, 60_000);
  }

  it('shows the tier and the report purchase to staff and the company’s own managers only', async () => {
    const outcomes: string[] = [];
    for (const who of VIEWERS) {
      for (const slug of ['konk', 'enkel', 'rival']) {
        const r = await clients
          .get(who)!
          .query(`{ participation(year: 2024, companySlug: "${slug}") { company { slug } tier reportPurchased } }`);
        const codes = [...new Set(errorCodes(r).map((c) => c.split(':')[1]))];
        outcomes.push(
          `${who} ${slug}: ${codes.length ? codes.join() : `${r.data!.participation.tier} ${r.data!.participation.reportPurchased}`}`,
        );
        if (codes.length) expect(r.data!.participation).toEqual({ company: { slug }, tier: null, reportPurchased: null });
      }
    }
    expect(outcomes).toEqual([
      'anonymous konk: UNAUTHENTICATED',
      'anonymous enkel: UNAUTHENTICATED',
      'anonymous rival: UNAUTHENTICATED',
      'observer konk: FORBIDDEN',
      'observer enkel: FORBIDDEN',
      'observer rival: FORBIDDEN',
      'staff konk: KONKURRENT true',
      'staff enkel: ENKEL true',
      'staff rival: ENKEL true',
      'konk konk: KONKURRENT true',
      'konk enkel: FORBIDDEN',
      'konk rival: FORBIDDEN',
      'konk-uten konk: FORBIDDEN',
      'konk-uten enkel: FORBIDDEN',
      'konk-uten rival: FORBIDDEN',
      'enkel konk: FORBIDDEN',
      'enkel enkel: ENKEL true',
      'enkel rival: FORBIDDEN',
      'enkel-uten konk: FORBIDDEN',
      'enkel-uten enkel: FORBIDDEN',
      'enkel-uten rival: FORBIDDEN',
    ]);
  });

  it('gives the public and observers the published result list but not an unpublished one', async () => {
    for (const who of ['anonymous', 'observer'] as Who[]) {
      const published = await clients.get(who)!.query(`{ resultList(year: 2024) { company { slug } } }`);
      expect(published.data!.resultList).toHaveLength(PARTICIPANTS.length);
      expect(errorCodes(await clients.get(who)!.query(`{ resultList(year: 2025) { rank } }`))).toEqual(['resultList:NOT_FOUND']);
      const editions = await clients.get(who)!.query(`{ editions { year } }`);
      expect(editions.data!.editions.map((e: { year: number }) => e.year)).toEqual([2024, 2023]);
    }
  });
});

describe('small cells of a competitor', () => {
  it('withholds every figure of a channel with fewer than 5 inquiries, and only there', async () => {
    const query = (channel: string) => `{ participation(year: 2024, companySlug: "rival") { report(channel: ${channel}) {
      total byChannel { channel total } areas { area score } cx { nps npsDistribution { count } } performances { code score answers options { count } }
      variation { total { count mean stdDev } } } } }`;
    const chat = await clients.get('konk')!.query(query('CHAT'));
    const codes = errorCodes(chat);
    expect(new Set(codes.map((c) => c.split(':')[1]))).toEqual(new Set(['TOO_FEW_INQUIRIES']));
    expect(codes).toContain('participation.report.total:TOO_FEW_INQUIRIES');
    expect(codes).toContain('participation.report.cx.npsDistribution.count:TOO_FEW_INQUIRIES');
    expect(codes).toContain('participation.report.variation.total.count:TOO_FEW_INQUIRIES');
    expect(chat.errors!.find((e) => e.path!.join('.') === 'participation.report.total')!.message).toBe(
      'Too few inquiries to show: The CHAT total of RIVAL, KSP 2024 is over fewer than 5 inquiries.',
    );
    const r = chat.data!.participation.report;
    expect(r.total).toBeNull();
    expect(r.byChannel).toEqual([{ channel: 'CHAT', total: null }]);
    expect(r.areas.map((a: { score: number | null }) => a.score)).toEqual([null, null, null, null]);
    expect(r.cx).toEqual({ nps: null, npsDistribution: { count: null } });
    expect(r.variation.total).toEqual({ count: null, mean: null, stdDev: null });
    for (const p of r.performances)
      expect([p.score, p.answers, ...p.options.map((o: { count: number | null }) => o.count)].every((v) => v === null)).toBe(true);
    // The same manager sees the cells that are large enough, and staff sees the small one.
    const phone = await clients.get('konk')!.query(query('PHONE'));
    expect(phone.errors).toBeUndefined();
    expect(phone.data!.participation.report.total).toBeCloseTo(100, 10);
    expect(phone.data!.participation.report.variation.total).toEqual({ count: 6, mean: 100, stdDev: 0 });
    const staff = await clients.get('staff')!.query(query('CHAT'));
    expect(staff.errors).toBeUndefined();
    expect(staff.data!.participation.report.total).toBeCloseTo(100, 10);
    expect(staff.data!.participation.report.variation.total).toEqual({ count: 2, mean: 100, stdDev: 0 });
  });
});

describe("the answers behind a competitor's CX measures", () => {
  it('are figures of the CX cell: withheld with it on a small channel, shown with it (as staff sees them) on a large one', async () => {
    const query = (channel: string) => `{ participation(year: 2024, companySlug: "rival") { report(channel: ${channel}) {
      cx { nps csatAnswers cesAnswers npsAnswers ves1Answers ves2Answers npsDistribution { count } byChannel { channel npsAnswers } } } } }`;
    const chat = await clients.get('konk')!.query(query('CHAT'));
    expect(errorCodes(chat)).toEqual(
      expect.arrayContaining([
        'participation.report.cx.npsAnswers:TOO_FEW_INQUIRIES',
        'participation.report.cx.csatAnswers:TOO_FEW_INQUIRIES',
      ]),
    );
    expect(chat.data!.participation.report.cx).toMatchObject({
      nps: null,
      csatAnswers: null,
      cesAnswers: null,
      npsAnswers: null,
      ves1Answers: null,
      ves2Answers: null,
    });
    const staffChat = await clients.get('staff')!.query(query('CHAT'));
    expect(staffChat.errors).toBeUndefined();
    expect(staffChat.data!.participation.report.cx.npsAnswers).toBeGreaterThan(0);
    const phone = await clients.get('konk')!.query(query('PHONE'));
    expect(phone.errors).toBeUndefined();
    const staffPhone = await clients.get('staff')!.query(query('PHONE'));
    expect(phone.data).toEqual(staffPhone.data);
    const cx = phone.data!.participation.report.cx;
    expect(cx.npsAnswers).toBe(cx.npsDistribution.count);
    expect(cx.npsAnswers).toBeGreaterThanOrEqual(5);
  });
});

describe('competitor responses cannot be reached through any nested path', () => {
  /** Each way into what belongs to the own report, with the path of the error it must give. */
  const COMPETITOR_DETAIL: Record<string, string> = {
    'inquiries { id }': 'inquiries',
    'areas { inquiries { id } }': 'areas.0.inquiries',
    'areas { classBenchmark { mean } }': 'areas.0.classBenchmark',
    'background { observerGenders { gender } }': 'background',
    'history { year }': 'history',
    'competitors { company { slug } }': 'competitors',
    'responses { totalCount }': 'responses',
    'responses { edges { node { comments { agent } } } }': 'responses',
    'responses(search: "mottak") { edges { node { highlights { reception } } } }': 'responses',
  };

  it('refuses them on the competitor report itself', async () => {
    for (const [detail, path] of Object.entries(COMPETITOR_DETAIL)) {
      const r = await clients.get('konk')!.query(`{ participation(year: 2024, companySlug: "rival") { report { total ${detail} } } }`);
      expect(errorCodes(r), detail).toEqual([`participation.report.${path}:FORBIDDEN`]);
      expect(r.data!.participation.report).toBeNull();
    }
  });

  it('refuses them through the own report → competitors → report', async () => {
    for (const [detail, path] of Object.entries(COMPETITOR_DETAIL)) {
      const r = await clients
        .get('konk')!
        .query(
          `{ participation(year: 2024, companySlug: "konk") { report { total competitors { company { slug } report { total ${detail} } } } } }`,
        );
      expect(errorCodes(r), detail).toEqual([`participation.report.competitors.0.report.${path}:FORBIDDEN`]);
      const own = r.data!.participation.report;
      expect(own.total).toBeCloseTo(100, 10);
      expect(own.competitors).toEqual([{ company: { slug: 'rival' }, report: null }]);
    }
    // The aggregates come through this path.
    const ok = await clients
      .get('konk')!
      .query(
        `{ participation(year: 2024, companySlug: "konk") { report { competitors { company { slug } report { total areas { area score } } } } } }`,
      );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.participation.report.competitors[0].report.total).toBeCloseTo(100, 10);
  });

  it('refuses the own history when the competitor is reached from there, and other companies through the class benchmark', async () => {
    const viaHistory = await clients
      .get('konk')!
      .query(
        `{ participation(year: 2024, companySlug: "konk") { report { history { year participation { report { competitors { company { slug } report { inquiries { id } } } } } } } } }`,
      );
    expect(errorCodes(viaHistory)).toEqual([
      'participation.report.history.0.participation.report.competitors.0.report.inquiries:FORBIDDEN',
    ]);
    // The class benchmark names other companies with scores, but gives no way into their reports.
    const benchmark = await clients
      .get('konk')!
      .query(`{ participation(year: 2024, companySlug: "konk") { report { classBenchmark { company { slug } total } } } }`);
    expect(benchmark.data!.participation.report.classBenchmark.map((m: { company: { slug: string } }) => m.company.slug).sort()).toEqual([
      'enkel',
      'enkel-uten',
      'konk',
      'konk-uten',
      'nabo',
    ]);
  });

  it('refuses a competitor report to a konkurrent participant without its own report, and to an enkel one', async () => {
    for (const who of ['konk-uten', 'enkel'] as Who[]) {
      const r = await clients.get(who)!.query(`{ participation(year: 2024, companySlug: "rival") { report { total } } }`);
      expect(errorCodes(r)).toEqual(['participation.report:FORBIDDEN']);
    }
  });
});
