import { expect, test, type Page } from '@playwright/test';
import { api, checkAxe, failOnCspViolations, SHOTS, signIn, startFresh, WIDTHS } from './support';

// Issue 17: running an edition in the product, before the first call. A company signs up for the
// demo's edition in planning, staff accept it, plan the fieldwork and change one assignment by
// hand, and a change that breaks a rule is refused with the rule named beside the field.

failOnCspViolations();

test.beforeEach(async ({ page }) => {
  // Sign-up, acceptance, a plan of the whole demo edition and two changes, on two shared cores.
  test.setTimeout(180_000);
  await startFresh(page);
});

/** A valid organisation number: the first eight digits and the mod-11 check digit, worked out here as the rule states it. */
function organisationNumber(first8: string): string {
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  const sum = [...first8].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  const check = (11 - (sum % 11)) % 11;
  if (check === 10) throw new Error(`${first8} has no check digit`);
  return first8 + String(check);
}

/**
 * The edition in planning (the demo's has one; the year before it is in fieldwork), as staff see
 * the editions; signed out again, so the sign-up is sent as anyone sends it.
 */
async function planningYear(page: Page): Promise<number> {
  await signIn(page, 'staff@ksp.demo');
  const { editions } = await api<{ editions: { year: number; status: string }[] }>(page, '{ editions { year status } }');
  await page.context().clearCookies();
  return editions.find((e) => e.status === 'PLANNING')!.year;
}

const COMPANY = 'Testbyen Kundeservice AS';

