import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/db.js';
import { fixtureBundle } from '../../test/factories.js';
import { rows } from './sql.js';
import { storeEdition } from '../modules/edition/edition-bundle.js';

const db = useTestDatabase();

const one = async (sql: string, params: unknown[] = []) => (await rows<Record<string, number>>(db.sql, sql, params))[0]!;

/** Runs a statement that the database must refuse, and returns PostgreSQL's message. */
async function refused(sql: string, params: unknown[] = []): Promise<string> {
  try {
    await db.sql.query(sql, params);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`the database accepted: ${sql}`);
}

beforeAll(async () => {
  await db.orm.em.fork().transactional((em) => storeEdition(em, fixtureBundle(), { status: 'PUBLISHED' }));
});

describe('the database enforces what it can', () => {
  it('allows one participation per company per edition', async () => {
    const p = await one(`select edition_id, company_id, class_id from participation limit 1`);
    expect(await refused(`insert into participation (edition_id, company_id, class_id, tier, channels) values ($1, $2, $3, 'ENKEL', '{PHONE}')`,
      [p.edition_id, p.company_id, p.class_id])).toMatch(/duplicate key/);
  });

  it('refuses a competitor that is the company itself, a sixth one, or one for an ENKEL participant', async () => {
    const alfa = await one(`select p.id, p.edition_id, p.company_id from participation p join company c on c.id = p.company_id where c.slug = 'alfa'`);
    expect(await refused(`insert into participation_competitor (participation_id, edition_id, company_id, competitor_company_id, position) values ($1, $2, $3, $3, 2)`,
      [alfa.id, alfa.edition_id, alfa.company_id])).toMatch(/check constraint/);
    const gamma = await one(`select company_id from participation p join company c on c.id = p.company_id where c.slug = 'gamma'`);
    expect(await refused(`insert into participation_competitor (participation_id, edition_id, company_id, competitor_company_id, position) values ($1, $2, $3, $4, 6)`,
      [alfa.id, alfa.edition_id, alfa.company_id, gamma.company_id])).toMatch(/check constraint/);
    const beta = await one(`select p.id, p.edition_id, p.company_id from participation p join company c on c.id = p.company_id where c.slug = 'beta'`);
    expect(await refused(`insert into participation_competitor (participation_id, edition_id, company_id, competitor_company_id, position) values ($1, $2, $3, $4, 1)`,
      [beta.id, beta.edition_id, beta.company_id, gamma.company_id])).toMatch(/foreign key/);
    // Changing a konkurrent participant with picks to ENKEL is refused too.
    expect(await refused(`update participation set tier = 'ENKEL' where id = $1`, [alfa.id])).toMatch(/check constraint/);
  });

  it('refuses negative points and points on a not-applicable option', async () => {
    const q = await one(`select id from question where code = 'RT_WAIT' limit 1`);
    expect(await refused(`insert into question_option (question_id, code, label, points, position) values ($1, 'X', 'x', -1, 9)`, [q.id])).toMatch(/check constraint/);
    expect(await refused(`insert into question_option (question_id, code, label, points, not_applicable, position) values ($1, 'Y', 'y', 1, true, 9)`, [q.id])).toMatch(/check constraint/);
  });

  it('refuses a CX value off its scale, an option of another question, and a second answer to one question', async () => {
    const inquiry = await one(`select i.id from inquiry i where external_id = 'beta-1'`);
    const csat = await one(`select a.question_id from answer a join question q on q.id = a.question_id where a.inquiry_id = $1 and q.code = 'CSAT'`, [inquiry.id]);
    expect(await refused(`update answer set scale_value = 6 where inquiry_id = $1 and question_id = $2`, [inquiry.id, csat.question_id])).toMatch(/CSAT must be between 1 and 5/);
    const welcome = await one(`select a.question_id from answer a join question q on q.id = a.question_id where a.inquiry_id = $1 and q.code = 'REC_WELCOME'`, [inquiry.id]);
    const otherOption = await one(`select o.id from question_option o join question q on q.id = o.question_id where q.code = 'OVR_BUY' limit 1`);
    expect(await refused(`update answer set option_id = $3 where inquiry_id = $1 and question_id = $2`, [inquiry.id, welcome.question_id, otherOption.id])).toMatch(/one of its options/);
    expect(await refused(`insert into answer (inquiry_id, question_id, scale_value) values ($1, $2, 3)`, [inquiry.id, csat.question_id])).toMatch(/duplicate key/);
  });

  it('keeps the review history of every imported response', async () => {
    const counts = await one(`select (select count(*) from inquiry) as inquiries, (select count(*) from review_event where to_status = 'APPROVED') as approved`);
    expect(counts.inquiries).toBe(5);
    expect(counts.approved).toBe(5);
    // alfa-3 needed two attempts: the first failed, the last one is the reported one.
    const attempts = await rows<{ answered: boolean; wait_seconds: number | null }>(db.sql,
      `select a.answered, a.wait_seconds from inquiry_attempt a join inquiry i on i.id = a.inquiry_id where i.external_id = 'alfa-3' order by a.id`);
    expect(attempts).toEqual([{ answered: false, wait_seconds: null }, { answered: false, wait_seconds: 300 }]);
  });
});

describe('fieldwork records derived on storing an edition', () => {
  it('gives every inquiry the assignment of its observer to that participant, with the Oslo week', async () => {
    const linked = await rows<{ external_id: string; channel: string; week: number }>(db.sql,
      `select i.external_id, a.channel, a.week from inquiry i join assignment a on a.id = i.assignment_id order by i.external_id`);
    // Fixture inquiries fall on 2024-09-02 … 09-21: Monday 2 September starts ISO week 36, Saturday 21st ends week 38.
    expect(linked).toHaveLength(5);
    for (const l of linked) expect([36, 37, 38]).toContain(l.week);
    expect(linked.find((l) => l.external_id === 'alfa-2')!.channel).toBe('EMAIL');
  });
});
