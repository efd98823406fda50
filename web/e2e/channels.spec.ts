import { expect, test, type Page } from '@playwright/test';
import { apiResult, checkAxe, settled, shootAtEveryWidth, signIn, startFresh } from './support';

// The dashboard narrowed to a channel (`?kanal=`), as a manager reads it: every figure is the
// channel's or says it is over all channels (the class benchmark is not split by channel), and a
// channel the company was not tested on says so and offers the channels it was tested on.
// Screenshots at 1280, 820 and 360 px land in web/test-results/screenshots/ (git-ignored).

const CHANNELS = ['PHONE', 'EMAIL', 'CHAT', 'MESSENGER'] as const;
type Channel = (typeof CHANNELS)[number];
const CHANNEL_NAME: Record<Channel, string> = { PHONE: 'Telefon', EMAIL: 'E-post', CHAT: 'Chat', MESSENGER: 'Messenger' };

const number = (v: number) => new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);
const percent = (v: number) => `${number(v)}\u00a0%`;

interface Me {
  me: { company: { slug: string; name: string }; participations: { year: number; competitors: { slug: string; name: string }[] }[] };
}
const ME = '{ me { company { slug name } participations { year competitors { slug name } } } }';

interface Figures {
  participation: { className: string; report: { total: number | null; classMean: number | null; byChannel: { channel: Channel }[] } };
}
const FIGURES =
  'query($y: Int!, $s: String!, $c: Channel) { participation(year: $y, companySlug: $s) { className report(channel: $c) { total classMean byChannel { channel } } } }';

/** Axe and a screenshot at each width. */
const atEveryWidth = (page: Page, name: string) =>
  shootAtEveryWidth(page, name, async (width) => {
    await settled(page);
    await checkAxe(page, `${name} at ${width}`);
  });