test('a company signs up, staff accept it, plan the edition and change one assignment; a broken rule is named', async ({ page }) => {
  const year = await planningYear(page);

  // The sign-up, as anyone: a wrong check digit is named beside the field before anything is sent.
  await page.goto(`/pamelding/${year}`);
  await expect(page.getByRole('heading', { level: 1, name: `Påmelding til KSP ${year}` })).toBeVisible();
  await page.getByLabel('Selskapsnavn').fill(COMPANY);
  const number = organisationNumber('98765432');
  const wrong = number.slice(0, 8) + String((Number(number[8]) + 1) % 10);
  await page.getByLabel('Organisasjonsnummer').fill(wrong);
  await page.getByLabel('Organisasjonsnummer').blur();
  await expect(page.getByText('Kontrollsifferet stemmer ikke: se etter om et siffer er skrevet feil.')).toBeVisible();
  await page.getByLabel('Organisasjonsnummer').fill(number);
  await expect(page.getByText('Kontrollsifferet stemmer ikke: se etter om et siffer er skrevet feil.')).toHaveCount(0);
  // The edition in planning has no participants yet, so no classes to pick from: the class is typed.
  await page.getByLabel('Klasse (bransje)').fill('Bank');
  await page.getByRole('checkbox', { name: 'Telefon' }).check();
  await page.getByRole('checkbox', { name: 'E-post' }).check();
  await page.getByLabel('Telefonnummer til kundeservice').fill('+47 22 12 34 56');
  await page.getByLabel('Vi kjøper rapporten').check();
  await page.getByLabel('Kontaktpersonens navn').fill('Kari Testesen');
  await page.getByLabel('Kontaktpersonens e-post').fill('kari@testbyen.example');
  await checkAxe(page, 'sign-up form');
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `${SHOTS}/sign-up-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('button', { name: 'Send påmeldingen' }).click();
  await expect(page.getByRole('heading', { name: 'Takk for påmeldingen!' })).toBeVisible();

  // Staff accept it: the manager's sign-in link is shown once.
  await signIn(page, 'staff@ksp.demo');
  await page.goto(`/drift/${year}/pameldinger`);
  const card = page.getByRole('article', { name: COMPANY });
  await card.getByRole('button', { name: 'Godta' }).click();
  await expect(page.getByText(`${COMPANY} er godtatt.`)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Innloggingslenke for kari@testbyen.example' })).toBeVisible();
  await expect(page.getByText(/\/velkommen\/[A-Za-z0-9_-]{20,}/)).toBeVisible();
  await checkAxe(page, 'sign-ups');
  await page.screenshot({ path: `${SHOTS}/sign-ups-1280.png`, fullPage: true });

  // Staff plan the edition: the new participant is staffed, 25 inquiries over phone and e-mail.
  await page.goto(`/drift/${year}/planlegging`);
  page.on('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Planlegg feltarbeidet' }).click();
  await expect(page.getByText(/henvendelser har observatør, \d+ mangler observatør\./)).toBeVisible({ timeout: 60_000 });
  const participant = page.getByRole('article', { name: new RegExp(`^${COMPANY}`) });
  await expect(participant.getByText('25 av 25 henvendelser har observatør')).toBeVisible();
  type Assignment = { id: string; week: number; observer: { id: string }; company: { slug: string } };
  const { fieldworkAssignments } = await api<{ fieldworkAssignments: Assignment[] }>(
    page,
    'query ($year: Int!) { fieldworkAssignments(year: $year) { id week observer { id } company { slug } } }',
    { year },
  );
  const { participations } = await api<{ participations: { company: { slug: string; name: string } }[] }>(
    page,
    'query ($year: Int!) { participations: editionParticipants(year: $year) { company { slug name } } }',
    { year },
  );
  const slug = participations.find((p) => p.company.name === COMPANY)!.company.slug;
  const own = fieldworkAssignments.filter((a) => a.company.slug === slug);
  expect(own).toHaveLength(25);
  expect(new Set(own.map((a) => a.observer.id)).size).toBe(25);
  const [first, second] = own;

  // A change to an observer already on this participant is refused, with the rule named beside the field.
  await participant.getByText('25 oppdrag').click();
  await participant.getByRole('button', { name: `Bytt ${first!.observer.id}` }).click();
  const form = participant.getByRole('form', { name: 'Bytt observatør' });
  await form.getByLabel('Ny observatør (id)').fill(second!.observer.id);
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(form.getByRole('alert')).toContainText('allerede en henvendelse');
  await expect(form.getByLabel('Ny observatør (id)')).toHaveAttribute('aria-invalid', 'true');
  await checkAxe(page, 'planning with a refused change');
  await page.screenshot({ path: `${SHOTS}/planning-refused-1280.png`, fullPage: true });

  // A change to an eligible observer is made: one who passes quality, is free that week and is not on this participant.
  const { observers } = await api<{ observers: { items: { id: string; conflicts: { company: { slug: string } }[] }[] } }>(
    page,
    'query ($year: Int!, $week: Int!) { observers(year: $year, passesQuality: true, availableInWeek: $week, first: 100) { items { id conflicts { company { slug } } } } }',
    { year, week: first!.week },
  );
  const onParticipant = new Set(own.map((a) => a.observer.id));
  const free = observers.items.find((o) => !onParticipant.has(o.id) && !o.conflicts.some((c) => c.company.slug === slug))!;
  await form.getByLabel('Ny observatør (id)').fill(free.id);
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(participant.getByRole('form', { name: 'Bytt observatør' })).toHaveCount(0);
  await expect(participant.getByRole('button', { name: `Bytt ${free.id}` })).toBeVisible();
  const after = await api<{ fieldworkAssignments: (Assignment & { events: { action: string; by: string | null }[] })[] }>(
    page,
    'query ($year: Int!, $slug: String) { fieldworkAssignments(year: $year, companySlug: $slug) { id week observer { id } company { slug } events { action by } } }',
    { year, slug },
  );
  const changed = after.fieldworkAssignments.find((a) => a.id === first!.id)!;
  expect(changed.observer.id).toBe(free.id);
  expect(changed.events.map((e) => [e.action, e.by])).toEqual([
    ['PLANNED', 'staff@ksp.demo'],
    ['REASSIGNED', 'staff@ksp.demo'],
  ]);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `${SHOTS}/planning-${width}.png`, fullPage: true });
  }
});
