import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { renderApp } from '../../../../test/renderApp';
import { useChartEnvironment } from '../../../../test/chartEnv';
import { EDITIONS_HANDLER, fieldError, KONKURRENT_ME, meHandler, shellHandler } from '../../../../test/fixtures';
import type { CompetitorsChapterQuery } from '../../../../graphql/generated/graphql';

type CompetitorsReport = NonNullable<NonNullable<CompetitorsChapterQuery['participation']>['report']>;

const REPORT: CompetitorsReport = {
  total: 72.36,
  byChannel: [{ channel: 'PHONE', total: 78.95 }, { channel: 'EMAIL', total: 71.43 }],
  areas: [{ area: 'AGENT', score: 70.04 }],
  competitors: [{
    company: { slug: 'beta', name: 'Beta Sparebank' },
    report: { total: 83.71, byChannel: [{ channel: 'PHONE', total: null }, { channel: 'EMAIL', total: 79.6 }], areas: [{ area: 'AGENT', score: 82.1 }] },
  }],
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
    const rows = within(within(figure).getByRole('table')).getAllByRole('row').map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Kanal', 'Alfa Bank', 'Beta Sparebank'],
      ['Telefon', '78,95\u00a0%', 'For få henvendelser til å vises'],
      ['E-post', '71,43\u00a0%', '79,60\u00a0%'],
    ]);
    expect(screen.getByRole('link', { name: 'Åpne Beta Sparebank' }).getAttribute('href')).toBe('/rapport/2024/beta');
    // The query never asks for another company's tier.
    expect(calls.find((c) => c.operationName === 'CompetitorsChapter')?.variables).toEqual({ year: 2024, companySlug: 'alfa' });
  });
});
