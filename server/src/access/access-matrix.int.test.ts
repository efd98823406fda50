import { beforeAll, describe, expect, it } from 'vitest';
import type { ParticipantRow, ResponseRow } from '@ksp/shared';
import { useTestDatabase } from '../../test/db.js';
import { ApiClient, errorCodes, useApi } from '../../test/api.js';
import { fixtureBundle, perfectResponse } from '../../test/factories.js';
import { storeEdition } from '../modules/edition/edition-bundle.js';
import { addUser } from '../modules/user/user.service.js';

/**
 * The access matrix of issue 4: every role × tier × report bought or not × target, over
 * every report field. Companies: four managers' own companies in class "Bank" (konkurrent
 * with and without the report, enkel with and without), the competitor both konkurrent
 * participants chose ("Mobil"), another Bank company, and one in "Forsikring". 2025 is
 * unpublished (REVIEW).
 */
const db = useTestDatabase();
const api = useApi(db);

const P = (slug: string, className: string, tier: ParticipantRow['tier'], reportPurchased: boolean, competitors: string[] = []): ParticipantRow =>
  ({ companySlug: slug, companyName: slug.toUpperCase(), className, tier, channels: ['PHONE', 'EMAIL'], competitors, reportPurchased });
const PARTICIPANTS = [
  P('konk', 'Bank', 'KONKURRENT', true, ['rival']),
  P('konk-uten', 'Bank', 'KONKURRENT', false, ['rival']),
  P('enkel', 'Bank', 'ENKEL', true),
  P('enkel-uten', 'Bank', 'ENKEL', false),
  P('rival', 'Mobil', 'ENKEL', true),
  P('nabo', 'Bank', 'ENKEL', true),
  P('fjern', 'Forsikring', 'ENKEL', true),
];
const responsesFor = (year: number): ResponseRow[] => PARTICIPANTS.flatMap((p) => [
  perfectResponse(p.companySlug, 'PHONE', { inquiryId: `${year}-${p.companySlug}-1`, contactedAt: `${year}-09-10T10:00:00+02:00` }),
  perfectResponse(p.companySlug, 'EMAIL', { inquiryId: `${year}-${p.companySlug}-2`, contactedAt: `${year}-09-11T10:00:00+02:00` }),
]);

const PASSWORD = 'secret-pass';
type Who = 'anonymous' | 'staff' | 'observer' | 'konk' | 'konk-uten' | 'enkel' | 'enkel-uten';
const clients = new Map<Who, ApiClient>();

beforeAll(async () => {
  await db.orm.em.fork().transactional(async (em) => {
    await storeEdition(em, fixtureBundle({ year: 2023, participants: PARTICIPANTS, responses: responsesFor(2023) }), { status: 'PUBLISHED' });
    await storeEdition(em, fixtureBundle({ year: 2024, participants: PARTICIPANTS, responses: responsesFor(2024) }), { status: 'PUBLISHED' });
    await storeEdition(em, fixtureBundle({ year: 2025, participants: PARTICIPANTS, responses: responsesFor(2025) }), { status: 'REVIEW' });
  });
  await addUser(db.orm.em.fork(), { email: 'staff@t.no', password: PASSWORD, role: 'STAFF' });
  await addUser(db.orm.em.fork(), { email: 'observer@t.no', password: PASSWORD, role: 'OBSERVER', observerId: 'OBS-1' });
  for (const m of ['konk', 'konk-uten', 'enkel', 'enkel-uten'] as const) {
    await addUser(db.orm.em.fork(), { email: `${m}@t.no`, password: PASSWORD, role: 'MANAGER', companySlug: m });
  }
  for (const who of ['anonymous', 'staff', 'observer', 'konk', 'konk-uten', 'enkel', 'enkel-uten'] as Who[]) {
    const c = api.client();
    if (who !== 'anonymous') await c.login(`${who}@t.no`, PASSWORD);
    clients.set(who, c);
  }
});

/** Aggregates: what a konkurrent manager may see of a chosen competitor. */
const AGGREGATE_FIELDS = {
  total: 'total',
  lastYearTotal: 'lastYearTotal',
  byChannel: 'byChannel { channel total }',
  areas: 'areas { area score byChannel { channel score } }',
  categories: 'categories { category score }',
  cx: 'cx { csatMean csatTop2Share cesMean nps ves1Mean ves2Mean npsDistribution { promoters } byChannel { channel nps } }',
  classBenchmark: 'classBenchmark { company { slug } total }',
  classMean: 'classMean',
  performances: 'performances { code score options { code share } byChannel { channel score } }',
  variation: 'variation { total { median stdDev } areas { area spread { q1 q3 } } widestPerformances { code stdDev } }',
} as const;
/** The own report only: single inquiries, observer data, class detail, history, the picks. */
const OWN_FIELDS = {
  inquiries: 'inquiries { id score }',
  areaInquiries: 'areas { inquiries { id score } }',
  areaBenchmark: 'areas { classBenchmark { mean members { company { slug } score } } }',
  categoryBenchmark: 'categories { classBenchmark { mean } }',
  cxClassMean: 'cx { classMean { nps } }',
  background: 'background { channels observerGenders { gender count } observerAgeBands { band count } }',
  competitors: 'competitors { company { slug } }',
  history: 'history { year total }',
  responses: 'responses(first: 5) { totalCount edges { node { id comments { agent } observer { ageBand } answers { questionCode optionLabel points } } } }',
  responseSearch: 'responses(search: "navnet") { totalCount }',
} as const;
type Field = keyof typeof AGGREGATE_FIELDS | keyof typeof OWN_FIELDS;
const ALL_FIELDS = { ...AGGREGATE_FIELDS, ...OWN_FIELDS } as Record<Field, string>;

