import { expect, test, type Page } from '@playwright/test';
import { checkAxe, ownReport, settled, shootAtEveryWidth, signIn } from './support';

// Issue 15, item 6 ("what to improve"): the gap-to-class column of an area page, the answers
// behind the CX measures, and the competitors page with categories and CX side by side.
// Screenshots at three widths go to web/test-results/screenshots/improve-* (git-ignored).

/** Screenshots `improve-${name}-${width}.png`, each after a moment for the charts to resize. */
const shoot = (page: Page, name: string) => shootAtEveryWidth(page, `improve-${name}`, () => page.waitForTimeout(400));

test('konkurrent: the competitors page puts categories and CX side by side for own and competitors; CX shows its answers', async ({
  page,
}) => {
  await signIn(page, 'konkurrent@ksp.demo');
  const { base } = await ownReport(page);
  await page.goto(`${base}/konkurrenter`);
  await settled(page, 400);

  const categories = page.getByRole('figure', { name: 'Kategoriene, dere og konkurrentene' });
  await expect(categories.locator('svg, canvas').first()).toBeVisible();
  await categories.getByRole('button', { name: 'Vis som tabell' }).click();
  const catHeader = await categories.getByRole('row').first().locator('th').allTextContents();
  expect(catHeader[0]).toBe('Kategori');
  expect(catHeader.length).toBeGreaterThanOrEqual(3); // own and at least one competitor
  const salg = await categories.getByRole('row', { name: /^Salg/ }).locator('td').allTextContents();
  expect(salg).toHaveLength(catHeader.length - 1);
  expect(salg[0]).toMatch(/^\d{1,3},\d{2}\u00a0%$/); // the own figure
  for (const v of salg.slice(1)) expect(v).toMatch(/^(\d{1,3},\d{2}\u00a0%|For få henvendelser til å vises|–)$/);

  const cx = page.getByRole('figure', { name: 'CX-snittene, dere og konkurrentene' });
  await cx.getByRole('button', { name: 'Vis som tabell' }).click();
  const nps = await cx.getByRole('row', { name: /^NPS/ }).locator('td').allTextContents();
  expect(nps).toHaveLength(catHeader.length - 1);
  expect(nps[0]).toMatch(/^−?\d+\d* svar$/);
  for (const v of nps.slice(1)) expect(v).toMatch(/^(−?\d+\d+ svar|For få henvendelser til å vises)$/);
  await checkAxe(page, 'competitors');
  await shoot(page, 'competitors');

  await page.goto(`${base}/cx`);
  await settled(page, 400);
  const table = page.getByRole('table', { name: 'CX – kundeopplevelse' });
  await expect(table.getByRole('row', { name: /^NPS/ }).locator('td').first().locator('.answers-count')).toHaveText(/^\d+ svar$/);
  await expect(page.getByText(/^VES\(1\): om kunden/)).toBeVisible();
  await expect(page.getByText(/^VES\(2\): om kundens tillit/)).toBeVisible();
  await checkAxe(page, 'cx');
  await shoot(page, 'cx');
});

test('enkel: an area page’s performance table sorts by the gap to the class', async ({ page }) => {
  await signIn(page, 'enkel@ksp.demo');
  const { base } = await ownReport(page);
  await page.goto(`${base}/omrader/AGENT`);
  await settled(page, 400);
  const table = page.locator('section.performances table');
  const header = table.getByRole('columnheader', { name: 'Mot klassen' });
  await expect(header).not.toHaveAttribute('aria-sort');
  const gaps = async () => {
    const texts = await table.locator('tbody tr:not(.distribution-row) td:nth-of-type(3)').allTextContents();
    return texts
      .filter((x) => x !== '–')
      .map((x) => {
        expect(x).toMatch(/^[▼▲=] [+−]?\d+,\d{2}\u00a0p\.p\.$/);
        return Number(
          x
            .slice(2)
            .replace('−', '-')
            .replace(',', '.')
            .replace(/\u00a0p\.p\.$/, ''),
        );
      });
  };
  const unsorted = await gaps();
  expect(unsorted.length).toBeGreaterThan(1);
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await gaps();
  expect(ascending).toEqual([...unsorted].sort((a, b) => a - b));
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  expect(await gaps()).toEqual([...unsorted].sort((a, b) => b - a));
  await checkAxe(page, 'area AGENT');
  await header.getByRole('button').click();
  await header.getByRole('button').click(); // ascending again: furthest below the class first
  await shoot(page, 'area');
});
