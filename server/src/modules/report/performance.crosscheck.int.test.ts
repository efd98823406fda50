import { beforeAll, describe, expect, it } from 'vitest';
import {
  CHANNELS,
  SCORED_AREAS,
  appliesTo,
  describeSpread,
  inquiryScore,
  performanceScores,
  pooledScore,
  scoredItems,
  type EditionBundle,
  type QuestionDef,
  type ResponseRow,
  type Spread,
} from '@ksp/shared';
import { useTestDatabase } from '@server/test/db.js';
import { rows } from '../../db/sql.js';
import { loadDemo } from '../../cli/demo.js';
import { readEdition } from '../edition/edition-bundle.js';
import { performances } from './performance.read-model.js';
import { areaSpreads, inquirySpreads, performanceSpreads, type SpreadResult } from './variation.read-model.js';

/**
 * Performances and variation: the SQL read model against the pure engine of @ksp/shared
 * (`performanceScores`, `describeSpread` over `inquiryScore` / `scoredItems`), for every
 * demo participant and every question.
 */
const db = useTestDatabase();
let bundle: EditionBundle;
let participations: Map<string, number>;
let ids: number[];

const PRECISION = 9;
function expectClose(a: number | null | undefined, b: number | null | undefined, what: string) {
  if (a === null || a === undefined || b === null || b === undefined) expect(a ?? null, what).toBe(b ?? null);
  else expect(a, what).toBeCloseTo(b, PRECISION);
}
function expectSameSpread(sql: SpreadResult, engine: Spread | null, what: string) {
  expect(sql.count, `${what} count`).toBe(engine?.count ?? 0);
  for (const key of ['min', 'q1', 'median', 'q3', 'max', 'mean', 'stdDev'] as const)
    expectClose(sql[key], engine?.[key] ?? null, `${what} ${key}`);
}
const present = (values: (number | null)[]) => values.filter((v): v is number => v !== null);
const responsesOf = (slug: string) => bundle.responses.filter((r) => r.companySlug === slug);

/** SQL performances for one participant, checked question by question against the engine over `inquiries`. */
function expectSamePerformances(
  sql: Awaited<ReturnType<typeof performances>>,
  questions: QuestionDef[],
  inquiries: ResponseRow[],
  id: number,
  who: string,
) {
  // The engine gives every CHOICE question; the report leaves CX out (its scales are the CX chapter).
  const engine = performanceScores(questions, inquiries).filter((p) => p.area !== 'CX');
  const own = sql.get(id)!;
  expect(
    own.map((p) => p.code),
    `${who} questions`,
  ).toEqual(engine.map((p) => p.questionCode));
  for (const [k, p] of own.entries()) {
    const e = engine[k]!;
    const what = `${who} ${p.code}`;
    expectClose(p.score, e.score, `${what} score`);
    expect(p.answers, `${what} answers`).toBe(e.answers);
    expect(
      p.options.map((o) => [o.code, o.label, o.count]),
      `${what} options`,
    ).toEqual(e.options.map((o) => [o.code, o.label, o.count]));
    for (const [j, o] of p.options.entries()) expectClose(o.share, e.options[j]!.share, `${what} ${o.code} share`);
    // Per channel: the engine over that channel's inquiries; SQL lists the channels that have answers.
    const byChannel = CHANNELS.map((channel) => ({
      channel,
      e: performanceScores(
        questions,
        inquiries.filter((i) => i.channel === channel),
      ).find((x) => x.questionCode === p.code)!,
    })).filter((c) => c.e.answers > 0);
    expect(
      p.byChannel.map((c) => [c.channel, c.answers]),
      `${what} channels`,
    ).toEqual(byChannel.map((c) => [c.channel, c.e.answers]));
    for (const [j, c] of p.byChannel.entries()) expectClose(c.score, byChannel[j]!.e.score, `${what} ${c.channel} score`);
  }
}

beforeAll(async () => {
  // The published edition alone: participants are looked up by company, and the edition being
  // planned would hold most of the same companies again, without inquiries.
  await loadDemo(db.orm, { editions: 1, participants: 48, planning: false });
  bundle = (await readEdition(db.sql, 2024))!;
  participations = new Map(
    (
      await rows<{ slug: string; id: number }>(db.sql, `select c.slug, p.id from participation p join company c on c.id = p.company_id`)
    ).map((r) => [r.slug, r.id]),
  );
  ids = [...participations.values()];
}, 180_000);

