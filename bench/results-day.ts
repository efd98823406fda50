import { print, type DocumentNode } from 'graphql';
import pg from 'pg';
import { hashPassword } from '../server/src/modules/user/password.js';
import { failures, GraphQLClient, type Timed } from './http.js';
import { LOGIN, REPORT_BY_DESIGN } from './requests.js';
import { summarize, type Latency } from './stats.js';

// Results day (issue 20): the edition is published and every participant's manager opens its own
// report at once. Each manager is a user of its own (so nothing is shared through the response
// cache, which is per user), signs in, opens the report as the dashboard does (the report's shell
// and the overview chapter, side by side), then three chapters one after another. Managers come
// in waves of `concurrency`, all of a wave at the same time. The queries are the dashboard's own
// documents (web/src/graphql/generated), printed.

// Imported by a URL made at run time: the web package is outside the bench's type-checked
// project (server/tsconfig.json), and only the documents' text is used.
const generated = new URL('../web/src/graphql/generated/graphql.ts', import.meta.url).href;
const documents = (await import(generated)) as Record<string, DocumentNode>;
const text = (name: string) => print(documents[name]!);
const SHELL = text('ReportShellDocument');
const OVERVIEW = text('OverviewChapterDocument');
const AREA = text('AreaChapterDocument');
const CX = text('CxChapterDocument');
const RESPONSES = text('ResponsesChapterDocument');

/** The view names, in the order a manager opens them. */
export const VIEWS = ['report (shell + overview)', 'area: kundebehandleren', 'CX measures', 'responses (first page)'] as const;
export type ViewName = (typeof VIEWS)[number];

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

/** One manager user per participant of `year` whose report was bought (made once; the data set keeps them). */
async function managers(url: string, year: number): Promise<{ email: string; slug: string }[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One Argon2 hash for all: the password is the same, and 192 hashes would take seconds.
    const hash = await hashPassword(PASSWORD);
    const { rows } = await client.query<{ email: string; slug: string }>(
      `with target as (
         select c.id as company_id, c.slug, 'resultsday+' || c.slug || '@ksp.bench' as email
         from participation p join company c on c.id = p.company_id join edition e on e.id = p.edition_id
         where e.year = $1 and p.report_purchased),
       made as (
         insert into app_user (email, password_hash, role, company_id)
         select email, $2, 'MANAGER', company_id from target
         on conflict (email) do update set password_hash = excluded.password_hash, company_id = excluded.company_id)
       select email, slug from target order by slug`,
      [year, hash],
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

export async function measureResultsDay(databaseUrl: string, graphql: URL, year: number, concurrency: number): Promise<ResultsDay> {
  const who = await managers(databaseUrl, year);
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

  const manager = async ({ email, slug }: { email: string; slug: string }) => {
    // The browser's few connections to one origin.
    const client = new GraphQLClient(graphql, 2);
    try {
      const login = await client.request(LOGIN, { e: email, p: PASSWORD });
      signIn.push(login.ms);
      if (failures(login, () => false).length) throw new Error(`${email} could not sign in: ${JSON.stringify(login.result.errors)}`);
      const report = { year, companySlug: slug };
      note(
        'report (shell + overview)',
        await view([
          () => client.request(SHELL, report),
          () => client.request(OVERVIEW, { ...report, channel: null, own: true, narrowed: false }),
        ]),
      );
      note('area: kundebehandleren', await view([() => client.request(AREA, { ...report, channel: null, area: 'AGENT', own: true })]));
      note('CX measures', await view([() => client.request(CX, { ...report, channel: null, own: true, narrowed: false })]));
      note('responses (first page)', await view([() => client.request(RESPONSES, { ...report, first: 10 })]));
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
