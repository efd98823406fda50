import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { renderApp } from '@web/test/renderApp';
import { useChartEnvironment } from '@web/test/chartEnv';
import { EDITIONS_HANDLER, KONKURRENT_ME, meHandler, shellHandler } from '@web/test/fixtures';
import type { BackgroundChapterQuery } from '@web/graphql/generated/graphql';

const DATA: BackgroundChapterQuery = {
  participation: {
    report: {
      background: {
        channels: ['PHONE', 'EMAIL'],
        rolePlays: [{ title: 'Reise med sportsutstyr', description: 'Du skal reise med ski.' }],
        inquiriesByChannel: [
          { channel: 'PHONE', count: 13 },
          { channel: 'EMAIL', count: 12 },
        ],
        unanswered: 2,
        observerGenders: [
          { gender: 'FEMALE', count: 16 },
          { gender: 'MALE', count: 9 },
        ],
        observerAgeBands: [{ band: '30–39', count: 5 }],
      },
    },
  },
};

useChartEnvironment();
beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('the background chapter', () => {
  it('shows role plays, inquiries per channel and the observers’ mix', async () => {
    renderApp({
      path: '/rapport/2024/alfa/bakgrunn',
      handlers: {
        Me: meHandler(KONKURRENT_ME),
        Editions: EDITIONS_HANDLER,
        ReportShell: shellHandler(),
        BackgroundChapter: () => ({ data: DATA }),
      },
    });
    expect(await screen.findByText('Reise med sportsutstyr')).toBeTruthy();
    const table = within(screen.getByRole('table', { name: 'Henvendelser per kanal' }));
    expect(table.getAllByRole('row').map((r) => r.textContent)).toEqual(['KanalAntall', 'Telefon13', 'E-post12', 'Ikke besvart2']);
    expect(screen.getByRole('figure', { name: 'Observatørenes kjønn' })).toBeTruthy();
  });
});
