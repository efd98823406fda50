import fs from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';

// The dashboard at phone width (360 px), as a manager opens it on the way to a meeting: nothing
// may scroll sideways (tables scroll inside their own box), every chapter stays axe-clean, and
// the response-time heatmap names its rows with the questions' short labels.

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const PASSWORD = 'ksp-demo';
const SHOTS = 'test-results/screenshots';
const PHONE = 360;

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/logg-inn');
  await page.getByLabel('E-post').fill(email);
  await page.getByLabel('Passord').fill(PASSWORD);
  await page.getByLabel('Passord').press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/logg-inn'));
}

async function api<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await page.request.post('/graphql', { data: { query, variables } });
  const body = (await res.json()) as { data: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data;
}

async function axeProblems(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
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

async function settled(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /Laster/ })).toHaveCount(0);
  await page.waitForTimeout(400); // charts draw after data, and resize after layout
}

/** How wide the page is, and (to say what to fix) the widest elements that stick out. */
async function overflow(page: Page): Promise<{ width: number; culprits: string[] }> {
  return page.evaluate((limit) => {
    const width = document.documentElement.scrollWidth;
    const culprits: string[] = [];
    if (width > limit) {
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        const r = el.getBoundingClientRect();
        if (r.right > limit + 1 && culprits.length < 8) {
          culprits.push(
            `${el.tagName.toLowerCase()}.${(el.className && typeof el.className === 'string' ? el.className : '').replace(/ /g, '.')} right=${Math.round(r.right)}`,
          );
        }
      }
    }
    return { width, culprits };
  }, PHONE);
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('ksp.e2e.started')) {
      localStorage.clear();
      sessionStorage.setItem('ksp.e2e.started', '1');
    }
  });
});

const CHAPTERS: [string, string][] = [
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

test('at 360 px no chapter scrolls sideways and each passes axe, with a screenshot of each', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: PHONE, height: 780 });
  // Collected over all chapters, so one run says everything that is wrong.
  const wide: string[] = [];
  const inaccessible: string[] = [];
  const measure = async (name: string) => {
    const { width, culprits } = await overflow(page);
    if (width > PHONE) wide.push(`${name}: ${width} px (${culprits.join('; ')})`);
    const problems = await axeProblems(page);
    if (problems.length) inaccessible.push(`${name}: ${JSON.stringify(problems)}`);
    await page.screenshot({ path: `${SHOTS}/phone-${name}.png`, fullPage: true });
  };

  await page.goto('/logg-inn');
  await expect(page.getByLabel('E-post')).toBeVisible();
  await measure('sign-in');

  await signIn(page, 'enkel@ksp.demo');
  const { me } = await api<{ me: { company: { slug: string }; participations: { year: number }[] } }>(
    page,
    '{ me { company { slug } participations { year } } }',
  );
  const base = `/rapport/${me.participations[0]!.year}/${me.company.slug}`;
  for (const [name, path] of CHAPTERS) {
    await page.goto(base + path);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await settled(page);
    await measure(name);
  }

  await page.goto(`${base}/besvarelser`);
  await page.getByRole('link', { name: 'Åpne i workshopmodus' }).first().click();
  await expect(page.getByText(/^Henvendelse 1 av \d+$/)).toBeVisible();
  await settled(page);
  await measure('workshop');

  // The response-time heatmap names its rows by short label, and leaves out chat (not tested).
  await page.goto(`${base}/omrader/RESPONSE_TIME`);
  const heatmap = page.getByRole('figure', { name: 'Prestasjoner per kanal' });
  await expect(heatmap.locator('svg text', { hasText: 'Ventetid telefon' })).toHaveCount(1);
  await expect(heatmap.locator('svg text', { hasText: 'Svar på e-post' })).toHaveCount(1);
  await expect(heatmap.locator('svg text', { hasText: /Hvor lang tid|Ventetid chat|^Chat$/ })).toHaveCount(0);
  await heatmap.screenshot({ path: `${SHOTS}/phone-heatmap.png` });
  await heatmap.getByRole('button', { name: 'Vis som tabell' }).click();
  await expect(heatmap.getByRole('rowheader', { name: 'Hvor lang tid tok det før du fikk svar på telefonen?' })).toBeVisible();
  await expect(heatmap.getByRole('columnheader', { name: 'Chat' })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/phone-heatmap-table.png`, fullPage: true });

  await page.goto(`/resultater/${me.participations[0]!.year}`);
  await expect(page.getByRole('table')).toHaveAttribute('aria-busy', 'false');
  await measure('result-list');

  expect(wide, wide.join('\n')).toEqual([]);
  expect(inaccessible, inaccessible.join('\n')).toEqual([]);
});

test('at tablet width (820 px) the same chapters fit too, with a screenshot of a few', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 820, height: 1000 });
  await signIn(page, 'enkel@ksp.demo');
  const { me } = await api<{ me: { company: { slug: string }; participations: { year: number }[] } }>(
    page,
    '{ me { company { slug } participations { year } } }',
  );
  const base = `/rapport/${me.participations[0]!.year}/${me.company.slug}`;
  for (const [name, path] of [
    ['overview', ''],
    ['area-response-time', '/omrader/RESPONSE_TIME'],
    ['cx', '/cx'],
    ['responses', '/besvarelser'],
  ] as const) {
    await page.goto(base + path);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(820);
    expect(await axeProblems(page), name).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/tablet820-${name}.png`, fullPage: true });
  }
});
