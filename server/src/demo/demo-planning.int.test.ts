import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WAIT_LIMITS, osloDate, planFieldwork, responseProblems, type Channel } from '@ksp/shared';
import { contactPointProblem } from '@ksp/shared/signup/contact-points';
import { organisationNumberProblem } from '@ksp/shared/signup/organisation-number';
import { useTestDatabase } from '@server/test/db.js';
import { rows } from '../db/sql.js';
import { assignmentsOf } from '../modules/fieldwork/assignment.service.js';
import { questionsOf } from '../modules/questionnaire/questionnaire.read-model.js';
import { storedResponses } from '../modules/fieldwork/response.store.js';
import { reviewList } from '../modules/fieldwork/review.service.js';
import { listDemoLogins, loadDemo } from '../cli/demo.js';
import { observerProfiles } from '../modules/observer/observer.read-model.js';
import { listSignUps } from '../modules/signup/sign-up.service.js';
import { DEMO_DECLINE_REASON } from './planning.js';
import { isoWeek } from './calendar.js';
import { DEMO_APPROVED_SHARE, DEMO_RETURNED, DEMO_SUBMITTED } from './fieldwork.js';

/**
 * The demo as `pnpm start` loads it (here 2 published editions of 48 participants, the e2e size):
 * the next year in FIELDWORK, its participants come in through sign-ups accepted by the staff
 * user, planned by the planner, with responses in every review state; the year after in PLANNING
 * with 5 sign-ups waiting and 1 declined; and a pool the planner can staff every participant from.
 */
const db = useTestDatabase();

beforeAll(async () => {
  await loadDemo(db.orm, { editions: 2, participants: 48 });
}, 180_000);