describe('performances and variation: SQL read model = shared scoring engine, for every demo participant', () => {
  it('agrees on every performance: score, answers, option counts and shares, per channel', async () => {
    const { questions } = bundle.questionnaire;
    expect(bundle.participants.length).toBeGreaterThanOrEqual(40);
    const sql = await performances(db.sql, ids);
    let unscored = 0;
    let notApplicable = 0;
    for (const p of bundle.participants) {
      expectSamePerformances(sql, questions, responsesOf(p.companySlug), participations.get(p.companySlug)!, p.companySlug);
      const own = sql.get(participations.get(p.companySlug)!)!;
      unscored += own.filter((x) => !x.scored && x.answers > 0).length;
      notApplicable += own.flatMap((x) => x.options).filter((o) => o.notApplicable && o.count > 0).length;
    }
    // The demo exercises what the rules are about: distributions of unscored questions and N/A answers.
    expect(unscored).toBeGreaterThan(0);
    expect(notApplicable).toBeGreaterThan(0);
  }, 120_000);

  it('agrees when narrowed to a channel (its inquiries, the questions that apply to it)', async () => {
    const { questions } = bundle.questionnaire;
    for (const channel of ['PHONE', 'EMAIL'] as const) {
      const sql = await performances(db.sql, ids, channel);
      const applying = questions.filter((q) => q.kind === 'SCALE' || q.area === 'CX' || appliesTo(q, channel));
      for (const p of bundle.participants) {
        const inquiries = responsesOf(p.companySlug).filter((r) => r.channel === channel);
        expectSamePerformances(sql, applying, inquiries, participations.get(p.companySlug)!, `${p.companySlug} ${channel}`);
      }
    }
  }, 120_000);

  it('agrees on the spread of inquiry scores, overall and per channel', async () => {
    const { questions } = bundle.questionnaire;
    const sql = await inquirySpreads(db.sql, ids);
    for (const p of bundle.participants) {
      const inquiries = responsesOf(p.companySlug);
      const spread = sql.get(participations.get(p.companySlug)!)!;
      expectSameSpread(spread.total, describeSpread(present(inquiries.map((i) => inquiryScore(questions, i)))), `${p.companySlug} total`);
      const channels = CHANNELS.filter((c) => inquiries.some((i) => i.channel === c));
      expect(
        spread.byChannel.map((c) => c.channel),
        `${p.companySlug} channels`,
      ).toEqual(channels);
      for (const c of spread.byChannel) {
        const values = present(inquiries.filter((i) => i.channel === c.channel).map((i) => inquiryScore(questions, i)));
        expectSameSpread(c.spread, describeSpread(values), `${p.companySlug} ${c.channel}`);
      }
    }
  }, 120_000);

  it("agrees on the spread of the inquiries' area scores", async () => {
    const { questions } = bundle.questionnaire;
    const sql = await areaSpreads(db.sql, ids);
    for (const p of bundle.participants) {
      const inquiries = responsesOf(p.companySlug);
      // The engine's items carry the unanswered rule: an unanswered inquiry has items only in RESPONSE_TIME.
      const areaScore = (i: ResponseRow, area: string) => {
        const items = scoredItems(questions, i).filter((x) => x.area === area);
        return items.length ? pooledScore(items) : null;
      };
      const own = sql.get(participations.get(p.companySlug)!)!;
      expect(own.map((a) => a.area)).toEqual([...SCORED_AREAS]);
      for (const a of own) {
        expectSameSpread(a.spread, describeSpread(present(inquiries.map((i) => areaScore(i, a.area)))), `${p.companySlug} ${a.area}`);
        for (const c of a.byChannel) {
          const values = present(inquiries.filter((i) => i.channel === c.channel).map((i) => areaScore(i, a.area)));
          expectSameSpread(c.spread, describeSpread(values), `${p.companySlug} ${a.area} ${c.channel}`);
        }
        const engineChannels = CHANNELS.filter((c) => inquiries.some((i) => i.channel === c && areaScore(i, a.area) !== null));
        expect(
          a.byChannel.map((c) => c.channel),
          `${p.companySlug} ${a.area} channels`,
        ).toEqual(engineChannels);
      }
    }
  }, 120_000);

  it('agrees on the spread of every scored performance, and ranks the widest first', async () => {
    const { questions } = bundle.questionnaire;
    const sql = await performanceSpreads(db.sql, ids);
    for (const p of bundle.participants) {
      const items = responsesOf(p.companySlug)
        .flatMap((i) => scoredItems(questions, i))
        .filter((x) => x.inPerformance);
      const own = sql.get(participations.get(p.companySlug)!)!;
      const codes = [...new Set(items.map((x) => x.questionCode))];
      expect([...own.map((x) => x.code)].sort(), `${p.companySlug} questions`).toEqual(codes.sort());
      for (const x of own) {
        const mine = items.filter((i) => i.questionCode === x.code);
        const spread = describeSpread(mine.map((i) => (100 * i.earned) / i.possible))!;
        expect(x.answers, `${p.companySlug} ${x.code} answers`).toBe(spread.count);
        expectClose(x.stdDev, spread.stdDev, `${p.companySlug} ${x.code} stdDev`);
        expectClose(x.score, pooledScore(mine), `${p.companySlug} ${x.code} score`);
      }
      for (const [k, x] of own.slice(1).entries()) {
        const before = own[k]!;
        expect(before.stdDev! - x.stdDev!, `${p.companySlug} order at ${x.code}`).toBeGreaterThan(-1e-9);
        if (Math.abs(before.stdDev! - x.stdDev!) < 1e-9)
          expect(before.code < x.code, `${p.companySlug} tie ${before.code} ${x.code}`).toBe(true);
      }
    }
  }, 120_000);
});
