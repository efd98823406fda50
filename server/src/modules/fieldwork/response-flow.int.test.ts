import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@server/test/db.js';
import { errorCodes, useApi, type GraphQLResult } from '@server/test/api.js';
import { fixtures } from '@server/test/factories.js';
import { useViewers } from '@server/test/viewers.js';
import { storeEdition } from '../edition/edition-bundle.js';
import { recomputed } from '../report/precompute.js';

/**
 * The fieldwork in the product, through the API as each role uses it (issue 18): the observer's
 * draft and submission under the fieldwork rules, review, publication, corrections and queries.
 * KSP 2025 is in FIELDWORK with one imported, approved phone inquiry of alfa scoring 20/20; the
 * observer OBS-F has assignments on alfa (PHONE), gamma (EMAIL) and beta (PHONE).
 * Phone's possible points (factories.ts): RT_WAIT 2 + REC_WELCOME 4 + AGT_NEEDS 6 + AGT_PHONE 4 + OVR_BUY 4 = 20.
 */
const db = useTestDatabase();
const api = useApi(db);
const { asObserver, asStaff, asManager } = useViewers(db, api);
const { fixtureBundle, perfectResponse } = fixtures();

const ids: Record<string, string> = {};

beforeAll(async () => {
  await db.orm.em.fork().transactional(async (em) => {
    await storeEdition(
      em,
      fixtureBundle({
        year: 2025,
        responses: [perfectResponse('alfa', 'PHONE', { inquiryId: 'a-1', contactedAt: '2025-09-08T10:00:00+02:00' })],
      }),
      { status: 'FIELDWORK' },
    );
  });
  await db.sql.query(
    `insert into observer (external_id, gender, birth_year, quality_score) values ('OBS-F', 'FEMALE', 1990, 90), ('OBS-G', 'MALE', 1980, 90)`,
  );
  const result = await db.sql.query<{ slug: string; observer: string; id: number }>(
    `insert into assignment (participation_id, observer_id, channel, week)
     select p.id, o.id, x.channel, 37
     from (values ('alfa', 'OBS-F', 'PHONE'), ('gamma', 'OBS-F', 'EMAIL'), ('beta', 'OBS-F', 'PHONE'), ('beta', 'OBS-G', 'PHONE')) as x(slug, obs, channel)
     join company c on c.slug = x.slug join participation p on p.company_id = c.id
     join edition e on e.id = p.edition_id and e.year = 2025 join observer o on o.external_id = x.obs
     returning id, (select slug from company c2 join participation p2 on p2.company_id = c2.id where p2.id = participation_id) as slug,
               (select external_id from observer o2 where o2.id = observer_id) as observer`,
  );
  for (const r of result.rows) ids[`${r.slug}/${r.observer}`] = String(r.id);
});

const ASSIGNMENT = `id status returnNote returnQuestions returnQuestionTexts contactWindows maxAttempts waitLimitSeconds
  form { status savedAt attempts { at waitSeconds automaticReplyOnly } answers { questionCode optionCode value } comments { reception agent overall } }
  questions { code kind options { code label notApplicable } }`;
const MINE = `query { myAssignments(year: 2025) { ${ASSIGNMENT} } }`;
const SAVE = `mutation($id: ID!, $input: ResponseInput!) { saveResponseDraft(assignmentId: $id, input: $input) { ${ASSIGNMENT} } }`;
const SUBMIT = `mutation($id: ID!, $input: ResponseInput!, $key: String!) { submitResponse(assignmentId: $id, input: $input, idempotencyKey: $key) { id status } }`;

