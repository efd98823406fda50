import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { renderApp } from '@web/test/renderApp';
import { useChartEnvironment } from '@web/test/chartEnv';
import { EDITIONS_HANDLER, KONKURRENT_ME, meHandler, shellHandler } from '@web/test/fixtures';
import type { CategoriesChapterQuery } from '@web/graphql/generated/graphql';

type Categories = NonNullable<NonNullable<CategoriesChapterQuery['participation']>['report']>['categories'];

const CATEGORIES: Categories = [
  {
    category: 'ACCESSIBILITY',
    score: 83.3,
    byChannel: [
      { channel: 'PHONE', score: 87.9 },
      { channel: 'EMAIL', score: 83.9 },
    ],
    classBenchmark: { mean: 77.4 },
  },
  { category: 'SALES', score: 62.5, byChannel: [{ channel: 'PHONE', score: 70.6 }], classBenchmark: { mean: 66.6 } },
];

useChartEnvironment();
beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('the categories chapter', () => {
  it('compares each category with the class mean and per channel, as chart and table', async () => {
    renderApp({
      path: '/rapport/2024/alfa/kategorier',
      handlers: {
        Me: meHandler(KONKURRENT_ME),
        Editions: EDITIONS_HANDLER,
        ReportShell: shellHandler(),
        CategoriesChapter: () => ({ data: { participation: { report: { categories: CATEGORIES } } } }),
      },
    });
    const first = await screen.findByRole('figure', { name: 'Kategoriene mot snittet i klassen' }, { timeout: 5000 });
    fireEvent.click(within(first).getByRole('button', { name: 'Vis som tabell' }));
    expect(
      within(within(first).getByRole('table'))
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['KategoriAlfa BankSnitt i klassen', 'Tilgjengelighet83,30\u00a0%77,40\u00a0%', 'Salg62,50\u00a0%66,60\u00a0%']);
    const second = screen.getByRole('figure', { name: 'Kategoriene per kanal' });
    fireEvent.click(within(second).getByRole('button', { name: 'Vis som tabell' }));
    expect(
      within(within(second).getByRole('table'))
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['KategoriTelefonE-post', 'Tilgjengelighet87,90\u00a0%83,90\u00a0%', 'Salg70,60\u00a0%–']);
  });
});
