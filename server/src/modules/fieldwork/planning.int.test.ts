import { beforeAll, describe, expect, it } from 'vitest';
import type { ObserverRow } from '@ksp/shared';
import { useTestDatabase } from '@server/test/db.js';
import { errorCodes, useApi, type ApiClient, type GraphQLResult } from '@server/test/api.js';
import { fixtures, PARTICIPANTS } from '@server/test/factories.js';
import { useViewers } from '@server/test/viewers.js';
import { storeEdition } from '../edition/edition-bundle.js';
import { importObserverPool } from '../observer/observer-import.js';

/**
 * Hand-built editions and one pool of eight observers (quality threshold 70 everywhere):
 * - OBS-01 customer of alfa; OBS-02 contacted beta before (the pool file); OBS-03 away in
 *   2025-W10 and 2027-W10; OBS-04 quality 50 (fails); OBS-05 made an inquiry of gamma in the
 *   published 2024; OBS-06, OBS-07 clean; OBS-08 quality 70 (passes: at the threshold).
 *   Everyone but OBS-06 is a customer of delta.
 * - 2024 PUBLISHED (alfa, beta, gamma): OBS-05's gamma inquiry; cannot be planned.
 * - 2025 PLANNING, weeks 10 and 11, 4 inquiries per participant, keys PHONE .5 EMAIL .3 (CHAT,
 *   MESSENGER .2): alfa (PHONE, EMAIL) 2.5 + 1.5 → 3 + 1 (the tie goes to PHONE), beta (PHONE) 4,
 *   gamma (EMAIL) 4. The planner is left to choose; the tests check every rule.
 * - 2026 FIELDWORK, weeks 10 and 11, 2 inquiries: delta (PHONE) 1 + 1; only OBS-06 may go there.
 * - 2027 PLANNING, weeks 10 and 11, assignments set here: a1 alfa PHONE w10 OBS-06, a2 alfa EMAIL
 *   w11 OBS-07, b1 beta PHONE w10 OBS-08, g1 gamma EMAIL w10 OBS-06, s1 gamma EMAIL w11 OBS-07
 *   SUBMITTED.
 */
const db = useTestDatabase();
const api = useApi(db);
const { asStaff, asManager, asObserver, anonymous } = useViewers(db, api);
const { fixtureBundle, perfectResponse } = fixtures();

const pool = (id: string, over: Partial<ObserverRow> = {}): ObserverRow => ({
  observerId: id,
  name: `Observatør ${id}`,
  gender: Number(id.slice(-1)) % 2 ? 'FEMALE' : 'MALE',
  birthYear: 1960 + Number(id.slice(-1)) * 5,
  region: 'Oslo',
  qualityScore: 80,
  unavailableWeeks: [],
  customerOf: ['delta'],
  contactedBefore: [],
  ...over,
});
const POOL = [
  pool('OBS-01', { customerOf: ['alfa', 'delta'] }),
  pool('OBS-02', { contactedBefore: ['beta'] }),
  pool('OBS-03', { unavailableWeeks: ['2025-W10', '2027-W10'] }),
  pool('OBS-04', { qualityScore: 50 }),
  pool('OBS-05'),
  pool('OBS-06', { customerOf: [] }),
  pool('OBS-07'),
  pool('OBS-08', { qualityScore: 70 }),
];
/** Who may not go where in 2025, by the four rules (OBS-03: week 10 only). */
const FORBIDDEN: Record<string, string[]> = {
  alfa: ['OBS-01', 'OBS-04'],
  beta: ['OBS-02', 'OBS-04'],
  gamma: ['OBS-04', 'OBS-05'],
};

const PLAN = `mutation($year: Int!) { planFieldwork(year: $year) {
  assigned unassigned planned kept shortfalls { companySlug companyName className channel week missing planned rules reason } } }`;
const ASSIGNMENTS = `query($year: Int!, $slug: String) { fieldworkAssignments(year: $year, companySlug: $slug) {
  id company { slug } className channel week observer { id gender ageBand } status events { at action by note } } }`;
const OVERVIEW = `query($year: Int!) { planningOverview(year: $year) {
  year status fieldworkWeeks plannedBy assigned unassigned
  participants { company { slug } className channels split { channel target staffed } weeks { week staffed } target staffed
                 shortfalls { channel week missing planned rules reason } } } }`;
