import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { renderApp } from '@web/test/renderApp';
import { useChartEnvironment } from '@web/test/chartEnv';
import {
  COMPETITOR_ABILITIES,
  EDITIONS_HANDLER,
  fieldError,
  KONKURRENT_ME,
  meHandler,
  shellHandler,
  firstViewOf,
} from '@web/test/fixtures';
import type { VariationChapterQuery } from '@web/graphql/generated/graphql';

type VariationReport = NonNullable<NonNullable<VariationChapterQuery['participation']>['report']>;

const spread = (mean: number, stdDev: number, count: number, order = true) => ({
  count,
  mean,
  stdDev,
  ...(order ? { min: mean - 30, q1: mean - 10, median: mean, q3: mean + 10, max: Math.min(100, mean + 20) } : {}),
});

const OWN: VariationReport = {
  variation: {
    total: spread(72.21, 17.98, 25),
    byChannel: [
      { channel: 'PHONE', spread: spread(79, 13.8, 13) },
      { channel: 'EMAIL', spread: spread(71, 15.8, 12) },
    ],
    areas: [{ area: 'AGENT', spread: spread(70, 18, 22) }],
    widestPerformances: [
      {
        code: 'OVR_WEB',
        text: 'Ble du henvist til nettsiden?',
        shortLabel: 'Henvist til nettsiden',
        area: 'OVERALL',
        score: 55,
        stdDev: 44.9,
        answers: 22,
      },
    ],
  },
  inquiries: [
    { id: 'I-1', channel: 'PHONE', score: 95.45 },
    { id: 'I-2', channel: 'EMAIL', score: 37.89 },
  ],
  areas: [{ area: 'AGENT', inquiries: [{ id: 'I-1', score: 90 }] }],
};

useChartEnvironment();
beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('the variation chapter', () => {
  it('shows the spread of the own inquiries with lowest and highest, and a table per channel', async () => {
    const { calls } = renderApp({
      path: '/rapport/2024/alfa/variasjon',
      handlers: {
        Me: meHandler(KONKURRENT_ME),
        Editions: EDITIONS_HANDLER,
        ReportShell: shellHandler(),
        VariationChapter: () => ({ data: { participation: { report: OWN } } }),
      },
    });
    expect(await screen.findByRole('heading', { level: 2, name: 'Variasjon' })).toBeTruthy();
    const kpi = (name: string) => screen.getByText(name, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(kpi('Standardavvik')).toBe('17,98');
    expect(kpi('Laveste')).toBe('42,21\u00a0%');
    expect(calls.find((c) => c.operationName === 'VariationChapter')?.variables).toEqual(firstViewOf('VariationChapter'));
    const figure = screen.getByRole('figure', { name: 'Score per henvendelse, per kanal' });
    fireEvent.click(within(figure).getByRole('button', { name: 'Vis som tabell' }));
    const rows = within(within(figure).getByRole('table'))
      .getAllByRole('row')
      .map((r) => [...r.children].map((c) => c.textContent));
    expect(rows[0]).toEqual([
      'Gruppe',
      'Laveste',
      'Nedre kvartil',
      'Median',
      'Øvre kvartil',
      'Høyeste',
      'Snitt',
      'Standardavvik',
      'Henvendelser',
    ]);
    expect(rows[1]).toEqual([
      'Telefon',
      '49,00\u00a0%',
      '69,00\u00a0%',
      '79,00\u00a0%',
      '89,00\u00a0%',
      '99,00\u00a0%',
      '79,00\u00a0%',
      '13,80',
      '13',
    ]);
    // The single inquiries, lowest first, each a link (the keyboard's way to what the points open).
    const list = screen.getByText('Alle 2 henvendelser, lavest score først').closest('details')!;
    expect(
      within(list)
        .getAllByRole('link', { hidden: true })
        .map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      ['37,89\u00a0% – E-post – henvendelse I-2', '/rapport/2024/alfa/besvarelser/I-2'],
      ['95,45\u00a0% – Telefon – henvendelse I-1', '/rapport/2024/alfa/besvarelser/I-1'],
    ]);
  });

  it('asks a competitor for aggregates only and marks what is withheld', async () => {
    const competitor: VariationReport = {
      variation: {
        ...OWN.variation,
        total: spread(83.55, 11.3, 25, false),
        byChannel: [{ channel: 'EMAIL', spread: { count: 3, mean: null, stdDev: null } }],
        areas: [],
      },
    };
    const { calls } = renderApp({
      path: '/rapport/2024/beta/variasjon',
      handlers: {
        Me: meHandler(KONKURRENT_ME),
        Editions: EDITIONS_HANDLER,
        ReportShell: shellHandler('beta', 'Beta Sparebank', COMPETITOR_ABILITIES),
        VariationChapter: () => ({
          data: { participation: { report: competitor } },
          errors: [fieldError('TOO_FEW_INQUIRIES', ['participation', 'report', 'variation', 'byChannel', 0, 'spread', 'mean'])],
        }),
      },
    });
    expect(await screen.findByText(/Romben viser snittet/)).toBeTruthy();
    expect(calls.find((c) => c.operationName === 'VariationChapter')?.variables).toMatchObject({ own: false });
    expect(screen.queryByText('Laveste', { selector: 'dt' })).toBeNull();
    const figure = screen.getByRole('figure', { name: 'Score per henvendelse, per kanal' });
    fireEvent.click(within(figure).getByRole('button', { name: 'Vis som tabell' }));
    expect(within(figure).getByText('For få henvendelser til å vises')).toBeTruthy();
  });
});
