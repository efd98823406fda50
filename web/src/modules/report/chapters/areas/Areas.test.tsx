import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '@web/test/renderApp';
import { chartTexts, useChartEnvironment } from '@web/test/chartEnv';
import { EDITIONS_HANDLER, fieldError, KONKURRENT_ME, meHandler, shellHandler, firstViewOf } from '@web/test/fixtures';
import type { AreaChapterQuery, PerformanceDistributionQuery } from '@web/graphql/generated/graphql';

type AreaReport = NonNullable<NonNullable<AreaChapterQuery['participation']>['report']>;
type DistributionReport = NonNullable<NonNullable<PerformanceDistributionQuery['participation']>['report']>;

const AREA: AreaReport = {
  areas: [
    {
      area: 'AGENT',
      score: 70.0419,
      byChannel: [
        { channel: 'PHONE', score: 77.21 },
        { channel: 'EMAIL', score: 68.54 },
      ],
      classBenchmark: {
        mean: 72.19,
        members: [
          { company: { slug: 'beta', name: 'Beta Sparebank' }, score: 82.14 },
          { company: { slug: 'alfa', name: 'Alfa Bank' }, score: 70.0419 },
        ],
      },
    },
  ],
  performances: [
    {
      code: 'AGT_NEEDS',
      text: 'Stilte kundebehandleren spørsmål om behovet?',
      shortLabel: 'Behovsavdekking',
      scored: true,
      score: 58,
      maxPoints: 6,
      answers: 25,
      byChannel: [
        { channel: 'PHONE', score: 76.9, answers: 13 },
        { channel: 'EMAIL', score: 50, answers: 8 },
      ],
    },
    {
      code: 'AGT_MORE',
      text: 'Spurte om du hadde flere spørsmål?',
      shortLabel: 'Flere spørsmål',
      scored: true,
      score: null,
      maxPoints: 3,
      answers: 9,
      byChannel: [{ channel: 'PHONE', score: 100, answers: 9 }],
    },
  ],
};

const DISTRIBUTION: DistributionReport = {
  performances: [
    {
      code: 'AGT_NEEDS',
      text: 'Stilte kundebehandleren spørsmål om behovet?',
      answers: 25,
      options: [
        { code: 'A', label: 'Ja, flere gode spørsmål', points: 6, notApplicable: false, count: 8, share: 32 },
        { code: 'C', label: 'Nei', points: 0, notApplicable: false, count: 4, share: 16 },
      ],
    },
  ],
};

const handlers = {
  Me: meHandler(KONKURRENT_ME),
  Editions: EDITIONS_HANDLER,
  ReportShell: shellHandler(),
  // A competitor-style withheld score and count, as the server will send them.
  AreaChapter: () => ({
    data: { participation: { report: AREA } },
    errors: [fieldError('TOO_FEW_INQUIRIES', ['participation', 'report', 'performances', 1, 'score'])],
  }),
  PerformanceDistribution: () => ({ data: { participation: { report: DISTRIBUTION } } }),
};