type Outcome = 'ALLOWED' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'NOT_FOUND';

async function probe(who: Who, year: number, slug: string, field: Field): Promise<Outcome> {
  const result = await clients.get(who)!.query(`{ participation(year: ${year}, companySlug: "${slug}") { company { slug } report { ${ALL_FIELDS[field]} } } }`);
  const codes = errorCodes(result);
  if (codes.length === 0) {
    expect(result.data!.participation.report, `${who} ${slug} ${field}`).not.toBeNull();
    return 'ALLOWED';
  }
  if (codes.every((c) => c.endsWith(':NOT_FOUND'))) {
    expect(result.data?.participation ?? null).toBeNull();
    return 'NOT_FOUND';
  }
  const denied = codes.every((c) => c.endsWith(':FORBIDDEN')) ? 'FORBIDDEN' : codes.every((c) => c.endsWith(':UNAUTHENTICATED')) ? 'UNAUTHENTICATED' : undefined;
  expect(denied, `${who} ${slug} ${field}: ${codes.join(', ')}`).toBeDefined();
  // A denied field gives no data: the report is null, nothing of it leaks.
  expect(result.data!.participation.report, `${who} ${slug} ${field}`).toBeNull();
  return denied!;
}

type Target = 'own' | 'competitor' | 'same class' | 'other class' | 'unpublished';
const TARGETS: Record<Target, (who: Who) => [number, string]> = {
  own: (who) => [2024, ['konk', 'konk-uten', 'enkel', 'enkel-uten'].includes(who) ? who : 'konk'],
  competitor: () => [2024, 'rival'],
  'same class': () => [2024, 'nabo'],
  'other class': () => [2024, 'fjern'],
  unpublished: (who) => [2025, ['konk', 'konk-uten', 'enkel', 'enkel-uten'].includes(who) ? who : 'konk'],
};

/** The rules of domain.md, written as a table: what each viewer gets for each target and field. */
function expected(who: Who, target: Target, field: Field): Outcome {
  if (who === 'staff') return 'ALLOWED';
  if (target === 'unpublished') return 'NOT_FOUND';
  // No session where one is needed: sign in first.
  if (who === 'anonymous') return 'UNAUTHENTICATED';
  if (who === 'observer') return 'FORBIDDEN';
  const bought = who === 'konk' || who === 'enkel';
  if (target === 'own') return bought ? 'ALLOWED' : 'FORBIDDEN';
  if (target === 'competitor' && who === 'konk') return field in AGGREGATE_FIELDS ? 'ALLOWED' : 'FORBIDDEN';
  return 'FORBIDDEN';
}

describe('access matrix: role × tier × report bought × target × report field', () => {
  const viewers: Who[] = ['anonymous', 'observer', 'staff', 'konk', 'konk-uten', 'enkel', 'enkel-uten'];
  for (const who of viewers) {
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
      const r = await clients.get('konk')!.query(
        `{ participation(year: 2024, companySlug: "konk") { report { total competitors { company { slug } report { total ${detail} } } } } }`);
      expect(errorCodes(r), detail).toEqual([`participation.report.competitors.0.report.${path}:FORBIDDEN`]);
      const own = r.data!.participation.report;
      expect(own.total).toBeCloseTo(100, 10);
      expect(own.competitors).toEqual([{ company: { slug: 'rival' }, report: null }]);
    }
    // The aggregates come through this path.
    const ok = await clients.get('konk')!.query(
      `{ participation(year: 2024, companySlug: "konk") { report { competitors { company { slug } report { total areas { area score } } } } } }`);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.participation.report.competitors[0].report.total).toBeCloseTo(100, 10);
  });

  it('refuses the own history when the competitor is reached from there, and other companies through the class benchmark', async () => {
    const viaHistory = await clients.get('konk')!.query(
      `{ participation(year: 2024, companySlug: "konk") { report { history { year participation { report { competitors { company { slug } report { inquiries { id } } } } } } } } }`);
    expect(errorCodes(viaHistory)).toEqual(['participation.report.history.0.participation.report.competitors.0.report.inquiries:FORBIDDEN']);
    // The class benchmark names other companies with scores, but gives no way into their reports.
    const benchmark = await clients.get('konk')!.query(`{ participation(year: 2024, companySlug: "konk") { report { classBenchmark { company { slug } total } } } }`);
    expect(benchmark.data!.participation.report.classBenchmark.map((m: { company: { slug: string } }) => m.company.slug).sort())
      .toEqual(['enkel', 'enkel-uten', 'konk', 'konk-uten', 'nabo']);
  });

  it('refuses a competitor report to a konkurrent participant without its own report, and to an enkel one', async () => {
    for (const who of ['konk-uten', 'enkel'] as Who[]) {
      const r = await clients.get(who)!.query(`{ participation(year: 2024, companySlug: "rival") { report { total } } }`);
      expect(errorCodes(r)).toEqual(['participation.report:FORBIDDEN']);
    }
  });
});
