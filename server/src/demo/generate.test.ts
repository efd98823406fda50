import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CHANNELS,
  CX_SCALES,
  DEFAULT_WAIT_LIMITS,
  appliesTo,
  isScored,
  maxPoints,
  questionKind,
  type QuestionDef,
  type ResponseRow,
} from '@ksp/shared';
import { splitInquiries } from '@ksp/shared/fieldwork/channel-split';
import { isEligible, type ObserverProfile } from '@ksp/shared/fieldwork/eligibility';
import { isoWeek, osloOffsetHours, parseLocal, weekdayOf } from './calendar.js';
import { OPENINGS, levelOf } from './comments.js';
import { organisationNumberProblem } from '@ksp/shared/signup/organisation-number';
import { DEMO_MIN_QUALITY_SCORE, generateDemo, observersAfterDemo, type DemoData } from './generate.js';

let data: DemoData;
let elapsedMs = 0;

beforeAll(() => {
  const t0 = performance.now();
  data = generateDemo();
  elapsedMs = performance.now() - t0;
});

const hash = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex');
const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
const sd = (a: number[]) => {
  const m = mean(a);
  return Math.sqrt(mean(a.map((x) => (x - m) ** 2)));
};

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = out.get(k);
    if (list) list.push(t);
    else out.set(k, [t]);
  }
  return out;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Does `text` open with one of `openings` ("{dialog}" stands for any word)? */
const opensWith = (text: string, openings: readonly string[]) =>
  openings.some((o) => new RegExp('^' + o.split('{dialog}').map(escapeRe).join('\\S+')).test(text));

/** Earned and possible points of one inquiry, per area and in total (domain.md "Scoring"). */
function points(questions: QuestionDef[], r: ResponseRow) {
  const area: Record<string, { e: number; p: number }> = {};
  let e = 0;
  let p = 0;
  for (const q of questions) {
    if (!isScored(q) || !appliesTo(q, r.channel)) continue;
    const o = q.options!.find((x) => x.code === r.answers[q.code]);
    if (o?.notApplicable) continue;
    const a = (area[q.area] ??= { e: 0, p: 0 });
    a.e += o?.points ?? 0;
    a.p += maxPoints(q)!;
    e += o?.points ?? 0;
    p += maxPoints(q)!;
  }
  return { score: (100 * e) / p, share: (name: string) => (area[name] ? area[name].e / area[name].p : NaN) };
}

