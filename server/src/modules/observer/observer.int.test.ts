import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@server/test/db.js';
import { errorCodes, useApi } from '@server/test/api.js';
import { fixtures } from '@server/test/factories.js';
import { useViewers } from '@server/test/viewers.js';
import { storeEdition } from '../edition/edition-bundle.js';
import { importObserverPool } from './observer-import.js';
import { observerProfiles } from './observer.read-model.js';

/**
 * A hand-built pool, seen for 2025 (fieldwork weeks 10–12, quality threshold 70, participants
 * Alfa Bank, Beta Sparebank, Gamma Forsikring):
 * - OBS-A Kari Ærfugl, born 1990 (35: 30–39), quality 85, away 2025-W11 (and 2024-W10, another
 *   year), customer of beta and ny-bank (no company yet); made an inquiry of alfa in 2024;
 * - OBS-B Ola Nordmann, born 2000 (25: 18–29), Tromsø, quality 60 (fails), customer of and
 *   contacted gamma; assigned to alfa and beta in 2025;
 * - OBS-C Café Olsen, born 1960 (65: 60+), Bodø, quality 70 (passes: at the threshold), away
 *   2025-W10 and 2025-W12;
 * - OBS-X, in no pool file: known from its 2024 inquiry of gamma (born 1985: 40–49), no name,
 *   region or quality score.
 */
const db = useTestDatabase();
const api = useApi(db);
const { asStaff, asManager, asObserver, anonymous } = useViewers(db, api);
const { fixtureBundle, perfectResponse } = fixtures();

beforeAll(async () => {
  await db.orm.em.fork().transactional(async (em) => {
    await storeEdition(
      em,
      fixtureBundle({
        responses: [
          perfectResponse('alfa', 'PHONE', { observerId: 'OBS-A', observerBirthYear: 1990 }),
          perfectResponse('gamma', 'EMAIL', { observerId: 'OBS-X', observerGender: 'MALE', observerBirthYear: 1985 }),
        ],
      }),
      { status: 'PUBLISHED' },
    );
    await storeEdition(em, fixtureBundle({ year: 2025, responses: [] }), { status: 'PLANNING', fieldworkWeeks: [10, 11, 12] });
    await importObserverPool(em, [
      {
        observerId: 'OBS-A',
        name: 'Kari Ærfugl',
        gender: 'FEMALE',
        birthYear: 1990,
        region: 'Oslo',
        qualityScore: 85,
        unavailableWeeks: ['2024-W10', '2025-W11'],
        customerOf: ['beta', 'ny-bank'],
        contactedBefore: [],
      },
      {
        observerId: 'OBS-B',
        name: 'Ola Nordmann',
        gender: 'MALE',
        birthYear: 2000,
        region: 'Tromsø',
        qualityScore: 60,
        unavailableWeeks: [],
        customerOf: ['gamma'],
        contactedBefore: ['gamma'],
      },
      {
        observerId: 'OBS-C',
        name: 'Café Olsen',
        gender: 'OTHER',
        birthYear: 1960,
        region: 'Bodø',
        qualityScore: 70,
        unavailableWeeks: ['2025-W10', '2025-W12'],
        customerOf: [],
        contactedBefore: [],
      },
    ]);
  });
  await db.sql.query(
    `insert into assignment (participation_id, observer_id, channel, week)
     select p.id, o.id, 'PHONE', 10 from participation p join edition e on e.id = p.edition_id join company c on c.id = p.company_id,
       observer o where e.year = 2025 and c.slug in ('alfa', 'beta') and o.external_id = 'OBS-B'`,
  );
});

const POOL = `query($year: Int!, $search: String, $passesQuality: Boolean, $availableInWeek: Int, $first: Int, $offset: Int) {
  observers(year: $year, search: $search, passesQuality: $passesQuality, availableInWeek: $availableInWeek, first: $first, offset: $offset) {
    total fieldworkWeeks minQualityScore
    items { id name gender birthYear ageBand region qualityScore passesQuality availability { week available }
            conflicts { company { slug name } reasons } assignments }
    summary { observers passingQuality weeks { week available availablePassing } } } }`;

type Pool = {
  observers: {
    total: number;
    items: { id: string; [k: string]: unknown }[];
    summary: unknown;
    fieldworkWeeks: number[];
    minQualityScore: number;
  };
};

async function pool(variables: Record<string, unknown>) {
  const staff = await asStaff();
  const { data, errors } = await staff.query<Pool>(POOL, { year: 2025, ...variables });
  expect(errors).toBeUndefined();
  return data!.observers;
}

const available = (...weeks: boolean[]) => weeks.map((a, i) => ({ week: 10 + i, available: a }));

