import { beforeAll } from 'vitest';
import type { ParticipantRow, ResponseRow } from '@ksp/shared';
import type { TestDatabase } from './db.js';
import type { ApiClient, useApi } from './api.js';
import { fixtureBundle, fixtures, type Fixtures } from './factories.js';
import { storeEdition } from '../src/modules/edition/edition-bundle.js';
import { useViewers, type TestUser } from './viewers.js';

/**
 * The companies and viewers of the access tests. Four managers' own companies in class "Bank"
 * (konkurrent with and without the report, enkel with and without), the competitor both
 * konkurrent participants chose in 2024 ("Mobil"), another Bank company, and one in
 * "Forsikring". 2025 is unpublished (REVIEW). 2023 differs: enkel did not buy its report, and
 * the konkurrent participants chose "nabo", not "rival", so 2023 figures of rival and enkel's
 * own 2023 detail follow that edition's rules. Every company has 6 PHONE and 5 EMAIL inquiries
 * (cells at or above the minimum of 5), all with the best answers; rival also has 2 CHAT
 * inquiries in 2024, a cell too small to show a competitor.
 */
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
export const PARTICIPANTS = [
  P('konk', 'Bank', 'KONKURRENT', true, ['rival']),
  P('konk-uten', 'Bank', 'KONKURRENT', false, ['rival']),
  P('enkel', 'Bank', 'ENKEL', true),
  P('enkel-uten', 'Bank', 'ENKEL', false),
  { ...P('rival', 'Mobil', 'ENKEL', true), channels: ['PHONE', 'EMAIL', 'CHAT'] },
  P('nabo', 'Bank', 'ENKEL', true),
  P('fjern', 'Forsikring', 'ENKEL', true),
] satisfies ParticipantRow[];
const PARTICIPANTS_2023 = PARTICIPANTS.map((p) =>
  p.companySlug === 'enkel' ? { ...p, reportPurchased: false } : p.tier === 'KONKURRENT' ? { ...p, competitors: ['nabo'] } : p,
);
const responsesFor = ({ perfectResponse }: Fixtures, year: number): ResponseRow[] =>
  PARTICIPANTS.flatMap((p) => [
    ...Array.from({ length: 6 }, (_, i) =>
      perfectResponse(p.companySlug, 'PHONE', {
        inquiryId: `${year}-${p.companySlug}-P${i}`,
        contactedAt: `${year}-09-${10 + i}T10:00:00+02:00`,
      }),
    ),
    ...Array.from({ length: 5 }, (_, i) =>
      perfectResponse(p.companySlug, 'EMAIL', {
        inquiryId: `${year}-${p.companySlug}-E${i}`,
        contactedAt: `${year}-09-${10 + i}T11:00:00+02:00`,
      }),
    ),
    ...(p.companySlug === 'rival' && year === 2024
      ? [0, 1].map((i) =>
          perfectResponse('rival', 'CHAT', { inquiryId: `${year}-rival-C${i}`, contactedAt: `${year}-09-2${i}T12:00:00+02:00` }),
        )
      : []),
  ]);

export const PASSWORD = 'secret-pass';
export type Who = 'anonymous' | 'staff' | 'observer' | 'konk' | 'konk-uten' | 'enkel' | 'enkel-uten';
export const VIEWERS: Who[] = ['anonymous', 'observer', 'staff', 'konk', 'konk-uten', 'enkel', 'enkel-uten'];

/** Loads the editions and signs each viewer in; the map is filled before the tests run. */
export function useAccessFixture(db: TestDatabase, api: ReturnType<typeof useApi>): Map<Who, ApiClient> {
  const clients = new Map<Who, ApiClient>();
  const viewers = useViewers(db, api);
  beforeAll(async () => {
    const made = fixtures(); // one numbering across the three editions
    await db.orm.em.fork().transactional(async (em) => {
      await storeEdition(em, fixtureBundle({ year: 2023, participants: PARTICIPANTS_2023, responses: responsesFor(made, 2023) }), {
        status: 'PUBLISHED',
      });
      await storeEdition(em, fixtureBundle({ year: 2024, participants: PARTICIPANTS, responses: responsesFor(made, 2024) }), {
        status: 'PUBLISHED',
      });
      await storeEdition(em, fixtureBundle({ year: 2025, participants: PARTICIPANTS, responses: responsesFor(made, 2025) }), {
        status: 'REVIEW',
      });
    });
    // E-mails as `${who}@t.no`: tests sign in by them and read them back from `me`.
    const users = new Map<Who, TestUser>([
      ['staff', await viewers.createUser({ role: 'STAFF', email: 'staff@t.no', password: PASSWORD })],
      ['observer', await viewers.createUser({ role: 'OBSERVER', observerId: 'OBS-1', email: 'observer@t.no', password: PASSWORD })],
    ]);
    for (const m of ['konk', 'konk-uten', 'enkel', 'enkel-uten'] as const) {
      users.set(m, await viewers.createUser({ role: 'MANAGER', companySlug: m, email: `${m}@t.no`, password: PASSWORD }));
    }
    for (const who of VIEWERS) clients.set(who, who === 'anonymous' ? await viewers.anonymous() : await viewers.as(users.get(who)!, who));
  });
  return clients;
}
