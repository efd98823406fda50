import { beforeAll, describe, expect, it } from 'vitest';
import type { ParticipantRow, ResponseRow } from '@ksp/shared';
import { useTestDatabase } from '@server/test/db.js';
import { ApiClient, errorCodes, useApi } from '@server/test/api.js';
import { fixtures } from '@server/test/factories.js';
import { useViewers, type TestUser } from '@server/test/viewers.js';
import { storeEdition } from '../edition/edition-bundle.js';

/**
 * `me` and `editionParticipants` over real HTTP, for each role: what the web is told it may
 * offer. Two published editions (2023, 2024) and one in review (2025), the same companies in each.
 */
const db = useTestDatabase();
const api = useApi(db);
const viewers = useViewers(db, api);
const { fixtureBundle, perfectResponse } = fixtures(); // one numbering across the three editions

const P = (
  slug: string,
  className: string,
  tier: ParticipantRow['tier'],
  reportPurchased: boolean,
  competitors: string[] = [],
): ParticipantRow => ({
  companySlug: slug,
  companyName: slug.toUpperCase(),
  className,
  tier,
  channels: ['PHONE', 'EMAIL'],
  competitors,
  reportPurchased,
});
const PARTICIPANTS = [
  P('konk', 'Bank', 'KONKURRENT', true, ['rival', 'nabo']),
  P('konk-uten', 'Bank', 'KONKURRENT', false, ['rival']),
  P('enkel', 'Bank', 'ENKEL', true),
  P('rival', 'Mobil', 'ENKEL', true),
  P('nabo', 'Bank', 'ENKEL', false),
];
const responsesFor = (year: number): ResponseRow[] =>
  PARTICIPANTS.map((p) =>
    perfectResponse(p.companySlug, 'PHONE', { inquiryId: `${year}-${p.companySlug}-1`, contactedAt: `${year}-09-10T10:00:00+02:00` }),
  );

const PASSWORD = 'secret-pass';
type Who = 'anonymous' | 'staff' | 'observer' | 'konk' | 'konk-uten' | 'enkel';
const clients = new Map<Who, ApiClient>();

beforeAll(async () => {
  await db.orm.em.fork().transactional(async (em) => {
    await storeEdition(em, fixtureBundle({ year: 2023, participants: PARTICIPANTS, responses: responsesFor(2023) }), {
      status: 'PUBLISHED',
    });
    await storeEdition(em, fixtureBundle({ year: 2024, participants: PARTICIPANTS, responses: responsesFor(2024) }), {
      status: 'PUBLISHED',
    });
    await storeEdition(em, fixtureBundle({ year: 2025, participants: PARTICIPANTS, responses: responsesFor(2025) }), { status: 'REVIEW' });
  });
  // E-mails as `${who}@t.no`: `me` and `login` give them back.
  const users = new Map<Who, TestUser>([
    ['staff', await viewers.createUser({ role: 'STAFF', email: 'staff@t.no', password: PASSWORD })],
    ['observer', await viewers.createUser({ role: 'OBSERVER', observerId: 'OBS-1', email: 'observer@t.no', password: PASSWORD })],
  ]);
  for (const m of ['konk', 'konk-uten', 'enkel'] as const) {
    users.set(m, await viewers.createUser({ role: 'MANAGER', companySlug: m, email: `${m}@t.no`, password: PASSWORD }));
  }
  for (const who of ['anonymous', 'staff', 'observer', 'konk', 'konk-uten', 'enkel'] as Who[]) {
    clients.set(who, who === 'anonymous' ? await viewers.anonymous() : await viewers.as(users.get(who)!, who));
  }
});

const ME = `{ me { role email company { slug name } editions { year status }
  participations { year editionName editionStatus className tier reportPurchased competitors { slug name } } } }`;

async function me(who: Who) {
  const result = await clients.get(who)!.query(ME);
  expect(result.errors, who).toBeUndefined();
  return result.data!.me;
}

