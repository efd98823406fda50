import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '@web/test/renderApp';
import { useChartEnvironment } from '@web/test/chartEnv';
import { EDITIONS_HANDLER, fieldError, KONKURRENT_ME, meHandler, shellHandler, firstViewOf } from '@web/test/fixtures';
import type { CompetitorsChapterQuery } from '@web/graphql/generated/graphql';

type CompetitorsReport = NonNullable<NonNullable<CompetitorsChapterQuery['participation']>['report']>;

const OWN_CX = {
  csatMean: 3.84,
  csatTop2Share: 68,
  cesMean: 5.96,
  nps: -12,
  ves1Mean: 5.04,
  ves2Mean: 4.52,
  csatAnswers: 25,
  cesAnswers: 25,
  npsAnswers: 25,
  ves1Answers: 25,
  ves2Answers: 24,
};
const BETA_CX = {
  csatMean: 4.1,
  csatTop2Share: 75,
  cesMean: null,
  nps: 20,
  ves1Mean: 5.5,
  ves2Mean: 5.25,
  csatAnswers: 20,
  cesAnswers: null,
  npsAnswers: 20,
  ves1Answers: 20,
  ves2Answers: 20,
};
const REPORT: CompetitorsReport = {
  total: 72.36,
  byChannel: [
    { channel: 'PHONE', total: 78.95 },
    { channel: 'EMAIL', total: 71.43 },
  ],
  areas: [{ area: 'AGENT', score: 70.04 }],
  categories: [
    { category: 'ACCESSIBILITY', score: 64.5 },
    { category: 'SALES', score: 58.25 },
  ],
  cx: OWN_CX,
  competitors: [
    {
      company: { slug: 'beta', name: 'Beta Sparebank' },
      report: {
        total: 83.71,
        byChannel: [
          { channel: 'PHONE', total: null },
          { channel: 'EMAIL', total: 79.6 },
        ],
        areas: [{ area: 'AGENT', score: 82.1 }],
        categories: [
          { category: 'ACCESSIBILITY', score: 71.2 },
          { category: 'SALES', score: null },
        ],
        cx: BETA_CX,
      },
    },
  ],
};

useChartEnvironment();
beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('the competitors chapter', () => {
  it('puts the own figures and each competitor side by side, a channel with too few inquiries said in words', async () => {
    const { calls } = renderApp({
      path: '/rapport/2024/alfa/konkurrenter',
      handlers: {
        Me: meHandler(KONKURRENT_ME),
        Editions: EDITIONS_HANDLER,
        ReportShell: shellHandler(),
        CompetitorsChapter: () => ({
          data: { participation: { report: REPORT } },
          errors: [fieldError('TOO_FEW_INQUIRIES', ['participation', 'report', 'competitors', 0, 'report', 'byChannel', 0, 'total'])],
        }),
      },
    });
    const figure = await screen.findByRole('figure', { name: 'Totalt per kanal, dere og konkurrentene' });
    fireEvent.click(within(figure).getByRole('button', { name: 'Vis som tabell' }));
    const rows = within(within(figure).getByRole('table'))
      .getAllByRole('row')
      .map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Kanal', 'Alfa Bank', 'Beta Sparebank'],
      ['Telefon', '78,95\u00a0%', 'For få henvendelser til å vises'],
      ['E-post', '71,43\u00a0%', '79,60\u00a0%'],
    ]);
    expect(screen.getByRole('link', { name: 'Åpne Beta Sparebank' }).getAttribute('href')).toBe('/rapport/2024/beta');
    // The query never asks for another company's tier.
    expect(calls.find((c) => c.operationName === 'CompetitorsChapter')?.variables).toEqual(firstViewOf('CompetitorsChapter'));
  });

  it('puts the categories and CX side by side too, a withheld cell said in words in chart and table', async () => {
    const beta = ['participation', 'report', 'competitors', 0, 'report'];
    renderApp({
      path: '/rapport/2024/alfa/konkurrenter',
      handlers: {
        Me: meHandler(KONKURRENT_ME),
        Editions: EDITIONS_HANDLER,
        ReportShell: shellHandler(),
        CompetitorsChapter: () => ({
          data: { participation: { report: REPORT } },
          errors: [
            fieldError('TOO_FEW_INQUIRIES', [...beta, 'byChannel', 0, 'total']),
            fieldError('TOO_FEW_INQUIRIES', [...beta, 'categories', 1, 'score']),
            fieldError('TOO_FEW_INQUIRIES', [...beta, 'cx', 'cesMean']),
            fieldError('TOO_FEW_INQUIRIES', [...beta, 'cx', 'cesAnswers']),
          ],
        }),
      },
    });
    const categories = await screen.findByRole('figure', { name: 'Kategoriene, dere og konkurrentene' });
    // The chart writes the withheld SALES bar as words, not as a bar of 0.
    await waitFor(() => expect([...categories.querySelectorAll('svg text')].map((e) => e.textContent)).toContain('for få henvendelser'));
    // The SALES row: the own bar's value and the competitor's word, nothing drawn as 0.
    expect([...categories.querySelectorAll('svg text')].map((e) => e.textContent)).not.toContain('0,0\u00a0%');
    fireEvent.click(within(categories).getByRole('button', { name: 'Vis som tabell' }));
    const rows = (figure: HTMLElement) =>
      within(within(figure).getByRole('table'))
        .getAllByRole('row')
        .map((r) => [...r.children].map((c) => c.textContent));
    expect(rows(categories)).toEqual([
      ['Kategori', 'Alfa Bank', 'Beta Sparebank'],
      ['Tilgjengelighet', '64,50\u00a0%', '71,20\u00a0%'],
      ['Interesse', '–', '–'],
      ['Kommunikasjon', '–', '–'],
      ['Kompetanse', '–', '–'],
      ['Salg', '58,25\u00a0%', 'For få henvendelser til å vises'],
    ]);
    const cx = screen.getByRole('figure', { name: 'CX-snittene, dere og konkurrentene' });
    fireEvent.click(within(cx).getByRole('button', { name: 'Vis som tabell' }));
    expect(rows(cx)).toEqual([
      ['Mål', 'Alfa Bank', 'Beta Sparebank'],
      ['CSAT, snitt (1–5)', '3,8425 svar', '4,1020 svar'],
      ['CSAT, andel 4–5', '68,00\u00a0%25 svar', '75,00\u00a0%20 svar'],
      ['CES, snitt (1–7)', '5,9625 svar', 'For få henvendelser til å vises'],
      ['NPS (−100 til 100)', '−1225 svar', '2020 svar'],
      ['VES(1), snitt (1–7)', '5,0425 svar', '5,5020 svar'],
      ['VES(2), snitt (1–7)', '4,5224 svar', '5,2520 svar'],
    ]);
  });
});
