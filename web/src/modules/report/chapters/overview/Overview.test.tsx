import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { renderApp } from '@web/test/renderApp';
import { useChartEnvironment } from '@web/test/chartEnv';
import { EDITIONS_HANDLER, fieldError, KONKURRENT_ME, meHandler, shellHandler, STAFF_ME, firstViewOf } from '@web/test/fixtures';
import type { ClassRanksQuery, OverviewChapterQuery } from '@web/graphql/generated/graphql';

type OverviewReport = NonNullable<NonNullable<OverviewChapterQuery['participation']>['report']>;
type AllChannels = NonNullable<NonNullable<OverviewChapterQuery['participation']>['allChannels']>;

const REPORT: OverviewReport = {
  total: 72.35984,
  lastYearTotal: 71.37946,
  classMean: 74.1306,
  byChannel: [
    { channel: 'PHONE', total: 78.9516 },
    { channel: 'EMAIL', total: 71.4286 },
  ],
  classBenchmark: [
    { company: { slug: 'beta', name: 'Beta Sparebank' }, total: 83.71 },
    { company: { slug: 'alfa', name: 'Alfa Bank' }, total: 72.35984 },
  ],
  areas: [
    { area: 'RESPONSE_TIME', score: 88, classBenchmark: { mean: 79.78 } },
    { area: 'RECEPTION', score: 77.33, classBenchmark: { mean: 80.03 } },
    { area: 'AGENT', score: 70.04, classBenchmark: { mean: 72.19 } },
    { area: 'OVERALL', score: 73.33, classBenchmark: { mean: 75.19 } },
  ],
  performances: [
    { code: 'AGT_EXTRA', text: 'Ga kundebehandleren nyttig tilleggsinformasjon?', scored: true, score: 50 },
    { code: 'CALLBACK', text: 'Tilbud om tilbakeringing?', scored: false, score: null },
  ],
  variation: {
    byChannel: [
      { channel: 'PHONE', spread: { stdDev: 13.77, count: 13 } },
      { channel: 'EMAIL', spread: { stdDev: 15.81, count: 8 } },
    ],
  },
};

const RANKS: ClassRanksQuery = {
  resultList: [
    // beta: SE 1.5 → 83.71 ± 2.94; alfa: SE 2.4 → 72.36 ± 4.704 = 67.656 … 77.064 (1.96 · 2.4 = 4.704)
    {
      rank: 40,
      classRank: 1,
      total: 83.71,
      company: { slug: 'beta' },
      uncertainty: {
        low: 80.77,
        high: 86.65,
        rankLow: 12,
        rankHigh: 81,
        classRankLow: 1,
        classRankHigh: 1,
        tiedWith: [],
      },
    },
    {
      rank: 91,
      classRank: 2,
      total: 72.36,
      company: { slug: 'alfa' },
      uncertainty: {
        low: 67.656,
        high: 77.064,
        rankLow: 58,
        rankHigh: 141,
        classRankLow: 2,
        classRankHigh: 2,
        tiedWith: [],
      },
    },
  ],
  everyone: Array.from({ length: 192 }, (_, i) => ({ rank: i + 1 })),
};

const handlers = (report: OverviewReport | null, errors?: ReturnType<typeof fieldError>[], allChannels?: AllChannels) => ({
  Me: meHandler(KONKURRENT_ME),
  Editions: EDITIONS_HANDLER,
  ReportShell: shellHandler(),
  OverviewChapter: () => ({
    data: { participation: report && { report, ...(allChannels ? { allChannels } : {}) } },
    ...(errors ? { errors } : {}),
  }),
  ClassRanks: () => ({ data: RANKS }),
});

