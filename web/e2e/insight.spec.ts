import { expect, test, type Page } from '@playwright/test';
import { api, checkAxe, settled, shootAtEveryWidth, signIn, startFresh } from './support';

// Issue 19: how sure each rank is, on the demo data as a visitor and a manager see it. The
// figures on screen are checked against the API's (computed in SQL and shared/, cross-checked
// there); here what matters is that each is shown where it belongs, in Norwegian, and that the
// interval is an honest reading of the published rank.

const YEAR = 2024;

interface Row {
  rank: number;
  total: number;
  className: string;
  company: { slug: string; name: string };
  uncertainty: { standardError: number | null; low: number | null; high: number | null; rankLow: number | null; rankHigh: number | null };
}

const nb = (v: number) => v.toFixed(2).replace('.', ',');
const range = (low: number, high: number) => (low === high ? `plass ${low}` : `plass ${low}–${high}`);

async function resultRows(page: Page): Promise<Row[]> {
  const { resultList } = await api<{ resultList: Row[] }>(
    page,
    `query($year: Int!) { resultList(year: $year) { rank total className company { slug name }
       uncertainty { standardError low high rankLow rankHigh } } }`,
    { year: YEAR },
  );
  return resultList;
}

test.beforeEach(async ({ page }) => {
  await startFresh(page);
});

test('the result list shows each rank’s interval and the total’s, says what they mean, and draws a caterpillar per class', async ({
  page,
}) => {
  await page.goto(`/resultater/${YEAR}`);
  const table = page.getByRole('table');
  await expect(table).toHaveAttribute('aria-busy', 'false');
  const rows = await resultRows(page);
  expect(rows.length).toBeGreaterThan(10);

  // By definition: the interval holds the total, and the published rank lies inside its range
  // whenever every participant has at least 2 inquiries (they all do in the demo).
  for (const r of rows) {
    const u = r.uncertainty;
    expect(u.standardError).toBeGreaterThan(0);
    expect(u.low! <= r.total && r.total <= u.high!, `${r.company.name}: ${u.low}–${u.high} around ${r.total}`).toBe(true);
    expect(u.rankLow! <= r.rank && r.rank <= u.rankHigh!, `${r.company.name}: rank ${r.rank} in ${u.rankLow}–${u.rankHigh}`).toBe(true);
  }
  // About 25 inquiries a participant: most ranks are not sure, which is the point of showing it.
  expect(rows.filter((r) => r.uncertainty.rankHigh! - r.uncertainty.rankLow! >= 2).length).toBeGreaterThan(rows.length / 2);

  // The table shows the API's figures, the Norwegian way, on each company's row.
  for (const r of [rows[0]!, rows[Math.floor(rows.length / 2)]!, rows.at(-1)!]) {
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: r.company.name, exact: true }) });
    await expect(row.locator('.col-rank-range')).toHaveText(range(r.uncertainty.rankLow!, r.uncertainty.rankHigh!));
    await expect(row.locator('.col-interval')).toHaveText(`${nb(r.uncertainty.low!)}–${nb(r.uncertainty.high!)}\u00a0%`);
  }
  await expect(page.getByText(/^Plass 3–9 betyr at selskapet med 95 % sikkerhet/)).toBeVisible();

  // One caterpillar per class, opened on demand, its numbers one click away.
  const charts = page.getByRole('region', { name: 'Hvor sikre er plasseringene?' });
  const className = rows[0]!.className;
  await charts.locator('summary', { hasText: new RegExp(`^${className}$`) }).click();
  const figure = charts.getByRole('figure', { name: `Totalt med 95 %-intervall, ${className}` });
  const members = rows.filter((r) => r.className === className);
  const drawn = figure.getByRole('img', { name: `Totalt med 95 %-intervall, ${className}` });
  await expect(drawn.locator('svg').first()).toBeVisible();
  for (const m of members) await expect(drawn).toContainText(m.company.name);
  await shootAtEveryWidth(page, 'result-list-intervals', async (width) => {
    await page.waitForTimeout(150);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `result list at ${width} px`).toBeLessThanOrEqual(width);
    if (width < 820) return;
    // At a tablet's width too the whole table is in view (the intervals go under the rank and the
    // total): last year and the change are not hidden in its sideways scroll.
    const box = page.locator('.table-scroll').filter({ has: table });
    expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth), `the table's scroll at ${width} px`).toBeLessThanOrEqual(0);
    const change = (await table.getByRole('columnheader', { name: 'Endring (poeng)' }).boundingBox())!;
    expect(change.x + change.width, `the change column's right edge at ${width} px`).toBeLessThanOrEqual(width);
    // Nothing is lost: the intervals are shown (innerText: as displayed), in their columns or under the figures.
    const first = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: rows[0]!.company.name, exact: true }) });
    const u = rows[0]!.uncertainty;
    await expect(first).toContainText(range(u.rankLow!, u.rankHigh!), { useInnerText: true });
    await expect(first).toContainText(`${nb(u.low!)}–${nb(u.high!)}\u00a0%`, { useInnerText: true });
  });
  await figure.getByRole('button', { name: 'Vis som tabell' }).click();
  await expect(figure.getByRole('table').locator('tbody tr')).toHaveCount(members.length);
  await checkAxe(page, 'the result list with intervals and a caterpillar chart');
});