describe('generateDemo', () => {
  it('is fast', () => {
    expect(elapsedMs).toBeLessThan(5000);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const again = generateDemo();
    expect(hash(again)).toBe(hash(data));
    expect(again.editions[1]!.bundle.responses.slice(100, 140)).toEqual(data.editions[1]!.bundle.responses.slice(100, 140));
    const other = generateDemo({ seed: 'other', participants: 24, editions: 1 });
    const same = generateDemo({ seed: 'other', participants: 24, editions: 1 });
    expect(hash(other)).toBe(hash(same));
    expect(hash(other.editions[0]!.bundle.responses)).not.toBe(
      hash(generateDemo({ participants: 24, editions: 1 }).editions[0]!.bundle.responses),
    );
  });

  it('makes 3 editions 2022–2024 of 24 classes and 192 participants', () => {
    expect(data.editions.map((e) => e.bundle.questionnaire.edition.year)).toEqual([2022, 2023, 2024]);
    for (const ed of data.editions) {
      const ps = ed.bundle.participants;
      expect(ps).toHaveLength(192);
      expect(new Set(ps.map((p) => p.className)).size).toBe(24);
      expect(new Set(ps.map((p) => p.companySlug)).size).toBe(192);
      expect(new Set(ps.map((p) => p.companyName)).size).toBe(192);
      for (const p of ps) expect(p.companySlug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(ed.status).toBe('PUBLISHED');
      expect(ed.fieldworkWeeks.length).toBeGreaterThan(4);
      expect(ed.bundle.responses).toHaveLength(192 * 25);
    }
  });

  it('ends in 2024 up to 25 editions, and starts in 2000 beyond (the first year the database accepts)', () => {
    const years = (editions: number) =>
      generateDemo({ participants: 24, editions }).editions.map((e) => e.bundle.questionnaire.edition.year);
    expect(years(20)).toEqual(Array.from({ length: 20 }, (_, i) => 2005 + i));
    expect(years(30)).toEqual(Array.from({ length: 30 }, (_, i) => 2000 + i));
  });

  it('keeps most companies across editions, with a few joining or leaving', () => {
    const [a, , c] = data.editions.map((e) => new Set(e.bundle.participants.map((p) => p.companySlug)));
    const inBoth = [...c!].filter((s) => a!.has(s)).length;
    expect(inBoth / 192).toBeGreaterThan(0.85);
    expect(inBoth).toBeLessThan(192);
    // A slug always means the same company (name and class).
    const seen = new Map<string, string>();
    for (const ed of data.editions)
      for (const p of ed.bundle.participants) {
        const key = `${p.companyName}|${p.className}`;
        expect(seen.get(p.companySlug) ?? key).toBe(key);
        seen.set(p.companySlug, key);
      }
  });

  it('mixes tiers, competitors and report purchases', () => {
    for (const ed of data.editions) {
      const ps = ed.bundle.participants;
      const slugs = new Set(ps.map((p) => p.companySlug));
      const konk = ps.filter((p) => p.tier === 'KONKURRENT');
      expect(konk.length / ps.length).toBeGreaterThan(0.2);
      expect(konk.length / ps.length).toBeLessThan(0.42);
      for (const p of ps) {
        if (p.tier === 'ENKEL') expect(p.competitors).toEqual([]);
        else {
          expect(p.competitors.length).toBeGreaterThanOrEqual(1);
          expect(p.competitors.length).toBeLessThanOrEqual(5);
          expect(p.competitors).not.toContain(p.companySlug);
          expect(new Set(p.competitors).size).toBe(p.competitors.length);
          for (const c of p.competitors) expect(slugs.has(c)).toBe(true);
        }
      }
      const bought = ps.filter((p) => p.reportPurchased).length / ps.length;
      expect(bought).toBeGreaterThan(0.55);
      expect(bought).toBeLessThan(0.85);
      expect(new Set(ps.map((p) => p.channels.length))).toEqual(new Set([1, 2, 3]));
      expect(ed.rolePlays.length).toBeGreaterThanOrEqual(ps.length);
      for (const p of ps) expect(ed.rolePlays.some((r) => r.companySlug === p.companySlug)).toBe(true);
    }
  });

  it('gives every participant 25 responses split by the edition keys', () => {
    for (const ed of data.editions) {
      const { inquiriesPerParticipant, channelKeys, year } = ed.bundle.questionnaire.edition;
      const byCompany = groupBy(ed.bundle.responses, (r) => r.companySlug);
      for (const p of ed.bundle.participants) {
        const rs = byCompany.get(p.companySlug) ?? [];
        expect(rs).toHaveLength(inquiriesPerParticipant);
        const split = splitInquiries(inquiriesPerParticipant, p.channels, channelKeys);
        for (const ch of CHANNELS) expect(rs.filter((r) => r.channel === ch).length, `${p.companySlug} ${ch}`).toBe(split[ch]);
        expect(rs.map((r) => r.inquiryId).sort()).toEqual(
          Array.from({ length: 25 }, (_, i) => `${year}-${p.companySlug}-${String(i + 1).padStart(2, '0')}`),
        );
      }
    }
  });

  it('leaves 2–7 % unanswered, recorded as the wait limits say', () => {
    for (const ed of data.editions) {
      const rs = ed.bundle.responses;
      const un = rs.filter((r) => r.status === 'UNANSWERED');
      expect(un.length / rs.length).toBeGreaterThan(0.02);
      expect(un.length / rs.length).toBeLessThan(0.07);
      for (const r of un) {
        expect(r.answers).toEqual({});
        expect(r.attempts).toBe(r.channel === 'EMAIL' ? 1 : 2);
        expect(r.waitSeconds).toBe(DEFAULT_WAIT_LIMITS[r.channel].waitSeconds);
        expect(r.comments.reception.length).toBeGreaterThan(10);
        expect(r.comments.agent).toBe('');
        expect(r.comments.overall).toBe('');
      }
    }
  });

  it('answers exactly the questions that apply to the channel, with valid values', () => {
    const problems: string[] = [];
    for (const ed of data.editions) {
      const qs = ed.bundle.questionnaire.questions;
      const expected = new Map(
        CHANNELS.map((ch) => [
          ch,
          qs
            .filter((q) => appliesTo(q, ch))
            .map((q) => q.code)
            .sort()
            .join(','),
        ]),
      );
      for (const r of ed.bundle.responses) {
        if (r.status !== 'ANSWERED') continue;
        if (Object.keys(r.answers).sort().join(',') !== expected.get(r.channel)) problems.push(`${r.inquiryId}: question set`);
        for (const q of qs) {
          const v = r.answers[q.code];
          if (v === undefined) continue;
          if (questionKind(q) === 'SCALE') {
            const n = Number(v);
            if (!Number.isInteger(n) || n < q.min! || n > q.max!) problems.push(`${r.inquiryId}: ${q.code}=${v}`);
          } else if (!q.options!.some((o) => o.code === v)) problems.push(`${r.inquiryId}: ${q.code}=${v}`);
        }
        if (!(r.attempts === 1 || (r.attempts === 2 && r.channel !== 'EMAIL'))) problems.push(`${r.inquiryId}: attempts`);
        if (!(r.comments.reception && r.comments.agent && r.comments.overall)) problems.push(`${r.inquiryId}: comments`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has realistic wait times per channel', () => {
    const answered = data.editions.flatMap((e) => e.bundle.responses).filter((r) => r.status === 'ANSWERED');
    const median = (ch: string) => {
      const w = answered
        .filter((r) => r.channel === ch)
        .map((r) => r.waitSeconds!)
        .sort((a, b) => a - b);
      return w[Math.floor(w.length / 2)]!;
    };
    for (const r of answered) {
      expect(r.waitSeconds!).toBeGreaterThan(0);
      expect(r.waitSeconds!).toBeLessThan(DEFAULT_WAIT_LIMITS[r.channel].waitSeconds);
    }
    expect(median('PHONE')).toBeGreaterThan(10);
    expect(median('PHONE')).toBeLessThan(180);
    expect(median('EMAIL')).toBeGreaterThan(3600);
    expect(median('MESSENGER')).toBeGreaterThan(median('CHAT'));
  });

  it('contacts on weekdays 09–15 Europe/Oslo (e-mail 09–12) in the fieldwork weeks', () => {
    const problems: string[] = [];
    for (const ed of data.editions) {
      const year = ed.bundle.questionnaire.edition.year;
      for (const r of ed.bundle.responses) {
        const bad = (why: string) => problems.push(`${r.inquiryId} ${r.contactedAt}: ${why}`);
        if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/.test(r.contactedAt)) bad('format');
        const { date, hour } = parseLocal(r.contactedAt);
        if (!r.contactedAt.endsWith(`+0${osloOffsetHours(date)}:00`)) bad('offset');
        if (weekdayOf(date) >= 5) bad('weekend');
        if (hour < 9 || hour >= (r.channel === 'EMAIL' ? 12 : 15)) bad('hour');
        const w = isoWeek(date);
        if (w.year !== year || !ed.fieldworkWeeks.includes(w.week)) bad('week');
        if (Number.isNaN(Date.parse(r.contactedAt))) bad('unparseable');
      }
    }
    expect(problems).toEqual([]);
    // The switch to winter time falls inside the fieldwork weeks.
    const all = data.editions.flatMap((e) => e.bundle.responses.map((r) => r.contactedAt.slice(-6)));
    expect(new Set(all)).toEqual(new Set(['+02:00', '+01:00']));
  });

  it('has ≥ 1000 observers of all genders, ages 18 to 60+ and all over Norway', () => {
    const obs = data.observers;
    expect(obs.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(obs.map((o) => o.id)).size).toBe(obs.length);
    expect(obs[0]!.id).toBe('OBS-0001');
    const other = obs.filter((o) => o.gender === 'OTHER').length;
    expect(other).toBeGreaterThan(0);
    expect(other / obs.length).toBeLessThan(0.08);
    expect(obs.filter((o) => o.gender === 'FEMALE').length).toBeGreaterThan(obs.length / 3);
    expect(obs.filter((o) => o.gender === 'MALE').length).toBeGreaterThan(obs.length / 3);
    const ages = obs.map((o) => 2022 - o.birthYear);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(18);
    expect(Math.max(...ages)).toBeGreaterThan(60);
    expect(new Set(obs.map((o) => o.region)).size).toBeGreaterThanOrEqual(10);
    expect(obs.some((o) => o.qualityScore < DEMO_MIN_QUALITY_SCORE)).toBe(true);
    expect(obs.filter((o) => o.customerOf.length > 0).length).toBeGreaterThan(obs.length / 2);
    expect(obs.some((o) => o.contactedBefore.length > 0)).toBe(true);
    expect(obs.some((o) => o.unavailableWeeks.length > 0)).toBe(true);
    const byId = new Map(obs.map((o) => [o.id, o]));
    for (const ed of data.editions)
      for (const r of ed.bundle.responses) {
        const o = byId.get(r.observerId)!;
        expect(o).toBeDefined();
        expect(r.observerGender).toBe(o.gender);
        expect(r.observerBirthYear).toBe(o.birthYear);
      }
  });

  it('assigns only eligible observers, never twice to the same company, across editions', () => {
    const state = new Map<string, ObserverProfile>(data.observers.map((o) => [o.id, { ...o, contactedBefore: [...o.contactedBefore] }]));
    const pairs = new Set<string>();
    const problems: string[] = [];
    for (const ed of data.editions) {
      for (const r of ed.bundle.responses) {
        const o = state.get(r.observerId)!;
        const week = isoWeek(parseLocal(r.contactedAt).date).week;
        const at = `${r.inquiryId} ${o.id}`;
        if (o.customerOf.includes(r.companySlug)) problems.push(`${at}: customer`);
        if (o.contactedBefore.includes(r.companySlug)) problems.push(`${at}: contacted before`);
        if (!isEligible(o, r.companySlug, week, { minQualityScore: DEMO_MIN_QUALITY_SCORE })) problems.push(`${at}: not eligible`);
        const pair = `${o.id}|${r.companySlug}`;
        if (pairs.has(pair)) problems.push(`${at}: twice`);
        pairs.add(pair);
        o.contactedBefore.push(r.companySlug);
      }
    }
    expect(problems).toEqual([]);
    const after = new Map(observersAfterDemo(data).map((o) => [o.id, o]));
    for (const [id, o] of state) expect(new Set(after.get(id)!.contactedBefore)).toEqual(new Set(o.contactedBefore));
    // The profiles handed out are the pool before the demo (not mutated by the generator).
    expect(data.observers.every((o) => o.contactedBefore.length <= 3)).toBe(true);
  });

  it('makes companies, channels and single agents really differ, and companies persist across years', () => {
    const means = data.editions.map((ed) => {
      const qs = ed.bundle.questionnaire.questions;
      const by = new Map<string, number[]>();
      for (const r of ed.bundle.responses) {
        const list = by.get(r.companySlug) ?? [];
        list.push(points(qs, r).score);
        by.set(r.companySlug, list);
      }
      return by;
    });
    const companyMeans = [...means[2]!.values()].map(mean);
    expect(sd(companyMeans)).toBeGreaterThan(6);
    expect(Math.max(...companyMeans) - Math.min(...companyMeans)).toBeGreaterThan(30);
    // Delivery variation inside a company.
    expect(mean([...means[2]!.values()].map(sd))).toBeGreaterThan(8);
    // Last year predicts this year.
    const common = [...means[2]!.keys()].filter((s) => means[1]!.has(s));
    const x = common.map((s) => mean(means[1]!.get(s)!));
    const y = common.map((s) => mean(means[2]!.get(s)!));
    const mx = mean(x);
    const my = mean(y);
    const r = mean(x.map((v, i) => (v - mx) * (y[i]! - my))) / (sd(x) * sd(y));
    expect(r).toBeGreaterThan(0.5);
    expect(r).toBeLessThan(0.999);
    // Channels differ: phone better than e-mail.
    const ed = data.editions[2]!;
    const byChannel = (ch: string) =>
      mean(
        ed.bundle.responses
          .filter((x) => x.channel === ch && x.status === 'ANSWERED')
          .map((x) => points(ed.bundle.questionnaire.questions, x).score),
      );
    expect(byChannel('PHONE') - byChannel('EMAIL')).toBeGreaterThan(3);
  });

  it('correlates CX answers with the inquiry score', () => {
    const ed = data.editions[2]!;
    const qs = ed.bundle.questionnaire.questions;
    const answered = ed.bundle.responses.filter((r) => r.status === 'ANSWERED').map((r) => ({ r, s: points(qs, r).score }));
    const high = answered.filter((a) => a.s >= 80);
    const low = answered.filter((a) => a.s < 50);
    expect(high.length).toBeGreaterThan(100);
    expect(low.length).toBeGreaterThan(100);
    for (const code of ['CSAT', 'CES', 'NPS', 'VES1', 'VES2'] as const) {
      const m = (xs: typeof answered) => mean(xs.map((a) => Number(a.r.answers[code])));
      const range = CX_SCALES[code].max - CX_SCALES[code].min;
      expect(m(high) - m(low), code).toBeGreaterThan(range * 0.2);
    }
  });

  it('writes varied comments whose tone matches the scores', () => {
    for (const ed of data.editions) {
      const qs = ed.bundle.questionnaire.questions;
      const byCompany = groupBy(
        ed.bundle.responses.filter((r) => r.status === 'ANSWERED'),
        (r) => r.companySlug,
      );
      for (const [slug, rs] of byCompany) {
        const distinctAgent = new Set(rs.map((r) => r.comments.agent)).size;
        expect(distinctAgent, slug).toBeGreaterThanOrEqual(Math.min(20, rs.length - 1));
        expect(new Set(rs.map((r) => r.comments.overall)).size).toBeGreaterThanOrEqual(Math.min(18, rs.length - 2));
      }
      for (const r of ed.bundle.responses) {
        if (r.status !== 'ANSWERED') continue;
        const p = points(qs, r);
        for (const area of ['RECEPTION', 'AGENT', 'OVERALL'] as const) {
          const text = r.comments[area === 'RECEPTION' ? 'reception' : area === 'AGENT' ? 'agent' : 'overall'];
          expect(opensWith(text, OPENINGS[area][levelOf(p.share(area))]), `${r.inquiryId} ${area}: ${text}`).toBe(true);
        }
      }
    }
    const leftovers = data.editions
      .flatMap((e) => e.bundle.responses)
      .filter((r) => Object.values(r.comments).some((c) => /[{}|]|\s\s|^\s|\s$/.test(c)));
    expect(leftovers.map((r) => r.inquiryId)).toEqual([]);
    const sample = data.editions[2]!.bundle.responses.find((r) => r.status === 'ANSWERED')!;
    expect(sample.comments.agent).toMatch(/[æøåÆØÅ]|Kundebehandleren|Hen/);
  });

  it('scales down for fast tests', () => {
    const small = generateDemo({ participants: 24, editions: 2, observers: 1000 });
    expect(small.editions.map((e) => e.bundle.questionnaire.edition.year)).toEqual([2023, 2024]);
    for (const ed of small.editions) {
      expect(ed.bundle.participants).toHaveLength(24);
      expect(new Set(ed.bundle.participants.map((p) => p.className)).size).toBe(24);
      expect(ed.bundle.responses).toHaveLength(24 * 25);
    }
    const one = generateDemo({ editions: 1, participants: 48, latestStatus: 'REVIEW' });
    expect(one.editions).toHaveLength(1);
    expect(one.editions[0]!.status).toBe('REVIEW');
    expect(one.editions[0]!.bundle.questionnaire.edition.year).toBe(2024);
  });
});

describe('the edition being planned and the pool', () => {
  it('signs up all of 2024 but 3 for 2025, as they took part, and 6 new companies: 5 to decide, 1 to decline', () => {
    const planning = data.planning!;
    expect([planning.fromYear, planning.year, planning.nextYear]).toEqual([2024, 2025, 2026]);
    const latest = data.editions[2]!.bundle.participants;
    const decisions = (d: string) => planning.signUps.filter((s) => s.decision === d);
    expect([decisions('ACCEPT').length, decisions('PENDING').length, decisions('DECLINE').length]).toEqual([189, 5, 1]);
    for (const s of decisions('ACCEPT')) {
      const p = latest.find((x) => x.companySlug === s.companySlug)!;
      expect([s.companyName, s.className, s.tier, s.channels, s.reportPurchased]).toEqual([
        p.companyName,
        p.className,
        p.tier,
        p.channels,
        p.reportPurchased,
      ]);
      expect(s.contactEmail).toMatch(new RegExp(`^[a-z]+\\.[a-z]+@${s.companySlug}\\.no$`));
    }
    const knownNames = new Set(latest.map((p) => p.companyName));
    const fresh = [...decisions('PENDING'), ...decisions('DECLINE')];
    for (const s of fresh) expect(knownNames.has(s.companyName)).toBe(false);
    expect(fresh.map((s) => s.tier)).toEqual(['KONKURRENT', 'ENKEL', 'ENKEL', 'ENKEL', 'ENKEL', 'ENKEL']);
    // The konkurrent signs up for the year after the one in fieldwork: it names the other new companies waiting.
    expect(fresh[0]!.competitors).toEqual(fresh.slice(1, 4).map((s) => s.companyName));
    // With planning: false nothing of the published editions changes.
    const published = generateDemo({ planning: false });
    expect(published.planning).toBeNull();
    expect(hash(published.editions)).toBe(hash(data.editions));
  });

  it('gives every company a valid organisation number of its own', () => {
    const numbers = [...data.companies.map((c) => c.organisationNumber), ...data.planning!.signUps.map((s) => s.organisationNumber)];
    expect(numbers.filter((n) => organisationNumberProblem(n) !== null)).toEqual([]);
    // The 207 companies of 2022–2024 (192 a year, some leaving and others joining) and the 6 new
    // ones; the returning companies sign up with their own number.
    expect(data.companies).toHaveLength(207);
    expect(new Set(numbers).size).toBe(207 + 6);
  });

  it('names every observer of the pool and gives about a quarter one fieldwork week of 2025 off', () => {
    expect(data.pool).toHaveLength(1500);
    expect(data.pool.map((o) => o.observerId)).toEqual(data.observers.map((o) => o.id));
    for (const o of data.pool) expect(o.name).toMatch(/^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u);
    const off = data.pool.filter((o) => o.unavailableWeeks.length > 0);
    expect(off.length / 1500).toBeGreaterThan(0.2);
    expect(off.length / 1500).toBeLessThan(0.3);
    for (const o of off) expect(o.unavailableWeeks).toEqual([expect.stringMatching(/^2025-W(3[6-9]|4[0-4])$/)]);
    const passing = data.pool.filter((o) => o.qualityScore >= 70).length / 1500;
    expect(passing).toBeGreaterThan(0.75);
    expect(passing).toBeLessThan(0.85);
  });
});