describe('the demo edition being planned', () => {
  it('is 2026 in PLANNING after the published 2023 and 2024 and 2025 in FIELDWORK, each a copy with its weeks moved', async () => {
    const editions = await rows<{ year: number; status: string; name: string; weeks: number[]; min: number }>(
      db.sql,
      `select year, status, name, fieldwork_weeks as weeks, min_quality_score as min from edition order by year`,
    );
    expect(editions.map((e) => [e.year, e.status, e.name])).toEqual([
      [2023, 'PUBLISHED', 'KSP 2023'],
      [2024, 'PUBLISHED', 'KSP 2024'],
      [2025, 'FIELDWORK', 'KSP 2025'],
      [2026, 'PLANNING', 'KSP 2026'],
    ]);
    expect(editions[2]!.weeks).toEqual([36, 37, 38, 39, 40, 41, 42, 43, 44]);
    expect(editions[3]!.weeks).toEqual([36, 37, 38, 39, 40, 41, 42, 43, 44]);
    expect(editions[3]!.min).toBe(editions[1]!.min);
    expect(editions[2]!.min).toBe(editions[1]!.min);
    const [questions] = await rows<{ a: number; b: number }>(
      db.sql,
      `select count(*) filter (where e.year = 2024)::int as a, count(*) filter (where e.year = 2025)::int as b
       from question q join edition e on e.id = q.edition_id`,
    );
    expect(questions!.b).toBe(questions!.a);
    expect(questions!.b).toBeGreaterThan(20);
  });

  it('has 45 participants in 2025 (48 but 3) from accepted sign-ups; 5 pending for 2026 (one konkurrent) and 1 declined', async () => {
    const signUps = await listSignUps(db.sql, 2025);
    const next = await listSignUps(db.sql, 2026);
    const by = (status: string) => signUps.filter((s) => s.status === status);
    const nextBy = (status: string) => next.filter((s) => s.status === status);
    expect([by('ACCEPTED').length, by('PENDING').length, by('DECLINED').length]).toEqual([45, 0, 0]);
    expect([nextBy('ACCEPTED').length, nextBy('PENDING').length, nextBy('DECLINED').length]).toEqual([0, 5, 1]);
    expect(await rows(db.sql, `select 1 from participation p join edition e on e.id = p.edition_id where e.year = 2026`)).toEqual([]);
    expect(new Set(by('ACCEPTED').map((s) => s.decidedBy))).toEqual(new Set(['staff@ksp.demo']));
    expect(new Set(nextBy('DECLINED').map((s) => s.decidedBy))).toEqual(new Set(['staff@ksp.demo']));
    expect(nextBy('DECLINED')[0]!.declineReason).toBe(DEMO_DECLINE_REASON);
    // Last year's contact persons already had manager accounts of their companies: no welcome links.
    const [managers] = await rows<{ contacts: number; links: number }>(
      db.sql,
      `select count(*)::int as contacts, (select count(*)::int from welcome_link) as links from app_user u
       join sign_up s on lower(s.contact_email) = u.email join participation p on p.id = s.participation_id
       where u.role = 'MANAGER' and u.company_id = p.company_id`,
    );
    expect(managers).toEqual({ contacts: 45, links: 0 });
    // The konkurrent names the other new companies waiting: 2026 has no participants to name yet.
    const pendingKonkurrent = nextBy('PENDING').filter((s) => s.tier === 'KONKURRENT');
    expect(pendingKonkurrent).toHaveLength(1);
    const waitingNames = new Set(nextBy('PENDING').map((s) => s.companyName));
    expect(pendingKonkurrent[0]!.competitors.length).toBe(3);
    for (const name of pendingKonkurrent[0]!.competitors) expect(waitingNames).toContain(name);

    const [counts] = await rows<{ participants: number; again: number; classes: number; competitors: number }>(
      db.sql,
      `select count(*)::int as participants,
         count(*) filter (where exists (select 1 from participation q join edition y on y.id = q.edition_id
           where y.year = 2024 and q.company_id = p.company_id))::int as again,
         count(distinct p.class_id)::int as classes,
         (select count(*)::int from participation_competitor pc where pc.edition_id = e.id) as competitors
       from participation p join edition e on e.id = p.edition_id where e.year = 2025 group by e.id`,
    );
    // Every participant is last year's company, found by its organisation number; none is new.
    expect(counts).toEqual({ participants: 45, again: 45, classes: expect.any(Number), competitors: expect.any(Number) });
    expect(counts!.classes).toBeGreaterThanOrEqual(22);
    // Last year's competitor picks among the companies that came back, as many as 2024 has between them.
    const [picks] = await rows<{ n: number }>(
      db.sql,
      `select count(*)::int as n from participation_competitor pc join participation p on p.id = pc.participation_id
       join edition e on e.id = p.edition_id
       where e.year = 2024
         and exists (select 1 from participation x join edition y on y.id = x.edition_id where y.year = 2025 and x.company_id = p.company_id)
         and exists (select 1 from participation x join edition y on y.id = x.edition_id where y.year = 2025 and x.company_id = pc.competitor_company_id)`,
    );
    expect(counts!.competitors).toBe(picks!.n);
    expect(counts!.competitors).toBeGreaterThan(0);
  });

  it('gives every company a valid organisation number, each its own, and the sign-ups theirs', async () => {
    const companies = await rows<{ organisation_number: string | null }>(db.sql, `select organisation_number from company`);
    const numbers = companies.map((c) => c.organisation_number);
    expect(numbers.filter((n) => n === null || organisationNumberProblem(n) !== null)).toEqual([]);
    expect(new Set(numbers).size).toBe(numbers.length);
    const signUps = await rows<{ n: string }>(db.sql, `select organisation_number as n from sign_up`);
    expect(signUps.filter((s) => organisationNumberProblem(s.n) !== null)).toEqual([]);
    expect(new Set(signUps.map((s) => s.n)).size).toBe(51);
  });

  it('gives every sign-up and participation of 2025 and 2026 a valid contact point for each of its channels', async () => {
    const all = await rows<{ slug: string | null; channels: Channel[]; points: Partial<Record<Channel, string>> }>(
      db.sql,
      `select null as slug, channels, contact_points as points from sign_up
       union all
       select c.slug, p.channels, p.contact_points from participation p join company c on c.id = p.company_id
         join edition e on e.id = p.edition_id where e.status <> 'PUBLISHED'`,
    );
    expect(all.filter((r) => r.slug !== null)).toHaveLength(45);
    for (const { channels, points } of all) {
      expect(Object.keys(points).sort()).toEqual([...channels].sort());
      for (const channel of channels) expect(contactPointProblem(channel, points[channel]!)).toBeNull();
    }
    const withEmail = all.find((r) => r.slug !== null && r.channels.includes('EMAIL'))!;
    expect(withEmail.points.EMAIL).toBe(`kundeservice@${withEmail.slug}.no`);
  });

  it('keeps the demo logins on the newest published edition', async () => {
    const logins = await listDemoLogins(db.sql);
    expect(logins.map((l) => l.email)).toEqual([
      'staff@ksp.demo',
      'konkurrent@ksp.demo',
      'enkel@ksp.demo',
      'uten-rapport@ksp.demo',
      'observer@ksp.demo',
    ]);
    for (const l of logins.filter((x) => x.role === 'MANAGER')) expect(l.who).toMatch(/tier, (report bought|no report bought)$/);
  });
});

