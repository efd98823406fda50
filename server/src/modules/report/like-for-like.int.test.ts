import { beforeAll, describe, expect, it } from 'vitest';
import { likeForLikeTotal, type QuestionDef, type ResponseRow } from '@ksp/shared';
import { useTestDatabase } from '@server/test/db.js';
import { errorCodes, useApi } from '@server/test/api.js';
import { useViewers } from '@server/test/viewers.js';
import { fixtures, PARTICIPANTS, QUESTIONS } from '@server/test/factories.js';
import { storeEdition } from '../edition/edition-bundle.js';

/**
 * Like for like across two editions whose questionnaires differ by one question: in 2024
 * OVR_BUY's "Ja" is worth 6 points instead of 4, so it is changed, and the two totals are
 * recomputed on the four scored questions the editions share (docs/domain.md "Across editions").
 *
 * Common questions and their maxima: RT_WAIT 2, REC_WELCOME 4, AGT_NEEDS 6, AGT_PHONE 4 (PHONE
 * only): 16 possible on PHONE, 12 on EMAIL.
 *
 * alfa 2023 (the fixture responses):
 *   alfa-1 PHONE: RT_WAIT A 2, REC_WELCOME A 4, AGT_NEEDS B 3, AGT_PHONE A 4, OVR_BUY A 4 → 17 of 20; common 13 of 16
 *   alfa-2 EMAIL: RT_WAIT B 1, REC_WELCOME NA (drops), AGT_NEEDS A 6, OVR_BUY B 0      →  7 of 12; common  7 of  8
 *   alfa-3 PHONE unanswered                                                             →  0 of 20; common  0 of 16
 *   published 24/52 = 46.153846 %; like for like 20/40 = 50 %
 * alfa 2024:
 *   A1 PHONE: RT_WAIT B 1, REC_WELCOME B 2, AGT_NEEDS A 6, AGT_PHONE B 0, OVR_BUY A 6 → 15 of 22; common 9 of 16
 *   A2 EMAIL: RT_WAIT A 2, REC_WELCOME A 4, AGT_NEEDS B 3, OVR_BUY B 0                →  9 of 18; common 9 of 12
 *   published 24/40 = 60 %; like for like 18/28 = 64.285714 %
 * Narrowed to PHONE: 2023 (13 + 0)/(16 + 16) = 40.625 %, 2024 9/16 = 56.25 %.
 */
const db = useTestDatabase();
const api = useApi(db);
const viewers = useViewers(db, api);

const QUESTIONS_2024: QuestionDef[] = QUESTIONS.map((q) =>
  q.code === 'OVR_BUY'
    ? {
        ...q,
        options: [
          { code: 'A', label: 'Ja', points: 6 },
          { code: 'B', label: 'Nei', points: 0 },
        ],
      }
    : q,
);
// beta bought its 2024 report but not its 2023 one.
const PARTICIPANTS_2023 = PARTICIPANTS.map((p) => (p.companySlug === 'beta' ? { ...p, reportPurchased: false } : p));
let responses2023: ResponseRow[];

beforeAll(async () => {
  const made = fixtures();
  responses2023 = made.fixtureResponses();
  const bundle2024 = made.fixtureBundle({
    year: 2024,
    responses: [
      made.response({
        inquiryId: 'A1',
        companySlug: 'alfa',
        channel: 'PHONE',
        answers: { RT_WAIT: 'B', REC_WELCOME: 'B', AGT_NEEDS: 'A', AGT_PHONE: 'B', OVR_BUY: 'A', CALLBACK: 'N', CSAT: '4' },
      }),
      made.response({
        inquiryId: 'A2',
        companySlug: 'alfa',
        channel: 'EMAIL',
        answers: { RT_WAIT: 'A', REC_WELCOME: 'A', AGT_NEEDS: 'B', OVR_BUY: 'B', CSAT: '3' },
      }),
      made.perfectResponse('beta', 'PHONE', { inquiryId: 'B1' }),
      made.perfectResponse('gamma', 'EMAIL', { inquiryId: 'G1' }),
    ],
  });
  bundle2024.questionnaire.questions = QUESTIONS_2024;
  await db.orm.em.fork().transactional(async (em) => {
    await storeEdition(em, made.fixtureBundle({ year: 2023, participants: PARTICIPANTS_2023, responses: responses2023 }), {
      status: 'PUBLISHED',
    });
    await storeEdition(em, bundle2024, { status: 'PUBLISHED' });
  });
}, 120_000);

