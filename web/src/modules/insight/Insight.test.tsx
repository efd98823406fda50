import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { renderApp } from '@web/test/renderApp';
import { useChartEnvironment } from '@web/test/chartEnv';
import { EDITIONS_HANDLER, KONKURRENT_ME, meHandler, shellHandler } from '@web/test/fixtures';
import type { InsightChapterQuery } from '@web/graphql/generated/graphql';

type Report = NonNullable<NonNullable<InsightChapterQuery['participation']>['report']>;

const DRIVERS: NonNullable<InsightChapterQuery['keyDrivers']> = {
  inquiries: 2208,
  rSquared: 0.7331,
  drivers: [
    { questionCode: 'OVR_GRADE', weight: 0.2143, low: 0.17, high: 0.262 },
    { questionCode: 'AGT_NEEDS', weight: 0.0812, low: 0.05, high: 0.11 },
    { questionCode: 'RT_WAIT', weight: 0.03, low: null, high: null },
  ],
};

// Priorities as the server orders them: OVR_GRADE (64 − 60) × 0,2 = 0,80 before AGT_NEEDS (70 − 55) × 0,05 = 0,75.
const REPORT: Report = {
  total: 72.4,
  uncertainty: {
    low: 66.1,
    high: 78.7,
    rankLow: 3,
    rankHigh: 9,
    classRankLow: 1,
    classRankHigh: 2,
    tiedWith: [{ slug: 'beta', name: 'Beta Sparebank' }],
  },
  performances: [
    { code: 'RT_WAIT', text: 'Hvor lenge ventet du?', shortLabel: 'Ventetid', scored: true, channels: ['PHONE'] },
    {
      code: 'RT_EMAIL',
      text: 'Hvor lenge ventet du på svar på e-posten?',
      shortLabel: 'Svartid e-post',
      scored: true,
      channels: ['EMAIL'],
    },
    {
      code: 'AGT_NEEDS',
      text: 'Stilte kundebehandleren spørsmål om behovet?',
      shortLabel: 'Behovsspørsmål',
      scored: true,
      channels: ['PHONE', 'EMAIL'],
    },
    { code: 'OVR_GRADE', text: 'Karakter på kundebehandleren', shortLabel: 'Karakter', scored: true, channels: ['PHONE', 'EMAIL'] },
  ],
  improveFirst: [
    { questionCode: 'OVR_GRADE', score: 60, classScore: 64, weight: 0.2, priority: 0.8 },
    { questionCode: 'AGT_NEEDS', score: 55, classScore: 70, weight: 0.05, priority: 0.75 },
  ],
  // The e-mail reply time is the report's too, but is no part of the phone's quadrant.
  performanceImportance: [
    { questionCode: 'OVR_GRADE', score: 60, classScore: 64 },
    { questionCode: 'AGT_NEEDS', score: 55, classScore: 70 },
    { questionCode: 'RT_EMAIL', score: 50, classScore: 75 },
    { questionCode: 'RT_WAIT', score: 90, classScore: 80 },
  ],
};

const handlers = (keyDrivers: InsightChapterQuery['keyDrivers'] = DRIVERS, report: Report = REPORT) => ({
  Me: meHandler(KONKURRENT_ME),
  Editions: EDITIONS_HANDLER,
  ReportShell: shellHandler(),
  InsightChapter: () => ({ data: { keyDrivers, participation: { report } } }),
  CommentInsight: () => ({ data: { participation: { report: { commentWords: [], commentSentiment: [] } } } }),
});

const rows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.querySelectorAll('td, th')].map((c) => c.textContent));

