import type pg from 'pg';
import { FULL_REPORT } from '../server/test/queries.js';
import type { ErrorPolicy, GraphQLError } from './http.js';

// The requests measured, as the dashboard would send them.

/** The protocol floor: HTTP, Apollo, the context (session lookup), no resolver work. */
export const FLOOR = `{ __typename }`;

/** The public result list of one edition, as the start page asks it: with each total's interval and rank intervals. */
export const RESULT_LIST = `query($year: Int!) { resultList(year: $year) { rank classRank total className company { slug name }
  uncertainty { low high rankLow rankHigh classRankLow classRankHigh } } }`;

/** `sel` without the field `name(…) { … }`, found by matching braces. */
export function withoutField(sel: string, name: string): string {
  const start = sel.search(new RegExp(`\\b${name}\\s*[({]`));
  if (start < 0) throw new Error(`no field ${name}`);
  let i = sel.indexOf('{', start);
  for (let depth = 0; i < sel.length; i++) {
    if (sel[i] === '{') depth++;
    else if (sel[i] === '}' && --depth === 0) break;
  }
  return sel.slice(0, start) + sel.slice(i + 1);
}

/**
 * The full participant report: every section but `responses` (its size: bench/RESULTS.md), the
 * dashboard's report page as server/test/queries.ts holds it.
 */
export const FULL_REPORT_NO_RESPONSES = withoutField(FULL_REPORT, 'responses');

/** The class benchmark: the class's totals and each area's class mean. */
export const CLASS_BENCHMARK = `query($year: Int!, $slug: String!) { participation(year: $year, companySlug: $slug) {
  report { classBenchmark { company { slug } total } areas { classBenchmark { mean } } } } }`;

/** A page of responses with a Norwegian full-text search of the comments. */
export const RESPONSES_SEARCH = `query($year: Int!, $slug: String!) { participation(year: $year, companySlug: $slug) { report {
  responses(first: 20, search: "hyggelig") { totalCount pageInfo { hasNextPage endCursor }
    edges { node { id channel score highlights { reception agent overall } } } } } } }`;

/** The insight page as it opens (NPS, every channel; the drivers of phone), with one comment area's words and the sentiment. */
export const INSIGHT_PAGE = `query($year: Int!, $slug: String!) {
  keyDrivers(year: $year, outcome: NPS, channel: PHONE) { inquiries rSquared drivers { questionCode weight low high } }
  participation(year: $year, companySlug: $slug) { report {
    total uncertainty { low high rankLow rankHigh classRankLow classRankHigh tiedWith { slug name } }
    performances { code text shortLabel scored }
    improveFirst(outcome: NPS) { questionCode score classScore weight priority }
    performanceImportance(outcome: NPS) { questionCode score classScore weight }
    commentWords(area: AGENT) { word term direction zScore ownCount classCount }
    commentSentiment { area mean comments classMean } } } }`;

export const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`;

/** The demo manager whose report is measured (RESULTS.md, "Data sets"). */
export const MEASURED_MANAGER = 'konkurrent@ksp.demo';

/** The measured manager's participation in the newest edition: the report every figure is of. */
export async function measuredReport(db: pg.Client): Promise<{ slug: string; year: number }> {
  const {
    rows: [who],
  } = await db.query<{ slug: string; year: number }>(
    `select c.slug, (select max(year) from edition)::int as year from app_user u join company c on c.id = u.company_id where u.email = $1`,
    [MEASURED_MANAGER],
  );
  if (!who) throw new Error(`the data set has no ${MEASURED_MANAGER}`);
  return who;
}

/**
 * Errors of the full report that are there by design: a chosen competitor's figure over fewer
 * inquiries than the minimum cell size (TOO_FEW_INQUIRIES), and the areas of an earlier
 * edition whose report the company did not buy (FORBIDDEN under `history`, README "Roles").
 */
export const REPORT_BY_DESIGN: ErrorPolicy = (e: GraphQLError) =>
  e.extensions?.code === 'TOO_FEW_INQUIRIES' ||
  (e.extensions?.code === 'FORBIDDEN' && e.path?.[2] === 'history' && e.path?.[4] === 'areas');