describe('the demo observer pool', () => {
  it('is loaded as observers.csv gives it: names, about 80 % passing, a week off in 2025 for about a quarter, slugs', async () => {
    const [pool] = await rows<{
      total: number;
      named: number;
      passing: number;
      off: number;
      other: number;
      customer: number;
      contacted: number;
    }>(
      db.sql,
      `select count(*)::int as total, count(*) filter (where name ~ '^\\S+ \\S+$')::int as named,
         count(*) filter (where quality_score >= (select min_quality_score from edition where year = 2025))::int as passing,
         count(*) filter (where cardinality(unavailable_weeks) = 1 and unavailable_weeks[1] ~ '^2025-W(3[6-9]|4[0-4])$')::int as off,
         count(*) filter (where cardinality(unavailable_weeks) > 1 or (cardinality(unavailable_weeks) = 1 and unavailable_weeks[1] !~ '^2025-W'))::int as other,
         count(*) filter (where cardinality(customer_of) > 0)::int as customer,
         count(*) filter (where cardinality(contacted_before) > 0)::int as contacted
       from observer`,
    );
    expect(pool!.total).toBe(1500);
    expect(pool!.named).toBe(1500);
    expect(pool!.other).toBe(0);
    expect(pool!.passing / pool!.total).toBeGreaterThan(0.74);
    expect(pool!.passing / pool!.total).toBeLessThan(0.86);
    expect(pool!.off / pool!.total).toBeGreaterThan(0.2);
    expect(pool!.off / pool!.total).toBeLessThan(0.3);
    expect(pool!.customer).toBeGreaterThan(500);
    expect(pool!.contacted).toBeGreaterThan(300);
  });

  it('lets the planner staff every participant of 2025 (25 inquiries each), with no shortfall', async () => {
    const [edition] = await rows<{
      weeks: number[];
      inquiries: number;
      keys: Record<string, number>;
      third: 'CHAT' | 'MESSENGER';
      min: number;
    }>(
      db.sql,
      `select fieldwork_weeks as weeks, inquiries_per_participant as inquiries, channel_keys as keys, third_channel as third,
         min_quality_score as min from edition where year = 2025`,
    );
    const participants = await rows<{ companySlug: string; channels: string[] }>(
      db.sql,
      `select c.slug as "companySlug", p.channels from participation p join company c on c.id = p.company_id
       join edition e on e.id = p.edition_id where e.year = 2025 order by c.slug`,
    );
    const plan = planFieldwork({
      weeks: edition!.weeks,
      channelKeys: edition!.keys,
      thirdChannel: edition!.third,
      minQualityScore: edition!.min,
      year: 2025,
      participants: participants.map((p) => ({ companySlug: p.companySlug, channels: p.channels as never, inquiries: edition!.inquiries })),
      observers: await observerProfiles(db.sql, 2025),
    });
    expect(edition!.inquiries).toBe(25);
    expect(plan.shortfalls).toEqual([]);
    expect(plan.assignments).toHaveLength(45 * 25);
  });
});

