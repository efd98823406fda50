import { print, type DocumentNode } from 'graphql';
import pg from 'pg';
import { firstViews } from '../shared/src/report/first-views.js';
import { hashPassword } from '../server/src/modules/user/password.js';
import { failures, GraphQLClient, type Timed } from './http.js';
import { LOGIN, REPORT_BY_DESIGN } from './requests.js';
import { summarize, type Latency } from './stats.js';

// Results day (issue 20): the edition is published and every participant's manager opens its own
// report at once. Each manager is the only user of its company, signs in, opens the report as the
// dashboard does (the report's shell, the overview chapter and the class's ranks, side by side),
// then three chapters one after another. Managers come in waves of `concurrency`, all of a wave at
// the same time. The queries are the dashboard's own documents (web/src/graphql/generated),
// printed, with the dashboard's variables. The server has computed these views ahead
// (server/src/graphql/warm-answers.ts) when the run starts: main.ts waits for its log line.

// Imported by a URL made at run time: the web package is outside the bench's type-checked
// project (server/tsconfig.json), and only the documents' text is used.
const generated = new URL('../web/src/graphql/generated/graphql.ts', import.meta.url).href;
const documents = (await import(generated)) as Record<string, DocumentNode>;
const printed = new Map<string, string>();
const text = (operationName: string) => {
  let t = printed.get(operationName);
  if (t === undefined) printed.set(operationName, (t = print(documents[`${operationName}Document`]!)));
  return t;
};

/** The view names, in the order a manager opens them, and the requests each page sends side by side (by operation name). */
const PAGES = {
  'report (shell + overview)': ['ReportShell', 'OverviewChapter', 'ClassRanks'],
  'area: kundebehandleren': ['AreaChapter'],
  'CX measures': ['CxChapter'],
  'responses (first page)': ['ResponsesChapter', 'ResponseQuestions'],
} as const;
export const VIEWS = Object.keys(PAGES) as (keyof typeof PAGES)[];
export type ViewName = keyof typeof PAGES;

export interface ResultsDay {
  managers: number;
  waves: number;
  concurrency: number;
  seconds: number;
  signIn: Latency;
  /** Every view of every manager: from sending its request(s) until the last answer arrived. */
  views: Latency;
  perView: Record<ViewName, Latency>;
  errors: number;
  firstFailure?: string;
}

const PASSWORD = 'results-day-bench';

/** What the server's log says of its run of answers computed ahead (warm-answers.ts): reports, views, seconds. */
export function computedAhead(line: string): { reports: number; views: number; seconds: number } {
  const m = /(\d+) reports, (\d+) views, in ([\d.]+) s/.exec(line);
  if (!m) throw new Error(`not a line of answers computed ahead: ${line}`);
  return { reports: Number(m[1]), views: Number(m[2]), seconds: Number(m[3]) };
}

export interface ResultsDayManager {
  email: string;
  slug: string;
  year: number;
  className: string;
}

/**
 * One manager user per participant of the newest edition whose report was bought (made once; the data set
 * keeps them). Made before the server starts, as a real edition's managers have their accounts
 * before its results are published: a user added later is a write, which empties the response
 * cache and with it the answers computed ahead.
 */
export async function resultsDayManagers(url: string): Promise<ResultsDayManager[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One Argon2 hash for all: the password is the same, and 192 hashes would take seconds.
    const hash = await hashPassword(PASSWORD);
    const { rows } = await client.query<ResultsDayManager>(
      `with target as (
         select c.id as company_id, c.slug, e.year, k.name as "className", 'resultsday+' || c.slug || '@ksp.bench' as email
         from participation p join company c on c.id = p.company_id join edition e on e.id = p.edition_id
         join industry_class k on k.id = p.class_id
         where e.year = (select max(year) from edition) and p.report_purchased),
       made as (
         insert into app_user (email, password_hash, role, company_id)
         select email, $1, 'MANAGER', company_id from target
         on conflict (email) do update set password_hash = excluded.password_hash, company_id = excluded.company_id)
       select email, slug, year, "className" from target order by slug`,
      [hash],
    );
    return rows;
  } finally {
    await client.end();
  }
}

/** `sends` side by side, as one view: its time is until the last answer arrived. */
async function view(sends: (() => Promise<Timed>)[]): Promise<{ ms: number; failure?: string }> {
  const started = performance.now();
  const answers = await Promise.all(sends.map((s) => s()));
  const ms = performance.now() - started;
  const bad = answers.flatMap((a) => failures(a, REPORT_BY_DESIGN));
  return { ms, ...(bad.length ? { failure: JSON.stringify(bad[0]) } : {}) };
}

export async function measureResultsDay(who: readonly ResultsDayManager[], graphql: URL, concurrency: number): Promise<ResultsDay> {
  const signIn: number[] = [];
  const all: number[] = [];
  const perView = Object.fromEntries(VIEWS.map((v) => [v, [] as number[]])) as Record<ViewName, number[]>;
  let errors = 0;
  let firstFailure: string | undefined;
  const note = (name: ViewName, r: { ms: number; failure?: string }) => {
    perView[name].push(r.ms);
    all.push(r.ms);
    if (r.failure) {
      errors++;
      firstFailure ??= `${name}: ${r.failure}`;
    }
  };

  const manager = async ({ email, slug, year, className }: ResultsDayManager) => {
    // The browser's few connections to one origin.
    const client = new GraphQLClient(graphql, 2);
    try {
      const login = await client.request(LOGIN, { e: email, p: PASSWORD });
      signIn.push(login.ms);
      if (failures(login, () => false).length) throw new Error(`${email} could not sign in: ${JSON.stringify(login.result.errors)}`);
      // Each request with the variables the dashboard sends (shared/src/report/first-views.ts, checked by the web's tests).
      const first = firstViews({ year, companySlug: slug, className });
      const variablesOf = (operationName: string) =>
        first.find((v) => v.operationName === operationName && (operationName !== 'AreaChapter' || v.variables.area === 'AGENT'))!
          .variables;
      for (const name of VIEWS) {
        note(name, await view(PAGES[name].map((operationName) => () => client.request(text(operationName), variablesOf(operationName)))));
      }
    } catch (e) {
      errors++;
      firstFailure ??= String(e);
    } finally {
      await client.close();
    }
  };

  const started = performance.now();
  let waves = 0;
  for (let i = 0; i < who.length; i += concurrency) {
    waves++;
    await Promise.all(who.slice(i, i + concurrency).map(manager));
  }
  return {
    managers: who.length,
    waves,
    concurrency,
    seconds: (performance.now() - started) / 1000,
    signIn: summarize(signIn),
    views: summarize(all),
    perView: Object.fromEntries(VIEWS.map((v) => [v, summarize(perView[v])])) as Record<ViewName, Latency>,
    errors,
    ...(firstFailure ? { firstFailure } : {}),
  };
}
