import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '@web/test/renderApp';
import { EDITIONS_HANDLER, KONKURRENT_ME, meHandler, shellHandler, STAFF_ME, firstViewOf } from '@web/test/fixtures';
import type { ResponseDetailFragment } from '@web/graphql/generated/graphql';
import type { Handler } from '@web/test/graphql';

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
  queries: [],
  answers: [
    {
      questionCode: 'AGT_NEEDS',
      questionText: 'Stilte kundebehandleren spørsmål om behovet?',
      area: 'AGENT',
      optionLabel: 'Ja, noen',
      value: null,
      points: 3,
      maxPoints: 6,
      notApplicable: false,
    },
    {
      questionCode: 'NPS',
      questionText: 'Hvor sannsynlig er det at du vil anbefale selskapet?',
      area: 'CX',
      optionLabel: null,
      value: 9,
      points: null,
      maxPoints: null,
      notApplicable: false,
    },
  ],
  ...overrides,
});

const RESPONSES = [
  response('I-1', 85),
  response('I-2', 40.5, { channel: 'EMAIL' }),
  response('I-3', 0, { status: 'UNANSWERED', answers: [] }),
];

const responsesHandler: Handler = (v) => {
  const search = v['search'] as string | undefined;
  const nodes = search
    ? [
        response('I-1', 85, {
          highlights: { reception: 'Hyggelig mottak, sa ⟦navnet⟧ sitt.', agent: 'Spurte godt om behovet.', overall: '' },
        }),
      ]
    : RESPONSES;
  return {
    data: {
      participation: {
        report: {
          responses: {
            totalCount: nodes.length,
            pageInfo: { endCursor: 'c-3', hasNextPage: !search },
            edges: nodes.map((node) => ({ node })),
          },
        },
      },
    },
  };
};

const questionsHandler: Handler = () => ({
  data: {
    participation: {
      report: {
        performances: [
          {
            code: 'AGT_NEEDS',
            text: 'Stilte kundebehandleren spørsmål om behovet?',
            area: 'AGENT',
            options: [
              { code: 'A', label: 'Ja, flere' },
              { code: 'C', label: 'Nei' },
            ],
          },
          {
            code: 'OVR_BUY',
            text: 'Ville du kjøpt av dette selskapet?',
            area: 'OVERALL',
            options: [
              { code: 'A', label: 'Ja' },
              { code: 'B', label: 'Nei' },
            ],
          },
        ],
      },
    },
  },
});

