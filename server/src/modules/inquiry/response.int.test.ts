import { beforeAll, describe, expect, it } from 'vitest';
import type { ResponseRow } from '@ksp/shared';
import { useTestDatabase } from '@server/test/db.js';
import { errorCodes, useApi, type GraphQLResult } from '@server/test/api.js';
import { fixtures, QUESTIONS } from '@server/test/factories.js';
import { useViewers } from '@server/test/viewers.js';
import { reportAccess } from '../../access/policy.js';
import type { Viewer } from '../../access/viewer.js';
import { storeEdition } from '../edition/edition-bundle.js';

const db = useTestDatabase();
// The response cache off: these tests ask the same pages again and count what executing one costs.
const api = useApi(db, { responseCacheMB: 0 });
const { asStaff, asManager, asObserver, anonymous } = useViewers(db, api);
// One numbering for the file: the 2023 responses follow the 2024 fixture's.
const { fixtureBundle, response } = fixtures();

const RESPONSES = `query($year: Int!, $slug: String!, $reportChannel: Channel, $first: Int, $after: String, $channel: Channel,
    $status: InquiryStatus, $min: Float, $max: Float, $search: String) {
  participation(year: $year, companySlug: $slug) { report(channel: $reportChannel) {
    responses(first: $first, after: $after, channel: $channel, status: $status, minScore: $min, maxScore: $max, search: $search) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id channel status contactedAt attempts waitSeconds score
        comments { reception agent overall } highlights { reception agent overall } observer { gender ageBand }
        answers { questionCode questionText area optionCode optionLabel value notApplicable points maxPoints } } } } } } }`;

/** Only ids (and what a test names), for filter and paging checks. */
const IDS = `query($year: Int!, $slug: String!, $reportChannel: Channel, $first: Int, $after: String, $channel: Channel,
    $status: InquiryStatus, $min: Float, $max: Float, $search: String) {
  participation(year: $year, companySlug: $slug) { report(channel: $reportChannel) {
    responses(first: $first, after: $after, channel: $channel, status: $status, minScore: $min, maxScore: $max, search: $search) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id score highlights { reception agent overall } } } } } } }`;

const DEFAULT_COMMENTS = {
  reception: 'Hyggelig mottak, sa navnet sitt.',
  agent: 'Spurte godt om behovet, men glemte å oppsummere.',
  overall: 'Effektiv samtale, «gode» råd, takk!',
};

const text = (code: string) => QUESTIONS.find((q) => q.code === code)!.text;
const choice = (
  questionCode: string,
  area: string,
  optionCode: string,
  optionLabel: string,
  points: number | null,
  maxPoints: number | null,
) => ({
  questionCode,
  questionText: text(questionCode),
  area,
  optionCode,
  optionLabel,
  value: null,
  notApplicable: false,
  points,
  maxPoints,
});
const scale = (questionCode: string, value: number) => ({
  questionCode,
  questionText: text(questionCode),
  area: 'CX',
  optionCode: null,
  optionLabel: null,
  value,
  notApplicable: false,
  points: null,
  maxPoints: null,
});

/**
 * The three approved responses of alfa in 2024, from factories.ts. The file's `fixtures()` numbers its
 * responses from 1: alfa-1 is the 1st (FEMALE, born 1971, 2024-09-03),
 * alfa-2 the 2nd (MALE, 1972, 09-04), alfa-3 the 3rd (FEMALE, 1973, 09-05); contact at 10:15+02:00.
 * Ages in 2024: 53, 52, 51, all in the band 50–59.
 */