test('the manager’s overview says how sure the total and the ranks are', async ({ page }) => {
  await signIn(page, 'konkurrent@ksp.demo');
  const { me } = await api<{ me: { company: { slug: string } } }>(page, '{ me { company { slug } } }');
  const { participation } = await api<{
    participation: { report: { total: number; uncertainty: { low: number; high: number; rankLow: number; rankHigh: number } } };
  }>(
    page,
    `query($year: Int!, $slug: String!) { participation(year: $year, companySlug: $slug) { report { total uncertainty { low high rankLow rankHigh } } } }`,
    { year: YEAR, slug: me.company.slug },
  );
  const { total, uncertainty: u } = participation.report;
  await page.goto(`/rapport/${YEAR}/${me.company.slug}`);
  await settled(page);
  const certainty = page.getByRole('region', { name: 'Hvor sikkert er resultatet?' });
  await expect(certainty).toContainText(`Totalen på ${nb(total)}\u00a0% bygger på et utvalg henvendelser.`);
  await expect(certainty).toContainText(`mellom ${nb(u.low)}\u00a0% og ${nb(u.high)}\u00a0%`);
  await expect(certainty).toContainText(
    `Med 95 % sikkerhet hører dere hjemme på plass ${u.rankLow === u.rankHigh ? u.rankLow : `${u.rankLow}–${u.rankHigh}`}.`,
  );
  await checkAxe(page, 'the overview with its uncertainty');
});

test('the insight page: how sure the total is, what drives NPS on a channel (weights summing to R²), what to improve first, and the quadrant', async ({
  page,
}) => {
  await signIn(page, 'konkurrent@ksp.demo');
  const { me } = await api<{ me: { company: { slug: string } } }>(page, '{ me { company { slug } } }');
  const { keyDrivers } = await api<{ keyDrivers: { inquiries: number; rSquared: number | null; drivers: { weight: number }[] } }>(
    page,
    `query($year: Int!) { keyDrivers(year: $year, outcome: NPS, channel: PHONE) { inquiries rSquared drivers { weight } } }`,
    { year: YEAR },
  );
  // Johnson's weights are shares of R²: they add up to it, largest first.
  expect(keyDrivers.rSquared).not.toBeNull();
  const weights = keyDrivers.drivers.map((d) => d.weight);
  expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(keyDrivers.rSquared!, 9);
  expect(weights).toEqual([...weights].sort((a, b) => b - a));

  await page.goto(`/rapport/${YEAR}/${me.company.slug}/innsikt?driverkanal=PHONE`);
  await settled(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Innsikt' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Hvor sikkert er resultatet?' })).toBeVisible();
  const drivers = page.getByRole('region', { name: 'Hva driver anbefaling (NPS) på Telefon' });
  const share = (100 * keyDrivers.rSquared!).toFixed(1).replace('.', ',');
  await expect(drivers).toContainText(`Prestasjonene forklarer til sammen ${share}\u00a0% av variasjonen i anbefaling (NPS)`);
  // Each panel's heading names its chart (not printed twice); the quadrant is the phone's, as the drivers are.
  await expect(page.locator('#improve-heading')).toHaveText('Forbedre først');
  await expect(page.locator('#quadrant-heading')).toHaveText('Viktighet og prestasjon på Telefon');
  const quadrant = page.getByRole('figure', { name: 'Viktighet og prestasjon på Telefon' });
  await expect(quadrant.locator('svg, canvas').first()).toBeVisible();
  await expect(drivers.getByRole('heading', { name: /^Hva driver anbefaling/ })).toHaveCount(1);
  await checkAxe(page, 'the insight page');
  await shootAtEveryWidth(page, 'insight', async (width) => {
    await page.waitForTimeout(150);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `insight at ${width} px`).toBeLessThanOrEqual(width);
  });
});
