import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { renderApp } from '@web/test/renderApp';
import { useChartEnvironment } from '@web/test/chartEnv';
import { EDITIONS_HANDLER, fieldError, KONKURRENT_ME, meHandler, shellHandler, firstViewOf } from '@web/test/fixtures';
import type { CxChapterQuery } from '@web/graphql/generated/graphql';

type CxReport = NonNullable<NonNullable<CxChapterQuery['participation']>['report']>['cx'];

const measures = (nps: number | null) => ({ csatMean: 3.84, csatTop2Share: 68, cesMean: 5.96, nps, ves1Mean: 5.04, ves2Mean: 4.52 });
const answers = (n: number | null, nps = n) => ({
  csatAnswers: n,
  cesAnswers: n,
  npsAnswers: nps,
  ves1Answers: n,
  ves2Answers: n === null ? null : n - 1,
});
const CX: CxReport = {
  ...measures(-12),
  ...answers(25),
  npsDistribution: { promoters: 6, passives: 10, detractors: 9, count: 25 },
  byChannel: [
    { channel: 'PHONE', ...measures(0), ...answers(13), npsDistribution: { promoters: 4, passives: 5, detractors: 4, count: 13 } },
    // The competitor's small e-mail cell: the measures and their counts withheld together.
    { channel: 'EMAIL', ...measures(null), ...answers(null), npsDistribution: { promoters: 2, passives: 5, detractors: 5, count: 12 } },
  ],
  classMean: measures(13),
};

useChartEnvironment();
beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('the CX chapter', () => {
  it('shows the five measures on their own scales, against the class and per channel, NPS with a real minus', async () => {
    const { calls } = renderApp({
      path: '/rapport/2024/alfa/cx',
      handlers: {
        Me: meHandler(KONKURRENT_ME),
        Editions: EDITIONS_HANDLER,
        ReportShell: shellHandler(),
        CxChapter: () => ({
          data: { participation: { report: { cx: CX } } },
          errors: [fieldError('TOO_FEW_INQUIRIES', ['participation', 'report', 'cx', 'byChannel', 1, 'nps'])],
        }),
      },
    });
    const table = within(await screen.findByRole('table', { name: 'CX – kundeopplevelse' }));
    const row = (name: string) =>
      [...table.getByRole('row', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) }).children].map((c) => c.textContent);
    expect(row('NPS (−100 til 100)')).toEqual(['NPS (−100 til 100)', '−1225 svar', '13', '013 svar', 'For få henvendelser til å vises']);
    expect(row('CSAT, andel 4–5')).toEqual([
      'CSAT, andel 4–5',
      '68,00\u00a0%25 svar',
      '68,00\u00a0%',
      '68,00\u00a0%13 svar',
      '68,00\u00a0%',
    ]);
    expect(row('CES, snitt (1–7)')[1]).toBe('5,9625 svar');
    expect(calls.find((c) => c.operationName === 'CxChapter')?.variables).toEqual(firstViewOf('CxChapter'));
  });

  it('shows the answers behind each measure beside it, withheld with the measure, and explains VES(1) and VES(2)', async () => {
    // Chat NPS −75 over 4 answers (own report): the small basis is read beside the figure.
    const cx: CxReport = {
      ...CX,
      byChannel: [
        {
          channel: 'CHAT',
          ...measures(-75),
          ...answers(4),
          ves1Answers: 1,
          npsDistribution: { promoters: 0, passives: 1, detractors: 3, count: 4 },
        },
        CX.byChannel[1]!,
      ],
    };
    renderApp({
      path: '/rapport/2024/alfa/cx',
      handlers: {
        Me: meHandler(KONKURRENT_ME),
        Editions: EDITIONS_HANDLER,
        ReportShell: shellHandler(),
        CxChapter: () => ({
          data: { participation: { report: { cx } } },
          errors: ['nps', 'npsAnswers'].map((f) => fieldError('TOO_FEW_INQUIRIES', ['participation', 'report', 'cx', 'byChannel', 1, f])),
        }),
      },
    });
    const table = within(await screen.findByRole('table', { name: 'CX – kundeopplevelse' }));
    const cells = (name: string) =>
      [...table.getByRole('row', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) }).children].slice(1);
    const nps = cells('NPS (−100 til 100)');
    // Own, class, chat, e-mail (withheld: neither figure nor count).
    expect(nps.map((c) => c.querySelector('.answers-count')?.textContent ?? null)).toEqual(['25 svar', null, '4 svar', null]);
    expect(nps[2]!.textContent).toBe('−754 svar');
    expect(nps[3]!.textContent).toBe('For få henvendelser til å vises');
    expect(cells('VES(1), snitt (1–7)')[2]!.querySelector('.answers-count')?.textContent).toBe('1 svar');
    expect(cells('VES(2), snitt (1–7)')[0]!.querySelector('.answers-count')?.textContent).toBe('24 svar');
    expect(screen.getByText(/^VES\(1\): om kunden etter kontakten er bedre i stand til å oppnå mer/)).toBeTruthy();
    expect(screen.getByText(/^VES\(2\): om kundens tillit til beslutningen om å kjøpe/)).toBeTruthy();
  });
});

describe('the CX chapter narrowed to a channel', () => {
  // The phone figures (NPS 0), the own over all channels (−12), the class over all channels (13).
  const PHONE: CxReport = {
    ...measures(0),
    ...answers(13),
    npsDistribution: { promoters: 4, passives: 5, detractors: 4, count: 13 },
    byChannel: [CX.byChannel[0]!],
    classMean: measures(13),
  };
  const ALL = { cx: { ...measures(-12), ...answers(25), npsDistribution: { promoters: 6, passives: 10, detractors: 9, count: 25 } } };

  it('sets the channel beside the own all-channel figures and the class, each labelled, and names the NPS rows truly', async () => {
    const { calls } = renderApp({
      path: '/rapport/2024/alfa/cx?kanal=PHONE',
      handlers: {
        Me: meHandler(KONKURRENT_ME),
        Editions: EDITIONS_HANDLER,
        ReportShell: shellHandler(),
        CxChapter: () => ({ data: { participation: { report: { cx: PHONE }, allChannels: ALL } } }),
      },
    });
    const table = within(await screen.findByRole('table', { name: 'CX – kundeopplevelse' }));
    expect(table.getAllByRole('columnheader').map((c) => c.textContent)).toEqual([
      'Mål',
      'Dere, Telefon',
      'Dere, alle kanaler',
      'Snitt i klassen (alle kanaler)',
    ]);
    const nps = [...table.getByRole('row', { name: /^NPS/ }).children].map((c) => c.textContent);
    // The channel's figure with the answers it rests on; the own all-channel and class figures beside it.
    expect(nps).toEqual(['NPS (−100 til 100)', '013 svar', '−12', '13']);
    expect(calls.find((c) => c.operationName === 'CxChapter')?.variables).toMatchObject({ channel: 'PHONE', narrowed: true });

    // The NPS groups: the phone row is phone data, "Alle kanaler" is all channels (it was phone data before).
    const figure = screen.getByRole('figure', { name: 'NPS-fordeling' });
    fireEvent.click(within(figure).getByRole('button', { name: 'Vis som tabell' }));
    expect(
      within(within(figure).getByRole('table'))
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.firstElementChild?.textContent + ' ' + r.lastElementChild?.textContent),
    ).toEqual(['Telefon 0', 'Alle kanaler −12']);
  });
});
