import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { renderApp } from '@web/test/renderApp';
import { useChartEnvironment } from '@web/test/chartEnv';
import { EDITIONS_HANDLER, KONKURRENT_ME, meHandler, shellHandler } from '@web/test/fixtures';
import type { HistoryChapterQuery } from '@web/graphql/generated/graphql';

const areas = (s: number) => [
  { area: 'RESPONSE_TIME' as const, score: s + 10 },
  { area: 'RECEPTION' as const, score: s },
  { area: 'AGENT' as const, score: s - 5 },
  { area: 'OVERALL' as const, score: s + 1 },
];
const DATA: HistoryChapterQuery = {
  participation: {
    className: 'Bank',
    report: {
      year: 2024,
      total: 72.36,
      areas: areas(70),
      history: [
        { year: 2023, className: 'Bank', total: 71.38, areas: areas(68) },
        { year: 2022, className: 'Finans', total: 68.1, areas: areas(60) },
      ],
    },
  },
};

useChartEnvironment();
beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('the history chapter', () => {
  it('lists every edition oldest first with total and areas', async () => {
    renderApp({
      path: '/rapport/2024/alfa/historikk',
      handlers: {
        Me: meHandler(KONKURRENT_ME),
        Editions: EDITIONS_HANDLER,
        ReportShell: shellHandler(),
        HistoryChapter: () => ({ data: DATA }),
      },
    });
    const figure = await screen.findByRole('figure', { name: 'Utviklingen over år' });
    fireEvent.click(within(figure).getByRole('button', { name: 'Vis som tabell' }));
    const rows = within(within(figure).getByRole('table'))
      .getAllByRole('row')
      .map((r) => [...r.children].map((c) => c.textContent));
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['Utgave', 'Klasse', 'Totalt'],
      ['2022', 'Finans', '68,10\u00a0%'],
      ['2023', 'Bank', '71,38\u00a0%'],
      ['2024', 'Bank', '72,36\u00a0%'],
    ]);
    expect(rows[3]?.[5]).toBe('65,00\u00a0%');
  });
});