describe('me', () => {
  it('is null without a session', async () => {
    expect(await me('anonymous')).toBeNull();
  });

  it('tells staff every edition with its status, and no company', async () => {
    expect(await me('staff')).toEqual({
      role: 'STAFF',
      email: 'staff@t.no',
      company: null,
      participations: [],
      editions: [
        { year: 2025, status: 'REVIEW' },
        { year: 2024, status: 'PUBLISHED' },
        { year: 2023, status: 'PUBLISHED' },
      ],
    });
  });

  it('tells a konkurrent manager with the report its company, tier, purchase and chosen competitors per published edition', async () => {
    const competitors = [
      { slug: 'rival', name: 'RIVAL' },
      { slug: 'nabo', name: 'NABO' },
    ];
    expect(await me('konk')).toEqual({
      role: 'MANAGER',
      email: 'konk@t.no',
      company: { slug: 'konk', name: 'KONK' },
      editions: [
        { year: 2024, status: 'PUBLISHED' },
        { year: 2023, status: 'PUBLISHED' },
      ],
      participations: [
        {
          year: 2024,
          editionName: 'KSP 2024',
          editionStatus: 'PUBLISHED',
          className: 'Bank',
          tier: 'KONKURRENT',
          reportPurchased: true,
          competitors,
        },
        {
          year: 2023,
          editionName: 'KSP 2023',
          editionStatus: 'PUBLISHED',
          className: 'Bank',
          tier: 'KONKURRENT',
          reportPurchased: true,
          competitors,
        },
      ],
    });
  });

  it('offers no competitors without the own report, nor in the enkel tier', async () => {
    const uten = await me('konk-uten');
    expect(
      uten.participations.map((p: { year: number; reportPurchased: boolean; competitors: unknown[] }) => [
        p.year,
        p.reportPurchased,
        p.competitors,
      ]),
    ).toEqual([
      [2024, false, []],
      [2023, false, []],
    ]);
    const enkel = await me('enkel');
    expect(enkel.participations.map((p: { tier: string; competitors: unknown[] }) => [p.tier, p.competitors])).toEqual([
      ['ENKEL', []],
      ['ENKEL', []],
    ]);
  });

  it('tells an observer its role and nothing to open', async () => {
    expect(await me('observer')).toMatchObject({ role: 'OBSERVER', company: null, participations: [] });
  });

  it('answers the same right after login, before the cookie is sent back', async () => {
    const fresh = api.client();
    const result = await fresh.query(
      `mutation { login(email: "konk@t.no", password: "${PASSWORD}") { role email company { slug } participations { year } } }`,
    );
    expect(result.data!.login).toEqual({
      role: 'MANAGER',
      email: 'konk@t.no',
      company: { slug: 'konk' },
      participations: [{ year: 2024 }, { year: 2023 }],
    });
  });
});

describe('editionParticipants (staff only)', () => {
  const QUERY = (year: number) =>
    `{ editionParticipants(year: ${year}) { company { slug } className tier reportPurchased competitors { slug } } }`;

  it('lists every participant of any edition for staff, unpublished ones included, by class and name', async () => {
    const result = await clients.get('staff')!.query(QUERY(2025));
    expect(result.errors).toBeUndefined();
    expect(result.data!.editionParticipants).toEqual([
      { company: { slug: 'enkel' }, className: 'Bank', tier: 'ENKEL', reportPurchased: true, competitors: [] },
      {
        company: { slug: 'konk' },
        className: 'Bank',
        tier: 'KONKURRENT',
        reportPurchased: true,
        competitors: [{ slug: 'rival' }, { slug: 'nabo' }],
      },
      { company: { slug: 'konk-uten' }, className: 'Bank', tier: 'KONKURRENT', reportPurchased: false, competitors: [{ slug: 'rival' }] },
      { company: { slug: 'nabo' }, className: 'Bank', tier: 'ENKEL', reportPurchased: false, competitors: [] },
      { company: { slug: 'rival' }, className: 'Mobil', tier: 'ENKEL', reportPurchased: true, competitors: [] },
    ]);
  });

  it("gives each participant's total, the figure of its report and the result list", async () => {
    const result = await clients
      .get('staff')!
      .query(`{ editionParticipants(year: 2024) { company { slug } total } resultList(year: 2024) { company { slug } total } }`);
    expect(result.errors).toBeUndefined();
    const data = result.data as {
      editionParticipants: { company: { slug: string }; total: number | null }[];
      resultList: { company: { slug: string }; total: number }[];
    };
    // One perfect phone response each: 100 for everyone, and the same as the public list.
    expect(data.editionParticipants.map((p) => [p.company.slug, p.total])).toEqual([
      ['enkel', 100],
      ['konk', 100],
      ['konk-uten', 100],
      ['nabo', 100],
      ['rival', 100],
    ]);
    const listed = new Map(data.resultList.map((r) => [r.company.slug, r.total]));
    for (const p of data.editionParticipants) expect(p.total).toBe(listed.get(p.company.slug));
  });

  it('gives NOT_FOUND for an unknown year', async () => {
    expect(errorCodes(await clients.get('staff')!.query(QUERY(1999)))).toEqual(['editionParticipants:NOT_FOUND']);
  });

  it.each([
    ['anonymous', 'UNAUTHENTICATED'],
    ['observer', 'FORBIDDEN'],
    ['konk', 'FORBIDDEN'],
    ['enkel', 'FORBIDDEN'],
  ] as const)('refuses %s with %s and sends no data', async (who, code) => {
    const result = await clients.get(who)!.query(QUERY(2024));
    expect(errorCodes(result)).toEqual([`editionParticipants:${code}`]);
    expect(result.data ?? null).toBeNull();
  });
});