const COMMENTS = {
  reception: 'Svarte etter to ring og sa både firmanavn og eget navn.',
  agent: 'Spurte om behovet, men foreslo bare én løsning uten å begrunne den.',
  overall: 'Effektiv samtale, men jeg fikk ingen oppsummering til slutt.',
};
/** alfa's phone response by OBS-F: RT_WAIT A 2, REC_WELCOME B 2, AGT_NEEDS B 3, AGT_PHONE A 4, OVR_BUY B 0 = 11 of 20. */
const PHONE_11 = {
  attempts: [{ at: '2025-09-10T10:00:00+02:00', waitSeconds: 45 }],
  answers: [
    { questionCode: 'RT_WAIT', optionCode: 'A' },
    { questionCode: 'REC_WELCOME', optionCode: 'B' },
    { questionCode: 'AGT_NEEDS', optionCode: 'B' },
    { questionCode: 'AGT_PHONE', optionCode: 'A' },
    { questionCode: 'OVR_BUY', optionCode: 'B' },
    { questionCode: 'CALLBACK', optionCode: 'N' },
    { questionCode: 'CSAT', value: 4 },
    { questionCode: 'CES', value: 5 },
    { questionCode: 'NPS', value: 8 },
    { questionCode: 'VES1', value: 5 },
    { questionCode: 'VES2', value: 4 },
  ],
  comments: COMMENTS,
};

type Refusal = { rules?: string[]; rule?: string; fields?: { field: string; reason: string }[] };
const refusal = (r: GraphQLResult) => (r.errors?.[0]?.extensions ?? {}) as Refusal;

async function counts() {
  const { rows } = await db.sql.query<{ inquiries: number; events: number; submissions: number; answers: number }>(
    `select (select count(*)::int from inquiry) as inquiries, (select count(*)::int from assignment_event) as events,
            (select count(*)::int from response_submission) as submissions, (select count(*)::int from answer) as answers`,
  );
  return rows[0]!;
}

async function staffTotal(year: number, slug: string): Promise<number | null> {
  const staff = await asStaff();
  const { data, errors } = await staff.query(`{ participation(year: ${year}, companySlug: "${slug}") { report { total } } }`);
  expect(errors).toBeUndefined();
  return data!.participation.report.total;
}