const LIKE_FOR_LIKE = `likeForLike { previousYear previousTotal total commonQuestions questionnaireChanged addedQuestions removedQuestions changedQuestions }`;
const query = (slug: string, narrowing = '') =>
  `{ participation(year: 2024, companySlug: "${slug}") { report${narrowing} { total ${LIKE_FOR_LIKE} history { year total ${LIKE_FOR_LIKE} } } } }`;

describe('like-for-like totals across editions', () => {
  it('recomputes both years on the questions the two editions share, and names the one that changed', async () => {
    const result = await (await viewers.asManager('alfa')).query(query('alfa'));
    expect(result.errors).toBeUndefined();
    const report = result.data!.participation.report;
    expect(report.total).toBeCloseTo((100 * 24) / 40, 10);
    expect(report.likeForLike.previousYear).toBe(2023);
    expect(report.likeForLike.previousTotal).toBeCloseTo((100 * 20) / 40, 10);
    expect(report.likeForLike.total).toBeCloseTo((100 * 18) / 28, 10);
    expect(report.likeForLike).toMatchObject({
      commonQuestions: 4,
      questionnaireChanged: true,
      addedQuestions: [],
      removedQuestions: [],
      changedQuestions: ['OVR_BUY'],
    });
    // 2023's published total stays as it stood; its own entry has no edition before it.
    expect(report.history).toHaveLength(1);
    expect(report.history[0].year).toBe(2023);
    expect(report.history[0].total).toBeCloseTo((100 * 24) / 52, 10);
    expect(report.history[0].likeForLike).toBeNull();
  });

  it('agrees with the pure rule in shared/ (each is the other’s check)', async () => {
    const result = await (await viewers.asStaff()).query(query('alfa'));
    const alfa2023 = responses2023.filter((r) => r.companySlug === 'alfa');
    const common = ['RT_WAIT', 'REC_WELCOME', 'AGT_NEEDS', 'AGT_PHONE'];
    expect(result.data!.participation.report.likeForLike.previousTotal).toBeCloseTo(likeForLikeTotal(QUESTIONS, alfa2023, common)!, 10);
  });

  it('narrows to a channel with the report', async () => {
    const result = await (await viewers.asManager('alfa')).query(query('alfa', '(channel: PHONE)'));
    expect(result.errors).toBeUndefined();
    const pair = result.data!.participation.report.likeForLike;
    expect(pair.previousTotal).toBeCloseTo((100 * 13) / 32, 10);
    expect(pair.total).toBeCloseTo((100 * 9) / 16, 10);
  });

  it('is the own report’s only, and needs the previous edition’s report too', async () => {
    // alfa chose beta as competitor: the own-report field is refused.
    const competitor = await (
      await viewers.asManager('alfa')
    ).query(`{ participation(year: 2024, companySlug: "beta") { report { total ${LIKE_FOR_LIKE} } } }`);
    expect(errorCodes(competitor)).toEqual(['participation.report.likeForLike:FORBIDDEN']);
    // beta did not buy its 2023 report: 2024 against 2023 would show 2023's figures on other questions.
    const own = await (
      await viewers.asManager('beta')
    ).query(`{ participation(year: 2024, companySlug: "beta") { report { total ${LIKE_FOR_LIKE} } } }`);
    expect(errorCodes(own)).toEqual(['participation.report.likeForLike:FORBIDDEN']);
    expect(own.data!.participation.report.total).toBe(100);
  });
});