useChartEnvironment();
beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('the overview chapter', () => {
  it('says when responses were corrected after publication, with each correction linking to its response', async () => {
    const corrections = [
      { at: '2026-03-12T09:30:00Z', inquiryId: 'I-7', reason: 'Feil kanal registrert' },
      { at: '2026-03-02T14:00:00Z', inquiryId: 'I-3', reason: 'Svaret på behovsspørsmålet rettet' },
    ];
    renderApp({ path: '/rapport/2024/alfa', handlers: handlers({ ...REPORT, corrections }) });
    const notice = await screen.findByRole('note');
    expect(within(notice).getByText('Korrigert etter publisering: 2 besvarelser, sist 12.03.2026')).toBeTruthy();
    fireEvent.click(within(notice).getByText('Vis korrigeringene'));
    const items = within(notice).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      '12.03.2026 Henvendelse I-7: Feil kanal registrert',
      '02.03.2026 Henvendelse I-3: Svaret på behovsspørsmålet rettet',
    ]);
    expect(within(items[0]!).getByRole('link', { name: 'Henvendelse I-7' }).getAttribute('href')).toBe(
      '/rapport/2024/alfa/besvarelser/I-7',
    );
  });

  it('says nothing about corrections when there are none', async () => {
    renderApp({ path: '/rapport/2024/alfa', handlers: handlers({ ...REPORT, corrections: [] }) });
    expect(await screen.findByRole('heading', { level: 2, name: 'Oversikt' })).toBeTruthy();
    expect(screen.queryByText(/Korrigert etter publisering/)).toBeNull();
  });

  it('marks the results of an edition in fieldwork or review as preliminary, and not a published one', async () => {
    const staffHandlers = (status: string) => ({
      ...handlers(REPORT),
      Me: meHandler(STAFF_ME),
      EditionParticipants: () => ({ data: { editionParticipants: [] } }),
      ReportShell: async (v: Record<string, unknown>) => {
        const shell = (await shellHandler()(v)) as { data: Record<string, unknown> };
        return { data: { ...shell.data, edition: { name: 'KSP 2025', status } } };
      },
    });
    renderApp({ path: '/rapport/2025/alfa', handlers: staffHandlers('FIELDWORK') });
    expect(
      await screen.findByText(
        'Foreløpige resultater – KSP 2025 er i feltarbeid. Bare godkjente besvarelser teller, og tallene endrer seg til utgaven er publisert.',
      ),
    ).toBeTruthy();
    cleanup();
    renderApp({ path: '/rapport/2025/alfa', handlers: staffHandlers('REVIEW') });
    expect(await screen.findByText(/KSP 2025 er i kontroll\./)).toBeTruthy();
    cleanup();
    renderApp({ path: '/rapport/2025/alfa', handlers: staffHandlers('PUBLISHED') });
    expect(await screen.findByRole('heading', { level: 2, name: 'Oversikt' })).toBeTruthy();
    expect(screen.queryByText(/Foreløpige resultater/)).toBeNull();
  });

  it('shows the total, ranks, class mean and last year in Norwegian format', async () => {
    const { calls } = renderApp({ path: '/rapport/2024/alfa', handlers: handlers(REPORT) });
    expect(await screen.findByRole('heading', { level: 2, name: 'Oversikt' })).toBeTruthy();
    const kpi = (name: string) => screen.getByText(name, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(kpi('Totalt')).toBe('72,36\u00a0%');
    expect(kpi('Plass totalt')).toBe('91 av 192');
    expect(kpi('Plass i klassen')).toBe('2 av 2');
    expect(kpi('Snitt i klassen')).toBe('74,13\u00a0%');
    expect(kpi('I fjor')).toBe('71,38\u00a0%▲ +0,98 prosentpoeng');
    expect(calls.find((c) => c.operationName === 'OverviewChapter')?.variables).toEqual(firstViewOf('OverviewChapter'));
    expect(calls.find((c) => c.operationName === 'ClassRanks')?.variables).toEqual(firstViewOf('ClassRanks'));
    expect(calls.find((c) => c.operationName === 'ReportShell')?.variables).toEqual(firstViewOf('ReportShell'));
  });

  it('says how sure the total and its ranks are, in words', async () => {
    renderApp({ path: '/rapport/2024/alfa', handlers: handlers(REPORT) });
    const certainty = within(await screen.findByRole('region', { name: 'Hvor sikkert er resultatet?' }));
    expect(certainty.getAllByRole('paragraph').map((p) => p.textContent)).toEqual([
      'Totalen på 72,36 % bygger på et utvalg henvendelser. Med 95 % sikkerhet ligger den mellom 67,66 % og 77,06 %.',
      'Plass 91 av 192 totalt. Med 95 % sikkerhet hører dere hjemme på plass 58–141.',
      'Plass 2 av 2 i klassen Bank. Med 95 % sikkerhet hører dere hjemme på plass 2 i klassen.',
      'Ingen i klassen er statistisk likt med dere: plassen i klassen er sikker.',
    ]);
  });

  it('reads the data in words', async () => {
    renderApp({ path: '/rapport/2024/alfa', handlers: handlers(REPORT) });
    const reading = within(await screen.findByRole('region', { name: 'Kort fortalt' }));
    expect(reading.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Sterkeste område: Svar- og ventetid med 88,00\u00a0%.',
      'Svakest mot klassen: Mottak og velkomst, 2,70 prosentpoeng under snittet i klassen.',
      'Svakeste prestasjon: «Ga kundebehandleren nyttig tilleggsinformasjon?» med 50,00\u00a0%.',
      'Kanalen med størst spredning: E-post (standardavvik 15,81).',
    ]);
  });

  it('offers each chart as a table with the exact numbers', async () => {
    renderApp({ path: '/rapport/2024/alfa', handlers: handlers(REPORT) });
    const figure = await screen.findByRole('figure', { name: 'Totalt per kanal' });
    expect(within(figure).getByRole('img', { name: 'Totalt per kanal' })).toBeTruthy();
    fireEvent.click(within(figure).getByRole('button', { name: 'Vis som tabell' }));
    const rows = within(within(figure).getByRole('table'))
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toEqual(['KanalTotalt', 'Telefon78,95\u00a0%', 'E-post71,43\u00a0%']);
  });

  it('narrows to the channel in the URL and says so', async () => {
    const { calls } = renderApp({ path: '/rapport/2024/alfa?kanal=EMAIL', handlers: handlers(REPORT) });
    expect(await screen.findByText('Kun E-post')).toBeTruthy();
    expect(calls.find((c) => c.operationName === 'OverviewChapter')?.variables).toMatchObject({ channel: 'EMAIL' });
    expect((screen.getByLabelText('Kanal') as HTMLSelectElement).value).toBe('EMAIL');
  });

  it('marks a withheld figure in words and shows the rest', async () => {
    const withheld = {
      ...REPORT,
      byChannel: [
        { channel: 'PHONE' as const, total: 78.9516 },
        { channel: 'EMAIL' as const, total: null },
      ],
    };
    renderApp({
      path: '/rapport/2024/alfa',
      handlers: handlers(withheld, [fieldError('TOO_FEW_INQUIRIES', ['participation', 'report', 'byChannel', 1, 'total'])]),
    });
    const figure = await screen.findByRole('figure', { name: 'Totalt per kanal' });
    fireEvent.click(within(figure).getByRole('button', { name: 'Vis som tabell' }));
    expect(within(figure).getByText('For få henvendelser til å vises')).toBeTruthy();
    expect(within(figure).getByText(/^78,95\s%$/)).toBeTruthy();
  });
});