const ASSIGN = `mutation($id: ID!, $observer: String!) { assignObserver(assignmentId: $id, observerId: $observer) {
  id company { slug } week observer { id } status events { action by note } } }`;

interface Assignment {
  id: string;
  company: { slug: string };
  className: string;
  channel: string;
  week: number;
  observer: { id: string; gender: string; ageBand: string };
  status: string;
  events: { at: string; action: string; by: string | null; note: string }[];
}

const ids2027 = new Map<string, string>();

beforeAll(async () => {
  await db.orm.em.fork().transactional(async (em) => {
    await storeEdition(em, fixtureBundle({ responses: [perfectResponse('gamma', 'EMAIL', { observerId: 'OBS-05' })] }), {
      status: 'PUBLISHED',
    });
    await storeEdition(em, fixtureBundle({ year: 2025, responses: [] }), { status: 'PLANNING', fieldworkWeeks: [10, 11] });
    await storeEdition(
      em,
      fixtureBundle({
        year: 2026,
        participants: [{ ...PARTICIPANTS[1]!, companySlug: 'delta', companyName: 'Delta Energi', className: 'Energi' }],
        responses: [],
      }),
      { status: 'FIELDWORK', fieldworkWeeks: [10, 11] },
    );
    await storeEdition(em, fixtureBundle({ year: 2027, responses: [] }), { status: 'PLANNING', fieldworkWeeks: [10, 11] });
    await importObserverPool(em, POOL);
  });
  await db.sql.query(`update edition set inquiries_per_participant = case year when 2026 then 2 else 4 end where year >= 2025`);
  const hand: [string, string, string, number, string, string][] = [
    ['a1', 'alfa', 'PHONE', 10, 'OBS-06', 'PLANNED'],
    ['a2', 'alfa', 'EMAIL', 11, 'OBS-07', 'PLANNED'],
    ['b1', 'beta', 'PHONE', 10, 'OBS-08', 'PLANNED'],
    ['g1', 'gamma', 'EMAIL', 10, 'OBS-06', 'PLANNED'],
    ['s1', 'gamma', 'EMAIL', 11, 'OBS-07', 'SUBMITTED'],
  ];
  for (const [key, slug, channel, week, observer, status] of hand) {
    const { rows } = await db.sql.query<{ id: number }>(
      `insert into assignment (participation_id, observer_id, channel, week, status)
       select p.id, o.id, $2, $3, $4 from participation p join edition e on e.id = p.edition_id join company c on c.id = p.company_id,
         observer o where e.year = 2027 and c.slug = $1 and o.external_id = $5 returning id`,
      [slug, channel, week, status, observer],
    );
    ids2027.set(key, String(rows[0]!.id));
  }
});

async function assignmentsOf(staff: ApiClient, year: number, slug?: string): Promise<Assignment[]> {
  const { data, errors } = await staff.query<{ fieldworkAssignments: Assignment[] }>(ASSIGNMENTS, { year, slug });
  expect(errors).toBeUndefined();
  return data!.fieldworkAssignments;
}

