import { expect, test, type Page } from '@playwright/test';
import { checkAxe, ownReport, SHOTS, signIn } from './support';

// Issue 15, items 4 and 5: the responses page as a manager prepares a workshop with it, on the
// demo data: filters by a question's answer, sorts, removable filters, Norwegian messages beside
// the field before anything is asked. Screenshots go to web/test-results/screenshots/.

const AGT_NEEDS = 'Stilte kundebehandleren spørsmål for å finne ut hva du hadde behov for?';

/** The responses page of enkel's own report. */
async function responsesPage(page: Page, query = ''): Promise<string> {
  await signIn(page, 'enkel@ksp.demo');
  const base = `${(await ownReport(page)).base}/besvarelser`;
  await page.goto(`${base}${query}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Besvarelser' })).toBeVisible();
  return base;
}

// A shared machine: the page loads in seconds, and each test walks several views.
test.describe.configure({ timeout: 90_000 });

const cards = (page: Page) => page.locator('.response-list article');
const scoreOf = async (text: string) => Number(text.replace(/\s|%/g, '').replace(',', '.'));

test('filters by a question’s answer and shows only responses with that answer; the filter is removable', async ({ page }) => {
  const base = await responsesPage(page);
  await page.getByRole('combobox', { name: 'Spørsmål', exact: true }).selectOption({ label: AGT_NEEDS });
  await page.getByRole('combobox', { name: 'Svar', exact: true }).selectOption({ label: 'Nei' });
  await expect(page).toHaveURL(new RegExp(`${base}\\?sporsmal=AGT_NEEDS&svar=`));
  await expect(page.getByRole('status').filter({ hasText: /besvarelse/ })).toBeVisible();
  const count = await cards(page).count();
  expect(count).toBeGreaterThan(0);
  // Every response shown answered "Nei": its answer to the question, shown first, and in its table.
  for (let i = 0; i < count; i++) {
    await expect(cards(page).nth(i).locator('.response-focus')).toHaveText(new RegExp(`^${AGT_NEEDS.replace(/[?]/g, '\\?')} Nei`));
  }
  const first = cards(page).first();
  await first.getByText('Svar i skjemaet').click();
  await expect(
    first
      .getByRole('row', { name: new RegExp(AGT_NEEDS.replace(/[?]/g, '\\?')) })
      .getByRole('cell')
      .first(),
  ).toHaveText('Nei');

  // The filter is listed and removed with one click, back to every response.
  const chip = page.getByRole('list', { name: 'Aktive filtre' });
  await expect(chip).toContainText(`${AGT_NEEDS} = Nei`);
  await checkAxe(page, 'responses filtered by an answer');
  await chip.getByRole('button', { name: `Fjern filteret ${AGT_NEEDS} = Nei` }).click();
  await expect(page).toHaveURL(base);
  await expect(page.getByRole('combobox', { name: 'Spørsmål', exact: true })).toHaveValue('');
  await expect(page.getByRole('list', { name: 'Aktive filtre' })).toHaveCount(0);
});

test('sorts by score, highest and lowest first, in the URL', async ({ page }) => {
  const base = await responsesPage(page);
  const firstTitle = async () => (await cards(page).first().locator('h3').textContent()) ?? '';
  await expect(cards(page).first()).toBeVisible();
  const byTime = await firstTitle();
  await page.getByRole('combobox', { name: 'Sorter etter' }).selectOption({ label: 'Score, høyeste først' });
  await expect(page).toHaveURL(`${base}?sorter=score-hoy`);
  await expect(cards(page).first().locator('h3')).not.toHaveText(byTime);
  const high = await Promise.all((await cards(page).locator('.response-card__score').allTextContents()).map(scoreOf));
  expect(high.length).toBeGreaterThan(1);
  expect(high).toEqual([...high].sort((a, b) => b - a));
  const before = await firstTitle();
  await page.getByRole('combobox', { name: 'Sorter etter' }).selectOption({ label: 'Score, laveste først' });
  await expect(page).toHaveURL(`${base}?sorter=score-lav`);
  await expect(cards(page).first().locator('h3')).not.toHaveText(before);
  const low = await Promise.all((await cards(page).locator('.response-card__score').allTextContents()).map(scoreOf));
  expect(low).toEqual([...low].sort((a, b) => a - b));
  expect(low[0]!).toBeLessThanOrEqual(high.at(-1)!);
  // The next page goes on in the same order.
  const lowFirst = await firstTitle();
  await page.getByRole('button', { name: 'Neste side' }).click();
  await expect(page).toHaveURL(/sorter=score-lav&etter=/);
  await expect(cards(page).first().locator('h3')).not.toHaveText(lowFirst);
  const next = await Promise.all((await cards(page).locator('.response-card__score').allTextContents()).map(scoreOf));
  expect(next[0]!).toBeGreaterThanOrEqual(low.at(-1)!);
});

test('an unknown ?sporsmal= code says so in Norwegian and can be removed', async ({ page }) => {
  const base = await responsesPage(page, '?sporsmal=FINNES_IKKE');
  await expect(page.getByText(/^Spørsmålet «FINNES_IKKE» finnes ikke i spørreskjemaet for \d{4}\./)).toBeVisible();
  await checkAxe(page, 'responses with an unknown question');
  await page.getByRole('button', { name: 'Fjern spørsmålsfilteret' }).click();
  await expect(page).toHaveURL(base);
  await expect(cards(page).first()).toBeVisible();
});

test('takes "60,5" as 60.5, and prevents a min above max with a Norwegian message beside the field', async ({ page }) => {
  const base = await responsesPage(page);
  await page.getByRole('textbox', { name: 'Score fra', exact: true }).fill('60,5');
  await page.getByRole('button', { name: 'Søk' }).click();
  await expect(page).toHaveURL(`${base}?fra=60.5`);
  await expect(page.getByRole('list', { name: 'Aktive filtre' })).toContainText('Score fra 60,50');
  await expect(cards(page).first()).toBeVisible();
  // The list is replaced when the new page of responses arrives, which may be just after the URL changes.
  await expect
    .poll(async () => Math.min(...(await Promise.all((await cards(page).locator('.response-card__score').allTextContents()).map(scoreOf)))))
    .toBeGreaterThanOrEqual(60.5);

  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/graphql')) requests.push(r.postData() ?? '');
  });
  await page.getByRole('textbox', { name: 'Score til', exact: true }).fill('20');
  await page.getByRole('button', { name: 'Søk' }).click();
  const min = page.getByRole('textbox', { name: 'Score fra', exact: true });
  await expect(min).toHaveAttribute('aria-invalid', 'true');
  await expect(min).toHaveAccessibleDescription('«Score fra» kan ikke være høyere enn «Score til».');
  await expect(page).toHaveURL(`${base}?fra=60.5`);
  // A search of stop words only: said beside the field, not asked.
  await page.getByRole('textbox', { name: 'Score til', exact: true }).fill('');
  await page.getByRole('searchbox', { name: 'Ord i kommentarene', exact: true }).fill('ikke');
  await page.getByRole('button', { name: 'Søk' }).click();
  await expect(page.getByRole('searchbox', { name: 'Ord i kommentarene', exact: true })).toHaveAccessibleDescription(
    /^Bare svært vanlige ord \(som «og» og «ikke»\)/,
  );
  expect(requests.filter((r) => r.includes('ResponsesChapter'))).toEqual([]);
  await expect(page.getByText(/must not be above|no words to look for/)).toHaveCount(0);
  await checkAxe(page, 'responses with problems beside the fields');

  // A shared link with min above max is not asked either: the same words beside the field, no "Prøv igjen".
  await page.goto(`${base}?fra=80&til=20`);
  await expect(page.getByRole('textbox', { name: 'Score fra', exact: true })).toHaveAccessibleDescription(
    '«Score fra» kan ikke være høyere enn «Score til».',
  );
  await expect(page.getByRole('button', { name: 'Prøv igjen' })).toHaveCount(0);
});

test('screenshots of the responses page with filters at 1280, 820 and 360 px', async ({ page }) => {
  const base = await responsesPage(page);
  for (const [width, label] of [
    [1280, '1280'],
    [820, '820'],
    [360, '360'],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${base}?sporsmal=AGT_NEEDS&svar=C&sorter=score-hoy&forsok=1&fra=10`);
    await expect(cards(page).first()).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/responses-filters-${label}.png`, fullPage: width < 1280 });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, `page width at ${width}px`).toBeLessThanOrEqual(width);
    await page.goto(`${base}?fra=80&til=20&sporsmal=FINNES_IKKE`);
    await expect(page.getByRole('textbox', { name: 'Score fra', exact: true })).toHaveAttribute('aria-invalid', 'true');
    await page.screenshot({ path: `${SHOTS}/responses-problems-${label}.png`, fullPage: width < 1280 });
  }
  await checkAxe(page, 'responses with problems at 360 px');
});
