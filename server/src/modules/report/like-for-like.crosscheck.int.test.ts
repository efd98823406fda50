import { beforeAll, describe, expect, it } from 'vitest';
import { compareQuestionnaires, likeForLikeTotal, participantTotal, type EditionBundle } from '@ksp/shared';
import { useTestDatabase } from '@server/test/db.js';
import { rows } from '../../db/sql.js';
import { loadDemo } from '../../cli/demo.js';
import { readEdition } from '../edition/edition-bundle.js';
import { likeForLike, type EditionPair } from './like-for-like.read-model.js';

/**
 * The like-for-like SQL and the pure rule in shared/ check each other over the demo data, for
 * every company in two consecutive editions: once as generated (the same questionnaire both
 * years, so like for like is the published totals), and once after one scored question of the
 * later edition is reworded (it then leaves both totals).
 */
const db = useTestDatabase();
let years: number[];
let editionIds: number[];
/** Per company slug: its participation id in each of the two editions. */
let companies: { slug: string; ids: [number, number] }[];

beforeAll(async () => {
  await loadDemo(db.orm, { editions: 2, participants: 24, planning: false });
  const editions = await rows<{ id: number; year: number }>(db.sql, `select id, year from edition order by year`);
  years = editions.map((e) => e.year);
  editionIds = editions.map((e) => e.id);
  companies = (
    await rows<{ slug: string; ids: number[] }>(
      db.sql,
      `select c.slug, array_agg(p.id order by e.year) as ids
       from participation p join company c on c.id = p.company_id join edition e on e.id = p.edition_id
       group by c.slug having count(*) = 2`,
    )
  ).map((r) => ({ slug: r.slug, ids: [r.ids[0]!, r.ids[1]!] }));
}, 180_000);

const pairsOf = (channel: EditionPair['channel'] = null): EditionPair[] =>
  companies.map((c) => ({
    previous: { participationId: c.ids[0], editionId: editionIds[0]!, year: years[0]! },
    current: { participationId: c.ids[1], editionId: editionIds[1]! },
    channel,
  }));

async function expectAgreement(bundles: EditionBundle[]) {
  const [before, after] = bundles as [EditionBundle, EditionBundle];
  const common = compareQuestionnaires(before.questionnaire.questions, after.questionnaire.questions).common;
  const results = await likeForLike(db.sql, pairsOf());
  expect(results).toHaveLength(companies.length);
  for (const [i, c] of companies.entries()) {
    const prev = before.responses.filter((r) => r.companySlug === c.slug);
    const cur = after.responses.filter((r) => r.companySlug === c.slug);
    expect(results[i]!.common, c.slug).toEqual(common);
    expect(results[i]!.previousTotal, c.slug).toBeCloseTo(likeForLikeTotal(before.questionnaire.questions, prev, common)!, 9);
    expect(results[i]!.total, c.slug).toBeCloseTo(likeForLikeTotal(after.questionnaire.questions, cur, common)!, 9);
  }
  return results;
}

describe('like-for-like SQL = shared rule, for every demo company in both editions', () => {
  it('gives the published totals where the questionnaire did not change', async () => {
    expect(companies.length).toBeGreaterThan(10);
    const bundles = [(await readEdition(db.sql, years[0]!))!, (await readEdition(db.sql, years[1]!))!];
    const results = await expectAgreement(bundles);
    for (const [i, c] of companies.entries()) {
      expect(results[i]!.questionnaireChanged).toBe(false);
      const cur = bundles[1]!.responses.filter((r) => r.companySlug === c.slug);
      expect(results[i]!.total, c.slug).toBeCloseTo(participantTotal(bundles[1]!.questionnaire.questions, cur)!, 9);
    }
  }, 60_000);

  it('leaves a reworded question out of both totals', async () => {
    const [reworded] = await rows<{ code: string }>(
      db.sql,
      `update question set text = text || ' (ny ordlyd)'
       where id = (select id from question where edition_id = $1 and area = 'AGENT' and max_points is not null order by position limit 1)
       returning code`,
      [editionIds[1]],
    );
    const bundles = [(await readEdition(db.sql, years[0]!))!, (await readEdition(db.sql, years[1]!))!];
    const results = await expectAgreement(bundles);
    expect(results[0]!).toMatchObject({ questionnaireChanged: true, changed: [reworded!.code], added: [], removed: [] });
    // Without it, the totals are no longer the published ones for someone who answered it.
    const differs = companies.some((c, i) => {
      const cur = bundles[1]!.responses.filter((r) => r.companySlug === c.slug);
      return Math.abs(results[i]!.total! - participantTotal(bundles[1]!.questionnaire.questions, cur)!) > 1e-6;
    });
    expect(differs).toBe(true);
  }, 60_000);
});