describe('planFieldwork', () => {
  it('plans a small edition: the split per participant, every rule obeyed, distinct observers, one event each', async () => {
    const staff = await asStaff();
    const { data, errors } = await staff.query(PLAN, { year: 2025 });
    expect(errors).toBeUndefined();
    expect(data!.planFieldwork).toEqual({ assigned: 12, unassigned: 0, planned: 12, kept: 0, shortfalls: [] });

    const overview = (await staff.query(OVERVIEW, { year: 2025 })).data!.planningOverview;
    expect(overview).toMatchObject({ year: 2025, status: 'PLANNING', fieldworkWeeks: [10, 11], plannedBy: 'staff@test.no', assigned: 12 });
    expect(
      overview.participants.map((p: { company: { slug: string }; className: string; channels: string[]; split: unknown[] }) => [
        p.company.slug,
        p.className,
        p.channels,
        p.split,
      ]),
    ).toEqual([
      [
        'alfa',
        'Bank',
        ['PHONE', 'EMAIL'],
        [
          { channel: 'PHONE', target: 3, staffed: 3 },
          { channel: 'EMAIL', target: 1, staffed: 1 },
        ],
      ],
      ['beta', 'Bank', ['PHONE'], [{ channel: 'PHONE', target: 4, staffed: 4 }]],
      ['gamma', 'Forsikring', ['EMAIL'], [{ channel: 'EMAIL', target: 4, staffed: 4 }]],
    ]);
    // Each participant's four inquiries spread evenly over the two weeks.
    for (const p of overview.participants) {
      expect(p.weeks).toEqual([
        { week: 10, staffed: 2 },
        { week: 11, staffed: 2 },
      ]);
      expect([p.target, p.staffed, p.shortfalls]).toEqual([4, 4, []]);
    }

    const all = await assignmentsOf(staff, 2025);
    expect(all).toHaveLength(12);
    for (const a of all) {
      expect(FORBIDDEN[a.company.slug], `${a.observer.id} on ${a.company.slug}`).not.toContain(a.observer.id);
      if (a.observer.id === 'OBS-03') expect(a.week).toBe(11);
      expect(a.status).toBe('PLANNED');
      expect(a.events.map(({ action, by, note }) => ({ action, by, note }))).toEqual([
        { action: 'PLANNED', by: 'staff@test.no', note: 'planlagt automatisk' },
      ]);
    }
    for (const slug of ['alfa', 'beta', 'gamma']) {
      const observers = all.filter((a) => a.company.slug === slug).map((a) => a.observer.id);
      expect(new Set(observers).size, slug).toBe(4);
    }
    // The observer as the page shows it: OBS-06 is male, born 1990: 35 in 2025.
    const obs6 = all.find((a) => a.observer.id === 'OBS-06');
    if (obs6) expect(obs6.observer).toEqual({ id: 'OBS-06', gender: 'MALE', ageBand: '30–39' });
    // One participant's assignments only.
    expect((await assignmentsOf(staff, 2025, 'beta')).map((a) => a.company.slug)).toEqual(['beta', 'beta', 'beta', 'beta']);
  });

  it('replanning keeps started and hand-set assignments and replaces the rest', async () => {
    const staff = await asStaff();
    const before = await assignmentsOf(staff, 2025, 'alfa');
    const [started, handSet, ...rest] = before;
    await db.sql.query(`update assignment set status = 'DRAFT' where id = $1`, [Number(started!.id)]);
    // A free observer for the hand-set one: eligible for alfa, not on alfa, available in its week.
    const onAlfa = before.map((a) => a.observer.id);
    const free = POOL.map((o) => o.observerId).find(
      (id) => !onAlfa.includes(id) && !FORBIDDEN.alfa!.includes(id) && !(id === 'OBS-03' && handSet!.week === 10),
    )!;
    const assigned = await staff.query(ASSIGN, { id: handSet!.id, observer: free });
    expect(assigned.errors).toBeUndefined();

    const { data, errors } = await staff.query(PLAN, { year: 2025 });
    expect(errors).toBeUndefined();
    expect(data!.planFieldwork).toMatchObject({ assigned: 12, unassigned: 0, planned: 10, kept: 2 });

    const after = await assignmentsOf(staff, 2025);
    expect(after).toHaveLength(12);
    const byId = new Map(after.map((a) => [a.id, a]));
    expect(byId.get(started!.id)).toMatchObject({ status: 'DRAFT', observer: { id: started!.observer.id }, week: started!.week });
    expect(byId.get(handSet!.id)!.observer.id).toBe(free);
    expect(byId.get(handSet!.id)!.events.map((e) => e.action)).toEqual(['PLANNED', 'REASSIGNED']);
    // The other automatic ones were replaced by new rows.
    for (const a of rest) expect(byId.has(a.id)).toBe(false);
    const alfa = after.filter((a) => a.company.slug === 'alfa');
    expect(new Set(alfa.map((a) => a.observer.id)).size).toBe(4);
    expect(alfa.filter((a) => a.channel === 'PHONE')).toHaveLength(3);
    for (const a of after) expect(FORBIDDEN[a.company.slug]).not.toContain(a.observer.id);
  });

  it('stores a shortfall with its reason when the pool runs out', async () => {
    const staff = await asStaff();
    const { data, errors } = await staff.query(PLAN, { year: 2026 });
    expect(errors).toBeUndefined();
    const [delta] = await assignmentsOf(staff, 2026);
    expect(delta!.observer.id).toBe('OBS-06');
    const week = delta!.week === 10 ? 11 : 10;
    const shortfall = {
      channel: 'PHONE',
      week,
      missing: 1,
      planned: 1,
      rules: ['CUSTOMER', 'QUALITY', 'SAME_PARTICIPANT'],
      reason:
        `1 av 1 henvendelser på telefon uten observatør i uke ${week}: ingen av de 8 observatørene kan ta flere – ` +
        '7 er kunder av selskapet, 1 har for lav kvalitetsscore (under 70), 1 har allerede en henvendelse hos deltakeren ' +
        '(en observatør kan telle under flere regler)',
    };
    expect(data!.planFieldwork).toEqual({
      assigned: 1,
      unassigned: 1,
      planned: 1,
      kept: 0,
      shortfalls: [{ companySlug: 'delta', companyName: 'Delta Energi', className: 'Energi', ...shortfall }],
    });
    // Stored: the page reads it back later.
    const overview = (await staff.query(OVERVIEW, { year: 2026 })).data!.planningOverview;
    expect(overview).toMatchObject({ assigned: 1, unassigned: 1 });
    expect(overview.participants[0]).toMatchObject({ target: 2, staffed: 1, shortfalls: [shortfall] });
  });

  it('is refused outside PLANNING and FIELDWORK, by the status, and for an unknown year', async () => {
    const staff = await asStaff();
    const r = await staff.query(PLAN, { year: 2024 });
    expect(errorCodes(r)).toEqual(['planFieldwork:BAD_USER_INPUT']);
    expect(r.errors![0]!.message).toContain('PUBLISHED');
    expect(errorCodes(await staff.query(PLAN, { year: 1999 }))).toEqual(['planFieldwork:NOT_FOUND']);
    expect(errorCodes(await staff.query(OVERVIEW, { year: 1999 }))).toEqual(['planningOverview:NOT_FOUND']);
    expect(errorCodes(await staff.query(ASSIGNMENTS, { year: 2025, slug: 'nobody' }))).toEqual(['fieldworkAssignments:NOT_FOUND']);
  });
});

