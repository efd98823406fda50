import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@server/test/db.js';
import { errorCodes, useApi } from '@server/test/api.js';
import { fixtures } from '@server/test/factories.js';
import { useViewers } from '@server/test/viewers.js';
import { storeEdition } from '../edition/edition-bundle.js';

/** An observer sees their own assignments and responses, never points, scores or other observers. */
const db = useTestDatabase();
const api = useApi(db);
const { asObserver, asManager, asStaff } = useViewers(db, api);
const { fixtureBundle, fixtureResponses, perfectResponse } = fixtures(); // one numbering across the editions below

const MY_ASSIGNMENTS = `query($year: Int) { myAssignments(year: $year) {
  year company { slug name } channel week rolePlays { title }
  response { id channel status reviewStatus contactedAt attempts waitSeconds comments { reception agent overall }
             answers { questionCode optionCode optionLabel value } } } }`;

beforeAll(async () => {
  // OBS-ME made alfa-1 (PHONE, 2024) and one inquiry of gamma in the unpublished 2025.
  const responses2024 = fixtureResponses().map((r) =>
    r.inquiryId === 'alfa-1' ? { ...r, observerId: 'OBS-ME', observerBirthYear: 1990 } : r,
  );
  await db.orm.em.fork().transactional(async (em) => {
    await storeEdition(em, fixtureBundle({ responses: responses2024 }), { status: 'PUBLISHED' });
    await storeEdition(
      em,
      fixtureBundle({
        year: 2025,
        responses: [
          perfectResponse('gamma', 'EMAIL', {
            inquiryId: 'g-2025',
            observerId: 'OBS-ME',
            observerBirthYear: 1990,
            contactedAt: '2025-09-10T10:00:00+02:00',
          }),
        ],
      }),
      { status: 'FIELDWORK' },
    );
    // 2026 is being planned: OBS-ME is planned on alfa there, but a plan may still change.
    await storeEdition(em, fixtureBundle({ year: 2026, responses: [] }), { status: 'PLANNING' });
  });
  await db.sql.query(
    `insert into assignment (participation_id, observer_id, channel, week)
     select p.id, o.id, 'PHONE', 11 from participation p join edition e on e.id = p.edition_id join company c on c.id = p.company_id,
       observer o where e.year = 2026 and c.slug = 'alfa' and o.external_id = 'OBS-ME'`,
  );
});

describe('an observer’s own assignments', () => {
  it('lists them, newest edition first, with the own response and its ticks', async () => {
    const me = await asObserver('OBS-ME');
    const { data, errors } = await me.query(MY_ASSIGNMENTS);
    expect(errors).toBeUndefined();
    expect(data!.myAssignments.map((a: { year: number; company: { slug: string } }) => [a.year, a.company.slug])).toEqual([
      [2025, 'gamma'],
      [2024, 'alfa'],
    ]);
    const alfa = data!.myAssignments[1];
    expect(alfa.channel).toBe('PHONE');
    expect(alfa.response).toMatchObject({
      id: 'alfa-1',
      channel: 'PHONE',
      status: 'ANSWERED',
      reviewStatus: 'APPROVED',
      attempts: 1,
      waitSeconds: 60,
    });
    // The ticks of alfa-1 in questionnaire order (factories.ts), labels and scale values, no points.
    expect(
      alfa.response.answers.map(
        (a: { questionCode: string; optionCode: string | null; value: number | null }) => `${a.questionCode}=${a.optionCode ?? a.value}`,
      ),
    ).toEqual([
      'RT_WAIT=A',
      'REC_WELCOME=A',
      'AGT_NEEDS=B',
      'AGT_PHONE=A',
      'OVR_BUY=A',
      'CALLBACK=Y',
      'CSAT=5',
      'CES=6',
      'NPS=10',
      'VES1=5',
      'VES2=4',
    ]);
    expect(alfa.response.answers[2].optionLabel).toBe('Ett');
  });

  it('shows nothing of an edition still in planning: observers see their assignments from fieldwork on', async () => {
    const me = await asObserver('OBS-ME');
    expect((await me.query(MY_ASSIGNMENTS, { year: 2026 })).data!.myAssignments).toEqual([]);
    const [planned] = await db.sql
      .query(
        `select count(*)::int as n from assignment a join participation p on p.id = a.participation_id
      join edition e on e.id = p.edition_id where e.year = 2026`,
      )
      .then((r) => r.rows);
    expect(planned?.n).toBe(1);
  });

  it('narrows to one year', async () => {
    const me = await asObserver('OBS-ME');
    const { data } = await me.query(MY_ASSIGNMENTS, { year: 2024 });
    expect(data!.myAssignments).toHaveLength(1);
  });

  it('has no way to ask for points, scores or the observer behind a response', async () => {
    const me = await asObserver('OBS-ME');
    for (const field of ['points', 'maxPoints', 'score']) {
      const r = await me.query(`{ myAssignments { response { answers { ${field} } } } }`);
      expect(errorCodes(r)).toEqual([':GRAPHQL_VALIDATION_FAILED']);
    }
    const r = await me.query(`{ myAssignments { response { score observer { gender } } } }`);
    expect(r.errors!.length).toBeGreaterThan(0);
    expect(r.data).toBeUndefined();
  });

  it('keeps the unpublished edition’s results from the observer', async () => {
    const me = await asObserver('OBS-ME');
    expect(errorCodes(await me.query(`{ resultList(year: 2025) { rank } }`))).toEqual(['resultList:NOT_FOUND']);
    expect(errorCodes(await me.query(`{ participation(year: 2025, companySlug: "gamma") { report { total } } }`))).toEqual([
      'participation:NOT_FOUND',
    ]);
    // Published: the public list, but no report.
    expect(errorCodes(await me.query(`{ participation(year: 2024, companySlug: "alfa") { report { total } } }`))).toEqual([
      'participation.report:FORBIDDEN',
    ]);
  });

  it('is for observers only: sign in first, and a manager gets FORBIDDEN', async () => {
    expect(errorCodes(await api.client().query(`{ myAssignments { year } }`))).toEqual(['myAssignments:UNAUTHENTICATED']);
    const manager = await asManager('alfa');
    expect(errorCodes(await manager.query(`{ myAssignments { year } }`))).toEqual(['myAssignments:FORBIDDEN']);
  });

  it('gives staff the same questions of a channel’s form for a correction (formQuestions), and no one else', async () => {
    const QUESTIONS = 'code text area kind min max options { code label notApplicable }';
    const me = await asObserver('OBS-ME');
    const own = (await me.query(`{ myAssignments(year: 2024) { channel questions { ${QUESTIONS} } } }`)).data!.myAssignments[0];
    expect(own.channel).toBe('PHONE');
    const staff = await asStaff();
    const { data, errors } = await staff.query(`{ formQuestions(year: 2024, channel: PHONE) { ${QUESTIONS} } }`);
    expect(errors).toBeUndefined();
    expect(data!.formQuestions).toEqual(own.questions);
    expect(data!.formQuestions.length).toBeGreaterThan(0);
    expect(errorCodes(await me.query(`{ formQuestions(year: 2024, channel: PHONE) { code } }`))).toEqual(['formQuestions:FORBIDDEN']);
    const manager = await asManager('alfa');
    expect(errorCodes(await manager.query(`{ formQuestions(year: 2024, channel: PHONE) { code } }`))).toEqual(['formQuestions:FORBIDDEN']);
    expect(errorCodes(await staff.query(`{ formQuestions(year: 1999, channel: PHONE) { code } }`))).toEqual(['formQuestions:NOT_FOUND']);
  });
});
