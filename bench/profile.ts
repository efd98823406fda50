import pg from 'pg';
import type { GraphQLClient } from './http.js';
import { FULL_REPORT_NO_RESPONSES, REPORT_BY_DESIGN } from './requests.js';
import { adminQuery } from './datasets.js';

// Where the time of a full report goes: PostgreSQL's own time per statement (planning and
// execution, from pg_stat_statements, recorded only while this runs) against the time the
// client waits. The rest is Node: GraphQL parsing and validation, resolvers, grants, JSON, HTTP.

export interface StatementProfile {
  label: string;
  callsPerRequest: number;
  msPerRequest: number;
  planMsPerRequest: number;
  rowsPerRequest: number;
}
export interface Profile {
  requests: number;
  /** Mean time the client waited for one full report. */
  wallMs: number;
  /** Sum of all statements' planning and execution time per request (statements partly overlap). */
  sqlMs: number;
  statementsPerRequest: number;
  statements: StatementProfile[];
}

/**
 * The read models whose statements carry no tag, recognised by their text (the names of the
 * functions in server/src/modules that send them).
 */
const KNOWN: [RegExp, string][] = [
  [/from user_session/, 'session lookup (viewerFromToken)'],
  // PostgreSQL 18 keeps no leading comment in pg_stat_statements: the tagged ones by their text too.
  [/^with scope as \(/, 'report:performances'],
  [/^with per_inquiry as \( ?select participation_id, channel, inquiry_id/, 'report:variation.inquiries'],
  [/^with per_inquiry as \( ?select participation_id, channel, area/, 'report:variation.areas'],
  [/stddev_pop\(\(.*from scored_item si join question q/s, 'report:variation.performances'],
  [/from scored_item where .* group by grouping sets \(\(participation_id\), \(participation_id, channel\)\)/s, 'report: totals'],
  [/select participation_id, area, channel, .* from scored_item/s, 'report: areaScores'],
  [/select participation_id, category, channel, .* from scored_item/s, 'report: categoryScores'],
  [/left join lateral \(select .* from scored_item si/s, 'report: inquiryScores'],
  [/from scored_item si join inquiry i on i\.id = si\.inquiry_id/s, 'report: inquiryAreaScores'],
  [/avg\(v\) filter \(where code = /, 'report: cxMeasures'],
  [/with inq as \(/, 'report: background'],
  [/left join published_section s on/, 'report: stored sections (lookup, all sections)'],
  [/^insert into published_section/, 'report: stored sections (store)'],
  [/as "chosenBy"/, 'participation: participationsByIds / findParticipation'],
  [/array_agg\(old\.id order by oe\.year desc\)/, 'participation: earlierParticipationIds'],
  [/array_agg\(cp\.id order by pc\.position\)/, 'participation: competitorIds'],
  [/array_agg\(id order by id\) as members/, 'participation: classMemberIds'],
  [/from edition/, 'edition lookup'],
];

/** A short name for a statement: its `/* report:… *\/` tag, a known read model, or the start of its text. */
export function statementLabel(text: string): string {
  const tag = /\/\*\s*([\w:.-]+)\s*\*\//.exec(text);
  if (tag) return tag[1]!;
  const flatText = text.replace(/\s+/g, ' ').trim();
  const known = KNOWN.find(([re]) => re.test(flatText));
  if (known) return known[1];
  return `${flatText.slice(0, 48)}…`;
}

export async function profileReport(
  url: string,
  adminUrl: string,
  api: GraphQLClient,
  year: number,
  slug: string,
  rounds: number,
): Promise<Profile> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const setTracking = async (on: boolean) => {
    await adminQuery(adminUrl, `alter system set pg_stat_statements.track = '${on ? 'top' : 'none'}'`);
    await adminQuery(adminUrl, `alter system set pg_stat_statements.track_planning = ${on ? 'on' : 'off'}`);
    await adminQuery(adminUrl, 'select pg_reload_conf()');
    await new Promise((r) => setTimeout(r, 300)); // backends read the new settings between statements
  };
  try {
    for (let i = 0; i < 3; i++) await api.must(FULL_REPORT_NO_RESPONSES, { year, slug }, REPORT_BY_DESIGN);
    await setTracking(true);
    // A statement of every pooled connection so each has read the new setting.
    for (let i = 0; i < 3; i++) await api.must(FULL_REPORT_NO_RESPONSES, { year, slug }, REPORT_BY_DESIGN);
    await db.query('select pg_stat_statements_reset()');
    let wall = 0;
    for (let i = 0; i < rounds; i++) {
      const started = performance.now();
      await api.must(FULL_REPORT_NO_RESPONSES, { year, slug }, REPORT_BY_DESIGN);
      wall += performance.now() - started;
    }
    await setTracking(false);
    const { rows } = await db.query<{ query: string; calls: number; exec: number; plan: number; rows: number }>(
      `select query, calls::int, total_exec_time as exec, total_plan_time as plan, rows::int
       from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
         and query !~* 'pg_stat_statements|pg_reload_conf|alter system'`,
    );
    const byLabel = new Map<string, StatementProfile>();
    for (const r of rows) {
      const label = statementLabel(r.query);
      const s = byLabel.get(label) ?? { label, callsPerRequest: 0, msPerRequest: 0, planMsPerRequest: 0, rowsPerRequest: 0 };
      s.callsPerRequest += r.calls / rounds;
      s.msPerRequest += (r.exec + r.plan) / rounds;
      s.planMsPerRequest += r.plan / rounds;
      s.rowsPerRequest += r.rows / rounds;
      byLabel.set(label, s);
    }
    const statements = [...byLabel.values()].sort((a, b) => b.msPerRequest - a.msPerRequest);
    return {
      requests: rounds,
      wallMs: wall / rounds,
      sqlMs: statements.reduce((a, s) => a + s.msPerRequest, 0),
      statementsPerRequest: statements.reduce((a, s) => a + s.callsPerRequest, 0),
      statements,
    };
  } finally {
    await setTracking(false).catch(() => {});
    await db.end();
  }
}
