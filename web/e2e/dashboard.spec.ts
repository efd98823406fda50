import { expect, test } from '@playwright/test';
import { api, CHAPTERS as ALL_CHAPTERS, checkAxe, failOnCspViolations, PASSWORD, settled, SHOTS, signIn, startFresh } from './support';

// The participant dashboard on the demo data, as managers and staff use it, with axe on every
// chapter and a screenshot of each (web/test-results/screenshots/, git-ignored).

interface MeData {
  me: { company: { slug: string; name: string } | null; participations: { year: number; competitors: { slug: string }[] }[] };
}
const ME = '{ me { company { slug name } participations { year competitors { slug } } } }';

// The built app must cause no Content-Security-Policy violation.
failOnCspViolations();

test.beforeEach(async ({ page }) => {
  await startFresh(page);
});

test('a manager signs in, sees the own total as the API gives it, drills into AGENT, a channel and a response in workshop mode', async ({
  page,
}) => {
  await signIn(page, 'konkurrent@ksp.demo');
  const { me } = await api<MeData>(page, ME);
  const slug = me.company!.slug;
  const year = me.participations[0]!.year;
  await expect(page).toHaveURL(`/rapport/${year}/${slug}`);
  await expect(page.getByRole('heading', { level: 1, name: me.company!.name })).toBeVisible();
  await expect(page.getByText('konkurrent@ksp.demo')).toBeVisible();

  const { participation } = await api<{ participation: { report: { total: number } } }>(
    page,
    'query($y: Int!, $s: String!) { participation(year: $y, companySlug: $s) { report { total } } }',
    { y: year, s: slug },
  );
  const expected = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    participation.report.total,
  );
  await expect(page.locator('.kpi--main dd')).toHaveText(`${expected}\u00a0%`);

  await page.getByRole('navigation', { name: 'Kapitler i rapporten' }).getByRole('link', { name: 'Kundebehandleren' }).click();
  await expect(page).toHaveURL(`/rapport/${year}/${slug}/omrader/AGENT`);
  await expect(page.getByRole('heading', { level: 2, name: 'Kundebehandleren' })).toBeVisible();

  const channel = page.getByLabel('Kanal', { exact: true });
  const first = (await channel.locator('option').allTextContents())[1]!;
  await channel.selectOption({ label: first });
  await expect(page).toHaveURL(/\?kanal=[A-Z]+$/);
  await expect(page.getByText(`Kun ${first}`)).toBeVisible();

  await page.getByRole('navigation', { name: 'Kapitler i rapporten' }).getByRole('link', { name: 'Besvarelser' }).click();
  await expect(page).toHaveURL(new RegExp(`/rapport/${year}/${slug}/besvarelser\\?kanal=`));
  // The downloads offered here answer with the files (the server decides; the links are what the viewer may fetch).
  for (const [name, magic] of [
    ['Last ned PDF', '%PDF'],
    ['Last ned Excel', 'PK'],
    ['Last ned CSV', '\uFEFF'],
  ] as const) {
    const file = await page.request.get((await page.getByRole('link', { name }).getAttribute('href'))!);
    expect(file.status(), name).toBe(200);
    expect((await file.body()).toString('utf8').startsWith(magic), name).toBe(true);
  }
  await page.getByRole('link', { name: 'Åpne i workshopmodus' }).first().click();
  await expect(page.getByText(/^Henvendelse 1 av \d+$/)).toBeVisible();
  const firstUrl = page.url();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText(/^Henvendelse 2 av \d+$/)).toBeVisible();
  expect(page.url()).not.toBe(firstUrl);
  await page.getByRole('button', { name: /Forrige/ }).click();
  await expect(page.getByText(/^Henvendelse 1 av \d+$/)).toBeVisible();
});

test('an enkel manager opening another company’s dashboard is told it has no access', async ({ page }) => {
  await signIn(page, 'konkurrent@ksp.demo');
  const { me } = await api<MeData>(page, ME);
  const competitor = me.participations[0]!.competitors[0]!.slug;
  const year = me.participations[0]!.year;
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page.getByRole('link', { name: 'Logg inn' })).toBeVisible();

  await signIn(page, 'enkel@ksp.demo');
  await page.goto(`/rapport/${year}/${competitor}/cx`);
  await expect(page.getByRole('heading', { name: 'Du har ikke tilgang til denne visningen' })).toBeVisible();
  await expect(page.getByText(/Brukeren din har ikke tilgang/)).toBeVisible();
  await checkAxe(page, 'no access');
  await page.screenshot({ path: `${SHOTS}/no-access-1280.png`, fullPage: true });
});

