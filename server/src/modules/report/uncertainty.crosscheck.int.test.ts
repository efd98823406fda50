import { beforeAll, describe, expect, it } from 'vitest';
import { editionUncertainty, scoredItems, totalUncertainty, type EditionBundle } from '@ksp/shared';
import { useTestDatabase } from '@server/test/db.js';
import { rows } from '../../db/sql.js';
import { loadDemo } from '../../cli/demo.js';
import { readEdition } from '../edition/edition-bundle.js';
import { standardErrors, uncertainty } from './uncertainty.read-model.js';
import { readSection } from './report.loaders.js';

/**
 * The standard error of a total twice: aggregated in SQL over `scored_item` (the read model) and
 * by the pure ratio estimator of shared/ over each inquiry's points from the pure scoring engine.
 * Each checks the other, as the scores do (report.crosscheck.int.test.ts). The rank intervals
 * built on the SQL figures must equal those built on the engine's.
 */
const db = useTestDatabase();
let bundle: EditionBundle;
let participations: Map<string, number>;
/** Left with one approved inquiry: no standard error, out of the others' comparisons. */
let single: string;
/** Left with none approved: not on the list at all. */
let none: string;

beforeAll(async () => {
  await loadDemo(db.orm, { editions: 1, participants: 72, planning: false });
  participations = new Map(
    (
      await rows<{ slug: string; id: number }>(
        db.sql,
        `select c.slug, p.id from participation p join company c on c.id = p.company_id order by p.id`,
      )
    ).map((r) => [r.slug, r.id]),
  );
  [single, none] = [...participations.keys()].slice(0, 2) as [string, string];
  await db.sql.query(
    `update inquiry set review_status = 'SUBMITTED' where participation_id = $1
       and id <> (select min(id) from inquiry where participation_id = $1)`,
    [participations.get(single)],
  );
  await db.sql.query(`update inquiry set review_status = 'SUBMITTED' where participation_id = $1`, [participations.get(none)]);
  bundle = (await readEdition(db.sql, 2024))!;
}, 180_000);

/** The engine's reading of every participant, from the bundle of approved responses. */
function engine() {
  const { questions } = bundle.questionnaire;
  return bundle.participants.map((p) => {
    const inquiries = bundle.responses
      .filter((r) => r.companySlug === p.companySlug)
      .map((r) => {
        const items = scoredItems(questions, r);
        return { earned: items.reduce((s, i) => s + i.earned, 0), possible: items.reduce((s, i) => s + i.possible, 0) };
      });
    return { slug: p.companySlug, className: p.className, inquiries: inquiries.length, ...totalUncertainty(inquiries) };
  });
}

describe('SQL standard error = shared ratio estimator, for every participant of the edition', () => {
  it('agrees on the number of inquiries, the total and the standard error', async () => {
    const sql = await standardErrors(db.sql, [...participations.values()]);
    const checked = engine();
    expect(checked.length).toBe(72);
    for (const p of checked) {
      const row = sql.get(participations.get(p.slug)!);
      if (p.slug === none) {
        expect(row, p.slug).toBeUndefined();
        expect(p.total).toBeNull();
        continue;
      }
      expect(row!.n, `${p.slug} n`).toBe(p.inquiries);
      expect(row!.total, `${p.slug} total`).toBeCloseTo(p.total!, 9);
      if (p.standardError === null) expect(row!.standardError, p.slug).toBeNull();
      else expect(row!.standardError, `${p.slug} SE`).toBeCloseTo(p.standardError, 9);
    }
    expect(sql.get(participations.get(single)!)).toMatchObject({ n: 1, standardError: null });
    // The demo's participants rest on about 25 inquiries: a few points of standard error each.
    const typical = checked.filter((p) => p.standardError !== null).map((p) => p.standardError!);
    expect(Math.min(...typical)).toBeGreaterThan(0.3);
    expect(Math.max(...typical)).toBeLessThan(10);
  });

  it('agrees on the intervals, the rank intervals and the ties, and stores them as computed', async () => {
    const fromEngine = editionUncertainty(
      engine().map((p) => ({ id: p.slug, className: p.className, total: p.total, standardError: p.standardError })),
    );
    const ids = [...participations.values()];
    const fromSql = await uncertainty(db.sql, ids);
    const stored = await readSection('uncertainty')(db.sql, ids, null);
    for (const [slug, id] of participations) {
      const e = fromEngine.get(slug)!;
      const s = fromSql.get(id)!;
      for (const key of ['standardError', 'low', 'high'] as const) {
        if (e[key] === null) expect(s[key], `${slug} ${key}`).toBeNull();
        else expect(s[key], `${slug} ${key}`).toBeCloseTo(e[key], 9);
      }
      expect([s.rankLow, s.rankHigh, s.classRankLow, s.classRankHigh], slug).toEqual([
        e.rankLow,
        e.rankHigh,
        e.classRankLow,
        e.classRankHigh,
      ]);
      expect(s.tiedWith.map((t) => t.slug).sort(), slug).toEqual([...e.tiedWith].sort());
      expect(stored.get(id), slug).toEqual(s);
    }
    // The two left out have no interval and are in nobody's comparison: P is the other 70.
    for (const slug of [single, none]) expect(fromSql.get(participations.get(slug)!)!.rankLow).toBeNull();
    const highs = [...fromSql.values()].map((u) => u.rankHigh).filter((r): r is number => r !== null);
    expect(Math.max(...highs)).toBeLessThanOrEqual(70);
    expect([...fromSql.values()].some((u) => u.tiedWith.some((t) => t.slug === single || t.slug === none))).toBe(false);
    // Most ranks within a class are statistical ties (the reason for this reading).
    expect([...fromSql.values()].filter((u) => u.classRankLow !== null && u.classRankLow < u.classRankHigh!).length).toBeGreaterThan(35);
  });
});
