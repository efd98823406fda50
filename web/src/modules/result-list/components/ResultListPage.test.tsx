import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '@web/test/renderApp';
import { NETWORK_DOWN, type Handler } from '@web/test/graphql';
import type { EditionSummary, ResultRow } from '../graphql/documents';

const EDITIONS: EditionSummary[] = [
  // A staff viewer also sees editions in progress; the page opens on the newest published one.
  { year: 2025, name: 'KSP 2025', status: 'FIELDWORK', classNames: ['Bank', 'Telekom'] },
  { year: 2024, name: 'KSP 2024', status: 'PUBLISHED', classNames: ['Bank', 'Telekom'] },
  { year: 2023, name: 'KSP 2023', status: 'PUBLISHED', classNames: ['Bank', 'Energi'] },
];

type Uncertainty = ResultRow['uncertainty'];
const NO_UNCERTAINTY: Uncertainty = { low: null, high: null, rankLow: null, rankHigh: null, classRankLow: null, classRankHigh: null };
const row = (
  rank: number,
  classRank: number,
  total: number,
  name: string,
  className: string,
  uncertainty: Uncertainty = NO_UNCERTAINTY,
): ResultRow => ({
  rank,
  classRank,
  total,
  className,
  company: { slug: name.toLowerCase().replace(/\s+/g, '-'), name },
  uncertainty,
});

// Out of order on purpose: the page sorts. Bredbånd and Cirkel share 2nd place.
// Intervals (1.96 · SE): Alfa SE 1.5 → 87.4512 ± 2.94 = 84.5112 … 90.3912; Bredbånd SE 2 → 80.1 ± 3.92 = 76.18 … 84.02;
// Cirkel SE 1.2 → 80.1 ± 2.352 = 77.748 … 82.452; Delta has a single inquiry: none.
// Rank intervals over the 3 with an interval, c = z(1 − 0.05/4) = 2.2414:
//   Alfa − Bredbånd = 7.3512 > 2.2414 · √(1.5² + 2²) = 2.2414 · 2.5 = 5.6035 → sure
//   Alfa − Cirkel = 7.3512 > 2.2414 · √(1.5² + 1.2²) = 2.2414 · 1.9209 = 4.3056 → sure; Bredbånd − Cirkel = 0 → tied
//   Alfa 1–1; Bredbånd and Cirkel 1 + 1 … 3 − 0 = 2–3.
// Classes: Bank (Alfa, Cirkel; c = 1.96): 7.3512 > 1.96 · 1.9209 = 3.765 → Alfa 1–1, Cirkel 2–2; Telekom: Bredbånd alone, 1–1.
const ROWS_2024: ResultRow[] = [
  row(4, 2, 61.005, 'Delta Telekom', 'Telekom'),
  row(2, 1, 80.1, 'Bredbånd AS', 'Telekom', { low: 76.18, high: 84.02, rankLow: 2, rankHigh: 3, classRankLow: 1, classRankHigh: 1 }),
  row(1, 1, 87.4512, 'Alfa Bank', 'Bank', { low: 84.5112, high: 90.3912, rankLow: 1, rankHigh: 1, classRankLow: 1, classRankHigh: 1 }),
  row(2, 2, 80.1, 'Cirkel Bank', 'Bank', { low: 77.748, high: 82.452, rankLow: 2, rankHigh: 3, classRankLow: 2, classRankHigh: 2 }),
];

const editions: Handler = () => ({ data: { editions: EDITIONS } });
const resultList: Handler = ({ className }) => ({
  data: { resultList: className ? ROWS_2024.filter((r) => r.className === className) : ROWS_2024 },
});

/** A cell's text as a wide screen shows it: without the second line only a narrow table shows (ResultTable's Narrow). */
function wide(cell: Element): string {
  const copy = cell.cloneNode(true) as Element;
  copy.querySelectorAll('.narrow-line').forEach((line) => line.remove());
  return copy.textContent ?? '';
}

/** The body rows as [rank, company, class, total] texts. */
function tableRows(): string[][] {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((tr) => [...tr.querySelectorAll('td, th')].filter((cell) => !isUncertaintyCell(cell)).map(wide));
}

/** The rank interval and the total's interval: read by their own test, left out of the others. */
const isUncertaintyCell = (cell: Element) => cell.matches('.col-rank-range, .col-interval');

