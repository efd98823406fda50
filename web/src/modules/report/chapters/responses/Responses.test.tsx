import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../../../test/renderApp';
import { EDITIONS_HANDLER, KONKURRENT_ME, meHandler, shellHandler } from '../../../../test/fixtures';
import type { ResponseDetailFragment } from '../../../../graphql/generated/graphql';
import type { Handler } from '../../../../test/graphql';

const response = (id: string, score: number | null, overrides: Partial<ResponseDetailFragment> = {}): ResponseDetailFragment => ({
  id,
  channel: 'PHONE',
  status: 'ANSWERED',
  contactedAt: '2024-09-10T10:15:00+02:00',
  waitSeconds: 245,
  attempts: 1,
  score,
  observer: { gender: 'FEMALE', ageBand: '30–39' },
  comments: { reception: 'Hyggelig mottak, sa navnet sitt.', agent: 'Spurte godt om behovet.', overall: '' },
  highlights: null,
  answers: [
    { questionCode: 'AGT_NEEDS', questionText: 'Stilte kundebehandleren spørsmål om behovet?', area: 'AGENT', optionLabel: 'Ja, noen', value: null, points: 3, maxPoints: 6, notApplicable: false },
    { questionCode: 'NPS', questionText: 'Hvor sannsynlig er det at du vil anbefale selskapet?', area: 'CX', optionLabel: null, value: 9, points: null, maxPoints: null, notApplicable: false },
  ],
  ...overrides,
});

const RESPONSES = [response('I-1', 85), response('I-2', 40.5, { channel: 'EMAIL' }), response('I-3', 0, { status: 'UNANSWERED', answers: [] })];

const responsesHandler: Handler = (v) => {
  const search = v['search'] as string | undefined;
  const nodes = search
    ? [response('I-1', 85, { highlights: { reception: 'Hyggelig mottak, sa ⟦navnet⟧ sitt.', agent: 'Spurte godt om behovet.', overall: '' } })]
    : RESPONSES;
  return {
    data: {
      participation: {
        report: { responses: { totalCount: nodes.length, pageInfo: { endCursor: 'c-3', hasNextPage: !search }, edges: nodes.map((node) => ({ node })) } },
      },
    },
  };
};

const handlers = { Me: meHandler(KONKURRENT_ME), Editions: EDITIONS_HANDLER, ReportShell: shellHandler(), ResponsesChapter: responsesHandler };

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('the responses chapter', () => {
  it('lists responses with channel, Norwegian date, wait, observer, score and comments', async () => {
    renderApp({ path: '/rapport/2024/alfa/besvarelser', handlers });
    const card = within(await screen.findByRole('article', { name: 'Henvendelse I-1' }));
    const meta = (name: string) => card.getByText(name, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(meta('Tidspunkt')).toBe('10. september 2024 kl. 10:15');
    expect(meta('Ventetid')).toBe('4\u00a0min 5\u00a0s');
    expect(meta('Observatør')).toBe('Kvinne, 30–39 år');
    expect(card.getByText(/^85,00\s%$/)).toBeTruthy();
    expect(card.getByText('Ingen kommentar.')).toBeTruthy();
    expect(screen.getByText('3 besvarelser')).toBeTruthy();
  });

  it('offers the own report’s responses as Excel and CSV, and the report as PDF, at the export paths', async () => {
    renderApp({ path: '/rapport/2024/alfa/besvarelser', handlers });
    await screen.findByRole('article', { name: 'Henvendelse I-1' });
    expect(screen.getByRole('link', { name: 'Last ned Excel' }).getAttribute('href')).toBe('/eksport/2024/alfa/besvarelser.xlsx');
    expect(screen.getByRole('link', { name: 'Last ned CSV' }).getAttribute('href')).toBe('/eksport/2024/alfa/besvarelser.csv');
    expect(screen.getByRole('link', { name: 'Last ned PDF' }).getAttribute('href')).toBe('/eksport/2024/alfa/rapport.pdf');
  });

  it('filters by status, score range and words, in the URL, and highlights the matches', async () => {
    const { calls, location } = renderApp({ path: '/rapport/2024/alfa/besvarelser?kanal=PHONE', handlers });
    await screen.findByRole('article', { name: 'Henvendelse I-1' });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'ANSWERED' } });
    await waitFor(() => expect(location()).toBe('/rapport/2024/alfa/besvarelser?kanal=PHONE&status=ANSWERED'));
    fireEvent.change(screen.getByLabelText('Score fra'), { target: { value: '50' } });
    fireEvent.change(screen.getByLabelText('Ord i kommentarene'), { target: { value: 'navn' } });
    fireEvent.click(screen.getByRole('button', { name: 'Søk' }));
    await waitFor(() => expect(location()).toBe('/rapport/2024/alfa/besvarelser?kanal=PHONE&status=ANSWERED&fra=50&sok=navn'));
    expect(calls.at(-1)?.variables).toEqual({ year: 2024, companySlug: 'alfa', first: 10, channel: 'PHONE', status: 'ANSWERED', minScore: 50, search: 'navn' });
    const mark = await screen.findByText('navnet', { selector: 'mark' });
    expect(mark.closest('p')?.textContent).toBe('Hyggelig mottak, sa navnet sitt.');
  });

  it('pages on with the cursor and links each response to workshop mode with the same filters', async () => {
    const { calls, location } = renderApp({ path: '/rapport/2024/alfa/besvarelser?status=ANSWERED', handlers });
    await screen.findByRole('article', { name: 'Henvendelse I-1' });
    expect(screen.getAllByRole('link', { name: 'Åpne i workshopmodus' })[0]?.getAttribute('href')).toBe('/rapport/2024/alfa/besvarelser/I-1?status=ANSWERED');
    fireEvent.click(screen.getByRole('button', { name: 'Neste side' }));
    await waitFor(() => expect(location()).toBe('/rapport/2024/alfa/besvarelser?status=ANSWERED&etter=c-3'));
    await waitFor(() => expect(calls.at(-1)?.variables).toMatchObject({ after: 'c-3', status: 'ANSWERED' }));
  });
});

describe('workshop mode', () => {
  it('shows one response without observer data, steps with buttons and arrow keys, and hides the score', async () => {
    const { location } = renderApp({ path: '/rapport/2024/alfa/besvarelser/I-2', handlers });
    expect(await screen.findByText('Henvendelse 2 av 3')).toBeTruthy();
    expect(screen.queryByText('Observatør')).toBeNull();
    expect(screen.queryByRole('navigation', { name: 'Kapitler i rapporten' })).toBeNull();
    expect(screen.getByText(/^40,50\s%$/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Neste →' }));
    await waitFor(() => expect(location()).toBe('/rapport/2024/alfa/besvarelser/I-3'));
    expect(await screen.findByText('Henvendelse 3 av 3')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Neste →' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    await waitFor(() => expect(location()).toBe('/rapport/2024/alfa/besvarelser/I-2'));

    fireEvent.click(screen.getByRole('switch', { name: 'Skjul score' }));
    await waitFor(() => expect(location()).toBe('/rapport/2024/alfa/besvarelser/I-2?skjulScore=1'));
    expect(screen.queryByText(/^40,50\s%$/)).toBeNull();
    expect(screen.getByText('Score skjult')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Avslutt workshop' }).getAttribute('href')).toBe('/rapport/2024/alfa/besvarelser');
  });
});
