import { beforeAll, describe, expect, it } from 'vitest';
import { participantReport, rankResultList, type EditionBundle } from '@ksp/shared';
import { useTestDatabase } from '@server/test/db.js';
import { rows } from '../../db/sql.js';
import { loadDemo } from '../../cli/demo.js';
import { readEdition } from '../edition/edition-bundle.js';
import { resultList } from '../result-list/result-list.service.js';
import * as readModel from './report.read-model.js';

/**
 * Two implementations of the scoring rules check each other: the SQL read model (view
 * scored_item and its aggregates) and the pure engine in shared/, over the demo data.
 */
const db = useTestDatabase();
let bundle: EditionBundle;
let participations: Map<string, number>;

const PRECISION = 9;
type Scored = { score?: number | null; total?: number | null };
/** Channel lists may omit a channel without basis on one side: compare as maps where missing means null. */
function expectSameByChannel(sql: ({ channel: string } & Scored)[], engine: ({ channel: string } & Scored)[], what: string) {
  const value = (r: Scored | undefined) => r?.score ?? r?.total ?? null;
  const channels = new Set([...sql, ...engine].map((r) => r.channel));
  for (const channel of channels) {
    const a = value(sql.find((r) => r.channel === channel));
    const b = value(engine.find((r) => r.channel === channel));
    if (a === null || b === null) expect(a, `${what} ${channel}`).toBe(b);
    else expect(a, `${what} ${channel}`).toBeCloseTo(b, PRECISION);
  }
}
function expectClose(a: number | null, b: number | null, what: string) {
  if (a === null || b === null) expect(a, what).toBe(b);
  else expect(a, what).toBeCloseTo(b, PRECISION);
}

beforeAll(async () => {
  // The published edition alone: participants are looked up by company, and the edition being
  // planned would hold most of the same companies again, without inquiries.
  await loadDemo(db.orm, { editions: 1, participants: 192, planning: false });
  bundle = (await readEdition(db.sql, 2024))!;
  participations = new Map(
    (
      await rows<{ slug: string; id: number }>(db.sql, `select c.slug, p.id from participation p join company c on c.id = p.company_id`)
    ).map((r) => [r.slug, r.id]),
  );
}, 180_000);

describe('SQL read model = shared scoring engine, for every demo participant', () => {
  it('agrees on totals, channels, areas, categories, CX and every inquiry score', async () => {
    const { questions } = bundle.questionnaire;
    expect(bundle.participants.length).toBeGreaterThanOrEqual(180);
    const ids = [...participations.values()];
    const [allTotals, allAreas, allCategories, allCx, allInquiries] = await Promise.all([
      readModel.totals(db.sql, ids),
      readModel.areaScores(db.sql, ids),
      readModel.categoryScores(db.sql, ids),
      readModel.cxMeasures(db.sql, ids),
      readModel.inquiryScores(db.sql, ids),
    ]);
    for (const p of bundle.participants) {
      const id = participations.get(p.companySlug)!;
      const engine = participantReport(
        questions,
        bundle.responses.filter((r) => r.companySlug === p.companySlug),
      );
      const who = p.companySlug;

      const totals = allTotals.get(id)!;
      expectClose(totals.total, engine.total, `${who} total`);
      expectSameByChannel(totals.byChannel, engine.byChannel, `${who} total`);

      const areas = allAreas.get(id)!;
      expect(areas.map((a) => a.area)).toEqual(engine.areas.map((a) => a.area));
      for (const [i, area] of areas.entries()) {
        expectClose(area.score, engine.areas[i]!.score, `${who} ${area.area}`);
        expectSameByChannel(area.byChannel, engine.areas[i]!.byChannel, `${who} ${area.area}`);
      }

      const categories = allCategories.get(id)!;
      for (const c of engine.categories) {
        expectClose(categories.find((x) => x.category === c.category)?.score ?? null, c.score, `${who} ${c.category}`);
      }

      const cx = allCx.get(id)!;
      for (const key of Object.keys(engine.cx) as (keyof typeof engine.cx)[]) expectClose(cx[key], engine.cx[key], `${who} ${key}`);
      expect(cx.npsDistribution.count, `${who} NPS answers`).toBe(engine.inquiries.filter((i) => i.status === 'ANSWERED').length);

      const inquiries = allInquiries.get(id)!;
      const engineScores = new Map(engine.inquiries.map((i) => [i.inquiryId, i.score]));
      expect(inquiries.length).toBe(engine.inquiries.length);
      for (const inquiry of inquiries) expectClose(inquiry.score, engineScores.get(inquiry.id) ?? null, `${who} ${inquiry.id}`);
    }
  }, 120_000);

  it('agrees on the ranked result list', async () => {
    const { questions } = bundle.questionnaire;
    const engine = rankResultList(
      bundle.participants.map((p) => ({
        companySlug: p.companySlug,
        companyName: p.companyName,
        className: p.className,
        total: participantReport(
          questions,
          bundle.responses.filter((r) => r.companySlug === p.companySlug),
        ).total,
      })),
    );
    const sql = await resultList(db.sql, { kind: 'anonymous' }, 2024);
    expect(sql.map((r) => [r.company.slug, r.rank, r.classRank])).toEqual(engine.map((r) => [r.companySlug, r.rank, r.classRank]));
  });
});
