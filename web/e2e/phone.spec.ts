import { expect, test, type Page } from '@playwright/test';
import { axeProblems, CHAPTERS, ownReport, settled, SHOTS, signIn, startFresh } from './support';

// The dashboard at phone width (360 px), as a manager opens it on the way to a meeting: nothing
// may scroll sideways (tables scroll inside their own box), every chapter stays axe-clean, and
// the response-time heatmap names its rows with the questions' short labels.

const PHONE = 360;
/** Charts draw after data, and resize after layout. */
const DRAW_MS = 400;

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
  await startFresh(page);
});

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
  const { year, base } = await ownReport(page);
  for (const [name, path] of CHAPTERS) {
    await page.goto(base + path);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await settled(page, DRAW_MS);
    await measure(name);
  }

  await page.goto(`${base}/besvarelser`);
  await page.getByRole('link', { name: 'Åpne i workshopmodus' }).first().click();
  await expect(page.getByText(/^Henvendelse 1 av \d+$/)).toBeVisible();
  await settled(page, DRAW_MS);
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

  await page.goto(`/resultater/${year}`);
  await expect(page.getByRole('table')).toHaveAttribute('aria-busy', 'false');
  await measure('result-list');

  expect(wide, wide.join('\n')).toEqual([]);
  expect(inaccessible, inaccessible.join('\n')).toEqual([]);
});

test('at tablet width (820 px) the same chapters fit too, with a screenshot of a few', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 820, height: 1000 });
  await signIn(page, 'enkel@ksp.demo');
  const { base } = await ownReport(page);
  for (const [name, path] of [
    ['overview', ''],
    ['area-response-time', '/omrader/RESPONSE_TIME'],
    ['cx', '/cx'],
    ['responses', '/besvarelser'],
  ] as const) {
    await page.goto(base + path);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await settled(page, DRAW_MS);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(820);
    expect(await axeProblems(page), name).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/tablet820-${name}.png`, fullPage: true });
  }
});