describe('assignObserver', () => {
  const assign = async (key: string, observer: string) => (await asStaff()).query(ASSIGN, { id: ids2027.get(key), observer });
  const refusal = (r: GraphQLResult) => {
    expect(errorCodes(r)).toEqual(['assignObserver:BAD_USER_INPUT']);
    const e = r.errors![0]! as { message: string; extensions: { rules?: string[]; rule?: string } };
    return { message: e.message, rules: e.extensions.rules, rule: e.extensions.rule };
  };
  const accepted = async (key: string, observer: string, from: string) => {
    const r = await assign(key, observer);
    expect(r.errors).toBeUndefined();
    expect(r.data!.assignObserver.observer.id).toBe(observer);
    expect(r.data!.assignObserver.events.at(-1)).toEqual({ action: 'REASSIGNED', by: 'staff@test.no', note: `${from} → ${observer}` });
    // Back again, so the next case starts from the same set-up.
    expect((await assign(key, from)).errors).toBeUndefined();
  };

  it('CONTACTED_BEFORE: refused for an inquiry in an earlier edition and for the pool file’s list; accepted elsewhere', async () => {
    expect(refusal(await assign('g1', 'OBS-05'))).toEqual({
      message: 'Observatør OBS-05 har kontaktet gamma før.',
      rules: ['CONTACTED_BEFORE'],
      rule: undefined,
    });
    expect(refusal(await assign('b1', 'OBS-02')).rules).toEqual(['CONTACTED_BEFORE']);
    await accepted('a1', 'OBS-05', 'OBS-06');
  });

  it('CUSTOMER: refused for a customer of the company, accepted for another', async () => {
    expect(refusal(await assign('a1', 'OBS-01'))).toMatchObject({
      message: 'Observatør OBS-01 er kunde av eller registrert hos alfa.',
      rules: ['CUSTOMER'],
    });
    await accepted('b1', 'OBS-01', 'OBS-08');
  });

  it('UNAVAILABLE: refused in a week the observer is away, accepted in another', async () => {
    expect(refusal(await assign('a1', 'OBS-03'))).toMatchObject({
      message: 'Observatør OBS-03 er ikke ledig på hverdager 09–15 i uke 10.',
      rules: ['UNAVAILABLE'],
    });
    await accepted('a2', 'OBS-03', 'OBS-07');
  });

  it('QUALITY: refused below the threshold, accepted at it', async () => {
    expect(refusal(await assign('a1', 'OBS-04'))).toMatchObject({
      message: 'Observatør OBS-04 har kvalitetsscore 50, under grensen 70.',
      rules: ['QUALITY'],
    });
    await accepted('a1', 'OBS-08', 'OBS-06');
  });

  it('SAME_PARTICIPANT: refused when the observer already has an inquiry of it, accepted on another participant', async () => {
    expect(refusal(await assign('a1', 'OBS-07'))).toMatchObject({
      message: 'Observatør OBS-07 har allerede en henvendelse hos alfa.',
      rules: ['SAME_PARTICIPANT'],
    });
    await accepted('b1', 'OBS-07', 'OBS-08');
  });

  it('names every rule broken at once', async () => {
    // OBS-01, a customer of alfa, below the threshold for the moment as well.
    await db.sql.query(`update observer set quality_score = 50 where external_id = 'OBS-01'`);
    try {
      expect(refusal(await assign('a1', 'OBS-01'))).toMatchObject({
        message: 'Observatør OBS-01 er kunde av eller registrert hos alfa. Observatør OBS-01 har kvalitetsscore 50, under grensen 70.',
        rules: ['CUSTOMER', 'QUALITY'],
      });
    } finally {
      await db.sql.query(`update observer set quality_score = 80 where external_id = 'OBS-01'`);
    }
  });

  it('is refused for an assignment whose work has started, and NOT_FOUND for an unknown assignment or observer', async () => {
    expect(refusal(await assign('s1', 'OBS-06'))).toEqual({
      message: `Oppdrag ${ids2027.get('s1')} har status SUBMITTED: arbeidet er i gang, så observatøren kan ikke byttes.`,
      rules: undefined,
      rule: 'WORK_STARTED',
    });
    const staff = await asStaff();
    expect(errorCodes(await staff.query(ASSIGN, { id: '999999', observer: 'OBS-06' }))).toEqual(['assignObserver:NOT_FOUND']);
    expect(errorCodes(await staff.query(ASSIGN, { id: 'x1', observer: 'OBS-06' }))).toEqual(['assignObserver:NOT_FOUND']);
    expect(errorCodes(await staff.query(ASSIGN, { id: ids2027.get('a1'), observer: 'OBS-99' }))).toEqual(['assignObserver:NOT_FOUND']);
    // Nothing changed by the refusals.
    const a1 = (await assignmentsOf(staff, 2027, 'alfa')).find((a) => a.id === ids2027.get('a1'))!;
    expect(a1.observer.id).toBe('OBS-06');
  });
});

