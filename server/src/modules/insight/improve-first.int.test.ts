import { beforeAll, describe, expect, it } from 'vitest';
import type { ParticipantRow, QuestionDef, ResponseRow } from '@ksp/shared';
import { useTestDatabase } from '@server/test/db.js';
import { errorCodes, useApi } from '@server/test/api.js';
import { fixtures } from '@server/test/factories.js';
import { useViewers } from '@server/test/viewers.js';
import { rows } from '../../db/sql.js';
import { storeEdition } from '../edition/edition-bundle.js';
import { precomputePublished } from '../report/precompute.js';

/**
 * Key drivers and improve-first on an edition small enough to work out by hand. Two scored
 * questions, worth 1 point each, so points/maximum is 0 or 1:
 *   AGT_X (the agent) and REC_Y (the reception).
 * Four kinds of e-mail inquiry, eight of each (32 answered inquiries; 2 predictors need ≥ 20):
 *   r1: X=1 Y=1 NPS 3 · r2: X=1 Y=0 NPS 1 · r3: X=0 Y=1 NPS 0 · r4: X=0 Y=0 NPS 0   (CSAT = NPS + 1)
 * With as many of each, X and Y are exactly uncorrelated, so each weight is its squared
 * correlation with the outcome (as in shared/src/insight/relative-weights.test.ts):
 *   NPS mean = (3+1+0+0)/4 = 1, deviations (2, 0, −1, −1), Σ² per four = 6; X, Y deviations ±½.
 *   r_X = (2+0+1+1)/√(4·6) = 4/√24 → weight X = 16/24 = 2/3;  r_Y = (2−0−1+1)/√24 → weight Y = 4/24 = 1/6.
 * CSAT is NPS + 1: the same correlations, the same weights.
 *
 * The four companies of class Bank, eight inquiries each:
 *   egen:  r2×3 r3×1 r4×4 → X = 3/8 = 37,5 %  Y = 1/8 = 12,5 %
 *   a, b:  r1×4 r2×2 r3×2 → X = 6/8 = 75 %    Y = 6/8 = 75 %
 *   c:     r2×1 r3×3 r4×4 → X = 1/8 = 12,5 %  Y = 3/8 = 37,5 %
 *   (r1: 4+4 = 8, r2: 3+2+2+1 = 8, r3: 1+2+2+3 = 8, r4: 4+4 = 8.)
 * Class figures: X = (37,5+75+75+12,5)/4 = 50, Y = (12,5+75+75+37,5)/4 = 50.
 * egen's improve-first: X gap 12,5 × 2/3 = 8,333…, Y gap 37,5 × 1/6 = 6,25: X first although
 * its gap is the smaller, because it moves the outcome four times as much.
 */
const db = useTestDatabase();
const api = useApi(db);
const viewers = useViewers(db, api);

const QUESTIONS: QuestionDef[] = [
  {
    code: 'REC_Y',
    area: 'RECEPTION',
    text: 'Ble du ønsket velkommen?',
    options: [
      { code: 'J', label: 'Ja', points: 1 },
      { code: 'N', label: 'Nei', points: 0 },
    ],
  },
  {
    code: 'AGT_X',
    area: 'AGENT',
    text: 'Fikk du en løsning?',
    options: [
      { code: 'J', label: 'Ja', points: 1 },
      { code: 'N', label: 'Nei', points: 0 },
    ],
  },
  { code: 'CSAT', area: 'CX', kind: 'SCALE', min: 1, max: 5, text: 'Hvor fornøyd er du?' },
  { code: 'NPS', area: 'CX', kind: 'SCALE', min: 0, max: 10, text: 'Vil du anbefale selskapet?' },
];
const KINDS = {
  r1: { AGT_X: 'J', REC_Y: 'J', NPS: 3 },
  r2: { AGT_X: 'J', REC_Y: 'N', NPS: 1 },
  r3: { AGT_X: 'N', REC_Y: 'J', NPS: 0 },
  r4: { AGT_X: 'N', REC_Y: 'N', NPS: 0 },
} as const;
const MIX: Record<string, Partial<Record<keyof typeof KINDS, number>>> = {
  egen: { r2: 3, r3: 1, r4: 4 },
  a: { r1: 4, r2: 2, r3: 2 },
  b: { r1: 4, r2: 2, r3: 2 },
  c: { r2: 1, r3: 3, r4: 4 },
};

let editionId: number;
beforeAll(async () => {
  const { response } = fixtures();
  const participants: ParticipantRow[] = Object.keys(MIX).map((slug) => ({
    companySlug: slug,
    companyName: slug.toUpperCase(),
    className: 'Bank',
    tier: 'ENKEL',
    channels: ['EMAIL'],
    competitors: [],
    reportPurchased: true,
  }));
  const responses: ResponseRow[] = Object.entries(MIX).flatMap(([slug, mix]) =>
    Object.entries(mix).flatMap(([kind, n]) =>
      Array.from({ length: n }, () => {
        const k = KINDS[kind as keyof typeof KINDS];
        return response({
          companySlug: slug,
          channel: 'EMAIL',
          answers: { AGT_X: k.AGT_X, REC_Y: k.REC_Y, NPS: String(k.NPS), CSAT: String(k.NPS + 1) },
        });
      }),
    ),
  );
  await db.orm.em.fork().transactional(async (em) => {
    editionId = await storeEdition(
      em,
      {
        questionnaire: {
          edition: { year: 2024, name: 'KSP 2024', inquiriesPerParticipant: 8, channelKeys: { EMAIL: 1 } },
          questions: QUESTIONS,
        },
        participants,
        responses,
      },
      { status: 'PUBLISHED' },
    );
  });
}, 60_000);