describe('the demo edition in fieldwork', () => {
  type Row = { status: string; n: number };
  const count = async (where = 'true') =>
    Object.fromEntries(
      (
        await rows<Row>(
          db.sql,
          `select a.status, count(*)::int as n from assignment a join participation p on p.id = a.participation_id
           join edition e on e.id = p.edition_id join observer o on o.id = a.observer_id
           where e.year = 2025 and ${where} group by a.status`,
        )
      ).map((r) => [r.status, r.n]),
    ) as Record<string, number>;
  const demoObserver = `o.id = (select observer_id from app_user where email = 'observer@ksp.demo')`;

  it('is planned in full and holds assignments in every review state, most still PLANNED', async () => {
    const all = await count();
    const own = await count(demoObserver);
    const others = await count(`not ${demoObserver}`);
    const total = Object.values(all).reduce((a, b) => a + b, 0);
    expect(total).toBe(45 * 25);
    const otherTotal = Object.values(others).reduce((a, b) => a + b, 0);
    expect(others).toEqual({
      APPROVED: Math.floor(otherTotal * DEMO_APPROVED_SHARE),
      SUBMITTED: DEMO_SUBMITTED,
      RETURNED: DEMO_RETURNED,
      PLANNED: otherTotal - Math.floor(otherTotal * DEMO_APPROVED_SHARE) - DEMO_SUBMITTED - DEMO_RETURNED,
    });
    expect(all.PLANNED! / total).toBeGreaterThan(0.5);
    expect(all.SUBMITTED).toBeGreaterThanOrEqual(20);
    expect(all.SUBMITTED).toBeLessThanOrEqual(40);
    expect(own).toMatchObject({ SUBMITTED: 1, RETURNED: 1, APPROVED: 1 });
    // The live report of the edition has figures: the approved answered responses count.
    const [counted] = await rows<{ n: number }>(
      db.sql,
      `select count(*)::int as n from counted_inquiry i join edition e on e.id = i.edition_id where e.year = 2025`,
    );
    expect(counted!.n).toBeGreaterThan(200);
  });

  it('gives observer@ksp.demo assignments to try: planned on PHONE and another channel, one waiting, one returned with a note naming a question, one approved', async () => {
    const [user] = await rows<{ observer_id: number }>(db.sql, `select observer_id from app_user where email = 'observer@ksp.demo'`);
    const mine = await assignmentsOf(db.sql, user!.observer_id, 2025);
    const of = (status: string) => mine.filter((a) => a.status === status);
    expect(of('PLANNED').length).toBeGreaterThanOrEqual(2);
    expect(of('PLANNED').length).toBeLessThanOrEqual(3);
    expect(of('PLANNED').map((a) => a.channel)).toContain('PHONE');
    expect(of('PLANNED').some((a) => a.channel !== 'PHONE')).toBe(true);
    expect([of('SUBMITTED').length, of('RETURNED').length, of('APPROVED').length]).toEqual([1, 1, 1]);
    const returned = of('RETURNED')[0]!;
    expect(returned.returnQuestions).toHaveLength(1);
    // The note names the question as the observer reads it: by its text, not its code.
    const asked = (await questionsOf(db.sql, returned.editionId)).find((q) => q.code === returned.returnQuestions[0])!;
    expect(returned.returnNote).toContain(`«${asked.text}»`);
    expect(returned.returnNote).not.toContain(asked.code);
    for (const a of [...of('SUBMITTED'), ...of('RETURNED'), ...of('APPROVED')]) expect(a.response).not.toBeNull();
    // How to reach each participant on the assignment's channel.
    for (const a of mine) expect(a.contact && contactPointProblem(a.channel, a.contact)).toBeNull();
    const phone = of('PLANNED').find((a) => a.channel === 'PHONE')!;
    expect(phone.contact).toMatch(/^\+47 2\d \d\d \d\d \d\d$/);
  });

  it("holds only responses that pass the form rules, contacted in the edition's fieldwork weeks", async () => {
    const inquiries = await rows<{
      id: number;
      channel: Channel;
      opening_hours: string | null;
      edition_id: number;
      wait_limits: object | null;
    }>(
      db.sql,
      `select i.id, i.channel, p.opening_hours, i.edition_id, e.wait_limits from inquiry i
       join participation p on p.id = i.participation_id join edition e on e.id = i.edition_id where e.year = 2025`,
    );
    expect(inquiries.length).toBeGreaterThan(300);
    const questions = await questionsOf(db.sql, inquiries[0]!.edition_id);
    const stored = await storedResponses(
      db.sql,
      inquiries.map((i) => i.id),
    );
    const broken: unknown[] = [];
    const weeks = new Set<number>();
    for (const i of inquiries) {
      const response = stored.get(i.id)!;
      const problems = responseProblems(response, {
        channel: i.channel,
        questions,
        waitLimits: { ...DEFAULT_WAIT_LIMITS, ...(i.wait_limits ?? {}) },
        openingHours: i.opening_hours,
        requireAll: true,
      });
      if (problems.length) broken.push({ id: i.id, problems });
      for (const t of response.attempts) {
        const [y, m, d] = osloDate(t.at).split('-').map(Number) as [number, number, number];
        weeks.add(isoWeek({ year: y, month: m, day: d }).week + (y === 2025 ? 0 : 1000));
      }
    }
    expect(broken).toEqual([]);
    for (const w of weeks) expect(w).toBeGreaterThanOrEqual(36);
    for (const w of weeks) expect(w).toBeLessThanOrEqual(44);
  });

  it('shows staff a review queue with flags and returned responses with notes, one of them overdue, each step by staff', async () => {
    const queue = (await reviewList(db.sql, 2025, 'SUBMITTED'))!;
    expect(queue).toHaveLength(DEMO_SUBMITTED + 1);
    const flags = new Set(queue.flatMap((a) => a.flags.map((f) => f.flag)));
    expect(flags).toContain('SHORT_COMMENT');
    expect(flags).toContain('WAIT_NEAR_LIMIT');
    const returned = (await reviewList(db.sql, 2025, 'RETURNED'))!;
    expect(returned).toHaveLength(DEMO_RETURNED + 1);
    for (const a of returned) {
      expect(a.returnNote).toMatch(/\S{10,}/);
      expect(a.events.map((e) => e.action)).toEqual(['PLANNED', ...(a.events.length === 4 ? ['REASSIGNED'] : []), 'SUBMITTED', 'RETURNED']);
      expect(a.events.at(-1)!.by).toBe('staff@ksp.demo');
    }
    expect(returned.filter((a) => a.overdue)).toHaveLength(1);
    const [events] = await rows<{ staff: number; all: number; first: Date; last: Date }>(
      db.sql,
      `select count(*) filter (where u.email = 'staff@ksp.demo')::int as staff, count(*)::int as all, min(ev.at) as first, max(ev.at) as last
       from assignment_event ev join assignment a on a.id = ev.assignment_id join participation p on p.id = a.participation_id
       join edition e on e.id = p.edition_id left join app_user u on u.id = ev.actor_user_id
       where e.year = 2025 and ev.action in ('APPROVED', 'RETURNED')`,
    );
    expect(events!.staff).toBe(events!.all);
    // Reviews spread over the fieldwork weeks (and the recent returns up to now).
    expect(osloDate(events!.first) >= '2025-09-01').toBe(true);
    expect(osloDate(events!.first) < '2025-09-20').toBe(true);
  });
});