const ALFA = [
  {
    id: 'alfa-1',
    channel: 'PHONE',
    status: 'ANSWERED',
    contactedAt: '2024-09-03T08:15:00.000Z',
    attempts: 1,
    waitSeconds: 60,
    // RT_WAIT A 2 + REC_WELCOME A 4 + AGT_NEEDS B 3 + AGT_PHONE A 4 + OVR_BUY A 4 = 17 of 2+4+6+4+4 = 20.
    score: 85,
    comments: DEFAULT_COMMENTS,
    highlights: null,
    observer: { gender: 'FEMALE', ageBand: '50–59' },
    answers: [
      choice('RT_WAIT', 'RESPONSE_TIME', 'A', 'Kort', 2, 2),
      choice('REC_WELCOME', 'RECEPTION', 'A', 'Personlig og hyggelig', 4, 4),
      choice('AGT_NEEDS', 'AGENT', 'B', 'Ett', 3, 6),
      choice('AGT_PHONE', 'AGENT', 'A', 'Ja', 4, 4),
      choice('OVR_BUY', 'OVERALL', 'A', 'Ja', 4, 4),
      choice('CALLBACK', 'RESPONSE_TIME', 'Y', 'Ja', null, null), // unscored
      scale('CSAT', 5),
      scale('CES', 6),
      scale('NPS', 10),
      scale('VES1', 5),
      scale('VES2', 4),
    ],
  },
  {
    id: 'alfa-2',
    channel: 'EMAIL',
    status: 'ANSWERED',
    contactedAt: '2024-09-04T08:15:00.000Z',
    attempts: 1,
    waitSeconds: 7200,
    // RT_WAIT B 1 + AGT_NEEDS A 6 + OVR_BUY B 0 = 7 of 2+6+4 = 12 (REC_WELCOME N/A drops out; no AGT_PHONE on EMAIL).
    score: expect.closeTo((100 * 7) / 12, 10),
    comments: DEFAULT_COMMENTS,
    highlights: null,
    observer: { gender: 'MALE', ageBand: '50–59' },
    answers: [
      choice('RT_WAIT', 'RESPONSE_TIME', 'B', 'Middels', 1, 2),
      { ...choice('REC_WELCOME', 'RECEPTION', 'NA', 'Ikke relevant', null, null), notApplicable: true },
      choice('AGT_NEEDS', 'AGENT', 'A', 'Flere', 6, 6),
      choice('OVR_BUY', 'OVERALL', 'B', 'Nei', 0, 4),
      scale('CSAT', 3),
      scale('CES', 4),
      scale('NPS', 7),
      scale('VES1', 3),
      scale('VES2', 3),
    ],
  },
  {
    // Unanswered: 0 of PHONE's full 20 points, no ticks.
    id: 'alfa-3',
    channel: 'PHONE',
    status: 'UNANSWERED',
    contactedAt: '2024-09-05T08:15:00.000Z',
    attempts: 2,
    waitSeconds: 300,
    score: 0,
    comments: { reception: 'Ingen svar etter to forsøk.', agent: '', overall: '' },
    highlights: null,
    observer: { gender: 'FEMALE', ageBand: '50–59' },
    answers: [],
  },
];

/**
 * 2023: 30 answered PHONE responses of alfa, more than a page of 20. Written in reverse time
 * order, three at each moment (with microseconds), so the order is by contact time first and
 * the row id (the order written) only within a moment. Birth years around the age-band edges.
 */
const MANY = 30;
const BIRTH_YEARS = [1994, 1993, 1974, 1964, 1963]; // in 2023: 29, 30, 49, 59, 60
const BANDS = ['18–29', '30–39', '40–49', '50–59', '60+'];
const moment = (i: number) => `2023-09-${String(20 - Math.floor(i / 3)).padStart(2, '0')}T09:30:00.123456+02:00`;
function manyResponses(): ResponseRow[] {
  return Array.from({ length: MANY }, (_, i) =>
    response({
      inquiryId: `many-${i + 1}`,
      companySlug: 'alfa',
      channel: 'PHONE',
      contactedAt: moment(i),
      observerBirthYear: BIRTH_YEARS[i % 5]!,
      answers: {
        RT_WAIT: 'A',
        REC_WELCOME: 'B',
        AGT_NEEDS: 'A',
        AGT_PHONE: 'B',
        OVR_BUY: 'A',
        CALLBACK: 'N',
        CSAT: '4',
        CES: '5',
        NPS: '8',
        VES1: '5',
        VES2: '5',
      },
    }),
  );
}
/** many-i by (moment, order written): the moments run backwards, each holds three in order. */
const MANY_IN_ORDER = Array.from({ length: MANY / 3 }, (_, g) => MANY / 3 - 1 - g).flatMap((g) =>
  [3 * g + 1, 3 * g + 2, 3 * g + 3].map((n) => `many-${n}`),
);