useChartEnvironment();
beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('the insight chapter', () => {
  it('states what drives NPS on the first channel in words, with the weights and their intervals as a table', async () => {
    const { calls } = renderApp({ path: '/rapport/2024/alfa/innsikt', handlers: handlers() });
    expect(await screen.findByRole('heading', { level: 2, name: 'Innsikt' })).toBeTruthy();
    // How sure the total is, first on the page: 72,40 % within 66,10–78,70 %.
    const certainty = await screen.findByRole('region', { name: 'Hvor sikkert er resultatet?' });
    expect(certainty.textContent).toContain('mellom 66,10\u00a0% og 78,70\u00a0%.');
    expect(certainty.textContent).toContain('Statistisk likt med: Beta Sparebank.');
    const drivers = await screen.findByRole('region', { name: 'Hva driver anbefaling (NPS) på Telefon' });
    // R² 0,7331 → 73,3 %; 2 208 inquiries with a no-break space.
    expect(
      within(drivers).getByText(
        // getByText collapses every kind of space to one.
        'Prestasjonene forklarer til sammen 73,3 % av variasjonen i anbefaling (NPS), målt over 2 208 henvendelser.',
      ),
    ).toBeTruthy();
    fireEvent.click(within(drivers).getByRole('button', { name: 'Vis som tabell' }));
    expect(rows(within(drivers).getByRole('table'))).toEqual([
      ['Karakter på kundebehandleren', '21,4\u00a0%', '17,0\u00a0% – 26,2\u00a0%'],
      ['Stilte kundebehandleren spørsmål om behovet?', '8,1\u00a0%', '5,0\u00a0% – 11,0\u00a0%'],
      ['Hvor lenge ventet du?', '3,0\u00a0%', '–'],
    ]);
    const asked = calls.find((c) => c.operationName === 'InsightChapter')!;
    expect(asked.variables).toMatchObject({ year: 2024, companySlug: 'alfa', driverChannel: 'PHONE', outcome: 'NPS' });
  });

  it('lists what to improve first with the gap, the weight and the priority, and the phone’s quadrant as a table', async () => {
    renderApp({ path: '/rapport/2024/alfa/innsikt', handlers: handlers() });
    const improve = (await screen.findAllByRole('region', { name: 'Forbedre først' }))[0]!;
    expect(rows(within(improve).getByRole('table'))).toEqual([
      ['Karakter på kundebehandleren', '60,00\u00a0%', '64,00\u00a0%', '▼ −4,00\u00a0p.p.', '20,0\u00a0%', '0,80'],
      ['Stilte kundebehandleren spørsmål om behovet?', '55,00\u00a0%', '70,00\u00a0%', '▼ −15,00\u00a0p.p.', '5,0\u00a0%', '0,75'],
    ]);
    // The phone's performances at their weights on the phone (the drivers'), by priority:
    // AGT_NEEDS 15 × 0,0812 = 1,22 before OVR_GRADE 4 × 0,2143 = 0,86; no e-mail reply time.
    const quadrant = screen.getByRole('region', { name: 'Viktighet og prestasjon på Telefon' });
    fireEvent.click(within(quadrant).getByRole('button', { name: 'Vis som tabell' }));
    expect(rows(within(quadrant).getByRole('table'))).toEqual([
      ['Stilte kundebehandleren spørsmål om behovet?', '8,1\u00a0%', '▼ −15,00\u00a0p.p.'],
      ['Karakter på kundebehandleren', '21,4\u00a0%', '▼ −4,00\u00a0p.p.'],
      ['Hvor lenge ventet du?', '3,0\u00a0%', '▲ +10,00\u00a0p.p.'],
    ]);
  });

  it('names each chart by its panel’s heading, which is not repeated above the chart', async () => {
    renderApp({ path: '/rapport/2024/alfa/innsikt', handlers: handlers() });
    const drivers = await screen.findByRole('region', { name: 'Hva driver anbefaling (NPS) på Telefon' });
    expect(
      within(drivers)
        .getAllByRole('heading')
        .map((h) => h.textContent),
    ).toEqual(['Hva driver anbefaling (NPS) på Telefon']);
    expect(within(drivers).getByRole('figure', { name: 'Hva driver anbefaling (NPS) på Telefon' })).toBeTruthy();
    expect(within(drivers).getByRole('img', { name: 'Hva driver anbefaling (NPS) på Telefon' })).toBeTruthy();
  });

  it('says so when there are too few inquiries for an analysis, and when nothing is below the class', async () => {
    renderApp({
      path: '/rapport/2024/alfa/innsikt?driverkanal=EMAIL',
      handlers: handlers({ inquiries: 12, rSquared: null, drivers: [] }, { ...REPORT, improveFirst: [] }),
    });
    const drivers = await screen.findByRole('region', { name: 'Hva driver anbefaling (NPS) på E-post' });
    expect(
      within(drivers).getByText(
        'Ingen analyse av anbefaling (NPS) på E-post: 12 henvendelser er for få (analysen krever minst ti per prestasjon), eller svarene varierer ikke.',
      ),
    ).toBeTruthy();
    expect(within(drivers).queryByRole('button', { name: 'Vis som tabell' })).toBeNull();
    expect(screen.getByText('Dere ligger på eller over klassen i alle prestasjoner som har en vekt for anbefaling (NPS).')).toBeTruthy();
    // No weights on the e-mail: no quadrant of it either (not the phone's, nor one over all channels).
    const quadrant = screen.getByRole('region', { name: 'Viktighet og prestasjon på E-post' });
    expect(within(quadrant).getByText('Ingen prestasjoner har en vekt for anbefaling (NPS) på E-post.')).toBeTruthy();
    expect(within(quadrant).queryByRole('figure')).toBeNull();
  });

  it('asks again for CSAT and another channel when chosen, keeping the choice in the address', async () => {
    const { calls, location } = renderApp({ path: '/rapport/2024/alfa/innsikt', handlers: handlers() });
    await screen.findByRole('region', { name: 'Hva driver anbefaling (NPS) på Telefon' });
    fireEvent.change(screen.getByLabelText('Kundeopplevelse'), { target: { value: 'CSAT' } });
    fireEvent.change(screen.getByLabelText('Kanal for driverne'), { target: { value: 'EMAIL' } });
    expect(await screen.findByRole('region', { name: 'Hva driver tilfredshet (CSAT) på E-post' })).toBeTruthy();
    expect(calls.filter((c) => c.operationName === 'InsightChapter').at(-1)!.variables).toMatchObject({
      driverChannel: 'EMAIL',
      outcome: 'CSAT',
    });
    expect(location()).toBe('/rapport/2024/alfa/innsikt?utfall=CSAT&driverkanal=EMAIL');
  });

  it('speaks English when chosen', async () => {
    renderApp({ path: '/rapport/2024/alfa/innsikt', handlers: handlers(), locale: 'en' });
    const drivers = await screen.findByRole('region', { name: 'What drives recommendation (NPS) on Phone' });
    expect(
      within(drivers).getByText('Together the performances explain 73.3% of the variation in recommendation (NPS), over 2,208 inquiries.'),
    ).toBeTruthy();
  });
});