const kpi = (page: Page, label: string) =>
  page
    .locator('.kpi')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label.replace(/[()]/g, '\\$&')}$`) }) })
    .locator('dd');

// Axe and screenshots at three widths per page: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 300_000 });

test.beforeEach(async ({ page }) => {
  await startFresh(page);
});

test('a narrowed overview: every figure is the channel’s or says all channels, and "Kort fortalt" reads the channel against the own all-channel total', async ({
  page,
}) => {
  await signIn(page, 'enkel@ksp.demo');
  const { me } = (await apiResult<Me>(page, ME)).data;
  const slug = me.company.slug;
  const year = me.participations[0]!.year;
  const all = (await apiResult<Figures>(page, FIGURES, { y: year, s: slug })).data.participation;
  const channel = all.report.byChannel[0]!.channel;
  const name = CHANNEL_NAME[channel];
  const narrowed = (await apiResult<Figures>(page, FIGURES, { y: year, s: slug, c: channel })).data.participation.report;

  await page.goto(`/rapport/${year}/${slug}?kanal=${channel}`);
  await expect(page.getByText(`Kun ${name}`)).toBeVisible();
  await expect(page.getByLabel('Kanal', { exact: true })).toHaveValue(channel);
  await expect(kpi(page, `Totalt, ${name}`)).toHaveText(percent(narrowed.total!));
  await expect(kpi(page, 'Totalt, alle kanaler')).toHaveText(percent(all.report.total!));
  await expect(kpi(page, 'Snitt i klassen (alle kanaler)')).toHaveText(percent(all.report.classMean!));
  await expect(kpi(page, 'Plass totalt (alle kanaler)')).toHaveText(/^\d+ av \d+$/);
  await expect(kpi(page, 'Plass i klassen (alle kanaler)')).toHaveText(/^\d+ av \d+$/);
  // Every tile is the channel's or says it is over all channels.
  for (const label of await page.locator('.kpi dt').allTextContents()) {
    expect(label.includes(name) || label.includes('alle kanaler'), label).toBe(true);
  }

  const reading = page.getByRole('region', { name: 'Kort fortalt' });
  const diff = narrowed.total! - all.report.total!;
  await expect(reading.getByRole('listitem').first()).toHaveText(
    `${name}: ${percent(narrowed.total!)}, ${number(Math.abs(diff))} prosentpoeng ${diff < 0 ? 'under' : 'over'} egen total for alle kanaler (${percent(all.report.total!)}).`,
  );
  // Never the channel against the class (an all-channel figure).
  await expect(reading).not.toContainText('klassen');
  await expect(page.getByRole('figure', { name: `Totalt mot klassen ${all.className} (alle kanaler)` })).toBeVisible();
  await expect(page.getByRole('figure', { name: `Områdene: ${name} mot alle kanaler` })).toBeVisible();
  await atEveryWidth(page, `channel-overview-${channel}`);

  // CX: the channel, the own figures over all channels and the class (all channels); the NPS rows say which is which.
  await page.getByRole('navigation', { name: 'Kapitler i rapporten' }).getByRole('link', { name: 'CX' }).click();
  await expect(page).toHaveURL(`/rapport/${year}/${slug}/cx?kanal=${channel}`);
  const header = page.locator('.cx-table thead th');
  await expect(header).toHaveText(['Mål', `Dere, ${name}`, 'Dere, alle kanaler', 'Snitt i klassen (alle kanaler)']);
  const nps = page.getByRole('figure', { name: 'NPS-fordeling' });
  await nps.getByRole('button', { name: 'Vis som tabell' }).click();
  await expect(nps.locator('tbody tr th, tbody tr td:first-child')).toHaveText([name, 'Alle kanaler']);
  await atEveryWidth(page, `channel-cx-${channel}`);
});

test('a channel the company was not tested on says so and offers the channels it was tested on; following one narrows to it', async ({
  page,
}) => {
  await signIn(page, 'enkel@ksp.demo');
  const { me } = (await apiResult<Me>(page, ME)).data;
  const slug = me.company.slug;
  const year = me.participations[0]!.year;
  const tested = (await apiResult<Figures>(page, FIGURES, { y: year, s: slug })).data.participation.report.byChannel.map((c) => c.channel);
  const untested = CHANNELS.find((c) => !tested.includes(c))!;
  const name = CHANNEL_NAME[untested];

  await page.goto(`/rapport/${year}/${slug}?kanal=${untested}`);
  const notice = page.getByRole('region', { name: `Ikke testet på ${name}` });
  await expect(notice.getByRole('heading', { level: 2 })).toHaveText(`Ikke testet på ${name}`);
  await expect(notice).toContainText(`${me.company.name} ble ikke testet på ${name} i KSP ${year}`);
  await expect(notice.getByRole('link')).toHaveText([...tested.map((c) => CHANNEL_NAME[c]), 'Alle kanaler']);
  // The dropdown shows the choice made, not "Alle kanaler".
  await expect(page.getByLabel('Kanal', { exact: true })).toHaveValue(untested);
  await expect(page.getByLabel('Kanal', { exact: true }).locator('option:checked')).toHaveText(`${name} (ikke testet)`);
  // No empty chapter, reading or "did not take part" behind it.
  await expect(page.getByRole('region', { name: 'Kort fortalt' })).toHaveCount(0);
  await expect(page.getByText('Deltok ikke i fjor')).toHaveCount(0);
  await atEveryWidth(page, `channel-overview-untested-${untested}`);

  await page.getByRole('navigation', { name: 'Kapitler i rapporten' }).getByRole('link', { name: 'CX' }).click();
  await expect(page).toHaveURL(`/rapport/${year}/${slug}/cx?kanal=${untested}`);
  await expect(page.getByRole('heading', { level: 2, name: `Ikke testet på ${name}` })).toBeVisible();
  await atEveryWidth(page, `channel-cx-untested-${untested}`);

  const first = tested[0]!;
  await page
    .getByRole('region', { name: `Ikke testet på ${name}` })
    .getByRole('link', { name: CHANNEL_NAME[first], exact: true })
    .click();
  await expect(page).toHaveURL(`/rapport/${year}/${slug}/cx?kanal=${first}`);
  await expect(page.getByText(`Kun ${CHANNEL_NAME[first]}`)).toBeVisible();
  await expect(page.getByLabel('Kanal', { exact: true })).toHaveValue(first);
  await expect(page.locator('.cx-table thead th').nth(1)).toHaveText(`Dere, ${CHANNEL_NAME[first]}`);
  await checkAxe(page, 'CX after following the link');
});

test('a competitor narrowed to a channel: a withheld total stays inside its tile, an untested channel says so', async ({ page }) => {
  await signIn(page, 'konkurrent@ksp.demo');
  const { me } = (await apiResult<Me>(page, ME)).data;
  const year = me.participations[0]!.year;
  const competitor = me.participations[0]!.competitors[0]!;
  const all = (await apiResult<Figures>(page, FIGURES, { y: year, s: competitor.slug })).data.participation.report;
  const tested = all.byChannel.map((c) => c.channel);

  // A tested channel whose total the server withholds (too few inquiries, or a sibling of one).
  let withheld: Channel | undefined;
  for (const c of tested) {
    const { errors } = await apiResult<Figures>(page, FIGURES, { y: year, s: competitor.slug, c });
    if (errors?.some((e) => e.path?.join('.') === 'participation.report.total' && e.extensions?.code === 'TOO_FEW_INQUIRIES')) withheld = c;
  }
  if (withheld) {
    await page.goto(`/rapport/${year}/${competitor.slug}?kanal=${withheld}`);
    const tile = page.locator('.kpi--main');
    await expect(tile.locator('dd')).toHaveText('For få henvendelser til å vises');
    const [outer, inner] = [await tile.boundingBox(), await tile.locator('.withheld').boundingBox()];
    expect(inner!.x + inner!.width).toBeLessThanOrEqual(outer!.x + outer!.width);
    expect(inner!.y + inner!.height).toBeLessThanOrEqual(outer!.y + outer!.height);
    await atEveryWidth(page, `channel-competitor-withheld-${withheld}`);
  }

  const untested = CHANNELS.find((c) => !tested.includes(c));
  if (untested) {
    await page.goto(`/rapport/${year}/${competitor.slug}?kanal=${untested}`);
    await expect(page.getByRole('heading', { level: 2, name: `Ikke testet på ${CHANNEL_NAME[untested]}` })).toBeVisible();
    await expect(page.getByText('For få henvendelser til å vises')).toHaveCount(0);
    await checkAxe(page, 'competitor, untested channel');
  }
});