test('signed out, a dashboard offers sign-in and comes back after it', async ({ page }) => {
  await page.goto('/');
  const row = page.locator('tbody tr').first();
  await expect(row).toBeVisible();
  const { resultList } = await api<{ resultList: { company: { slug: string } }[] }>(
    page,
    '{ resultList(year: 2024) { company { slug } } }',
  );
  await page.goto(`/rapport/2024/${resultList[0]!.company.slug}`);
  await expect(page.getByText('Denne siden er for innloggede deltakere. Logg inn for å se den.')).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Logg inn' }).click();
  await expect(page).toHaveURL(/\/logg-inn\?til=/);
  await checkAxe(page, 'sign-in');
  await page.screenshot({ path: `${SHOTS}/sign-in-1280.png`, fullPage: true });
  await page.getByLabel('E-post').fill('staff@ksp.demo');
  await page.getByLabel('Passord').fill('feil-passord');
  await page.getByLabel('Passord').press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Feil e-post eller passord. Prøv igjen.');
  await page.getByLabel('Passord').fill(PASSWORD);
  await page.getByLabel('Passord').press('Enter');
  await expect(page).toHaveURL(`/rapport/2024/${resultList[0]!.company.slug}`);
});

test('signed out, a download link leads to sign-in and then to the file', async ({ page }) => {
  await page.goto('/');
  const { resultList } = await api<{ resultList: { company: { slug: string } }[] }>(
    page,
    '{ resultList(year: 2024) { company { slug } } }',
  );
  const slug = resultList[0]!.company.slug;
  // The browser asks for a page (Accept: text/html): the server sends it to sign in, not a JSON 401.
  await page.goto(`/eksport/2024/${slug}/besvarelser.csv`);
  await expect(page).toHaveURL(`/logg-inn?til=${encodeURIComponent(`/eksport/2024/${slug}/besvarelser.csv`)}`);
  await page.getByLabel('E-post').fill('staff@ksp.demo');
  await page.getByLabel('Passord').fill(PASSWORD);
  const download = page.waitForEvent('download');
  await page.getByLabel('Passord').press('Enter');
  expect((await download).suggestedFilename()).toBe(`besvarelser-${slug}-2024.csv`);
});

test('staff land on the edition overview and open any participant, switching between them', async ({ page }) => {
  await signIn(page, 'staff@ksp.demo');
  await expect(page).toHaveURL(/\/oversikt\/\d{4}$/);
  await settled(page);
  await checkAxe(page, 'staff overview');
  await page.screenshot({ path: `${SHOTS}/staff-overview-1280.png`, fullPage: false });
  const link = page.getByRole('table').getByRole('link').nth(3);
  const name = (await link.textContent())!;
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await settled(page);
  // The switcher is a combobox: open its list, take another participant, open it.
  const switcher = page.getByRole('combobox', { name: 'Åpne deltaker' });
  await switcher.click();
  const option = page.getByRole('listbox').getByRole('option').first();
  const other = (await option.locator('span').first().textContent())!;
  await option.click();
  await expect(page.getByRole('heading', { level: 1, name: other })).toBeVisible();
});

// Every chapter, the responses chapter with a search in it (`?sok=navn`).
const CHAPTERS = ALL_CHAPTERS.map(([name, path]) => [name, name === 'responses' ? `${path}?sok=navn` : path] as const);

test('every chapter passes axe, at 1280 px and at tablet width, with a screenshot of each', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'konkurrent@ksp.demo');
  const { me } = await api<MeData>(page, ME);
  const base = `/rapport/${me.participations[0]!.year}/${me.company!.slug}`;
  for (const [width, label] of [
    [1280, '1280'],
    [800, 'tablet'],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    for (const [name, path] of CHAPTERS) {
      await page.goto(base + path);
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
      await settled(page);
      await checkAxe(page, `${name} at ${label}`);
      await page.screenshot({ path: `${SHOTS}/${name}-${label}.png`, fullPage: true });
    }
    // A competitor's aggregate view and workshop mode.
    await page.goto(`/rapport/${me.participations[0]!.year}/${me.participations[0]!.competitors[0]!.slug}/variasjon`);
    await expect(page.getByRole('heading', { level: 2, name: 'Variasjon' })).toBeVisible();
    await settled(page);
    await checkAxe(page, `competitor variation at ${label}`);
    await page.screenshot({ path: `${SHOTS}/competitor-variation-${label}.png`, fullPage: true });

    await page.goto(`${base}/besvarelser`);
    await page.getByRole('link', { name: 'Åpne i workshopmodus' }).first().click();
    await expect(page.getByText(/^Henvendelse 1 av \d+$/)).toBeVisible();
    await checkAxe(page, `workshop at ${label}`);
    await page.screenshot({ path: `${SHOTS}/workshop-${label}.png`, fullPage: true });
  }
});

test('the public result list passes axe, sorted and searched, at both widths', async ({ page }) => {
  for (const [width, label] of [
    [1280, '1280'],
    [800, 'tablet'],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/resultater/2024?sorter=change&synkende=1');
    await expect(page.getByRole('columnheader', { name: 'Endring (poeng)' })).toHaveAttribute('aria-sort', 'descending');
    await expect(page.getByRole('table')).toHaveAttribute('aria-busy', 'false');
    await checkAxe(page, `result list at ${label}`);
    await page.screenshot({ path: `${SHOTS}/result-list-${label}.png`, fullPage: false });
  }
  await page.getByLabel('Søk etter selskap').fill('a');
  await expect(page).toHaveURL(/sok=a/);
});
