import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { renderApp } from '../test/renderApp';
import { EDITIONS_HANDLER, KONKURRENT_ME, meHandler } from '../test/fixtures';
import { pathForEdition } from './Header';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('the edition picker keeps the view', () => {
  it('opens the same chapter, channel and filters in another edition', () => {
    expect(pathForEdition('/rapport/2024/alfa/omrader/AGENT', '?kanal=PHONE', 2023)).toBe('/rapport/2023/alfa/omrader/AGENT?kanal=PHONE');
    expect(pathForEdition('/rapport/2024/alfa', '', 2022)).toBe('/rapport/2022/alfa');
    // A single response belongs to its edition: back to the list.
    expect(pathForEdition('/rapport/2024/alfa/besvarelser/I-7', '?status=ANSWERED', 2023)).toBe(
      '/rapport/2023/alfa/besvarelser?status=ANSWERED',
    );
    expect(pathForEdition('/oversikt/2024', '?sok=x', 2025)).toBe('/oversikt/2025');
    expect(pathForEdition('/resultater/2024', '?klasse=Bank', 2023, ['Bank'])).toBe('/resultater/2023?klasse=Bank');
    expect(pathForEdition('/resultater/2024', '?klasse=Bank', 2023, ['Energi'])).toBe('/resultater/2023');
    expect(pathForEdition('/logg-inn', '', 2023)).toBe('/resultater/2023');
  });
});

describe('landing', () => {
  it('keeps a manager without the report on the result list', async () => {
    const noReport = {
      ...KONKURRENT_ME,
      participations: KONKURRENT_ME.participations.map((p) => ({ ...p, reportPurchased: false, competitors: [] })),
    };
    const { location } = renderApp({
      path: '/',
      handlers: {
        Me: meHandler(noReport),
        Editions: EDITIONS_HANDLER,
        ResultList: () => ({ data: { resultList: [] } }),
        LastYearTotals: () => ({ data: { resultList: [] } }),
      },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Resultater KSP 2024' })).toBeTruthy();
    expect(location()).toBe('/');
    expect(screen.queryByRole('link', { name: 'Vår rapport' })).toBeNull();
    expect(screen.getByText('Alfa Bank')).toBeTruthy();
  });
});
