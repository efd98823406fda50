import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/renderApp';
import { EDITIONS_HANDLER, KONKURRENT_ME, meHandler, STAFF_ME } from '../../test/fixtures';
import type { ObserverPoolQuery } from '../../graphql/generated/graphql';
import { observerPoolPath } from '../../app/paths';

type Item = ObserverPoolQuery['observers']['items'][number];

const KARI: Item = {
  id: 'OBS-0001',
  name: 'Kari Ærfugl',
  gender: 'FEMALE',
  ageBand: '30–39',
  region: 'Oslo',
  qualityScore: 85.5,
  passesQuality: true,
  availability: [
    { week: 10, available: true },
    { week: 11, available: false },
  ],
  conflicts: [
    { company: { slug: 'alfa', name: 'Alfa Bank' }, reasons: ['CONTACTED_BEFORE'] },
    { company: { slug: 'beta', name: 'Beta Sparebank' }, reasons: ['CUSTOMER', 'CONTACTED_BEFORE'] },
  ],
  assignments: 2,
};
const OLA: Item = {
  id: 'OBS-0002',
  name: 'Ola Nordmann',
  gender: 'MALE',
  ageBand: '18–29',
  region: 'Tromsø',
  qualityScore: 60,
  passesQuality: false,
  availability: [
    { week: 10, available: true },
    { week: 11, available: true },
  ],
  conflicts: [],
  assignments: 0,
};

/** The server as the page sees it: 6,012 observers in all, the page's items by the variables. */
function poolHandler(variables: Record<string, unknown>): { data: ObserverPoolQuery } {
  const items = variables.search === 'tromso' ? [OLA] : variables.passesQuality === true ? [KARI] : [KARI, OLA];
  return {
    data: {
      observers: {
        total: variables.search === 'tromso' || variables.passesQuality === true ? 1 : 6012,
        fieldworkWeeks: [10, 11],
        minQualityScore: 70,
        summary: {
          observers: 6012,
          passingQuality: 4870,
          weeks: [
            { week: 10, available: 5321, availablePassing: 4300 },
            { week: 11, available: 4999, availablePassing: 4012 },
          ],
        },
        items,
      },
    },
  };
}

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('the observer pool (staff)', () => {
  it('shows the summary in Norwegian numbers and a row per observer with quality, weeks, conflicts and assignments', async () => {
    renderApp({
      path: observerPoolPath(2025),
      handlers: { Me: meHandler(STAFF_ME), Editions: EDITIONS_HANDLER, ObserverPool: poolHandler },
    });
    const table = within(await screen.findByRole('table'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Observatører 2025');
    expect(screen.getByText('6 012 observatører i alt, 4 870 med kvalitet på eller over grensen (70).')).toBeTruthy();
    expect(screen.getByText('Uke 10: 5 321 ledige, 4 300 av dem med god nok kvalitet')).toBeTruthy();
    expect(document.querySelector('.result-count')?.textContent).toBe('6\u00a0012 observatører');
    expect(table.getAllByRole('row').map((r) => r.textContent)).toEqual([
      'IdNavnKjønnAlderRegionKvalitetUke 10Uke 11KonflikterOppdrag',
      'OBS-0001Kari ÆrfuglKvinne30–39Oslo85,50 godkjent✓ledig✗ikke ledig2Alfa Bank: kontaktet førBeta Sparebank: kunde, kontaktet før2',
      'OBS-0002Ola NordmannMann18–29Tromsø60 under grensen✓ledig✓ledig00',
    ]);
    // The conflicts open to their companies (a disclosure: touch and keyboard, not hover only).
    const details = table.getByText('2', { selector: 'summary' }).closest('details')!;
    expect(details.open).toBe(false);
    fireEvent.click(table.getByText('2', { selector: 'summary' }));
    expect(details.open).toBe(true);
    // The table scrolls in its own named box at phone width.
    expect(screen.getByRole('region', { name: 'Tabell over observatører 2025' }).contains(table.getByText('OBS-0001'))).toBe(true);
  });

  it('keeps the search and the filters in the URL, asks the server for them and pages', async () => {
    const { location, calls } = renderApp({
      path: observerPoolPath(2025),
      handlers: { Me: meHandler(STAFF_ME), Editions: EDITIONS_HANDLER, ObserverPool: poolHandler },
    });
    await screen.findByRole('table');
    const poolCalls = () => calls.filter((c) => c.operationName === 'ObserverPool').map((c) => c.variables);
    expect(poolCalls()[0]).toMatchObject({ year: 2025, search: null, passesQuality: null, availableInWeek: null, first: 50, offset: 0 });

    // 6,012 observers: 121 pages of 50.
    expect(screen.getByText('Side 1 av 121')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Neste side' }));
    await waitFor(() => expect(location()).toBe('/drift/2025/observatorer?side=2'));
    await waitFor(() => expect(poolCalls().at(-1)).toMatchObject({ offset: 50 }));

    fireEvent.change(screen.getByLabelText('Kvalitet'), { target: { value: 'ja' } });
    await waitFor(() => expect(location()).toBe('/drift/2025/observatorer?kvalitet=ja'));
    await waitFor(() => expect(poolCalls().at(-1)).toMatchObject({ passesQuality: true, offset: 0 }));
    fireEvent.change(screen.getByLabelText('Ledig i'), { target: { value: '11' } });
    await waitFor(() => expect(location()).toBe('/drift/2025/observatorer?kvalitet=ja&uke=11'));
    await waitFor(() => expect(poolCalls().at(-1)).toMatchObject({ passesQuality: true, availableInWeek: 11 }));

    fireEvent.change(screen.getByLabelText('Kvalitet'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Ledig i'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Søk etter id, navn eller region'), { target: { value: 'tromso' } });
    await waitFor(() => expect(location()).toBe('/drift/2025/observatorer?sok=tromso'));
    const table = within(await screen.findByRole('table'));
    await waitFor(() => expect(table.getAllByRole('row')).toHaveLength(2));
    expect(table.getByText('OBS-0002')).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Sider' })).toBeNull();
  });

  it('opens with the search from the URL', async () => {
    const { calls } = renderApp({
      path: `${observerPoolPath(2025)}?sok=tromso`,
      handlers: { Me: meHandler(STAFF_ME), Editions: EDITIONS_HANDLER, ObserverPool: poolHandler },
    });
    await screen.findByRole('table');
    expect((screen.getByLabelText('Søk etter id, navn eller region') as HTMLInputElement).value).toBe('tromso');
    expect(calls.find((c) => c.operationName === 'ObserverPool')?.variables).toMatchObject({ search: 'tromso' });
  });

  it('tells a manager it is not for them', async () => {
    renderApp({
      path: observerPoolPath(2025),
      handlers: {
        Me: meHandler(KONKURRENT_ME),
        Editions: EDITIONS_HANDLER,
        ObserverPool: () => ({
          data: null,
          errors: [{ message: 'Only staff', path: ['observers'], extensions: { code: 'FORBIDDEN' } }],
        }),
      },
    });
    expect(await screen.findByRole('heading', { name: 'Du har ikke tilgang til denne visningen' })).toBeTruthy();
  });
});