describe('the observer’s form', () => {
  it('refuses each broken fieldwork rule by name, beside its field, and stores nothing', async () => {
    const me = await asObserver('OBS-F');
    const before = await counts();
    const cases: [string, object, string, string][] = [
      // 16:30 on a Wednesday is after 15:00.
      [
        'OUTSIDE_HOURS',
        { ...PHONE_11, attempts: [{ at: '2025-09-10T16:30:00+02:00', waitSeconds: 45 }] },
        'OUTSIDE_HOURS',
        'attempts[0].at',
      ],
      // Saturday 13 September 2025.
      ['a weekend', { ...PHONE_11, attempts: [{ at: '2025-09-13T10:00:00+02:00', waitSeconds: 45 }] }, 'OUTSIDE_HOURS', 'attempts[0].at'],
      [
        'SAME_DAY',
        {
          ...PHONE_11,
          attempts: [
            { at: '2025-09-10T09:30:00+02:00', waitSeconds: null },
            { at: '2025-09-10T13:00:00+02:00', waitSeconds: 30 },
          ],
        },
        'SAME_DAY',
        'attempts[1].at',
      ],
      [
        'TOO_MANY_ATTEMPTS',
        {
          ...PHONE_11,
          attempts: [
            { at: '2025-09-08T10:00:00+02:00', waitSeconds: null },
            { at: '2025-09-09T10:00:00+02:00', waitSeconds: null },
            { at: '2025-09-10T10:00:00+02:00', waitSeconds: 30 },
          ],
        },
        'TOO_MANY_ATTEMPTS',
        'attempts',
      ],
      [
        'MISSING_ANSWER',
        { ...PHONE_11, answers: PHONE_11.answers.filter((a) => a.questionCode !== 'AGT_NEEDS') },
        'MISSING_ANSWER',
        'answers.AGT_NEEDS',
      ],
    ];
    for (const [what, input, rule, field] of cases) {
      const result = await me.query(SUBMIT, { id: ids['alfa/OBS-F'], input, key: `refused-${what}` });
      expect(errorCodes(result), what).toEqual(['submitResponse:BAD_USER_INPUT']);
      expect(refusal(result).rules, what).toEqual([rule]);
      expect(result.errors![0]!.message, what).toMatch(new RegExp(`^${rule}: `));
      expect(
        refusal(result).fields?.map((f) => f.field),
        what,
      ).toContain(field);
    }
    // AGT_PHONE is a phone question: on the e-mail assignment it does not apply.
    const email = {
      attempts: [{ at: '2025-09-10T10:00:00+02:00', waitSeconds: 3600 }],
      answers: [
        { questionCode: 'RT_WAIT', optionCode: 'A' },
        { questionCode: 'REC_WELCOME', optionCode: 'A' },
        { questionCode: 'AGT_NEEDS', optionCode: 'A' },
        { questionCode: 'OVR_BUY', optionCode: 'A' },
        { questionCode: 'AGT_PHONE', optionCode: 'A' },
      ],
      comments: COMMENTS,
    };
    const notApplicable = await me.query(SUBMIT, { id: ids['gamma/OBS-F'], input: email, key: 'refused-not-applicable' });
    expect(refusal(notApplicable).rules).toEqual(['NOT_APPLICABLE']);
    expect(refusal(notApplicable).fields?.map((f) => f.field)).toEqual(['answers.AGT_PHONE']);
    expect(await counts()).toEqual(before);
  });

  it('keeps the draft as typed, over a reload, and the assignment becomes DRAFT', async () => {
    const me = await asObserver('OBS-F');
    const draft = {
      attempts: [{ at: '2025-09-11T09:15:00+02:00', waitSeconds: null }],
      answers: [],
      comments: { reception: 'Halvferdig', agent: '', overall: '' },
    };
    const saved = await me.query(SAVE, { id: ids['beta/OBS-F'], input: draft });
    expect(saved.errors).toBeUndefined();
    // A new session (a reload on another device) reads it back.
    const again = await (await asObserver('OBS-F')).query(MINE);
    const beta = again.data!.myAssignments.find((a: { id: string }) => a.id === ids['beta/OBS-F']);
    expect(beta.status).toBe('DRAFT');
    expect(beta.form).toMatchObject({
      status: null,
      attempts: [{ at: '2025-09-11T07:15:00.000Z', waitSeconds: null, automaticReplyOnly: false }],
      comments: { reception: 'Halvferdig', agent: '', overall: '' },
    });
    expect(beta.form.savedAt).toBeTruthy();
    expect(beta.contactWindows).toEqual(['man–fre 09:00–15:00']);
    expect([beta.maxAttempts, beta.waitLimitSeconds]).toEqual([2, 300]);
    // The form's questions carry no points: the type has no such field.
    expect(beta.questions.map((q: { code: string }) => q.code)).toEqual([
      'RT_WAIT',
      'REC_WELCOME',
      'AGT_NEEDS',
      'AGT_PHONE',
      'OVR_BUY',
      'CALLBACK',
      'CSAT',
      'CES',
      'NPS',
      'VES1',
      'VES2',
    ]);
  });

  it('is not another observer’s to read or write', async () => {
    const other = await asObserver('OBS-G');
    const result = await other.query(SUBMIT, { id: ids['alfa/OBS-F'], input: PHONE_11, key: 'someone-elses' });
    expect(errorCodes(result)).toEqual(['submitResponse:NOT_FOUND']);
    const mine = await other.query(MINE);
    expect(mine.data!.myAssignments.map((a: { id: string }) => a.id)).toEqual([ids['beta/OBS-G']]);
  });

  it('submits once per idempotency key, however often it arrives', async () => {
    const me = await asObserver('OBS-F');
    const before = await counts();
    const key = 'submit-alfa-0001';
    // A double click: two at once, then a retry after a lost answer.
    const results = await Promise.all([
      me.query(SUBMIT, { id: ids['alfa/OBS-F'], input: PHONE_11, key }),
      me.query(SUBMIT, { id: ids['alfa/OBS-F'], input: PHONE_11, key }),
    ]);
    const retry = await me.query(SUBMIT, { id: ids['alfa/OBS-F'], input: PHONE_11, key });
    for (const r of [...results, retry]) {
      expect(r.errors).toBeUndefined();
      expect(r.data!.submitResponse.status).toBe('SUBMITTED');
    }
    const after = await counts();
    expect(after.inquiries - before.inquiries).toBe(1);
    expect(after.submissions - before.submissions).toBe(1);
    expect(after.events - before.events).toBe(1);
    expect(after.answers - before.answers).toBe(11);
    // A new key is a new submission: refused, it waits for review.
    const second = await me.query(SUBMIT, { id: ids['alfa/OBS-F'], input: PHONE_11, key: 'submit-alfa-0002' });
    expect(refusal(second).rule).toBe('ALREADY_SUBMITTED');
  });
});

