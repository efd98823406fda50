import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { renderApp } from '@web/test/renderApp';
import { chartTexts, useChartEnvironment } from '@web/test/chartEnv';
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
      uncertainty: { low: 66.5, high: 78.22 },
      areas: areas(70),
      // 2023 → 2024 like for like: 70,50 % → 73,25 % on the 38 scored questions both asked; 2024
      // added one question and rescored another. 2022 has no edition before it.
      likeForLike: {
        previousYear: 2023,
        previousTotal: 70.5,
        total: 73.25,
        commonQuestions: 38,
        questionnaireChanged: true,
        addedQuestions: ['AGT_SUMMARY'],
        removedQuestions: [],
        changedQuestions: ['OVR_BUY'],
      },
      history: [
        {
          year: 2023,
          className: 'Bank',
          total: 71.38,
          uncertainty: { low: 65.01, high: 77.75 },
          areas: areas(68),
          likeForLike: {
            previousYear: 2022,
            previousTotal: 68.1,
            total: 71.38,
            commonQuestions: 40,
            questionnaireChanged: false,
            addedQuestions: [],
            removedQuestions: [],
            changedQuestions: [],
          },
        },
        { year: 2022, className: 'Finans', total: 68.1, uncertainty: { low: null, high: null }, areas: areas(60), likeForLike: null },
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
    expect(rows.map((r) => r.slice(0, 4))).toEqual([
      ['Utgave', 'Klasse', 'Totalt', '95 %-intervall for totalen'],
      ['2022', 'Finans', '68,10\u00a0%', '–'],
      ['2023', 'Bank', '71,38\u00a0%', '65,01–77,75\u00a0%'],
      ['2024', 'Bank', '72,36\u00a0%', '66,50–78,22\u00a0%'],
    ]);
    expect(rows[3]?.[6]).toBe('65,00\u00a0%');
  });

  it('shows beside the published totals each pair like for like, and where the questionnaire changed, in the chart and its table', async () => {
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
    const texts = await chartTexts(figure);
    expect(texts).toContain('Likt grunnlag');
    expect(texts).toContain('Spørreskjema endret');
    // The note says what each mark drawn means: the dashed pairs, the band, the vertical line.
    const note = figure.querySelector('figcaption')!.textContent!;
    expect(note).toMatch(/^Stiplet linje: to påfølgende utgaver regnet om/);
    expect(note).toContain('Skravert felt: 95 %-intervallet for totalen.');
    expect(note).toMatch(/Prikket loddrett strek: spørreskjemaet ble endret det året\.$/);
    fireEvent.click(within(figure).getByRole('button', { name: 'Vis som tabell' }));
    const rows = within(within(figure).getByRole('table'))
      .getAllByRole('row')
      .map((r) => [...r.children].map((c) => c.textContent));
    expect(rows.map((r) => [r[0], ...r.slice(-2)])).toEqual([
      ['Utgave', 'Likt grunnlag med utgaven før', 'Spørreskjemaet'],
      ['2022', '–', '–'],
      ['2023', '2022: 68,10\u00a0% → 71,38\u00a0% (40 felles spørsmål)', 'Uendret'],
      ['2024', '2023: 70,50\u00a0% → 73,25\u00a0% (38 felles spørsmål)', 'Endret: 1 nytt spørsmål, 1 endret'],
    ]);
  });

  it('says so where the edition before was not bought and the comparison is refused', async () => {
    renderApp({
      path: '/rapport/2024/alfa/historikk',
      handlers: {
        Me: meHandler(KONKURRENT_ME),
        Editions: EDITIONS_HANDLER,
        ReportShell: shellHandler(),
        HistoryChapter: () => ({
          data: { participation: { ...DATA.participation!, report: { ...DATA.participation!.report!, likeForLike: null } } },
          errors: [
            {
              message: 'The like-for-like comparison of ALFA, KSP 2023 is not available to you.',
              path: ['participation', 'report', 'likeForLike'],
              extensions: { code: 'FORBIDDEN' },
            },
          ],
        }),
      },
    });
    const figure = await screen.findByRole('figure', { name: 'Utviklingen over år' });
    // Only 2024 changed its questionnaire, and its comparison is refused: no vertical line, and none explained.
    expect(figure.querySelector('figcaption')!.textContent).not.toContain('loddrett');
    fireEvent.click(within(figure).getByRole('button', { name: 'Vis som tabell' }));
    const last = within(within(figure).getByRole('table')).getAllByRole('row').at(-1)!;
    expect([...last.children].slice(-2).map((c) => c.textContent)).toEqual(['Ikke tilgjengelig for deg', 'Ikke tilgjengelig for deg']);
  });
});