useChartEnvironment();
beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('an area chapter', () => {
  it('shows the area score, the class mean and each channel, narrowed by area in the query', async () => {
    const { calls } = renderApp({ path: '/rapport/2024/alfa/omrader/AGENT', handlers });
    expect(await screen.findByRole('heading', { level: 2, name: 'Kundebehandleren' })).toBeTruthy();
    const kpi = (name: string) => screen.getByText(name, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(kpi('Snitt i klassen')).toBe('72,19\u00a0%');
    expect(kpi('Telefon')).toBe('77,21\u00a0%');
    expect(calls.find((c) => c.operationName === 'AreaChapter')?.variables).toEqual(firstViewOf('AreaChapter', (v) => v.area === 'AGENT'));
    expect(screen.getByRole('link', { name: 'Kundebehandleren' }).getAttribute('aria-current')).toBe('page');
  });

  it('lists the performances, marking a withheld score in words', async () => {
    renderApp({ path: '/rapport/2024/alfa/omrader/AGENT', handlers });
    const table = within(await screen.findByRole('table'));
    const row = table.getByRole('row', { name: /flere spørsmål/ });
    expect(within(row).getByText('For få henvendelser til å vises')).toBeTruthy();
    expect(table.getByRole('row', { name: /behovet/ }).textContent).toContain('58,00\u00a0%');
  });

  it('opens a performance’s answer distribution on demand, kept in the URL', async () => {
    const { calls, location } = renderApp({ path: '/rapport/2024/alfa/omrader/AGENT', handlers });
    const row = within(await screen.findByRole('table')).getByRole('row', { name: /behovet/ });
    expect(calls.some((c) => c.operationName === 'PerformanceDistribution')).toBe(false);
    fireEvent.click(within(row).getByRole('button', { name: 'Vis svarfordeling' }));
    await waitFor(() => expect(location()).toBe('/rapport/2024/alfa/omrader/AGENT?prestasjon=AGT_NEEDS'));
    const distribution = await screen.findByRole('table', { name: 'Svarfordeling: Stilte kundebehandleren spørsmål om behovet?' });
    expect(
      within(distribution)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['SvaralternativPoengAntallAndel', 'Ja, flere gode spørsmål6832,0\u00a0%', 'Nei0416,0\u00a0%']);
    expect(screen.getByRole('link', { name: 'Se besvarelsene bak' }).getAttribute('href')).toBe(
      '/rapport/2024/alfa/besvarelser?sporsmal=AGT_NEEDS',
    );
  });

  it('marks a heatmap cell "for få henvendelser" only where it was withheld, a question not asked on a channel "–"', async () => {
    // AGT_NEEDS on e-mail withheld as a competitor's small cell; AGT_MORE is not asked on e-mail.
    const withheld = {
      ...AREA,
      performances: AREA.performances.map((p, i) =>
        i === 0 ? { ...p, byChannel: [p.byChannel[0]!, { channel: 'EMAIL' as const, score: null, answers: null }] } : p,
      ),
    };
    renderApp({
      path: '/rapport/2024/alfa/omrader/AGENT',
      handlers: {
        ...handlers,
        AreaChapter: () => ({
          data: { participation: { report: withheld } },
          errors: ['score', 'answers'].map((f) =>
            fieldError('TOO_FEW_INQUIRIES', ['participation', 'report', 'performances', 0, 'byChannel', 1, f]),
          ),
        }),
      },
    });
    const figure = await screen.findByRole('figure', { name: 'Prestasjoner per kanal' });
    // The chart's cell labels (SVG text), row by row.
    const labels = (await chartTexts(figure)).filter((x) => /%|–|henvendelser|svar/.test(x ?? ''));
    expect(labels).toEqual(['76,90\u00a0%', 'for få henvendelser', '100,00\u00a0%', '–']);
    fireEvent.click(within(figure).getByRole('button', { name: 'Vis som tabell' }));
    const rows = within(within(figure).getByRole('table'))
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toEqual([
      'PrestasjonTelefonE-post',
      'Stilte kundebehandleren spørsmål om behovet?76,90\u00a0% (13)for få henvendelser',
      'Spurte om du hadde flere spørsmål?100,00\u00a0% (9)–',
    ]);
  });

  it('names the heatmap rows by short label, the full text in the table, and leaves out a question asked only on an untested channel', async () => {
    // Chat-only question, the company not tested on chat: no figure anywhere, so no row of "–".
    const chatOnly = {
      code: 'RT_WAIT_CHAT',
      text: 'Hvor lang tid tok det før en kundebehandler svarte i chatten?',
      shortLabel: 'Ventetid chat',
      scored: true,
      score: null,
      maxPoints: 2,
      answers: 0,
      byChannel: [],
    };
    renderApp({
      path: '/rapport/2024/alfa/omrader/AGENT',
      handlers: {
        ...handlers,
        AreaChapter: () => ({
          data: { participation: { report: { ...AREA, performances: [...AREA.performances, chatOnly] } } },
        }),
      },
    });
    const figure = await screen.findByRole('figure', { name: 'Prestasjoner per kanal' });
    const texts = await chartTexts(figure);
    expect(texts).toEqual(expect.arrayContaining(['Behovsavdekking', 'Flere spørsmål']));
    expect(texts.some((x) => /Ventetid chat|Stilte kundebehandleren/.test(x ?? ''))).toBe(false);
    fireEvent.click(within(figure).getByRole('button', { name: 'Vis som tabell' }));
    const rows = within(within(figure).getByRole('table'))
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toEqual([
      'PrestasjonTelefonE-post',
      'Stilte kundebehandleren spørsmål om behovet?76,90\u00a0% (13)50,00\u00a0% (8)',
      'Spurte om du hadde flere spørsmål?100,00\u00a0% (9)–',
    ]);
  });

  it('shows the gap to the class by arrow and sign, and sorts by it from the column header', async () => {
    const performances: AreaReport['performances'] = [
      { ...AREA.performances[0]!, classScore: 70.4 },
      {
        code: 'AGT_CHOICE',
        text: 'Hvilken kanal foretrakk du?',
        shortLabel: 'Foretrukket kanal',
        scored: false,
        score: null,
        classScore: null,
        maxPoints: null,
        answers: 25,
        byChannel: [],
      },
      { ...AREA.performances[1]!, score: 95, classScore: 90 },
      {
        code: 'AGT_PHONE',
        text: 'Tilbød kundebehandleren å ringe?',
        shortLabel: 'Tilbud om å ringe',
        scored: true,
        score: 81.25,
        classScore: 60,
        maxPoints: 4,
        answers: 16,
        byChannel: [],
      },
    ];
    renderApp({
      path: '/rapport/2024/alfa/omrader/AGENT',
      handlers: { ...handlers, AreaChapter: () => ({ data: { participation: { report: { ...AREA, performances } } } }) },
    });
    const table = within(await screen.findByRole('table'));
    const header = table.getByRole('columnheader', { name: /Mot klassen/ });
    const order = () =>
      table
        .getAllByRole('row')
        .slice(1)
        .map((r) => {
          const cells = [...r.children].map((c) => c.textContent);
          return `${cells[0]!.slice(0, 12)} | ${cells[3]}`;
        });
    const questionnaire = [
      'Stilte kunde | ▼ −12,40\u00a0p.p.',
      'Hvilken kana | –',
      'Spurte om du | ▲ +5,00\u00a0p.p.',
      'Tilbød kunde | ▲ +21,25\u00a0p.p.',
    ];
    expect(order()).toEqual(questionnaire);
    expect(header.getAttribute('aria-sort')).toBeNull();
    expect(table.getByText(/▼ −12,40/).className).toBe('gap gap--below');

    const sort = within(header).getByRole('button', { name: 'Mot klassen' });
    fireEvent.click(sort);
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(order()).toEqual([questionnaire[0], questionnaire[2], questionnaire[3], questionnaire[1]]);
    fireEvent.click(sort);
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(order()).toEqual([questionnaire[3], questionnaire[2], questionnaire[0], questionnaire[1]]);
    fireEvent.click(sort);
    expect(header.getAttribute('aria-sort')).toBeNull();
    expect(order()).toEqual(questionnaire);
  });

  it('leaves the gap out narrowed to a channel, where the class figure is over all channels', async () => {
    renderApp({ path: '/rapport/2024/alfa/omrader/AGENT?kanal=PHONE', handlers });
    const table = within(await screen.findByRole('table'));
    expect(table.getAllByRole('columnheader').map((h) => h.textContent)).not.toContain('Mot klassen');
    expect(screen.getByText(/vises bare for alle kanaler samlet/)).toBeTruthy();
  });

  it('gives the not-found page for an unknown area', async () => {
    renderApp({ path: '/rapport/2024/alfa/omrader/CX', handlers });
    expect(await screen.findByRole('heading', { name: 'Fant ikke siden' })).toBeTruthy();
  });
});
