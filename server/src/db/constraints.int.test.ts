import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/db.js';
import { fixtures } from '../../test/factories.js';
import { rows, sqlOn, type Sql } from './sql.js';
import { storeEdition } from '../modules/edition/edition-bundle.js';

const db = useTestDatabase();
const { fixtureBundle, response } = fixtures(); // one numbering across the editions below

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

/** Runs `fn` in one transaction and returns PostgreSQL's message when the commit (or a statement) is refused. */
async function refusedInTransaction(fn: (sql: Sql) => Promise<unknown>): Promise<string> {
  try {
    await db.orm.em.fork().transactional((em) => fn(sqlOn(em)));
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the database accepted the transaction');
}

beforeAll(async () => {
  await db.orm.em.fork().transactional((em) => storeEdition(em, fixtureBundle(), { status: 'PUBLISHED' }));
});

describe('the database enforces what it can', () => {
  it('allows one participation per company per edition', async () => {
    const p = await one(`select edition_id, company_id, class_id from participation limit 1`);
    expect(
      await refused(
        `insert into participation (edition_id, company_id, class_id, tier, channels) values ($1, $2, $3, 'ENKEL', '{PHONE}')`,
        [p.edition_id, p.company_id, p.class_id],
      ),
    ).toMatch(/duplicate key/);
  });

  it('refuses a competitor that is the company itself, a sixth one, or one for an ENKEL participant', async () => {
    const alfa = await one(
      `select p.id, p.edition_id, p.company_id from participation p join company c on c.id = p.company_id where c.slug = 'alfa'`,
    );
    expect(
      await refused(
        `insert into participation_competitor (participation_id, edition_id, company_id, competitor_company_id, position) values ($1, $2, $3, $3, 2)`,
        [alfa.id, alfa.edition_id, alfa.company_id],
      ),
    ).toMatch(/check constraint/);
    const gamma = await one(`select company_id from participation p join company c on c.id = p.company_id where c.slug = 'gamma'`);
    expect(
      await refused(
        `insert into participation_competitor (participation_id, edition_id, company_id, competitor_company_id, position) values ($1, $2, $3, $4, 6)`,
        [alfa.id, alfa.edition_id, alfa.company_id, gamma.company_id],
      ),
    ).toMatch(/check constraint/);
    const beta = await one(
      `select p.id, p.edition_id, p.company_id from participation p join company c on c.id = p.company_id where c.slug = 'beta'`,
    );
    expect(
      await refused(
        `insert into participation_competitor (participation_id, edition_id, company_id, competitor_company_id, position) values ($1, $2, $3, $4, 1)`,
        [beta.id, beta.edition_id, beta.company_id, gamma.company_id],
      ),
    ).toMatch(/foreign key/);
    // Changing a konkurrent participant with picks to ENKEL is refused too.
    expect(await refused(`update participation set tier = 'ENKEL' where id = $1`, [alfa.id])).toMatch(/check constraint/);
  });

  it('refuses negative points and points on a not-applicable option', async () => {
    const q = await one(`select id from question where code = 'RT_WAIT' limit 1`);
    expect(
      await refused(`insert into question_option (question_id, code, label, points, position) values ($1, 'X', 'x', -1, 9)`, [q.id]),
    ).toMatch(/check constraint/);
    expect(
      await refused(
        `insert into question_option (question_id, code, label, points, not_applicable, position) values ($1, 'Y', 'y', 1, true, 9)`,
        [q.id],
      ),
    ).toMatch(/check constraint/);
  });

  it('refuses a CX value off its scale, an option of another question, and a second answer to one question', async () => {
    const inquiry = await one(`select i.id from inquiry i where external_id = 'beta-1'`);
    const csat = await one(
      `select a.question_id from answer a join question q on q.id = a.question_id where a.inquiry_id = $1 and q.code = 'CSAT'`,
      [inquiry.id],
    );
    expect(
      await refused(`update answer set scale_value = 6 where inquiry_id = $1 and question_id = $2`, [inquiry.id, csat.question_id]),
    ).toMatch(/CSAT must be between 1 and 5/);
    const welcome = await one(
      `select a.question_id from answer a join question q on q.id = a.question_id where a.inquiry_id = $1 and q.code = 'REC_WELCOME'`,
      [inquiry.id],
    );
    const otherOption = await one(
      `select o.id from question_option o join question q on q.id = o.question_id where q.code = 'OVR_BUY' limit 1`,
    );
    expect(
      await refused(`update answer set option_id = $3 where inquiry_id = $1 and question_id = $2`, [
        inquiry.id,
        welcome.question_id,
        otherOption.id,
      ]),
    ).toMatch(/one of its options/);
    expect(
      await refused(`insert into answer (inquiry_id, question_id, scale_value) values ($1, $2, 3)`, [inquiry.id, csat.question_id]),
    ).toMatch(/duplicate key/);
  });

  it('keeps the review history of every imported response', async () => {
    const counts = await one(
      `select (select count(*) from inquiry) as inquiries, (select count(*) from review_event where to_status = 'APPROVED') as approved`,
    );
    expect(counts.inquiries).toBe(5);
    expect(counts.approved).toBe(5);
    // alfa-3 needed two attempts: the first failed, the last one is the reported one.
    const attempts = await rows<{ answered: boolean; wait_seconds: number | null }>(
      db.sql,
      `select a.answered, a.wait_seconds from inquiry_attempt a join inquiry i on i.id = a.inquiry_id where i.external_id = 'alfa-3' order by a.id`,
    );
    expect(attempts).toEqual([
      { answered: false, wait_seconds: null },
      { answered: false, wait_seconds: 300 },
    ]);
  });
});

describe('fieldwork records derived on storing an edition', () => {
  it('gives every inquiry the assignment of its observer to that participant, with the Oslo week', async () => {
    const linked = await rows<{ external_id: string; channel: string; week: number }>(
      db.sql,
      `select i.external_id, a.channel, a.week from inquiry i join assignment a on a.id = i.assignment_id order by i.external_id`,
    );
    // Fixture inquiries fall on 2024-09-02 … 09-21: Monday 2 September starts ISO week 36, Saturday 21st ends week 38.
    expect(linked).toHaveLength(5);
    for (const l of linked) expect([36, 37, 38]).toContain(l.week);
    expect(linked.find((l) => l.external_id === 'alfa-2')!.channel).toBe('EMAIL');
  });
});

describe('answers that count: the database keeps the rules the CSV checker applies', () => {
  /** An inquiry of alfa in 2024 on a channel, with the ids a raw insert needs. */
  async function newInquiry(sql: Sql, externalId: string, channel: 'PHONE' | 'EMAIL', reviewStatus = 'APPROVED'): Promise<number> {
    const [row] = await rows<{ id: number }>(
      sql,
      `insert into inquiry (participation_id, edition_id, external_id, channel, status, review_status, observer_id, contacted_at)
       select p.id, p.edition_id, $1, $2, 'ANSWERED', $3, (select id from observer limit 1), '2024-09-10T10:00:00+02:00'
       from participation p join company c on c.id = p.company_id where c.slug = 'alfa' returning id`,
      [externalId, channel, reviewStatus],
    );
    return row!.id;
  }
  /** Answers by question code: an option code, or a scale value for CX. */
  async function answer(sql: Sql, inquiryId: number, answers: Record<string, string>) {
    await sql.query(
      `insert into answer (inquiry_id, question_id, option_id, scale_value)
       select $1, q.id, o.id, case when q.kind = 'SCALE' then a.value::int end
       from json_each_text($2::json) a join inquiry i on i.id = $1 join question q on q.edition_id = i.edition_id and q.code = a.key
       left join question_option o on o.question_id = q.id and o.code = a.value and q.kind = 'CHOICE'`,
      [inquiryId, JSON.stringify(answers)],
    );
  }
  const EMAIL_SCORED = { RT_WAIT: 'A', REC_WELCOME: 'A', AGT_NEEDS: 'A', OVR_BUY: 'A' };

  it("refuses an answer to a question that does not apply to the inquiry's channel, and a channel its answers do not fit", async () => {
    const alfa2 = await one(`select id from inquiry where external_id = 'alfa-2'`); // EMAIL
    expect(
      await refused(
        `insert into answer (inquiry_id, question_id, option_id)
      select $1, q.id, o.id from question q join question_option o on o.question_id = q.id
      where q.code = 'AGT_PHONE' and o.code = 'A' and q.edition_id = (select edition_id from inquiry where id = $1)`,
        [alfa2.id],
      ),
    ).toMatch(/answer to AGT_PHONE does not apply to EMAIL, the channel of inquiry alfa-2/);
    // alfa-1 (PHONE) has answers to the PHONE-only AGT_PHONE and CALLBACK: it cannot become an EMAIL inquiry.
    expect(await refused(`update inquiry set channel = 'EMAIL' where external_id = 'alfa-1'`)).toMatch(
      /does not apply to EMAIL, the channel of inquiry alfa-1/,
    );
    expect(
      await refusedInTransaction(async (sql) => {
        const id = await newInquiry(sql, 'wrong-channel', 'EMAIL');
        await answer(sql, id, { ...EMAIL_SCORED, CALLBACK: 'Y' });
      }),
    ).toMatch(/answer to CALLBACK does not apply to EMAIL/);
  });

  it('refuses, at commit, an approved answered inquiry without an answer to a scored question of its channel', async () => {
    // Written first, answered later in the same transaction: fine, the check waits for the commit.
    await db.orm.em.fork().transactional(async (em) => {
      const sql = sqlOn(em);
      const id = await newInquiry(sql, 'complete', 'EMAIL');
      // "Not applicable" is an answer; CX and unscored questions may be left out.
      await answer(sql, id, { ...EMAIL_SCORED, REC_WELCOME: 'NA' });
    });
    expect(
      await refusedInTransaction(async (sql) => {
        const id = await newInquiry(sql, 'incomplete', 'PHONE');
        await answer(sql, id, { RT_WAIT: 'A', REC_WELCOME: 'A', AGT_NEEDS: 'A', OVR_BUY: 'A', CALLBACK: 'N' });
      }),
    ).toMatch(/approved answered inquiry incomplete has no answer to scored question AGT_PHONE/);
    // Taking an answer away from a stored inquiry, outside a transaction too.
    expect(
      await refused(`delete from answer where inquiry_id = (select id from inquiry where external_id = 'alfa-1')
      and question_id in (select id from question where code in ('RT_WAIT', 'OVR_BUY'))`),
    ).toMatch(/approved answered inquiry alfa-1 has no answer to scored question RT_WAIT, OVR_BUY/);
    // A submitted response may be incomplete; approving it as it is may not.
    await db.orm.em.fork().transactional(async (em) => {
      await answer(sqlOn(em), await newInquiry(sqlOn(em), 'draft', 'EMAIL', 'SUBMITTED'), { RT_WAIT: 'B' });
    });
    expect(await refused(`update inquiry set review_status = 'APPROVED' where external_id = 'draft'`)).toMatch(
      /approved answered inquiry draft has no answer to scored question REC_WELCOME, AGT_NEEDS, OVR_BUY/,
    );
    expect(
      await one(`select count(*)::int as n from inquiry where external_id in ('complete', 'incomplete', 'wrong-channel', 'draft')`),
    ).toEqual({ n: 2 });
  });

  it('checks each inquiry as it is at commit, forgets what a rolled-back savepoint wrote, and keeps no notes after commit', async () => {
    // An answer taken away and given back within the transaction: complete at commit.
    await db.orm.em.fork().transactional(async (em) => {
      const sql = sqlOn(em);
      const [removed] = await rows<Record<string, number>>(
        sql,
        `delete from answer where inquiry_id = (select id from inquiry where external_id = 'alfa-1')
        and question_id = (select id from question where code = 'OVR_BUY') returning inquiry_id, question_id, option_id`,
      );
      await sql.query('insert into answer (inquiry_id, question_id, option_id) values ($1, $2, $3)', [
        removed!.inquiry_id,
        removed!.question_id,
        removed!.option_id,
      ]);
    });
    // An answer moved to another inquiry leaves the first one without it.
    expect(
      await refused(`update answer set inquiry_id = (select id from inquiry where external_id = 'alfa-3')
      where inquiry_id = (select id from inquiry where external_id = 'alfa-2') and question_id in (select id from question where code = 'REC_WELCOME')`),
    ).toMatch(/approved answered inquiry alfa-2 has no answer to scored question REC_WELCOME$/);
    // An incomplete inquiry written after a savepoint that is rolled back is no longer there to check.
    await db.orm.em.fork().transactional(async (em) => {
      const sql = sqlOn(em);
      await sql.query('savepoint before_draft');
      await newInquiry(sql, 'rolled-back', 'PHONE');
      await sql.query('rollback to savepoint before_draft');
    });
    expect(await one(`select count(*)::int as n from inquiry where external_id = 'rolled-back'`)).toEqual({ n: 0 });
    expect(await one(`select count(*)::int as n from inquiry_completeness_due`)).toEqual({ n: 0 });
  });

  it('refuses a whole edition written through the ORM when one response breaks the rule, and writes nothing of it', async () => {
    const bundle = fixtureBundle({
      year: 2030,
      responses: [
        ...fixtureBundle().responses,
        response({ inquiryId: 'half', companySlug: 'beta', channel: 'PHONE', answers: { RT_WAIT: 'A', REC_WELCOME: 'B' } }),
      ],
    });
    await expect(db.orm.em.fork().transactional((em) => storeEdition(em, bundle, { status: 'PUBLISHED' }))).rejects.toThrow(
      /approved answered inquiry half has no answer to scored question AGT_NEEDS, AGT_PHONE, OVR_BUY/,
    );
    expect(
      await one(`select (select count(*) from edition where year = 2030)::int as editions,
      (select count(*) from inquiry where external_id = 'half')::int as inquiries`),
    ).toEqual({ editions: 0, inquiries: 0 });
  });
});
