import { expect, test, type Locator, type Page } from '@playwright/test';
import { recordRequests, startFresh } from './support';

// The public result list on the demo data (editions 2022–2024), as a visitor sees it.

const NB_TOTAL = /^\d{1,3},\d{2}\s%$/; // `87,45 %`, the space a no-break space (\s matches U+00A0)
const EN_TOTAL = /^\d{1,3}\.\d{2}%$/; // `87.45%`

const table = (page: Page) => page.getByRole('table');
const bodyRows = (page: Page) => table(page).locator('tbody tr');
const column = (page: Page, name: 'rank' | 'class' | 'total') => table(page).locator(`tbody .col-${name}`);

/** Waits until the table shows the answer to the current selection, not the previous one. */
async function settled(page: Page): Promise<void> {
  await expect(table(page)).toHaveAttribute('aria-busy', 'false');
  await expect(bodyRows(page).first()).toBeVisible();
}

/** The cells' text as shown: a narrow table's second line under the rank and the total is hidden at this width (1280 px). */
async function texts(cells: Locator): Promise<string[]> {
  return (await cells.allInnerTexts()).map((t) => t.trim());
}

test.beforeEach(async ({ page }) => {
  // A fresh visitor: no stored language.
  await startFresh(page);
});

test('the newest edition is shown ranked, with Norwegian totals', async ({ page }) => {
  const sent = recordRequests(page);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  await expect(page.getByRole('link', { name: 'KSP – Kundeserviceprisen' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('2024');
  await expect(page.getByLabel('Utgave')).toHaveValue('2024');
  await settled(page);

  const totals = await texts(column(page, 'total'));
  expect(totals.length).toBeGreaterThan(1);
  for (const total of totals) expect(total).toMatch(NB_TOTAL);

  const ranks = (await texts(column(page, 'rank'))).map(Number);
  expect(ranks[0]).toBe(1);
  for (let i = 1; i < ranks.length; i++) expect(ranks[i]).toBeGreaterThanOrEqual(ranks[i - 1]!);

  await expect(page.getByText(`${totals.length} deltakere`)).toBeVisible();

  // A visitor's list (and last year's totals) came from the published snapshots, not GraphQL.
  const snapshots = () =>
    sent.flatMap((r) => {
      const year = /^\/snapshots\/result-list\/(\d{4})\.[0-9a-f]{16}\.json$/.exec(r.path)?.[1];
      return year ? [`${year} ${r.status}`] : [];
    });
  await expect.poll(snapshots).toEqual(expect.arrayContaining(['2024 200', '2023 200']));
  const operations = sent.filter((r) => r.path === '/graphql').map((r) => r.operationName);
  expect(operations).not.toContain('ResultList');
  expect(operations).not.toContain('LastYearTotals');
});

test('picking a class narrows the list to that class', async ({ page }) => {
  await page.goto('/');
  await settled(page);
  const all = await bodyRows(page).count();

  const select = page.getByLabel('Klasse', { exact: true });
  const options = await texts(select.locator('option'));
  expect(options[0]).toBe('Alle klasser');
  const className = options[1]!;
  await select.selectOption({ label: className });

  await expect.poll(() => new URL(page.url()).searchParams.get('klasse')).toBe(className);
  await expect(table(page)).toHaveAccessibleName(new RegExp(className));
  await settled(page);
  const classes = await texts(column(page, 'class'));
  expect(classes.length).toBeGreaterThan(0);
  expect(classes.length).toBeLessThan(all);
  expect(new Set(classes)).toEqual(new Set([className]));

  const classRanks = (await texts(column(page, 'rank'))).map(Number);
  expect(classRanks[0]).toBe(1);
});

test('switching to English changes texts and number format, and is remembered', async ({ page }) => {
  await page.goto('/');
  await settled(page);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toContainText('Resultater');

  await page.getByRole('group', { name: 'Språk' }).getByRole('button', { name: 'English' }).click();

  await expect(heading).toContainText('Results');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(table(page).locator('thead th').first()).toHaveText('Rank', { useInnerText: true });
  for (const total of await texts(column(page, 'total'))) expect(total).toMatch(EN_TOTAL);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Results');
});

test('picking 2023 changes the URL and the list', async ({ page }) => {
  await page.goto('/');
  await settled(page);
  await page.getByLabel('Utgave').selectOption('2023');

  await expect(page).toHaveURL(/\/resultater\/2023$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('2023');
  await settled(page);
  for (const total of await texts(column(page, 'total'))) expect(total).toMatch(NB_TOTAL);

  // The URL is a link to the same view.
  await page.goto('/resultater/2023');
  await expect(page.getByLabel('Utgave')).toHaveValue('2023');
});
