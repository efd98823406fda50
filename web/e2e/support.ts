import fs from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';

// What every browser test shares: the demo sign-in, the API as the signed-in page sees it, axe,
// "the chapter has finished loading", the screenshot folder and widths, and the fresh start of
// each test. One definition of each, so a spec says only what it checks.

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The password of every demo user (server/src/demo). */
export const PASSWORD = 'ksp-demo';
/** Screenshots go here (web/test-results/screenshots/, git-ignored), beside Playwright's own output, so they survive a run. */
export const SHOTS = 'test-results/screenshots';
/** Desktop, tablet and phone: the widths a page is checked and photographed at. */
export const WIDTHS = [1280, 820, 360] as const;

/** The report's chapters, as a name for the screenshot and the path below /rapport/:year/:company. */
export const CHAPTERS: readonly (readonly [name: string, path: string])[] = [
  ['overview', ''],
  ['area-response-time', '/omrader/RESPONSE_TIME'],
  ['area-reception', '/omrader/RECEPTION'],
  ['area-agent', '/omrader/AGENT?prestasjon=AGT_NEEDS'],
  ['area-overall', '/omrader/OVERALL'],
  ['categories', '/kategorier'],
  ['cx', '/cx'],
  ['variation', '/variasjon'],
  ['responses', '/besvarelser'],
  ['competitors', '/konkurrenter'],
  ['history', '/historikk'],
  ['background', '/bakgrunn'],
];

/**
 * A fresh visitor: no stored language or settings from an earlier test. Cleared once per test
 * (the session flag), so what the test itself stores survives a reload. Call in `beforeEach`.
 */
export async function startFresh(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('ksp.e2e.started')) {
      localStorage.clear();
      sessionStorage.setItem('ksp.e2e.started', '1');
    }
  });
}

/**
 * Fails every test of the calling file whose page reported a Content-Security-Policy violation:
 * the built app must cause none. Call once at the top level of a spec file (it adds the hooks).
 */
export function failOnCspViolations(): void {
  const reported = new WeakMap<Page, string[]>();
  test.beforeEach(({ page }) => {
    const violations: string[] = [];
    reported.set(page, violations);
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes('Content Security Policy')) violations.push(message.text());
    });
  });
  test.afterEach(async ({ page }) => {
    expect(reported.get(page) ?? []).toEqual([]);
  });
}

/** Signs in as a demo user on the sign-in page and waits until the app has taken the user on. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/logg-inn');
  await page.getByLabel('E-post').fill(email);
  await page.getByLabel('Passord').fill(PASSWORD);
  await page.getByLabel('Passord').press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/logg-inn'));
}

/** A GraphQL error as the tests read it. */
export interface ApiError {
  path?: (string | number)[];
  extensions?: { code?: string };
}

/** The API as the signed-in page sees it (same cookies), `errors` kept: withheld cells come as errors. */
export async function apiResult<T>(
  page: Page,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data: T; errors?: ApiError[] }> {
  const res = await page.request.post('/graphql', { data: { query, variables } });
  return (await res.json()) as { data: T; errors?: ApiError[] };
}

/** The API as the signed-in page sees it (same cookies): the data of an answer that must have no errors. */
export async function api<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const body = await apiResult<T>(page, query, variables);
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** The signed-in user's own report of the newest edition, and its path: /rapport/:year/:company. */
export async function ownReport(page: Page): Promise<{ year: number; slug: string; base: string }> {
  const { me } = await api<{ me: { company: { slug: string }; participations: { year: number }[] } }>(
    page,
    '{ me { company { slug } participations { year } } }',
  );
  const year = me.participations[0]!.year;
  return { year, slug: me.company.slug, base: `/rapport/${year}/${me.company.slug}` };
}

export interface AxeProblem {
  id: string;
  impact: string;
  nodes: string[];
}

/** The serious and critical accessibility violations on the page as it stands (the first three places of each). */
export async function axeProblems(page: Page): Promise<AxeProblem[]> {
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy (rightly) refuses
  // an injected <script>, and the test must not loosen it.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** No serious or critical accessibility violations on the page as it stands; `name` says where in the message. */
export async function checkAxe(page: Page, name: string): Promise<void> {
  const serious = await axeProblems(page);
  expect(serious, `${name}: ${JSON.stringify(serious, null, 1)}`).toEqual([]);
}

/**
 * A chapter has finished loading: no loading notice left, then `drawMs` for the charts, which
 * draw after the data (and resize after layout).
 */
export async function settled(page: Page, drawMs = 300): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /Laster/ })).toHaveCount(0);
  await page.waitForTimeout(drawMs);
}

/**
 * At each of WIDTHS (900 px high): `before(width)` (wait, check), then a full-page screenshot
 * `${name}-${width}.png`; back to 1280 px at the end.
 */
export async function shootAtEveryWidth(page: Page, name: string, before: (width: number) => Promise<void>): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await before(width);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A request the page made: GET of a path, or the operation of a GraphQL POST. */
export interface SentRequest {
  method: string;
  path: string;
  status: number | undefined;
  operationName?: string;
}

/**
 * Records the page's requests (call before `goto`), each once its answer has come, with its
 * status: which ones a page made tells where its data came from (a published snapshot or GraphQL).
 */
export function recordRequests(page: Page): SentRequest[] {
  const sent: SentRequest[] = [];
  page.on('requestfinished', async (request) => {
    const url = new URL(request.url());
    const entry: SentRequest = { method: request.method(), path: url.pathname, status: (await request.response())?.status() };
    if (url.pathname === '/graphql') entry.operationName = (request.postDataJSON() as { operationName?: string } | null)?.operationName;
    sent.push(entry);
  });
  return sent;
}
