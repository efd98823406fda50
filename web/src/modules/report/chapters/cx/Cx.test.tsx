import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { renderApp } from '../../../../test/renderApp';
import { useChartEnvironment } from '../../../../test/chartEnv';
import { EDITIONS_HANDLER, fieldError, KONKURRENT_ME, meHandler, shellHandler } from '../../../../test/fixtures';
import type { CxChapterQuery } from '../../../../graphql/generated/graphql';

type CxReport = NonNullable<NonNullable<CxChapterQuery['participation']>['report']>['cx'];

const measures = (nps: number | null) => ({ csatMean: 3.84, csatTop2Share: 68, cesMean: 5.96, nps, ves1Mean: 5.04, ves2Mean: 4.52 });
const CX: CxReport = {
  ...measures(-12),
  npsDistribution: { promoters: 6, passives: 10, detractors: 9, count: 25 },
  byChannel: [
    { channel: 'PHONE', ...measures(0), npsDistribution: { promoters: 4, passives: 5, detractors: 4, count: 13 } },
    { channel: 'EMAIL', ...measures(null), npsDistribution: { promoters: 2, passives: 5, detractors: 5, count: 12 } },
  ],
  classMean: measures(13),
};

useChartEnvironment();
beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('the CX chapter', () => {
  it('shows the five measures on their own scales, against the class and per channel, NPS with a real minus', async () => {
    renderApp({
      path: '/rapport/2024/alfa/cx',
      handlers: {
        Me: meHandler(KONKURRENT_ME),
        Editions: EDITIONS_HANDLER,
        ReportShell: shellHandler(),
        CxChapter: () => ({ data: { participation: { report: { cx: CX } } }, errors: [fieldError('TOO_FEW_INQUIRIES', ['participation', 'report', 'cx', 'byChannel', 1, 'nps'])] }),
      },
    });
    const table = within(await screen.findByRole('table', { name: 'CX – kundeopplevelse' }));
    const row = (name: string) => [...table.getByRole('row', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) }).children].map((c) => c.textContent);
    expect(row('NPS (−100 til 100)')).toEqual(['NPS (−100 til 100)', '−12', '13', '0', 'For få henvendelser til å vises']);
    expect(row('CSAT, andel 4–5')).toEqual(['CSAT, andel 4–5', '68,0\u00a0%', '68,0\u00a0%', '68,0\u00a0%', '68,0\u00a0%']);
    expect(row('CES, snitt (1–7)')[1]).toBe('5,96');
  });
});