/** The body rows as [company, rank interval, total's interval]. */
function uncertaintyRows(): string[][] {
  return within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((tr) => [
      tr.querySelector('.col-company')?.textContent ?? '',
      tr.querySelector('td.col-rank-range')?.textContent ?? '',
      tr.querySelector('td.col-interval')?.textContent ?? '',
    ]);
}

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('the result list', () => {
  it('shows the newest published edition ranked, with Norwegian totals and a shared rank', async () => {
    const { calls } = renderApp({ handlers: { Editions: editions, ResultList: resultList } });

    expect(await screen.findByRole('table', { name: 'Resultatliste for KSP 2024, alle klasser' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Resultater KSP 2024');
    expect(tableRows()).toEqual([
      ['1', 'Alfa Bank', 'Bank', '87,45\u00a0%'],
      ['2', 'Bredbånd AS', 'Telekom', '80,10\u00a0%'],
      ['2', 'Cirkel Bank', 'Bank', '80,10\u00a0%'],
      ['4', 'Delta Telekom', 'Telekom', '61,01\u00a0%'],
    ]);
    const headers = within(screen.getByRole('table')).getAllByRole('columnheader').map(wide);
    expect(headers).toEqual(['Plass', 'Mulig plass', 'Selskap', 'Klasse', 'Totalt', '95 %-intervall']);
    expect(screen.getByText('4 deltakere')).toBeTruthy();
    expect(screen.getByText(/i prosent av mulige poeng/)).toBeTruthy();

    const listCall = calls.find((c) => c.operationName === 'ResultList');
    expect(listCall?.variables).toEqual({ year: 2024 });
    // POST (Apollo's CSRF guard rejects simple GETs) with the session cookie.
    expect(calls.every((c) => c.method === 'POST' && c.credentials === 'same-origin')).toBe(true);
  });

  it('shows the rank interval beside the rank and the 95 % interval beside the total, and says what they mean', async () => {
    renderApp({ handlers: { Editions: editions, ResultList: resultList } });
    await screen.findByRole('table');
    expect(uncertaintyRows()).toEqual([
      ['Alfa Bank', 'plass 1', '84,51–90,39 %'],
      ['Bredbånd AS', 'plass 2–3', '76,18–84,02 %'],
      ['Cirkel Bank', 'plass 2–3', '77,75–82,45 %'],
      ['Delta Telekom', '–', '–'],
    ]);
    expect(screen.getByText(/^Plass 3–9 betyr at selskapet med 95 % sikkerhet hører hjemme et sted mellom plass 3 og 9\./)).toBeTruthy();
    // Within a class, the class's rank intervals.
    fireEvent.change(screen.getByLabelText('Klasse'), { target: { value: 'Bank' } });
    await screen.findByRole('table', { name: 'Resultatliste for KSP 2024, klassen Bank' });
    await waitFor(() => expect(uncertaintyRows().map((r) => r[1])).toEqual(['plass 1', 'plass 2']));
  });

  it('carries each interval under the figure it qualifies too, for a table narrower than its columns (a tablet)', async () => {
    renderApp({ handlers: { Editions: editions, ResultList: resultList } });
    await screen.findByRole('table');
    // Narrow, the interval columns go (styles.css) and these second lines show: the same texts as the columns.
    const narrow = within(screen.getByRole('table'))
      .getAllByRole('row')
      .slice(1)
      .map((tr) => [...tr.querySelectorAll('.narrow-line')].map((line) => [line.parentElement!.className, line.textContent]));
    expect(narrow).toEqual(
      uncertaintyRows().map(([, rankRange, interval]) => [
        ['col-rank', rankRange],
        ['col-total', interval],
      ]),
    );
    const headers = within(screen.getByRole('table')).getAllByRole('columnheader');
    expect(
      headers.filter((th) => th.querySelector('.narrow-line')).map((th) => [wide(th), th.querySelector('.narrow-line')!.textContent]),
    ).toEqual([
      ['Plass', 'Mulig plass'],
      ['Totalt', '95 %-intervall'],
    ]);
  });

  it('draws a caterpillar chart per class, opened on demand, with its numbers as a table', async () => {
    renderApp({ handlers: { Editions: editions, ResultList: resultList } });
    await screen.findByRole('table');
    const section = within(screen.getByRole('region', { name: 'Hvor sikre er plasseringene?' }));
    expect(section.queryByRole('figure')).toBeNull();
    fireEvent.click(section.getByText('Bank', { selector: 'summary' }));
    const figure = await section.findByRole('figure', { name: 'Totalt med 95 %-intervall, Bank' });
    expect(within(figure).getByRole('img', { name: 'Totalt med 95 %-intervall, Bank' })).toBeTruthy();
    fireEvent.click(within(figure).getByRole('button', { name: 'Vis som tabell' }));
    expect(
      within(within(figure).getByRole('table'))
        .getAllByRole('row')
        .map((r) => [...r.children].map((c) => c.textContent)),
    ).toEqual([
      ['Selskap', 'Totalt', '95 %-intervall', 'Mulig plass'],
      ['Alfa Bank', '87,45 %', '84,51–90,39 %', '1'],
      ['Cirkel Bank', '80,10 %', '77,75–82,45 %', '2'],
    ]);
  });

  it('labels its selects and offers every class of the edition', async () => {
    renderApp({ handlers: { Editions: editions, ResultList: resultList } });
    await screen.findByRole('table');
    const edition = screen.getByLabelText('Utgave') as HTMLSelectElement;
    expect(edition.value).toBe('2024');
    expect([...edition.options].map((o) => o.text)).toEqual(['KSP 2025 (feltarbeid)', 'KSP 2024', 'KSP 2023']);
    const klass = screen.getByLabelText('Klasse') as HTMLSelectElement;
    expect([...klass.options].map((o) => o.text)).toEqual(['Alle klasser', 'Bank', 'Telekom']);
  });

  it('filters by class: sends className, puts it in the URL and shows class ranks', async () => {
    const { calls, location } = renderApp({ handlers: { Editions: editions, ResultList: resultList } });
    await screen.findByRole('table');

    fireEvent.change(screen.getByLabelText('Klasse'), { target: { value: 'Bank' } });

    expect(await screen.findByRole('table', { name: 'Resultatliste for KSP 2024, klassen Bank' })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('table').getAttribute('aria-busy')).toBe('false'));
    expect(location()).toBe('/resultater/2024?klasse=Bank');
    expect(calls.filter((c) => c.operationName === 'ResultList').at(-1)?.variables).toEqual({ year: 2024, className: 'Bank' });
    expect(tableRows()).toEqual([
      ['1', 'Alfa Bank', 'Bank', '87,45\u00a0%'],
      ['2', 'Cirkel Bank', 'Bank', '80,10\u00a0%'],
    ]);
    expect(wide(within(screen.getByRole('table')).getAllByRole('columnheader')[0]!)).toBe('Plass i klassen');
    expect(screen.getByText('2 deltakere')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Klasse'), { target: { value: '' } });
    await screen.findByRole('table', { name: 'Resultatliste for KSP 2024, alle klasser' });
    expect(location()).toBe('/resultater/2024');
  });

  it('opens the year and class named in the URL', async () => {
    const { calls } = renderApp({ path: '/resultater/2023?klasse=Bank', handlers: { Editions: editions, ResultList: resultList } });
    await screen.findByRole('table', { name: 'Resultatliste for KSP 2023, klassen Bank' });
    expect((screen.getByLabelText('Utgave') as HTMLSelectElement).value).toBe('2023');
    expect((screen.getByLabelText('Klasse') as HTMLSelectElement).value).toBe('Bank');
    expect(calls.find((c) => c.operationName === 'ResultList')?.variables).toEqual({ year: 2023, className: 'Bank' });
  });

  it('picking an edition changes the URL, keeping a class the edition also has', async () => {
    const { location } = renderApp({ path: '/resultater/2024?klasse=Bank', handlers: { Editions: editions, ResultList: resultList } });
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Utgave'), { target: { value: '2023' } });
    await screen.findByRole('heading', { name: 'Resultater KSP 2023' });
    expect(location()).toBe('/resultater/2023?klasse=Bank');

    fireEvent.change(screen.getByLabelText('Klasse'), { target: { value: 'Energi' } });
    await waitFor(() => expect(location()).toBe('/resultater/2023?klasse=Energi'));
    fireEvent.change(screen.getByLabelText('Utgave'), { target: { value: '2024' } });
    await waitFor(() => expect(location()).toBe('/resultater/2024'));
  });

  it('switches to English: texts, number format, <html lang> and the stored choice', async () => {
    renderApp({ handlers: { Editions: editions, ResultList: resultList } });
    await screen.findByRole('table');
    expect(document.documentElement.lang).toBe('nb');
    const switcher = screen.getByRole('group', { name: 'Språk' });
    expect(within(switcher).getByRole('button', { name: 'Norsk' }).getAttribute('aria-pressed')).toBe('true');

    act(() => fireEvent.click(within(switcher).getByRole('button', { name: 'English' })));

    expect(await screen.findByRole('heading', { level: 1, name: 'Results KSP 2024' })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Results for KSP 2024, all classes' })).toBeTruthy();
    expect(tableRows().map((r) => [r[0], r[3]])).toEqual([
      ['1', '87.45%'],
      ['2', '80.10%'],
      ['2', '80.10%'],
      ['4', '61.01%'],
    ]);
    const headers = within(screen.getByRole('table')).getAllByRole('columnheader').map(wide);
    expect(headers).toEqual(['Rank', 'Possible rank', 'Company', 'Class', 'Total', '95 % interval']);
    expect(screen.getByText('4 participants')).toBeTruthy();
    expect(screen.getByLabelText('Edition')).toBeTruthy();
    expect((screen.getByLabelText('Class') as HTMLSelectElement).options[0]?.text).toBe('All classes');
    expect(screen.getByRole('group', { name: 'Language' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('ksp.locale')).toBe('en');
  });

  it('starts in the language chosen on an earlier visit', async () => {
    localStorage.setItem('ksp.locale', 'en');
    renderApp({ handlers: { Editions: editions, ResultList: resultList } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Results KSP 2024' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });

  it('uses a singular for one participant', async () => {
    renderApp({
      handlers: { Editions: editions, ResultList: () => ({ data: { resultList: [ROWS_2024[2]] } }) },
    });
    expect(await screen.findByText('1 deltaker')).toBeTruthy();
  });
});

describe('loading, empty and error states', () => {
  it('says it is loading while the list is on its way', async () => {
    renderApp({ handlers: { Editions: editions, ResultList: () => new Promise(() => {}) } });
    expect(await screen.findByText('Laster resultater …')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says so when a selection has no participants', async () => {
    renderApp({ handlers: { Editions: editions, ResultList: () => ({ data: { resultList: [] } }) } });
    expect(await screen.findByText('Ingen deltakere i dette utvalget.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says so when nothing is published yet', async () => {
    const { calls } = renderApp({ handlers: { Editions: () => ({ data: { editions: [] } }), ResultList: resultList } });
    expect(await screen.findByText('Ingen resultater er publisert ennå.')).toBeTruthy();
    expect(calls.some((c) => c.operationName === 'ResultList')).toBe(false);
  });

  it('explains a year without an edition and asks for none of its results', async () => {
    const { calls } = renderApp({ path: '/resultater/1999', handlers: { Editions: editions, ResultList: resultList } });
    expect(await screen.findByText(/Det finnes ingen publiserte resultater for 1999/)).toBeTruthy();
    expect(calls.some((c) => c.operationName === 'ResultList')).toBe(false);
  });

  it('shows a server error in plain words, without its technical message', async () => {
    renderApp({
      handlers: {
        Editions: editions,
        ResultList: () => ({ errors: [{ message: 'relation "x" does not exist', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }),
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Noe gikk galt hos oss. Prøv igjen om litt.');
    expect(alert.textContent).not.toContain('relation');
  });

  it('shows an unreachable server in both languages and recovers on retry', async () => {
    let down = true;
    renderApp({
      locale: 'en',
      handlers: { Editions: editions, ResultList: (vars) => (down ? NETWORK_DOWN : resultList(vars)) },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('We cannot reach the server. Check your connection and try again.');

    act(() => fireEvent.click(within(screen.getByRole('group', { name: 'Language' })).getByRole('button', { name: 'Norsk' })));
    expect((await screen.findByRole('alert')).textContent).toContain('Vi får ikke kontakt med serveren.');

    down = false;
    fireEvent.click(screen.getByRole('button', { name: 'Prøv igjen' }));
    expect(await screen.findByRole('table')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the error when even the editions cannot be loaded', async () => {
    renderApp({ handlers: { Editions: () => NETWORK_DOWN, ResultList: resultList } });
    expect((await screen.findByRole('alert')).textContent).toContain('Vi får ikke kontakt med serveren.');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Resultater');
  });
});

describe('last year, search and sorting', () => {
  const LAST_YEAR = {
    data: {
      resultList: [
        { total: 85.0, company: { slug: 'alfa-bank' } },
        { total: 82.5, company: { slug: 'cirkel-bank' } },
        { total: 60.0, company: { slug: 'delta-telekom' } },
      ],
    },
  };
  const handlers = { Editions: editions, ResultList: resultList, LastYearTotals: () => LAST_YEAR };

  it('shows last year’s total and the change, with nothing where a company did not take part', async () => {
    const { calls } = renderApp({ handlers });
    await screen.findByRole('columnheader', { name: /I fjor/ });
    expect(calls.find((c) => c.operationName === 'LastYearTotals')?.variables).toEqual({ year: 2023 });
    const headers = within(screen.getByRole('table')).getAllByRole('columnheader').map(wide);
    expect(headers).toEqual(['Plass', 'Mulig plass', 'Selskap', 'Klasse', 'Totalt', '95 %-intervall', 'I fjor', 'Endring (poeng)']);
    expect(tableRows().map((r) => [r[1], r[4], r[5]])).toEqual([
      ['Alfa Bank', '85,00\u00a0%', '▲ +2,45'],
      ['Bredbånd AS', '–', '–'],
      ['Cirkel Bank', '82,50\u00a0%', '▼ −2,40'],
      ['Delta Telekom', '60,00\u00a0%', '▲ +1,01'],
    ]);
  });

  it('sorts by a column on click, turning the direction on a second click, in the URL', async () => {
    const { location } = renderApp({ handlers });
    await screen.findByRole('columnheader', { name: /I fjor/ });
    fireEvent.click(screen.getByRole('button', { name: /Endring/ }));
    await waitFor(() => expect(location()).toBe('/?sorter=change&synkende=1'));
    expect(tableRows().map((r) => r[1])).toEqual(['Alfa Bank', 'Delta Telekom', 'Cirkel Bank', 'Bredbånd AS']);
    expect(screen.getByRole('columnheader', { name: /Endring/ }).getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(screen.getByRole('button', { name: /Selskap/ }));
    await waitFor(() => expect(location()).toBe('/?sorter=company'));
    expect(tableRows().map((r) => r[1])).toEqual(['Alfa Bank', 'Bredbånd AS', 'Cirkel Bank', 'Delta Telekom']);
  });

  it('searches by company name, in the URL', async () => {
    const { location } = renderApp({ handlers });
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Søk etter selskap'), { target: { value: 'bank' } });
    await waitFor(() => expect(location()).toBe('/?sok=bank'));
    expect(tableRows().map((r) => r[1])).toEqual(['Alfa Bank', 'Cirkel Bank']);
    expect(screen.getByText('2 deltakere')).toBeTruthy();
  });
});

describe('the published snapshot', () => {
  // As the server sends a snapshot: every public field of a row, more than this page asks for.
  const SNAPSHOT_2024 = ROWS_2024.map((r) => ({
    ...r,
    uncertainty: { standardError: r.uncertainty.low === null ? null : 1.5, ...r.uncertainty },
  }));
  const SNAPSHOT_2023 = [
    { total: 85.0, company: { slug: 'alfa-bank', name: 'Alfa Bank' } },
    { total: 82.5, company: { slug: 'cirkel-bank', name: 'Cirkel Bank' } },
    { total: 60.0, company: { slug: 'delta-telekom', name: 'Delta Telekom' } },
  ];
  const snapshots = { 2024: SNAPSHOT_2024, 2023: SNAPSHOT_2023 };
  const operations = (calls: { operationName: string }[]) => calls.map((c) => c.operationName);

  it('gives a visitor who is not signed in the list and last year’s totals, with no GraphQL for either', async () => {
    const { calls, snapshotRequests } = renderApp({ handlers: { Editions: editions }, snapshots });
    await screen.findByRole('columnheader', { name: /I fjor/ });
    expect(tableRows().map((r) => [r[0], r[1], r[3], r[4], r[5]])).toEqual([
      ['1', 'Alfa Bank', '87,45\u00a0%', '85,00\u00a0%', '▲ +2,45'],
      ['2', 'Bredbånd AS', '80,10\u00a0%', '–', '–'],
      ['2', 'Cirkel Bank', '80,10\u00a0%', '82,50\u00a0%', '▼ −2,40'],
      ['4', 'Delta Telekom', '61,01\u00a0%', '60,00\u00a0%', '▲ +1,01'],
    ]);
    expect(uncertaintyRows()[0]).toEqual(['Alfa Bank', 'plass 1', '84,51–90,39\u00a0%']);
    expect(snapshotRequests.sort()).toEqual([
      '/snapshots/result-list/2023.0000000000002023.json',
      '/snapshots/result-list/2023.json',
      '/snapshots/result-list/2024.0000000000002024.json',
      '/snapshots/result-list/2024.json',
    ]);
    expect(operations(calls).sort()).toEqual(['Editions', 'Me']);
  });

  it('narrows to a class in the page, keeping the overall rank as the server does, without asking again', async () => {
    const { calls, snapshotRequests } = renderApp({ handlers: { Editions: editions }, snapshots });
    await screen.findByRole('table', { name: 'Resultatliste for KSP 2024, alle klasser' });
    const asked = snapshotRequests.length;
    fireEvent.change(screen.getByLabelText('Klasse'), { target: { value: 'Bank' } });
    await screen.findByRole('table', { name: 'Resultatliste for KSP 2024, klassen Bank' });
    expect(tableRows().map((r) => r.slice(0, 2))).toEqual([
      ['1', 'Alfa Bank'],
      ['2', 'Cirkel Bank'],
    ]);
    expect(uncertaintyRows().map((r) => r[1])).toEqual(['plass 1', 'plass 2']);
    expect(snapshotRequests.length).toBe(asked);
    expect(operations(calls)).not.toContain('ResultList');
  });

  it('falls back to GraphQL when there is no snapshot, or it lacks a field the page reads', async () => {
    const { calls, snapshotRequests } = renderApp({
      handlers: { Editions: editions, ResultList: resultList, LastYearTotals: () => ({ data: { resultList: [] } }) },
      // 2024's rows without their intervals (a snapshot of other code, say); 2023 has none.
      snapshots: { 2024: ROWS_2024.map(({ uncertainty: _, ...r }) => r) },
    });
    await screen.findByRole('table', { name: 'Resultatliste for KSP 2024, alle klasser' });
    expect(tableRows()[0]).toEqual(['1', 'Alfa Bank', 'Bank', '87,45\u00a0%']);
    expect(snapshotRequests).toContain('/snapshots/result-list/2024.0000000000002024.json');
    expect(calls.find((c) => c.operationName === 'ResultList')?.variables).toEqual({ year: 2024 });
    expect(calls.find((c) => c.operationName === 'LastYearTotals')?.variables).toEqual({ year: 2023 });
  });

  it('is not used for a signed-in viewer, whose list comes from GraphQL', async () => {
    const me = { id: 3, role: 'MANAGER' as const, email: 'leder@beta.no', company: { slug: 'beta', name: 'Beta' }, participations: [] };
    const { calls, snapshotRequests } = renderApp({
      handlers: {
        Editions: editions,
        ResultList: resultList,
        LastYearTotals: () => ({ data: { resultList: [] } }),
        Me: () => ({ data: { me } }),
      },
      path: '/resultater/2024',
      snapshots,
    });
    await screen.findByRole('table');
    expect(snapshotRequests).toEqual([]);
    expect(operations(calls)).toContain('ResultList');
  });
});

describe('links to dashboards', () => {
  it('links the own company and its chosen competitors for a manager with the report, and nothing else', async () => {
    const me = {
      id: 2,
      role: 'MANAGER' as const,
      email: 'leder@alfa.no',
      company: { slug: 'alfa-bank', name: 'Alfa Bank' },
      participations: [
        {
          year: 2024,
          editionStatus: 'PUBLISHED' as const,
          className: 'Bank',
          tier: 'KONKURRENT' as const,
          reportPurchased: true,
          competitors: [{ slug: 'delta-telekom', name: 'Delta Telekom' }],
        },
      ],
    };
    renderApp({
      handlers: {
        Editions: editions,
        ResultList: resultList,
        LastYearTotals: () => ({ data: { resultList: [] } }),
        Me: () => ({ data: { me } }),
      },
      path: '/resultater/2024',
    });
    const table = within(await screen.findByRole('table'));
    expect(table.getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Alfa Bank', '/rapport/2024/alfa-bank'],
      ['Delta Telekom', '/rapport/2024/delta-telekom'],
    ]);
    expect(table.getByRole('row', { name: /Alfa Bank/ }).className).toBe('is-own');
    expect(table.getByText('(dere)')).toBeTruthy();
  });
});