const storedAnalyses = () =>
  rows<{ outcome: string; inquiries: number; r_squared: number | null; version: number }>(
    db.sql,
    `select outcome, inquiries, r_squared, version from key_driver_analysis where channel = 'EMAIL' order by outcome`,
  );

describe('key drivers over the edition', () => {
  it('are the squared correlations of two uncorrelated performances, stored once computed', async () => {
    await precomputePublished(db.sql);
    const stored = await storedAnalyses();
    expect(stored.map((s) => [s.outcome, s.inquiries])).toEqual([
      ['CSAT', 32],
      ['NPS', 32],
    ]);
    // R² = 2/3 + 1/6 = 5/6
    for (const s of stored) expect(s.r_squared).toBeCloseTo(5 / 6, 10);

    const staff = await viewers.asStaff();
    const result = await staff.query(
      `{ keyDrivers(year: 2024, outcome: NPS, channel: EMAIL) { inquiries rSquared drivers { questionCode weight low high } } }`,
    );
    expect(errorCodes(result)).toEqual([]);
    const analysis = result.data!.keyDrivers;
    expect(analysis.inquiries).toBe(32);
    expect(analysis.rSquared).toBeCloseTo(5 / 6, 10);
    expect(analysis.drivers.map((d: { questionCode: string }) => d.questionCode)).toEqual(['AGT_X', 'REC_Y']);
    expect(analysis.drivers[0].weight).toBeCloseTo(2 / 3, 10);
    expect(analysis.drivers[1].weight).toBeCloseTo(1 / 6, 10);
    for (const d of analysis.drivers) expect(d.low).toBeLessThanOrEqual(d.high);
    // A channel without inquiries has no analysis.
    const phone = await staff.query(
      `{ keyDrivers(year: 2024, outcome: NPS, channel: PHONE) { inquiries rSquared drivers { questionCode } } }`,
    );
    expect(phone.data!.keyDrivers).toEqual({ inquiries: 0, rSquared: null, drivers: [] });
  });
});

describe('improve first', () => {
  const improve = (slug: string, outcome: string, channel = '') =>
    `{ participation(year: 2024, companySlug: "${slug}") { report${channel} { improveFirst(outcome: ${outcome}) { questionCode score classScore weight priority } } } }`;

  it('orders egen’s performances below the class by gap × weight: AGT_X (12,5 × 2/3) before REC_Y (37,5 × 1/6)', async () => {
    const manager = await viewers.asManager('egen');
    for (const outcome of ['NPS', 'CSAT']) {
      for (const channel of ['', '(channel: EMAIL)']) {
        const result = await manager.query(improve('egen', outcome, channel));
        expect(errorCodes(result)).toEqual([]);
        const list = result.data!.participation.report.improveFirst;
        expect(
          list.map((p: { questionCode: string }) => p.questionCode),
          `${outcome} ${channel}`,
        ).toEqual(['AGT_X', 'REC_Y']);
        expect(list[0]).toMatchObject({ score: 37.5, classScore: 50 });
        expect(list[0].weight).toBeCloseTo(2 / 3, 10);
        expect(list[0].priority).toBeCloseTo(12.5 * (2 / 3), 10); // 8,333…
        expect(list[1]).toMatchObject({ score: 12.5, classScore: 50 });
        expect(list[1].weight).toBeCloseTo(1 / 6, 10);
        expect(list[1].priority).toBeCloseTo(37.5 / 6, 10); // 6,25
      }
    }
  });

  it('gives c its larger gaps (X 37,5 × 2/3 = 25, Y 12,5 × 1/6 = 2,083…) and a, above the class everywhere, nothing', async () => {
    const staff = await viewers.asStaff();
    const c = (await staff.query(improve('c', 'NPS'))).data!.participation.report.improveFirst;
    expect(c.map((p: { questionCode: string; score: number }) => [p.questionCode, p.score])).toEqual([
      ['AGT_X', 12.5],
      ['REC_Y', 37.5],
    ]);
    expect(c[0].priority).toBeCloseTo(25, 10);
    expect(c[1].priority).toBeCloseTo(12.5 / 6, 10);
    expect((await staff.query(improve('a', 'NPS'))).data!.participation.report.improveFirst).toEqual([]);
  });
});

describe('a correction after publication', () => {
  it('are computed again after a correction to the published edition', async () => {
    const before = (await storedAnalyses())[0]!.version;
    // One r4 inquiry of egen (X=0, Y=0) is corrected to X=1: the data are no longer the hand case.
    await db.sql.query(
      `update answer set option_id = (select o.id from question_option o join question q on q.id = o.question_id where q.edition_id = $1 and q.code = 'AGT_X' and o.code = 'J')
       where ctid = (select a.ctid from answer a join inquiry i on i.id = a.inquiry_id join question q on q.id = a.question_id
                     join question_option o on o.id = a.option_id
                     join participation p on p.id = i.participation_id join company c on c.id = p.company_id
                     where c.slug = 'egen' and q.code = 'AGT_X' and o.code = 'N' limit 1)`,
      [editionId],
    );
    const staff = await viewers.asStaff();
    const result = await staff.query(`{ keyDrivers(year: 2024, outcome: NPS, channel: EMAIL) { rSquared drivers { weight } } }`);
    expect(result.data!.keyDrivers.drivers[0].weight).not.toBeCloseTo(2 / 3, 6);
    const after = (await storedAnalyses()).find((s) => s.outcome === 'NPS')!;
    expect(after.version).toBeGreaterThan(before);
    expect(after.r_squared).toBeCloseTo(result.data!.keyDrivers.rSquared, 12);
  });
});