describe('access', () => {
  it('is staff only: sign in first, and managers and observers get FORBIDDEN', async () => {
    const operations: [string, Record<string, unknown>, string][] = [
      [PLAN, { year: 2025 }, 'planFieldwork'],
      [ASSIGNMENTS, { year: 2025 }, 'fieldworkAssignments'],
      [OVERVIEW, { year: 2025 }, 'planningOverview'],
      [ASSIGN, { id: ids2027.get('a1'), observer: 'OBS-05' }, 'assignObserver'],
    ];
    const manager = await asManager('alfa');
    const observer = await asObserver('OBS-06');
    const nobody = await anonymous();
    for (const [query, variables, name] of operations) {
      expect(errorCodes(await nobody.query(query, variables))).toEqual([`${name}:UNAUTHENTICATED`]);
      expect(errorCodes(await manager.query(query, variables))).toEqual([`${name}:FORBIDDEN`]);
      expect(errorCodes(await observer.query(query, variables))).toEqual([`${name}:FORBIDDEN`]);
    }
    // The refused mutation changed nothing.
    const a1 = (await assignmentsOf(await asStaff(), 2027, 'alfa')).find((a) => a.id === ids2027.get('a1'))!;
    expect(a1.observer.id).toBe('OBS-06');
  });
});