describe('the observer pool (staff)', () => {
  it('lists every observer with age band, quality, availability, conflicts and assignments for the edition', async () => {
    const result = await pool({});
    expect(result.total).toBe(4);
    expect(result.fieldworkWeeks).toEqual([10, 11, 12]);
    expect(result.minQualityScore).toBe(70);
    expect(result.items).toEqual([
      {
        id: 'OBS-A',
        name: 'Kari Ærfugl',
        gender: 'FEMALE',
        birthYear: 1990,
        ageBand: '30–39',
        region: 'Oslo',
        qualityScore: 85,
        passesQuality: true,
        availability: available(true, false, true),
        conflicts: [
          { company: { slug: 'alfa', name: 'Alfa Bank' }, reasons: ['CONTACTED_BEFORE'] },
          { company: { slug: 'beta', name: 'Beta Sparebank' }, reasons: ['CUSTOMER'] },
        ],
        assignments: 0,
      },
      {
        id: 'OBS-B',
        name: 'Ola Nordmann',
        gender: 'MALE',
        birthYear: 2000,
        ageBand: '18–29',
        region: 'Tromsø',
        qualityScore: 60,
        passesQuality: false,
        availability: available(true, true, true),
        conflicts: [{ company: { slug: 'gamma', name: 'Gamma Forsikring' }, reasons: ['CUSTOMER', 'CONTACTED_BEFORE'] }],
        assignments: 2,
      },
      {
        id: 'OBS-C',
        name: 'Café Olsen',
        gender: 'OTHER',
        birthYear: 1960,
        ageBand: '60+',
        region: 'Bodø',
        qualityScore: 70,
        passesQuality: true,
        availability: available(false, true, false),
        conflicts: [],
        assignments: 0,
      },
      {
        id: 'OBS-X',
        name: null,
        gender: 'MALE',
        birthYear: 1985,
        ageBand: '40–49',
        region: null,
        qualityScore: null,
        passesQuality: false,
        availability: available(true, true, true),
        conflicts: [{ company: { slug: 'gamma', name: 'Gamma Forsikring' }, reasons: ['CONTACTED_BEFORE'] }],
        assignments: 0,
      },
    ]);
    // All four; A and C pass; week 10: A, B, X (of them A passes); week 11: B, C, X (C); week 12: A, B, X (A).
    expect(result.summary).toEqual({
      observers: 4,
      passingQuality: 2,
      weeks: [
        { week: 10, available: 3, availablePassing: 1 },
        { week: 11, available: 3, availablePassing: 1 },
        { week: 12, available: 3, availablePassing: 1 },
      ],
    });
  });

  it('searches id, name and region with accents and æøå folded', async () => {
    const ids = async (search: string) => (await pool({ search })).items.map((o) => o.id);
    expect(await ids('aerfugl')).toEqual(['OBS-A']);
    expect(await ids('ÆRFUGL')).toEqual(['OBS-A']);
    expect(await ids('cafe')).toEqual(['OBS-C']);
    expect(await ids('tromso')).toEqual(['OBS-B']);
    expect(await ids('Bodø')).toEqual(['OBS-C']);
    expect(await ids('obs-x')).toEqual(['OBS-X']);
    expect(await ids('nordmann')).toEqual(['OBS-B']);
    expect(await ids('  ')).toEqual(['OBS-A', 'OBS-B', 'OBS-C', 'OBS-X']);
    expect(await ids('%')).toEqual([]);
  });

  it('filters by quality and by availability in a week, and pages with the total of all pages', async () => {
    const ids = async (v: Record<string, unknown>) => (await pool(v)).items.map((o) => o.id);
    expect(await ids({ passesQuality: true })).toEqual(['OBS-A', 'OBS-C']);
    expect(await ids({ passesQuality: false })).toEqual(['OBS-B', 'OBS-X']);
    expect(await ids({ availableInWeek: 11 })).toEqual(['OBS-B', 'OBS-C', 'OBS-X']);
    expect(await ids({ availableInWeek: 10, passesQuality: true })).toEqual(['OBS-A']);
    const page = await pool({ first: 2, offset: 2 });
    expect([page.total, page.items.map((o) => o.id)]).toEqual([4, ['OBS-C', 'OBS-X']]);
    const past = await pool({ first: 2, offset: 10 });
    expect([past.total, past.items]).toEqual([4, []]);
  });

  it('refuses bad arguments and an unknown year', async () => {
    const staff = await asStaff();
    expect(errorCodes(await staff.query(POOL, { year: 2025, first: 101 }))).toEqual(['observers:BAD_USER_INPUT']);
    expect(errorCodes(await staff.query(POOL, { year: 2025, offset: -1 }))).toEqual(['observers:BAD_USER_INPUT']);
    expect(errorCodes(await staff.query(POOL, { year: 2025, search: 'x'.repeat(201) }))).toEqual(['observers:BAD_USER_INPUT']);
    expect(errorCodes(await staff.query(POOL, { year: 2031 }))).toEqual(['observers:NOT_FOUND']);
  });

  it('is for staff only', async () => {
    for (const [viewer, code] of [
      [await asManager('alfa'), 'FORBIDDEN'],
      [await asObserver('OBS-A'), 'FORBIDDEN'],
      [await anonymous(), 'UNAUTHENTICATED'],
    ] as const) {
      const result = await viewer.query(POOL, { year: 2025 });
      expect(errorCodes(result)).toEqual([`observers:${code}`]);
      expect(result.data?.observers ?? null).toBeNull();
    }
  });
});

describe('observerProfiles', () => {
  it('gives the planner the pool of an edition year: slugs from the file and the stored contacts, weeks of that year', async () => {
    expect(await observerProfiles(db.sql, 2025)).toEqual([
      {
        id: 'OBS-A',
        gender: 'FEMALE',
        birthYear: 1990,
        region: 'Oslo',
        qualityScore: 85,
        customerOf: ['beta', 'ny-bank'],
        contactedBefore: ['alfa'],
        unavailableWeeks: [11],
      },
      {
        id: 'OBS-B',
        gender: 'MALE',
        birthYear: 2000,
        region: 'Tromsø',
        qualityScore: 60,
        customerOf: ['gamma'],
        contactedBefore: ['gamma'],
        unavailableWeeks: [],
      },
      {
        id: 'OBS-C',
        gender: 'OTHER',
        birthYear: 1960,
        region: 'Bodø',
        qualityScore: 70,
        customerOf: [],
        contactedBefore: [],
        unavailableWeeks: [10, 12],
      },
    ]);
    expect((await observerProfiles(db.sql, 2024)).map((o) => [o.id, o.unavailableWeeks])).toEqual([
      ['OBS-A', [10]],
      ['OBS-B', []],
      ['OBS-C', []],
    ]);
  });
});