describe('review', () => {
  const QUEUE = `query { reviewQueue(year: 2025) { id status company { slug } events { action by note }
    review { submittedAt flags { flag } response { status attempts { at waitSeconds } answers { questionCode optionLabel value } comments { agent } } } } }`;

  it('shows the submitted response in the queue with its flags, and counts it only once approved', async () => {
    const staff = await asStaff();
    const { data, errors } = await staff.query(QUEUE);
    expect(errors).toBeUndefined();
    expect(data!.reviewQueue).toHaveLength(1);
    const [alfa] = data!.reviewQueue;
    expect(alfa.company.slug).toBe('alfa');
    expect(alfa.review.response.status).toBe('ANSWERED');
    expect(alfa.review.response.answers.find((a: { questionCode: string }) => a.questionCode === 'REC_WELCOME').optionLabel).toBe(
      'Nøytral',
    );
    expect(alfa.review.flags.map((f: { flag: string }) => f.flag)).toEqual(['FIRST_RESPONSE']);
    expect(alfa.events.map((e: { action: string }) => e.action)).toEqual(['SUBMITTED']);
    // Submitted, not approved: alfa's live total is still the imported 20/20.
    expect(await staffTotal(2025, 'alfa')).toBe(100);
  });

  it('returns with a note naming the questions, the observer resubmits, staff approve: each step kept', async () => {
    const staff = await asStaff();
    const me = await asObserver('OBS-F');
    const RETURN = `mutation($id: ID!, $note: String!, $q: [String!]) { returnResponse(assignmentId: $id, note: $note, questionCodes: $q) { status } }`;
    const noNote = await staff.query(RETURN, { id: ids['alfa/OBS-F'], note: '  ', q: [] });
    expect(refusal(noNote).fields?.map((f) => [f.field, f.reason])).toEqual([['note', 'REQUIRED']]);
    const returned = await staff.query(RETURN, { id: ids['alfa/OBS-F'], note: 'Sjekk behovsspørsmålet.', q: ['AGT_NEEDS'] });
    expect(returned.data!.returnResponse.status).toBe('RETURNED');

    const mine = await me.query(MINE);
    const alfa = mine.data!.myAssignments.find((a: { id: string }) => a.id === ids['alfa/OBS-F']);
    expect([alfa.status, alfa.returnNote, alfa.returnQuestions]).toEqual(['RETURNED', 'Sjekk behovsspørsmålet.', ['AGT_NEEDS']]);
    expect(alfa.returnQuestionTexts).toEqual(['Stilte kundebehandleren spørsmål om behovet ditt?']);
    // The form starts from what was submitted.
    expect(alfa.form.status).toBe('ANSWERED');
    expect(alfa.form.answers).toHaveLength(11);

    const resubmitted = await me.query(SUBMIT, { id: ids['alfa/OBS-F'], input: PHONE_11, key: 'resubmit-alfa-0001' });
    expect(resubmitted.data!.submitResponse.status).toBe('SUBMITTED');
    const approved = await staff.query(`mutation($id: ID!) { approveResponse(assignmentId: $id) { status events { action by note } } }`, {
      id: ids['alfa/OBS-F'],
    });
    expect(approved.data!.approveResponse.status).toBe('APPROVED');
    expect(approved.data!.approveResponse.events).toEqual([
      { action: 'SUBMITTED', by: 'obs-f@test.no', note: '' },
      { action: 'RETURNED', by: 'staff@test.no', note: 'Sjekk behovsspørsmålet.' },
      { action: 'RESUBMITTED', by: 'obs-f@test.no', note: '' },
      { action: 'APPROVED', by: 'staff@test.no', note: '' },
    ]);
    const { rows } = await db.sql.query(
      `select r.from_status, r.to_status from review_event r join inquiry i on i.id = r.inquiry_id where i.external_id = $1 order by r.id`,
      [`O${ids['alfa/OBS-F']}`],
    );
    expect(rows.map((r) => `${r.from_status}→${r.to_status}`)).toEqual([
      'null→SUBMITTED',
      'SUBMITTED→RETURNED',
      'RETURNED→SUBMITTED',
      'SUBMITTED→APPROVED',
    ]);
    // Approved, it counts: (20 + 11) / (20 + 20) = 77,5 %.
    expect(await staffTotal(2025, 'alfa')).toBeCloseTo(77.5, 10);
    // Approved is final for the observer.
    const again = await me.query(SAVE, { id: ids['alfa/OBS-F'], input: PHONE_11 });
    expect(refusal(again).rule).toBe('ALREADY_APPROVED');
  });

  it('approves several at once, or none when one is not waiting', async () => {
    const staff = await asStaff();
    const other = await asObserver('OBS-G');
    const submitted = await other.query(SUBMIT, {
      id: ids['beta/OBS-G'],
      input: { ...PHONE_11, attempts: [{ at: '2025-09-12T11:00:00+02:00', waitSeconds: 120 }] },
      key: 'submit-beta-g-01',
    });
    expect(submitted.errors).toBeUndefined();
    const APPROVE = `mutation($ids: [ID!]!) { approveResponses(assignmentIds: $ids) { id status } }`;
    const mixed = await staff.query(APPROVE, { ids: [ids['beta/OBS-G'], ids['alfa/OBS-F']] });
    expect(refusal(mixed).rule).toBe('NOT_SUBMITTED');
    const { rows } = await db.sql.query<{ status: string }>(`select status from assignment where id = $1`, [ids['beta/OBS-G']]);
    expect(rows.map((r) => r.status)).toEqual(['SUBMITTED']);
    const ok = await staff.query(APPROVE, { ids: [ids['beta/OBS-G']] });
    expect(ok.data!.approveResponses).toEqual([{ id: ids['beta/OBS-G'], status: 'APPROVED' }]);
  });
});

