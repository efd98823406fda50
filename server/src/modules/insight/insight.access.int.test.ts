import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '@server/test/db.js';
import { errorCodes, useApi } from '@server/test/api.js';
import { useAccessFixture, type Who } from '@server/test/access-fixture.js';

/**
 * Who gets the key drivers and the improve-first list (domain.md "Access in detail", contract.md
 * "Uncertainty and drivers"): an edition's drivers go to staff and to managers whose report of
 * that edition was bought; improve-first is own-report only, so a chosen competitor's reader gets
 * FORBIDDEN. The fixture (test/access-fixture.ts): 2024 published, konk and enkel bought it,
 * konk-uten and enkel-uten did not; in 2023 enkel did not buy; 2025 is in REVIEW.
 */
const db = useTestDatabase();
const api = useApi(db);
const clients = useAccessFixture(db, api);

const drivers = (year: number) =>
  `{ keyDrivers(year: ${year}, outcome: NPS, channel: PHONE) { inquiries rSquared drivers { questionCode weight low high } } }`;

describe('keyDrivers', () => {
  it.each<[Who, string[]]>([
    ['staff', []],
    ['konk', []],
    ['enkel', []],
    ['konk-uten', ['keyDrivers:FORBIDDEN']],
    ['enkel-uten', ['keyDrivers:FORBIDDEN']],
    ['observer', ['keyDrivers:FORBIDDEN']],
    ['anonymous', ['keyDrivers:UNAUTHENTICATED']],
  ])('2024 as %s: %j', async (who, errors) => {
    const result = await clients.get(who)!.query(drivers(2024));
    expect(errorCodes(result)).toEqual(errors);
    if (errors.length === 0) {
      // 7 companies × 6 PHONE inquiries, every one answered with the best options: no predictor
      // varies, so there is no analysis to show (domain.md), only the count.
      expect(result.data!.keyDrivers).toEqual({ inquiries: 42, rSquared: null, drivers: [] });
    } else {
      expect(result.data?.keyDrivers ?? null).toBeNull();
    }
  });

  it('follows the edition: enkel did not buy 2023, and 2025 is not published', async () => {
    expect(errorCodes(await clients.get('enkel')!.query(drivers(2023)))).toEqual(['keyDrivers:FORBIDDEN']);
    expect(errorCodes(await clients.get('konk')!.query(drivers(2023)))).toEqual([]);
    expect(errorCodes(await clients.get('enkel')!.query(drivers(2025)))).toEqual(['keyDrivers:FORBIDDEN']);
    expect(errorCodes(await clients.get('staff')!.query(drivers(2025)))).toEqual([]);
  });

  it('says NOT_FOUND for an edition that does not exist', async () => {
    expect(errorCodes(await clients.get('staff')!.query(drivers(1999)))).toEqual(['keyDrivers:NOT_FOUND']);
  });
});

describe('Report.improveFirst', () => {
  const improve = (slug: string) =>
    `{ participation(year: 2024, companySlug: "${slug}") { report { improveFirst(outcome: CSAT) { questionCode priority } } } }`;

  it('is the own report’s: its manager and staff get it (empty: nobody is below the class)', async () => {
    for (const who of ['enkel', 'staff'] as const) {
      const result = await clients.get(who)!.query(improve('enkel'));
      expect(errorCodes(result), who).toEqual([]);
      expect(result.data!.participation.report.improveFirst).toEqual([]);
    }
  });

  it('is refused to a chosen competitor’s reader, to a manager without the report and to another company', async () => {
    // A competitor's report opens (aggregates), and the field is refused; the others' reports do not open at all.
    expect(errorCodes(await clients.get('konk')!.query(improve('rival')))).toEqual(['participation.report.improveFirst:FORBIDDEN']);
    for (const [who, slug] of [
      ['enkel-uten', 'enkel-uten'],
      ['enkel', 'nabo'],
    ] as const) {
      const result = await clients.get(who)!.query(improve(slug));
      expect(errorCodes(result)[0], `${who} on ${slug}`).toMatch(/^participation\.report(\.improveFirst)?:FORBIDDEN$/);
      expect(JSON.stringify(result.data ?? null)).not.toContain('questionCode');
    }
  });
});