beforeAll(async () => {
  const edition2024 = fixtureBundle(); // first, so the factory's numbering is as described at ALFA
  await db.orm.em.fork().transactional(async (em) => {
    await storeEdition(em, edition2024, { status: 'PUBLISHED' });
    await storeEdition(em, fixtureBundle({ year: 2023, responses: manyResponses() }), { status: 'PUBLISHED' });
  });
});

const connection = (result: { data?: any }) => result.data!.participation.report.responses;
const ids = (result: { data?: any }) => connection(result).edges.map((e: { node: { id: string } }) => e.node.id);

describe('individual responses of the own report', () => {
  it('gives staff every response of alfa in date order, with scores, comments, observer and answers with points', async () => {
    const result = await (await asStaff()).query(RESPONSES, { year: 2024, slug: 'alfa' });
    expect(result.errors).toBeUndefined();
    const c = connection(result);
    expect(c.totalCount).toBe(3);
    expect(c.pageInfo).toEqual({ hasNextPage: false, endCursor: c.edges[2].cursor });
    expect(c.edges.map((e: { node: unknown }) => e.node)).toEqual(ALFA);
  });

  it('gives the own manager (konkurrent tier, report bought) the same, points included', async () => {
    const result = await (await asManager('alfa')).query(RESPONSES, { year: 2024, slug: 'alfa' });
    expect(result.errors).toBeUndefined();
    expect(connection(result).edges.map((e: { node: unknown }) => e.node)).toEqual(ALFA);
  });

  it('pages by cursor: first 2, then after the endCursor', async () => {
    const manager = await asManager('alfa');
    const first = await manager.query(IDS, { year: 2024, slug: 'alfa', first: 2 });
    expect(ids(first)).toEqual(['alfa-1', 'alfa-2']);
    expect(connection(first).totalCount).toBe(3);
    expect(connection(first).pageInfo).toEqual({ hasNextPage: true, endCursor: connection(first).edges[1].cursor });
    const second = await manager.query(IDS, { year: 2024, slug: 'alfa', first: 2, after: connection(first).pageInfo.endCursor });
    expect(ids(second)).toEqual(['alfa-3']);
    expect(connection(second).totalCount).toBe(3); // all matches, not what is left
    expect(connection(second).pageInfo).toEqual({ hasNextPage: false, endCursor: connection(second).edges[0].cursor });
    const beyond = await manager.query(IDS, { year: 2024, slug: 'alfa', after: connection(second).pageInfo.endCursor });
    expect(connection(beyond)).toEqual({ totalCount: 3, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
  });

  it('filters by channel, status and score range, together with the report’s own channel', async () => {
    const staff = await asStaff();
    const q = async (vars: Record<string, unknown>) => {
      const result = await staff.query(IDS, { year: 2024, slug: 'alfa', ...vars });
      expect(result.errors).toBeUndefined();
      return { ids: ids(result), total: connection(result).totalCount };
    };
    expect(await q({ channel: 'PHONE' })).toEqual({ ids: ['alfa-1', 'alfa-3'], total: 2 });
    expect(await q({ channel: 'EMAIL' })).toEqual({ ids: ['alfa-2'], total: 1 });
    expect(await q({ channel: 'CHAT' })).toEqual({ ids: [], total: 0 });
    expect(await q({ status: 'UNANSWERED' })).toEqual({ ids: ['alfa-3'], total: 1 });
    expect(await q({ status: 'ANSWERED' })).toEqual({ ids: ['alfa-1', 'alfa-2'], total: 2 });
    // Scores 85, 58.33…, 0; bounds are inclusive.
    expect(await q({ min: 50 })).toEqual({ ids: ['alfa-1', 'alfa-2'], total: 2 });
    expect(await q({ min: 58.34 })).toEqual({ ids: ['alfa-1'], total: 1 });
    expect(await q({ max: 58.34 })).toEqual({ ids: ['alfa-2', 'alfa-3'], total: 2 });
    expect(await q({ min: 0, max: 0 })).toEqual({ ids: ['alfa-3'], total: 1 });
    expect(await q({ min: 85, max: 85 })).toEqual({ ids: ['alfa-1'], total: 1 });
    expect(await q({ min: 50, channel: 'PHONE' })).toEqual({ ids: ['alfa-1'], total: 1 });
    expect(await q({ min: 0, max: 100, status: 'ANSWERED', channel: 'PHONE' })).toEqual({ ids: ['alfa-1'], total: 1 });
    // report(channel: PHONE) narrows the responses as every other section.
    expect(await q({ reportChannel: 'PHONE' })).toEqual({ ids: ['alfa-1', 'alfa-3'], total: 2 });
    expect(await q({ reportChannel: 'PHONE', channel: 'EMAIL' })).toEqual({ ids: [], total: 0 });
  });

  it('searches the comments in Norwegian (stemmed) and marks the matches', async () => {
    const staff = await asStaff();
    const search = (words: string, vars: Record<string, unknown> = {}) =>
      staff.query(IDS, { year: 2024, slug: 'alfa', search: words, ...vars });

    // "forsøkene" and "forsøk" both stem to 'forsøk' (checked in PostgreSQL 18): only alfa-3's comment has it.
    const tries = await search('forsøkene');
    expect(tries.errors).toBeUndefined();
    expect(connection(tries).totalCount).toBe(1);
    expect(connection(tries).edges[0].node).toEqual({
      id: 'alfa-3',
      score: 0,
      highlights: { reception: 'Ingen svar etter to ⟦forsøk⟧.', agent: '', overall: '' },
    });

    // "oppsummerte" and "oppsummere" both stem to 'oppsummer': alfa-1 and alfa-2 (the factory's agent comment).
    const summed = await search('oppsummerte');
    expect(ids(summed)).toEqual(['alfa-1', 'alfa-2']);
    // The whole comment comes back with the match marked. The overall comment has no match and
    // comes back as written: its own «gode» are Norwegian quotation marks, not a match.
    expect(connection(summed).edges[0].node.highlights).toEqual({
      reception: 'Hyggelig mottak, sa navnet sitt.',
      agent: 'Spurte godt om behovet, men glemte å ⟦oppsummere⟧.',
      overall: 'Effektiv samtale, «gode» råd, takk!',
    });
    // The Norwegian stemmer keeps the noun apart: "oppsummering" stems to 'oppsummering' and finds nothing here.
    expect(connection(await search('oppsummering')).totalCount).toBe(0);
    // Web-search syntax: a phrase, and a word left out; filters combine with the search.
    expect(ids(await search('"glemte å oppsummere"'))).toEqual(['alfa-1', 'alfa-2']);
    expect(ids(await search('oppsummere -takk'))).toEqual([]);
    expect(ids(await search('navnet', { channel: 'EMAIL' }))).toEqual(['alfa-2']);
    // No search: no highlights; a blank search is no search.
    const blank = await search('   ');
    expect(connection(blank).totalCount).toBe(3);
    expect(connection(blank).edges.map((e: { node: { highlights: unknown } }) => e.node.highlights)).toEqual([null, null, null]);
    // Only a stop word: nothing to search for, said so rather than an empty list.
    const stop = await search('og');
    expect(stop.data!.participation.report).toBeNull();
    expect(errorCodes(stop)).toEqual(['participation.report.responses:BAD_USER_INPUT']);
    expect(stop.errors![0]!.message).toContain('no words to look for');
  });
});

describe('who may see single responses', () => {
  it('gives a konkurrent manager FORBIDDEN for its competitor’s responses, with no data', async () => {
    const manager = await asManager('alfa');
    const result = await manager.query(RESPONSES, { year: 2024, slug: 'beta' });
    expect(errorCodes(result)).toEqual(['participation.report.responses:FORBIDDEN']);
    expect(result.data!.participation.report).toBeNull();
    expect(JSON.stringify(result)).not.toContain('beta-1');
    // The competitor's aggregates stay visible to it.
    const aggregates = await manager.query(`{ participation(year: 2024, companySlug: "beta") { report { total } } }`);
    expect(aggregates.errors).toBeUndefined();
    expect(aggregates.data!.participation.report.total).toBeCloseTo(10, 10);
  });

  it('gives the public UNAUTHENTICATED, and a manager without the report and an observer FORBIDDEN', async () => {
    for (const [email, viewer] of [
      [null, anonymous],
      ['gamma', () => asManager('gamma')],
      ['observer', () => asObserver('OBS-1')],
    ] as const) {
      const client = await viewer();
      for (const slug of ['alfa', 'gamma']) {
        const result = await client.query(RESPONSES, { year: 2024, slug });
        expect(errorCodes(result)).toEqual([`participation.report:${email ? 'FORBIDDEN' : 'UNAUTHENTICATED'}`]);
        expect(result.data!.participation.report).toBeNull();
      }
    }
  });

  it('gives the own report (with points) to staff and the own manager with the report; a competitor its aggregates; others the public total', () => {
    const alfa = { editionStatus: 'PUBLISHED' as const, companyId: 1, reportPurchased: true, chosenBy: [] };
    const user = (role: 'STAFF' | 'MANAGER' | 'OBSERVER', companyId: number | null = null): Viewer => ({
      kind: 'user',
      userId: 1,
      role,
      companyId,
      observerId: role === 'OBSERVER' ? 1 : null,
    });
    expect(reportAccess(user('STAFF'), alfa)).toBe('OWN');
    expect(reportAccess(user('MANAGER', 1), alfa)).toBe('OWN');
    expect(reportAccess(user('MANAGER', 1), { ...alfa, reportPurchased: false })).toBe('PUBLIC');
    expect(
      reportAccess(user('MANAGER', 2), { ...alfa, chosenBy: [{ companyId: 2, tier: 'KONKURRENT' as const, reportPurchased: true }] }),
    ).toBe('COMPETITOR');
    expect(reportAccess(user('OBSERVER'), alfa)).toBe('PUBLIC');
    expect(reportAccess({ kind: 'anonymous' }, alfa)).toBe('PUBLIC');
    expect(reportAccess(user('MANAGER', 1), { ...alfa, editionStatus: 'REVIEW' })).toBeNull();
    expect(reportAccess(user('STAFF'), { ...alfa, editionStatus: 'REVIEW' })).toBe('OWN');
  });
});

describe('bad arguments', () => {
  it('says what is wrong with a cursor, a page size or a score range', async () => {
    const staff = await asStaff();
    const problem = async (vars: Record<string, unknown>) => {
      const result = await staff.query(IDS, { year: 2024, slug: 'alfa', ...vars });
      expect(result.data!.participation.report).toBeNull();
      expect(errorCodes(result)).toEqual(['participation.report.responses:BAD_USER_INPUT']);
      return result.errors![0]!.message;
    };
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    expect(await problem({ after: 'nonsense!' })).toContain('is not a cursor of this list');
    expect(await problem({ after: Buffer.from('not json').toString('base64url') })).toContain('endCursor');
    expect(await problem({ after: b64({ at: "2024-09-03'; drop table inquiry; --", id: 1 }) })).toContain('is not a cursor');
    expect(await problem({ after: b64({ at: '2024-09-03T08:15:00.000000Z', id: 'x' }) })).toContain('is not a cursor');
    expect(await problem({ after: b64([1, 2]) })).toContain('is not a cursor');
    expect(await problem({ first: 500 })).toBe('first must be between 1 and 100 (responses per page); got 500.');
    expect(await problem({ first: 0 })).toContain('first must be between 1 and 100');
    expect(await problem({ min: -1 })).toBe('minScore is a score in percent, from 0 to 100; got -1.');
    expect(await problem({ max: 100.5 })).toContain('maxScore is a score in percent');
    expect(await problem({ min: 60, max: 50 })).toBe('minScore (60) must not be above maxScore (50).');
    expect(await problem({ search: 'x'.repeat(201) })).toContain('at most 200 characters');
  });

  it('refuses a forged cursor with a time that does not exist, as a bad cursor and not a server error', async () => {
    const staff = await asStaff();
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const at of [
      '2024-02-30T10:00:00.000000Z',
      '0000-01-01T00:00:00.000000Z',
      '2023-02-29T10:00:00.000000Z',
      '2024-09-03T24:00:00.000000Z',
      '2024-09-03T10:00:60.000000Z',
    ]) {
      const after = b64({ at, id: 1 });
      const result = await staff.query(IDS, { year: 2024, slug: 'alfa', after });
      expect(result.errors, at).toEqual([
        {
          message: `"${after}" is not a cursor of this list: pass the endCursor (or an edge's cursor) of an earlier page.`,
          path: ['participation', 'report', 'responses'],
          locations: [expect.any(Object)],
          extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_FORMAT', field: 'after' },
        },
      ]);
    }
    // The earliest and the latest times of the format still page (past every response, or none).
    const first = await staff.query(IDS, { year: 2024, slug: 'alfa', after: b64({ at: '0001-01-01T00:00:00.000000Z', id: 1 }) });
    expect(ids(first)).toEqual(['alfa-1', 'alfa-2', 'alfa-3']);
    const last = await staff.query(IDS, { year: 2024, slug: 'alfa', after: b64({ at: '9999-12-31T23:59:59.999999Z', id: 1 }) });
    expect(ids(last)).toEqual([]);
  });
});

describe('a long list', () => {
  it('pages through more responses than a page, ordered by time then id, each exactly once', async () => {
    const staff = await asStaff();
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result: GraphQLResult = await staff.query(IDS, { year: 2023, slug: 'alfa', first: 7, after });
      expect(result.errors).toBeUndefined();
      expect(connection(result).totalCount).toBe(MANY);
      seen.push(...ids(result));
      after = connection(result).pageInfo.endCursor;
      if (!connection(result).pageInfo.hasNextPage) break;
    }
    expect(seen).toEqual(MANY_IN_ORDER);
    const all = await staff.query(RESPONSES, { year: 2023, slug: 'alfa', first: 100 });
    const nodes = connection(all).edges.map((e: { node: any }) => e.node);
    expect(nodes.map((n: { id: string }) => n.id)).toEqual(MANY_IN_ORDER);
    // 2 + 2 + 6 + 0 + 4 = 14 of 20; the microseconds survive the cursor and the DateTime output keeps milliseconds.
    expect(nodes[0]).toMatchObject({ id: 'many-28', score: 70, contactedAt: '2023-09-11T07:30:00.123Z' });
    // Age in the edition year 2023 at the band edges: 29, 30, 49, 59, 60.
    for (const n of nodes) expect(n.observer.ageBand).toBe(BANDS[(Number(n.id.slice(5)) - 1) % 5]);
  });

  it('costs a fixed, small number of SQL statements per page, whatever its size', async () => {
    const staff = await asStaff();
    const sql = db.sql;
    const query = sql.query;
    let statements = 0;
    sql.query = function (this: typeof sql, ...args: unknown[]) {
      statements += 1;
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof sql.query;
    const count = async (first: number) => {
      statements = 0;
      const result = await staff.query(RESPONSES, { year: 2023, slug: 'alfa', first });
      expect(result.errors).toBeUndefined();
      expect(connection(result).edges).toHaveLength(Math.min(first, MANY));
      expect(connection(result).edges[0].node.answers).toHaveLength(11);
      return statements;
    };
    try {
      const perPage = [await count(1), await count(20), await count(100)];
      // Measured: 4 (session lookup, participation, the page with its count, the answers of the page).
      expect(perPage[1]).toBeLessThanOrEqual(6);
      expect(perPage).toEqual([perPage[1], perPage[1], perPage[1]]);
    } finally {
      sql.query = query;
    }
  });
});

/** The arguments of issue 15: by a question's answer, days, attempts, and an order. */
const FILTERED = `query($year: Int!, $slug: String!, $first: Int, $after: String, $min: Float, $max: Float, $search: String,
    $question: String, $option: String, $from: String, $to: String, $attempts: Int, $orderBy: ResponseOrder) {
  participation(year: $year, companySlug: $slug) { report {
    responses(first: $first, after: $after, minScore: $min, maxScore: $max, search: $search,
              question: $question, option: $option, from: $from, to: $to, attempts: $attempts, orderBy: $orderBy) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id score attempts answers { questionCode optionCode } } } } } } }`;

describe('filters by answer, day and attempts, and orders (issue 15)', () => {
  const q = async (vars: Record<string, unknown>, year = 2024) => {
    const result = await (await asManager('alfa')).query(FILTERED, { year, slug: 'alfa', ...vars });
    expect(result.errors).toBeUndefined();
    return { ids: ids(result), total: connection(result).totalCount };
  };

  it('filters by a question’s answer: an option of it, or any answer to it', async () => {
    // OVR_BUY: alfa-1 A (Ja), alfa-2 B (Nei); alfa-3 is unanswered and has no ticks.
    expect(await q({ question: 'OVR_BUY', option: 'B' })).toEqual({ ids: ['alfa-2'], total: 1 });
    expect(await q({ question: 'OVR_BUY', option: 'A' })).toEqual({ ids: ['alfa-1'], total: 1 });
    expect(await q({ question: 'OVR_BUY' })).toEqual({ ids: ['alfa-1', 'alfa-2'], total: 2 });
    // AGT_PHONE is a PHONE question: only alfa-1 answered it. "Not applicable" is an option like any other.
    expect(await q({ question: 'AGT_PHONE' })).toEqual({ ids: ['alfa-1'], total: 1 });
    expect(await q({ question: 'REC_WELCOME', option: 'NA' })).toEqual({ ids: ['alfa-2'], total: 1 });
    expect(await q({ question: 'AGT_NEEDS', option: 'C' })).toEqual({ ids: [], total: 0 });
    // The response really has that answer.
    const result = await (await asManager('alfa')).query(FILTERED, { year: 2024, slug: 'alfa', question: 'OVR_BUY', option: 'B' });
    expect(connection(result).edges[0].node.answers).toContainEqual({ questionCode: 'OVR_BUY', optionCode: 'B' });
  });

  it('filters by contact day (Norwegian time, both ends inclusive) and by the number of attempts', async () => {
    // alfa-1 on 3 September, alfa-2 on the 4th, alfa-3 on the 5th, each at 10:15 in Oslo.
    expect(await q({ from: '2024-09-04' })).toEqual({ ids: ['alfa-2', 'alfa-3'], total: 2 });
    expect(await q({ to: '2024-09-04' })).toEqual({ ids: ['alfa-1', 'alfa-2'], total: 2 });
    expect(await q({ from: '2024-09-04', to: '2024-09-04' })).toEqual({ ids: ['alfa-2'], total: 1 });
    expect(await q({ from: '2024-09-06' })).toEqual({ ids: [], total: 0 });
    // alfa-3 took two attempts, the others one.
    expect(await q({ attempts: 2 })).toEqual({ ids: ['alfa-3'], total: 1 });
    expect(await q({ attempts: 1 })).toEqual({ ids: ['alfa-1', 'alfa-2'], total: 2 });
    // Filters combine.
    expect(await q({ attempts: 1, question: 'OVR_BUY', option: 'A', to: '2024-09-03' })).toEqual({ ids: ['alfa-1'], total: 1 });
  });

  it('orders by score and by date, both ways, and pages across pages in that order', async () => {
    // Scores: alfa-1 85, alfa-2 58.33…, alfa-3 0.
    expect(await q({ orderBy: 'SCORE_DESC' })).toEqual({ ids: ['alfa-1', 'alfa-2', 'alfa-3'], total: 3 });
    expect(await q({ orderBy: 'SCORE_ASC' })).toEqual({ ids: ['alfa-3', 'alfa-2', 'alfa-1'], total: 3 });
    expect(await q({ orderBy: 'CONTACTED_AT_DESC' })).toEqual({ ids: ['alfa-3', 'alfa-2', 'alfa-1'], total: 3 });
    expect(await q({ orderBy: 'CONTACTED_AT_ASC' })).toEqual({ ids: ['alfa-1', 'alfa-2', 'alfa-3'], total: 3 });
    expect(await q({ orderBy: 'SCORE_ASC', min: 50 })).toEqual({ ids: ['alfa-2', 'alfa-1'], total: 2 });

    const manager = await asManager('alfa');
    const walk = async (vars: Record<string, unknown>, year: number) => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 40; page++) {
        const result: GraphQLResult = await manager.query(FILTERED, { year, slug: 'alfa', after, ...vars });
        expect(result.errors).toBeUndefined();
        seen.push(...ids(result));
        after = connection(result).pageInfo.endCursor;
        if (!connection(result).pageInfo.hasNextPage) break;
      }
      return seen;
    };
    // One a page: each step goes on from the last score.
    expect(await walk({ first: 1, orderBy: 'SCORE_DESC' }, 2024)).toEqual(['alfa-1', 'alfa-2', 'alfa-3']);
    expect(await walk({ first: 1, orderBy: 'SCORE_ASC' }, 2024)).toEqual(['alfa-3', 'alfa-2', 'alfa-1']);
    expect(await walk({ first: 2, orderBy: 'CONTACTED_AT_DESC' }, 2024)).toEqual(['alfa-3', 'alfa-2', 'alfa-1']);
    // 2023: thirty responses all scoring 70 (a tie across every page): by contact time then id, each once.
    expect(await walk({ first: 7, orderBy: 'SCORE_DESC' }, 2023)).toEqual(MANY_IN_ORDER);
    expect(await walk({ first: 7, orderBy: 'SCORE_ASC' }, 2023)).toEqual(MANY_IN_ORDER);
    expect(await walk({ first: 4, orderBy: 'CONTACTED_AT_DESC' }, 2023)).toEqual([...MANY_IN_ORDER].reverse());
  });

  it('takes a cursor only in the order it came from', async () => {
    const manager = await asManager('alfa');
    const byScore = await manager.query(FILTERED, { year: 2024, slug: 'alfa', first: 1, orderBy: 'SCORE_DESC' });
    const cursor = connection(byScore).pageInfo.endCursor;
    const other = await manager.query(FILTERED, { year: 2024, slug: 'alfa', first: 1, after: cursor });
    expect(other.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_FORMAT', field: 'after' });
  });

  it('says what is wrong with a code the client can rely on: BAD_USER_INPUT, a reason and the field', async () => {
    const manager = await asManager('alfa');
    const problem = async (vars: Record<string, unknown>) => {
      const result = await manager.query(FILTERED, { year: 2024, slug: 'alfa', ...vars });
      expect(result.data!.participation.report).toBeNull();
      expect(result.errors).toHaveLength(1);
      return result.errors![0]!.extensions;
    };
    const bad = (reason: string, field: string) => ({ code: 'BAD_USER_INPUT', reason, field });
    expect(await problem({ min: 80, max: 20 })).toEqual(bad('MIN_ABOVE_MAX', 'minScore'));
    expect(await problem({ min: 101 })).toEqual(bad('OUT_OF_RANGE', 'minScore'));
    expect(await problem({ max: -0.5 })).toEqual(bad('OUT_OF_RANGE', 'maxScore'));
    expect(await problem({ first: 0 })).toEqual(bad('OUT_OF_RANGE', 'first'));
    expect(await problem({ search: 'ikke' })).toEqual(bad('NO_SEARCH_WORDS', 'search'));
    expect(await problem({ search: 'y'.repeat(201) })).toEqual(bad('TOO_LONG', 'search'));
    expect(await problem({ question: 'NO_SUCH' })).toEqual(bad('UNKNOWN_QUESTION', 'question'));
    expect(await problem({ question: 'OVR_BUY', option: 'Z' })).toEqual(bad('UNKNOWN_OPTION', 'option'));
    expect(await problem({ option: 'A' })).toEqual(bad('MISSING_ARGUMENT', 'question'));
    expect(await problem({ from: '2024-09-05', to: '2024-09-03' })).toEqual(bad('FROM_AFTER_TO', 'from'));
    expect(await problem({ from: '2024-02-30' })).toEqual(bad('INVALID_FORMAT', 'from'));
    expect(await problem({ to: '5. september' })).toEqual(bad('INVALID_FORMAT', 'to'));
    expect(await problem({ attempts: 0 })).toEqual(bad('OUT_OF_RANGE', 'attempts'));
    expect(await problem({ after: 'nonsense!' })).toEqual(bad('INVALID_FORMAT', 'after'));
  });

  it('agrees with PostgreSQL on the Norwegian stop words the web checks before asking', async () => {
    const { NORWEGIAN_STOP_WORDS, hasSearchWords } = await import('@ksp/shared');
    const kept = await db.sql.query(`select w from unnest($1::text[]) w where numnode(websearch_to_tsquery('norwegian', w)) > 0`, [
      [...NORWEGIAN_STOP_WORDS],
    ]);
    expect(kept.rows).toEqual([]);
    expect(NORWEGIAN_STOP_WORDS.size).toBe(172);
    expect(hasSearchWords('ikke')).toBe(false);
    expect(hasSearchWords('"og så" -ikke or')).toBe(false);
    expect(hasSearchWords('ikke navnet')).toBe(true);
  });
});