describe('publication, corrections and queries', () => {
  const STATUS = `mutation($s: EditionStatus!) { setEditionStatus(year: 2025, status: $s) { status } }`;
  const CORRECT = `mutation($id: ID!, $input: ResponseInput!, $reason: String!, $q: ID) {
    correctResponse(assignmentId: $id, input: $input, reason: $reason, queryId: $q) { status events { action note } } }`;
  const QUERY = `mutation($id: ID!, $m: String!) { queryResponse(year: 2025, companySlug: "alfa", inquiryId: $id, message: $m) { id status reply } }`;

  it('is refused while a response waits for review, then publishes', async () => {
    const staff = await asStaff();
    const me = await asObserver('OBS-F');
    const email = {
      attempts: [{ at: '2025-09-10T10:00:00+02:00', waitSeconds: 3600 }],
      answers: [
        { questionCode: 'RT_WAIT', optionCode: 'A' },
        { questionCode: 'REC_WELCOME', optionCode: 'A' },
        { questionCode: 'AGT_NEEDS', optionCode: 'A' },
        { questionCode: 'OVR_BUY', optionCode: 'A' },
      ],
      comments: COMMENTS,
    };
    expect((await me.query(SUBMIT, { id: ids['gamma/OBS-F'], input: email, key: 'submit-gamma-01' })).errors).toBeUndefined();
    expect((await staff.query(STATUS, { s: 'REVIEW' })).data!.setEditionStatus.status).toBe('REVIEW');
    const refused = await staff.query(STATUS, { s: 'PUBLISHED' });
    expect(refusal(refused).rule).toBe('UNREVIEWED_RESPONSES');
    await staff.query(`mutation($id: ID!) { approveResponse(assignmentId: $id) { status } }`, { id: ids['gamma/OBS-F'] });
    expect((await staff.query(STATUS, { s: 'PUBLISHED' })).data!.setEditionStatus.status).toBe('PUBLISHED');
    // Published: the observer's form is closed.
    const late = await me.query(SAVE, { id: ids['beta/OBS-F'], input: PHONE_11 });
    expect(refusal(late).rule).toBe('NOT_IN_FIELDWORK');
  });

  it('changes a published response only through an audited correction, which the report shows', async () => {
    const staff = await asStaff();
    const id = ids['alfa/OBS-F'];
    // OVR_BUY B → A adds 4: (20 + 15) / 40 = 87,5 %. Attempts left out keep the stored ones.
    const input = {
      ...PHONE_11,
      attempts: [],
      answers: PHONE_11.answers.map((a) => (a.questionCode === 'OVR_BUY' ? { ...a, optionCode: 'A' } : a)),
    };
    const noReason = await staff.query(CORRECT, { id, input, reason: ' ' });
    expect(refusal(noReason).fields?.map((f) => f.field)).toEqual(['reason']);
    const corrected = await staff.query(CORRECT, { id, input, reason: 'Observatøren bekreftet at kunden ble tilbudt kjøp.' });
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data!.correctResponse.events.at(-1)).toEqual({
      action: 'CORRECTED',
      note: 'Observatøren bekreftet at kunden ble tilbudt kjøp.',
    });
    expect(await staffTotal(2025, 'alfa')).toBeCloseTo(87.5, 10);
    type Stored = { answers: { questionCode: string; optionCode: string }[]; attempts: unknown[] };
    const { rows } = await db.sql.query<{ before: Stored; after: Stored; by: boolean }>(
      `select before, after, actor_user_id is not null as by from response_correction`,
    );
    expect(rows).toHaveLength(1);
    const [row] = rows as [(typeof rows)[number]];
    const ovr = (r: Stored) => r.answers.find((a) => a.questionCode === 'OVR_BUY')!.optionCode;
    expect([ovr(row.before), ovr(row.after), row.by]).toEqual(['B', 'A', true]);
    expect(row.after.attempts).toEqual(row.before.attempts);
    // The same again changes nothing and is refused.
    expect(refusal(await staff.query(CORRECT, { id, input, reason: 'Igjen' })).rule).toBe('NO_CHANGE');
    // The manager's report says a correction was made, and when.
    const manager = await asManager('alfa');
    const report = await manager.query(
      `{ participation(year: 2025, companySlug: "alfa") { report { total corrections { inquiryId reason at } } } }`,
    );
    expect(report.data!.participation.report.total).toBeCloseTo(87.5, 10);
    expect(report.data!.participation.report.corrections).toMatchObject([
      { inquiryId: `O${id}`, reason: 'Observatøren bekreftet at kunden ble tilbudt kjøp.' },
    ]);
    // The correction answered before the edition's sections were stored again; once that is done,
    // every stored section of 2025 is of the corrected data (the edition's current version).
    await recomputed();
    const stale = await db.sql.query<{ sections: number; stale: number }>(
      `select count(*)::int as sections, count(*) filter (where s.version <> v.version)::int as stale
       from published_section s join edition e on e.id = s.edition_id join result_version v on v.edition_id = e.id where e.year = 2025`,
    );
    expect(stale.rows[0]!.sections).toBeGreaterThan(0);
    expect(stale.rows[0]!.stale).toBe(0);
  });

  it('lets the manager query an own response; staff reject with a reply or uphold with a correction', async () => {
    const manager = await asManager('alfa');
    const staff = await asStaff();
    const inquiry = `O${ids['alfa/OBS-F']}`;
    const asked = await manager.query(QUERY, { id: inquiry, m: 'Kundebehandleren spurte faktisk om flere behov.' });
    expect(asked.errors).toBeUndefined();
    expect(asked.data!.queryResponse).toMatchObject({ status: 'OPEN', reply: null });
    expect(refusal(await manager.query(QUERY, { id: inquiry, m: 'Igjen' })).rule).toBe('QUERY_OPEN');
    // Another company's manager may not query alfa's responses.
    expect(errorCodes(await (await asManager('beta')).query(QUERY, { id: inquiry, m: 'Hei' }))).toEqual(['queryResponse:FORBIDDEN']);

    const queries = await staff.query(`{ responseQueries(year: 2025) { id status inquiryId assignmentId company { slug } askedBy } }`);
    const [open] = queries.data!.responseQueries;
    expect(open).toMatchObject({
      status: 'OPEN',
      inquiryId: inquiry,
      assignmentId: ids['alfa/OBS-F'],
      company: { slug: 'alfa' },
      askedBy: 'alfa@test.no',
    });
    // Upheld: AGT_NEEDS B → A adds 3: (20 + 18) / 40 = 95 %.
    const input = {
      ...PHONE_11,
      attempts: [],
      answers: PHONE_11.answers.map((a) =>
        a.questionCode === 'OVR_BUY' ? { ...a, optionCode: 'A' } : a.questionCode === 'AGT_NEEDS' ? { ...a, optionCode: 'A' } : a,
      ),
    };
    const upheld = await staff.query(CORRECT, {
      id: ids['alfa/OBS-F'],
      input,
      reason: 'Lydopptaket viser flere behovsspørsmål.',
      q: open.id,
    });
    expect(upheld.errors).toBeUndefined();
    expect(await staffTotal(2025, 'alfa')).toBeCloseTo(95, 10);

    // A second query, rejected with a reply.
    const second = await manager.query(QUERY, { id: inquiry, m: 'Vi ringte faktisk tilbake.' });
    const rejected = await staff.query(
      `mutation($id: ID!, $r: String!) { rejectQuery(queryId: $id, reply: $r) { status reply decidedBy } }`,
      {
        id: second.data!.queryResponse.id,
        r: 'Tilbakeringing er ikke en del av poengene.',
      },
    );
    expect(rejected.data!.rejectQuery).toEqual({
      status: 'REJECTED',
      reply: 'Tilbakeringing er ikke en del av poengene.',
      decidedBy: 'staff@test.no',
    });

    // The manager sees both outcomes on the response.
    const seen = await manager.query(`{ participation(year: 2025, companySlug: "alfa") { report { responses(first: 10, channel: PHONE) {
      edges { node { id queries { status reply } } } } } } }`);
    expect(seen.errors).toBeUndefined();
    const node = seen
      .data!.participation.report.responses.edges.map((e: { node: unknown }) => e.node)
      .find((n: { id: string }) => n.id === inquiry);
    expect(node.queries).toEqual([
      { status: 'UPHELD', reply: 'Lydopptaket viser flere behovsspørsmål.' },
      { status: 'REJECTED', reply: 'Tilbakeringing er ikke en del av poengene.' },
    ]);
  });

  it('refuses a query after the edition’s deadline', async () => {
    const manager = await asManager('alfa');
    await db.sql.query(`update edition set published_at = now() - interval '15 days' where year = 2025`);
    try {
      const late = await manager.query(QUERY, { id: 'a-1', m: 'For sent?' });
      expect(refusal(late).rule).toBe('QUERY_DEADLINE_PASSED');
      await db.sql.query(`update edition set query_days = 30 where year = 2025`);
      expect((await manager.query(QUERY, { id: 'a-1', m: 'Innenfor 30 dager.' })).data!.queryResponse.status).toBe('OPEN');
    } finally {
      await db.sql.query(`update edition set published_at = now(), query_days = 14 where year = 2025`);
    }
  });
});