describe('partial data with another failure', () => {
  it('shows what came and says once that some figures are missing', async () => {
    const broken = { ...REPORT, lastYearTotal: null };
    renderApp({
      path: '/rapport/2024/alfa',
      handlers: handlers(broken, [
        { message: 'x', path: ['participation', 'report', 'lastYearTotal'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      ]),
    });
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Noen tall kunne ikke hentes og mangler nedenfor. Prøv å laste siden på nytt.');
    expect(screen.getByText('Totalt', { selector: 'dt' }).nextElementSibling?.textContent).toBe('72,36\u00a0%');
  });
});

describe('the overview narrowed to a channel', () => {
  // E-mail at 51.90 % against the own 72.36 % over all channels; the class (74.13 %) is all channels.
  const EMAIL: OverviewReport = {
    ...REPORT,
    total: 51.9,
    lastYearTotal: null,
    byChannel: [{ channel: 'EMAIL', total: 51.9 }],
    areas: [
      { area: 'RESPONSE_TIME', score: 90, classBenchmark: { mean: 79.78 } },
      { area: 'RECEPTION', score: 60, classBenchmark: { mean: 80.03 } },
      { area: 'AGENT', score: 45.5, classBenchmark: { mean: 72.19 } },
      { area: 'OVERALL', score: 43.39, classBenchmark: { mean: 75.19 } },
    ],
    performances: [{ code: 'AGT_EXTRA', text: 'Ga kundebehandleren nyttig tilleggsinformasjon?', scored: true, score: 20, classScore: 80 }],
    variation: { byChannel: [{ channel: 'EMAIL', spread: { stdDev: 15.81, count: 8 } }] },
  };
  const ALL: AllChannels = {
    total: 72.35984,
    lastYearTotal: 71.37946,
    areas: [
      { area: 'RESPONSE_TIME', score: 88 },
      { area: 'RECEPTION', score: 77.33 },
      { area: 'AGENT', score: 70.04 },
      { area: 'OVERALL', score: 73.33 },
    ],
    performances: [{ code: 'AGT_EXTRA', score: 50 }],
  };

  it('labels every class figure as all channels, and the own total on the channel and over all', async () => {
    const { calls } = renderApp({ path: '/rapport/2024/alfa?kanal=EMAIL', handlers: handlers(EMAIL, undefined, ALL) });
    expect(await screen.findByText('Kun E-post')).toBeTruthy();
    const kpi = (name: string) => screen.getByText(name, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(kpi('Totalt, E-post')).toBe('51,90\u00a0%');
    expect(kpi('Totalt, alle kanaler')).toBe('72,36\u00a0%');
    expect(kpi('Snitt i klassen (alle kanaler)')).toBe('74,13\u00a0%');
    expect(kpi('Plass totalt (alle kanaler)')).toBe('91 av 192');
    expect(kpi('Plass i klassen (alle kanaler)')).toBe('2 av 2');
    // It took part last year (over all channels), only not on e-mail: not "did not take part".
    expect(kpi('I fjor, E-post')).toBe('Ikke testet på E-post i fjor');
    expect(screen.queryByText('Deltok ikke i fjor')).toBeNull();
    expect(screen.queryByText('Snitt i klassen', { selector: 'dt' })).toBeNull();
    expect(calls.find((c) => c.operationName === 'OverviewChapter')?.variables).toMatchObject({ channel: 'EMAIL', narrowed: true });
    expect(screen.getByRole('figure', { name: 'Totalt mot klassen Bank (alle kanaler)' })).toBeTruthy();
  });

  it('reads the channel against the own figures over all channels, never against the class', async () => {
    renderApp({ path: '/rapport/2024/alfa?kanal=EMAIL', handlers: handlers(EMAIL, undefined, ALL) });
    const reading = within(await screen.findByRole('region', { name: 'Kort fortalt' }));
    expect(reading.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'E-post: 51,90\u00a0%, 20,46 prosentpoeng under egen total for alle kanaler (72,36\u00a0%).',
      'Sterkeste område på E-post: Svar- og ventetid med 90,00\u00a0%.',
      // OVERALL: 73.33 − 43.39 = 29.94 below the own all-channel score, the widest gap.
      'Svakest på E-post mot egne resultater for alle kanaler: Totalinntrykk, 29,94 prosentpoeng under.',
      'Svakeste prestasjon på E-post: «Ga kundebehandleren nyttig tilleggsinformasjon?» med 20,00\u00a0% (alle kanaler: 50,00\u00a0%).',
    ]);
    expect(reading.queryByText(/klassen/)).toBeNull();
  });

  it('sets the channel beside the own all-channel figures in its charts, the class said to be all channels', async () => {
    renderApp({ path: '/rapport/2024/alfa?kanal=EMAIL', handlers: handlers(EMAIL, undefined, ALL) });
    const channels = await screen.findByRole('figure', { name: 'E-post mot alle kanaler' });
    fireEvent.click(within(channels).getByRole('button', { name: 'Vis som tabell' }));
    expect(
      within(within(channels).getByRole('table'))
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['KanalTotalt', 'E-post51,90\u00a0%', 'Alle kanaler72,36\u00a0%']);
    const areas = screen.getByRole('figure', { name: 'Områdene: E-post mot alle kanaler' });
    fireEvent.click(within(areas).getByRole('button', { name: 'Vis som tabell' }));
    expect(within(within(areas).getByRole('table')).getAllByRole('row')[0]!.textContent).toBe(
      'OmråderAlfa Bank, E-postAlfa Bank, alle kanalerSnitt i klassen (alle kanaler)',
    );
  });
});

describe('a channel the company was not tested on', () => {
  it('says so instead of empty charts, offers the channels it was tested on, and keeps the choice in the dropdown', async () => {
    const { calls } = renderApp({ path: '/rapport/2024/alfa?kanal=MESSENGER', handlers: handlers(REPORT) });
    expect(await screen.findByRole('heading', { level: 2, name: 'Ikke testet på Messenger' })).toBeTruthy();
    expect(screen.getByText('Alfa Bank ble ikke testet på Messenger i KSP 2024, så det finnes ingen tall for denne kanalen.')).toBeTruthy();
    const links = within(screen.getByRole('region', { name: 'Ikke testet på Messenger' })).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Telefon', '/rapport/2024/alfa?kanal=PHONE'],
      ['E-post', '/rapport/2024/alfa?kanal=EMAIL'],
      ['Alle kanaler', '/rapport/2024/alfa'],
    ]);
    const select = screen.getByLabelText('Kanal') as HTMLSelectElement;
    expect(select.value).toBe('MESSENGER');
    expect(select.selectedOptions[0]!.textContent).toBe('Messenger (ikke testet)');
    // No empty chapter behind it.
    expect(screen.queryByRole('region', { name: 'Kort fortalt' })).toBeNull();
    expect(calls.some((c) => c.operationName === 'OverviewChapter')).toBe(false);

    fireEvent.click(links[1]!);
    expect(await screen.findByText('Kun E-post')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Ikke testet på Messenger' })).toBeNull();
    expect((screen.getByLabelText('Kanal') as HTMLSelectElement).value).toBe('EMAIL');
  });
});