const handlers = {
  Me: meHandler(KONKURRENT_ME),
  Editions: EDITIONS_HANDLER,
  ReportShell: shellHandler(),
  ResponsesChapter: responsesHandler,
  ResponseQuestions: questionsHandler,
};
const lastResponses = (calls: { operationName?: string; variables?: unknown }[]) =>
  calls.filter((c) => c.operationName === 'ResponsesChapter').at(-1)?.variables;

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('the responses chapter', () => {
  it('lists responses with channel, Norwegian date, wait, observer, score and comments', async () => {
    const { calls } = renderApp({ path: '/rapport/2024/alfa/besvarelser', handlers });
    const card = within(await screen.findByRole('article', { name: 'Henvendelse I-1' }));
    expect(lastResponses(calls)).toEqual(firstViewOf('ResponsesChapter'));
    expect(calls.find((c) => c.operationName === 'ResponseQuestions')?.variables).toEqual(firstViewOf('ResponseQuestions'));
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
    expect(lastResponses(calls)).toEqual({
      year: 2024,
      companySlug: 'alfa',
      first: 10,
      channel: 'PHONE',
      status: 'ANSWERED',
      minScore: 50,
      search: 'navn',
    });
    const mark = await screen.findByText('navnet', { selector: 'mark' });
    expect(mark.closest('p')?.textContent).toBe('Hyggelig mottak, sa navnet sitt.');
  });

  it('pages on with the cursor and links each response to workshop mode with the same filters', async () => {
    const { calls, location } = renderApp({ path: '/rapport/2024/alfa/besvarelser?status=ANSWERED', handlers });
    await screen.findByRole('article', { name: 'Henvendelse I-1' });
    expect(screen.getAllByRole('link', { name: 'Åpne i workshopmodus' })[0]?.getAttribute('href')).toBe(
      '/rapport/2024/alfa/besvarelser/I-1?status=ANSWERED',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Neste side' }));
    await waitFor(() => expect(location()).toBe('/rapport/2024/alfa/besvarelser?status=ANSWERED&etter=c-3'));
    await waitFor(() => expect(lastResponses(calls)).toMatchObject({ after: 'c-3', status: 'ANSWERED' }));
  });

  it('filters by a question’s answer, day, attempts and order, all in the URL, and removes the question filter', async () => {
    const { calls, location } = renderApp({ path: '/rapport/2024/alfa/besvarelser', handlers });
    await screen.findByRole('article', { name: 'Henvendelse I-1' });
    fireEvent.change(await screen.findByLabelText('Spørsmål'), { target: { value: 'OVR_BUY' } });
    await waitFor(() => expect(location()).toBe('/rapport/2024/alfa/besvarelser?sporsmal=OVR_BUY'));
    fireEvent.change(screen.getByLabelText('Svar'), { target: { value: 'B' } });
    fireEvent.change(screen.getByLabelText('Antall forsøk'), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText('Sorter etter'), { target: { value: 'SCORE_DESC' } });
    fireEvent.change(screen.getByLabelText('Dato fra'), { target: { value: '2024-09-04' } });
    fireEvent.click(screen.getByRole('button', { name: 'Søk' }));
    await waitFor(() =>
      expect(location()).toBe('/rapport/2024/alfa/besvarelser?sporsmal=OVR_BUY&svar=B&forsok=2&sorter=score-hoy&fraDato=2024-09-04'),
    );
    await waitFor(() =>
      expect(lastResponses(calls)).toEqual({
        year: 2024,
        companySlug: 'alfa',
        first: 10,
        question: 'OVR_BUY',
        option: 'B',
        attempts: 2,
        orderBy: 'SCORE_DESC',
        from: '2024-09-04',
      }),
    );
    const chips = within(screen.getByRole('list', { name: 'Aktive filtre' }));
    expect(chips.getByText('Ville du kjøpt av dette selskapet? = Nei')).toBeTruthy();
    expect(chips.getByText('Fra 4. september 2024')).toBeTruthy();
    fireEvent.click(chips.getByRole('button', { name: 'Fjern filteret Ville du kjøpt av dette selskapet? = Nei' }));
    await waitFor(() => expect(location()).toBe('/rapport/2024/alfa/besvarelser?forsok=2&sorter=score-hoy&fraDato=2024-09-04'));
  });

  it('takes a decimal comma, and says beside the field, in Norwegian, what it will not send', async () => {
    const { calls, location } = renderApp({ path: '/rapport/2024/alfa/besvarelser', handlers });
    await screen.findByRole('article', { name: 'Henvendelse I-1' });
    fireEvent.change(screen.getByLabelText('Score fra'), { target: { value: '60,5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Søk' }));
    await waitFor(() => expect(location()).toBe('/rapport/2024/alfa/besvarelser?fra=60.5'));
    await waitFor(() => expect(lastResponses(calls)).toMatchObject({ minScore: 60.5 }));
    const sent = calls.length;

    fireEvent.change(screen.getByLabelText('Score til'), { target: { value: '20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Søk' }));
    const min = screen.getByLabelText('Score fra');
    expect(min.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(min.getAttribute('aria-describedby')!)?.textContent).toBe(
      '«Score fra» kan ikke være høyere enn «Score til».',
    );
    fireEvent.change(screen.getByLabelText('Ord i kommentarene'), { target: { value: 'ikke og' } });
    fireEvent.change(screen.getByLabelText('Score til'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Søk' }));
    expect(screen.getByText(/^Bare svært vanlige ord/)).toBeTruthy();
    expect(location()).toBe('/rapport/2024/alfa/besvarelser?fra=60.5');
    expect(calls.length).toBe(sent);
  });

  it('says that a question code of the URL is unknown, and offers to remove it', async () => {
    const { calls, location } = renderApp({ path: '/rapport/2024/alfa/besvarelser?sporsmal=FINNES_IKKE', handlers });
    expect(
      await screen.findByText(
        'Spørsmålet «FINNES_IKKE» finnes ikke i spørreskjemaet for 2024. Fjern filteret, eller velg et spørsmål i listen.',
      ),
    ).toBeTruthy();
    expect(calls.some((c) => c.operationName === 'ResponsesChapter')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Fjern spørsmålsfilteret' }));
    await waitFor(() => expect(location()).toBe('/rapport/2024/alfa/besvarelser'));
    expect(await screen.findByRole('article', { name: 'Henvendelse I-1' })).toBeTruthy();
  });

  it('says the server’s refusal in its own words beside the field, with no “Prøv igjen” that would repeat it', async () => {
    const refusing = {
      ...handlers,
      ResponsesChapter: () => ({
        data: { participation: { report: null } },
        errors: [
          {
            message: 'search "kjempe" has no words to look for',
            path: ['participation', 'report', 'responses'],
            extensions: { code: 'BAD_USER_INPUT', reason: 'NO_SEARCH_WORDS', field: 'search' },
          },
        ],
      }),
    };
    renderApp({ path: '/rapport/2024/alfa/besvarelser?sok=kjempe', handlers: refusing });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Sjekk feltet «Ord i kommentarene»');
    expect(alert.textContent).not.toContain('has no words');
    expect(within(alert).queryByRole('button', { name: 'Prøv igjen' })).toBeNull();
    const search = screen.getByLabelText('Ord i kommentarene');
    expect(document.getElementById(search.getAttribute('aria-describedby')!)?.textContent).toMatch(/^Bare svært vanlige ord/);
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

describe('queries of a response (the company’s manager)', () => {
  const rejected = {
    id: 'Q-1',
    status: 'REJECTED' as const,
    message: 'Vi mener telefonen ble besvart innen fristen.',
    reply: 'Loggen viser 6 minutter ventetid.',
    askedAt: '2025-03-03T09:00:00Z',
    decidedAt: '2025-03-05T13:00:00Z',
  };
  const withQueries: Handler = () => ({
    data: {
      participation: {
        report: {
          responses: {
            totalCount: 2,
            pageInfo: { endCursor: 'c-2', hasNextPage: false },
            edges: [{ node: response('I-1', 85, { queries: [rejected] }) }, { node: response('I-2', 40.5) }],
          },
        },
      },
    },
  });
  const refused: Handler = () => ({
    data: null,
    errors: [{ message: 'Fristen gikk ut 2025-03-15.', extensions: { code: 'BAD_USER_INPUT', rule: 'QUERY_DEADLINE_PASSED' } }],
  });

  it('shows the outcome with staff’s reply, checks the message, sends the query and says the server’s refusal in Norwegian', async () => {
    const { calls } = renderApp({
      path: '/rapport/2024/alfa/besvarelser',
      handlers: { ...handlers, ResponsesChapter: withQueries, QueryResponse: refused },
    });
    const first = (await screen.findByRole('article', { name: 'Henvendelse I-1' })).closest('li')!;
    const queries = within(within(first).getByRole('region', { name: 'Henvendelser om besvarelsen' }));
    expect(queries.getByText('Avvist')).toBeTruthy();
    expect(queries.getByText('Spurt 03.03.2025 · Avgjort 05.03.2025', { exact: false })).toBeTruthy();
    expect(queries.getByText('Vi mener telefonen ble besvart innen fristen.')).toBeTruthy();
    expect(queries.getByText('Loggen viser 6 minutter ventetid.').closest('p')?.textContent).toBe(
      'Svar fra KSP: Loggen viser 6 minutter ventetid.',
    );

    const second = within(screen.getByRole('article', { name: 'Henvendelse I-2' }).closest('li')!);
    fireEvent.click(second.getByRole('button', { name: 'Spør om denne besvarelsen' }));
    fireEvent.click(second.getByRole('button', { name: 'Send henvendelsen' }));
    expect(second.getByText('Skriv hva du lurer på.')).toBeTruthy();
    expect(calls.some((c) => c.operationName === 'QueryResponse')).toBe(false);

    fireEvent.change(second.getByLabelText('Hva lurer du på?'), { target: { value: '  Hvorfor fikk vi 0 poeng på behovet?  ' } });
    fireEvent.click(second.getByRole('button', { name: 'Send henvendelsen' }));
    expect((await second.findByRole('alert')).textContent).toBe('Fristen for henvendelser er ute');
    expect(calls.find((c) => c.operationName === 'QueryResponse')?.variables).toEqual({
      year: 2024,
      companySlug: 'alfa',
      inquiryId: 'I-2',
      message: 'Hvorfor fikk vi 0 poeng på behovet?',
    });
  });

  it('shows the server’s field problem beside the message, and a sent query as open', async () => {
    let answer: Handler = () => ({
      data: null,
      errors: [
        {
          message: 'Teksten kan ha høyst 2000 tegn.',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [{ field: 'message', reason: 'TOO_LONG', message: 'Teksten kan ha høyst 2000 tegn.', max: 2000 }],
          },
        },
      ],
    });
    renderApp({
      path: '/rapport/2024/alfa/besvarelser',
      handlers: { ...handlers, ResponsesChapter: withQueries, QueryResponse: (v) => answer(v) },
    });
    const second = within((await screen.findByRole('article', { name: 'Henvendelse I-2' })).closest('li')!);
    fireEvent.click(second.getByRole('button', { name: 'Spør om denne besvarelsen' }));
    const field = second.getByLabelText('Hva lurer du på?');
    fireEvent.change(field, { target: { value: 'Hvorfor?' } });
    fireEvent.click(second.getByRole('button', { name: 'Send henvendelsen' }));
    expect(await second.findByText(/^Teksten kan ha høyst 2\s000 tegn\.$/)).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');

    answer = () => ({
      data: {
        queryResponse: { id: 'Q-2', status: 'OPEN', message: 'Hvorfor?', reply: null, askedAt: '2025-03-06T10:00:00Z', decidedAt: null },
      },
    });
    fireEvent.click(second.getByRole('button', { name: 'Send henvendelsen' }));
    expect(await second.findByText('Henvendelsen er sendt.')).toBeTruthy();
    expect(second.getByText('Åpen')).toBeTruthy();
    // One open query at a time: no second one.
    expect(second.queryByRole('button', { name: 'Spør om denne besvarelsen' })).toBeNull();
  });

  it('offers the query in workshop mode too, and never to staff', async () => {
    renderApp({ path: '/rapport/2024/alfa/besvarelser/I-1', handlers: { ...handlers, ResponsesChapter: withQueries } });
    expect(await screen.findByText('Henvendelse 1 av 2')).toBeTruthy();
    expect(screen.getByText('Avvist')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Spør om denne besvarelsen' })).toBeTruthy();
    cleanup();
    renderApp({
      path: '/rapport/2024/alfa/besvarelser/I-1',
      handlers: {
        ...handlers,
        Me: meHandler(STAFF_ME),
        ResponsesChapter: withQueries,
        EditionStatus: () => ({ data: { edition: { name: 'KSP 2024', status: 'PUBLISHED' } } }),
      },
    });
    expect(await screen.findByText('Henvendelse 1 av 2')).toBeTruthy();
    expect(screen.getByText('Loggen viser 6 minutter ventetid.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Spør om denne besvarelsen' })).toBeNull();
  });
});
