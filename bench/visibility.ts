import pg from 'pg';
import type { Analyst } from './analyst.js';
import type { GraphQLClient } from './http.js';
import { FULL_REPORT_NO_RESPONSES, REPORT_BY_DESIGN, RESULT_LIST } from './requests.js';

// Approval-to-visible. There is no approval flow in the API yet, so this measures what exists:
// a change committed in PostgreSQL (an inquiry approved, an approved answer corrected, both
// plain SQL in one transaction each) until the API shows the new total in the full report and
// on the result list. Every change is undone before the function returns.

export interface VisibilityResult {
  approvalMs: number[];
  correctionMs: number[];
  /** Samples that did not show the change within the time limit. */
  timeouts: number;
}

const LIMIT_MS = 10_000;

export async function measureVisibility(
  url: string,
  api: GraphQLClient,
  analyst: Analyst,
  year: number,
  slug: string,
  samples: number,
): Promise<VisibilityResult> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const result: VisibilityResult = { approvalMs: [], correctionMs: [], timeouts: 0 };
  // An answered, approved inquiry of the participant with a scored answer below the best option.
  const {
    rows: [target],
  } = await db.query<{ inquiry_id: number; question_id: number; option_id: number; best_id: number }>(
    `select a.inquiry_id, a.question_id, a.option_id,
            (select b.id from question_option b where b.question_id = q.id order by b.points desc nulls last limit 1) as best_id
     from inquiry i join participation p on p.id = i.participation_id join edition e on e.id = p.edition_id
     join company c on c.id = p.company_id join answer a on a.inquiry_id = i.id
     join question q on q.id = a.question_id join question_option o on o.id = a.option_id
     where e.year = $1 and c.slug = $2 and i.status = 'ANSWERED' and i.review_status = 'APPROVED'
       and q.area = 'AGENT' and q.max_points is not null and not o.not_applicable and o.points = 0
     order by i.id, q.position limit 1`,
    [year, slug],
  );
  if (!target) throw new Error('visibility: no answer to correct');
  const expected = async () =>
    (await analyst.runOne('totals', year, slug)).find((r) => r.role === 'own' && r.channel === null)!.score as number;
  /** Time from now until both views show `total`, or undefined past the limit. */
  const untilVisible = async (total: number): Promise<number | undefined> => {
    const started = performance.now();
    while (performance.now() - started < LIMIT_MS) {
      const report = await api.must(FULL_REPORT_NO_RESPONSES, { year, slug }, REPORT_BY_DESIGN);
      const list = await api.must(RESULT_LIST, { year });
      const onList = list.data.resultList.find((r: { company: { slug: string } }) => r.company.slug === slug)?.total;
      if (Math.abs(report.data.participation.report.total - total) < 1e-9 && Math.abs(onList - total) < 1e-9)
        return performance.now() - started;
    }
    return undefined;
  };
  const commit = async (text: string, params: unknown[]) => {
    await db.query('begin');
    await db.query(text, params);
    await db.query('commit');
  };
  const record = (into: number[], ms: number | undefined) => (ms === undefined ? result.timeouts++ : into.push(ms));
  const original = await expected();
  try {
    for (let i = 0; i < samples; i++) {
      // Approval: the inquiry goes back to SUBMITTED (not measured), then is approved.
      await commit(`update inquiry set review_status = 'SUBMITTED' where id = $1`, [target.inquiry_id]);
      await untilVisible(await expected());
      await commit(
        `update inquiry set review_status = 'APPROVED' where id = $1;`.replace('$1', String(target.inquiry_id)) +
          ` insert into review_event (inquiry_id, from_status, to_status, reason) values (${target.inquiry_id}, 'SUBMITTED', 'APPROVED', 'bench')`,
        [],
      );
      record(result.approvalMs, await untilVisible(original));
      // A published correction: the answer gets its best option, then its own back.
      for (const option of [target.best_id, target.option_id]) {
        await commit(`update answer set option_id = $1 where inquiry_id = $2 and question_id = $3`, [
          option,
          target.inquiry_id,
          target.question_id,
        ]);
        record(result.correctionMs, await untilVisible(await expected()));
      }
    }
  } finally {
    await db.query('rollback').catch(() => {});
    await db.query(`update answer set option_id = $1 where inquiry_id = $2 and question_id = $3`, [
      target.option_id,
      target.inquiry_id,
      target.question_id,
    ]);
    await db.query(`update inquiry set review_status = 'APPROVED' where id = $1`, [target.inquiry_id]);
    await db.query(`delete from review_event where inquiry_id = $1 and reason = 'bench'`, [target.inquiry_id]);
    await db.end();
  }
  return result;
}
