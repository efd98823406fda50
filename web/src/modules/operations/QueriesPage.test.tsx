import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/renderApp';
import { meHandler, STAFF_ME } from '../../test/fixtures';
import type { Handler } from '../../test/graphql';
import type { CorrectionSourceQuery, ResponseQueriesQuery } from '../../graphql/generated/graphql';

const CASES: ResponseQueriesQuery['responseQueries'] = [
  {
    id: '11',
    status: 'OPEN',
    message: 'Vi mener behovet ble kartlagt grundig.',
    reply: null,
    askedAt: '2025-03-03T09:00:00Z',
    askedBy: 'leder@alfa.no',
    decidedAt: null,
    decidedBy: null,
    inquiryId: 'A-PHONE-1',
    assignmentId: '301',
    channel: 'PHONE',
    company: { slug: 'alfa', name: 'Alfa Bank' },
  },
  {
    id: '9',
    status: 'REJECTED',
    message: 'Ventetiden stemmer ikke.',
    reply: 'Loggen viser 6 minutter.',
    askedAt: '2025-03-01T09:00:00Z',
    askedBy: 'leder@beta.no',
    decidedAt: '2025-03-02T10:00:00Z',
    decidedBy: 'stab@ksp.no',
    inquiryId: 'B-EMAIL-2',
    assignmentId: '302',
    channel: 'EMAIL',
    company: { slug: 'beta', name: 'Beta Sparebank' },
  },
];

const SOURCE: CorrectionSourceQuery = {
  formQuestions: [
    {
      code: 'AGT_NEEDS',
      text: 'Stilte kundebehandleren spørsmål om behovet?',
      kind: 'CHOICE',
      min: null,
      max: null,
      options: [
        { code: 'A', label: 'Ja, flere', notApplicable: false },
        { code: 'B', label: 'Ja, noen', notApplicable: false },
        { code: 'C', label: 'Nei', notApplicable: false },
      ],
    },
    { code: 'NPS', text: 'Hvor sannsynlig er det at du vil anbefale selskapet?', kind: 'SCALE', min: 0, max: 10, options: [] },
  ],
  participation: {
    report: {
      responses: {
        pageInfo: { endCursor: 'c-1', hasNextPage: false },
        edges: [
          {
            node: {
              id: 'A-PHONE-1',
              answers: [
                { questionCode: 'AGT_NEEDS', optionCode: 'C', value: null },
                { questionCode: 'NPS', optionCode: null, value: 7 },
              ],
              // urql hands the page the server's shape, __typename included; the input must drop it.
              comments: {
                reception: 'Greit mottak.',
                agent: 'Spurte ikke om noe.',
                overall: 'Middels.',
                // The generated type leaves it out; the data urql hands over has it.
                ...({ __typename: 'ResponseComments' } as object),
              },
            },
          },
        ],
      },
    },
  },
};

const handlers = (extra: Record<string, Handler> = {}) => ({
  Me: meHandler(STAFF_ME),
  Editions: () => ({ data: { editions: [{ year: 2025, name: 'KSP 2025', status: 'PUBLISHED', classNames: ['Bank'] }] } }),
  ResponseQueries: () => ({ data: { responseQueries: CASES } }),
  CorrectionSource: () => ({ data: SOURCE }),
  ...extra,
});

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('queries about responses (staff)', () => {
  it('lists the queries, open first, with the response linked in the report', async () => {
    renderApp({ path: '/drift/2025/henvendelser', handlers: handlers() });
    const cards = await screen.findAllByRole('article');
    expect(cards.map((c) => within(c).getByRole('heading').textContent)).toEqual([
      'Alfa Bank · Henvendelse A-PHONE-1',
      'Beta Sparebank · Henvendelse B-EMAIL-2',
    ]);
    const open = within(cards[0]!);
    expect(open.getByRole('link', { name: 'Henvendelse A-PHONE-1' }).getAttribute('href')).toBe('/rapport/2025/alfa/besvarelser/A-PHONE-1');
    expect(open.getByText('Åpen')).toBeTruthy();
    expect(open.getByText('Telefon')).toBeTruthy();
    expect(open.getByText('leder@alfa.no')).toBeTruthy();
    expect(open.getByText('3. mars 2025 kl. 10:00')).toBeTruthy();
    expect(open.getByText('Vi mener behovet ble kartlagt grundig.')).toBeTruthy();
    const decided = within(cards[1]!);
    expect(decided.getByText('Avvist')).toBeTruthy();
    expect(decided.getByText('Loggen viser 6 minutter.')).toBeTruthy();
    expect(decided.queryByRole('button', { name: 'Avvis' })).toBeNull();
  });

  it('says why a query about an imported response cannot be upheld here', async () => {
    const imported = [{ ...CASES[0]!, assignmentId: null }];
    renderApp({
      path: '/drift/2025/henvendelser',
      handlers: handlers({ ResponseQueries: () => ({ data: { responseQueries: imported } }) }),
    });
    const card = within((await screen.findAllByRole('article'))[0]!);
    expect(card.getByText(/kom fra en importfil og har intet oppdrag/)).toBeTruthy();
    expect(card.getByRole('button', { name: 'Ta til følge' }).hasAttribute('disabled')).toBe(true);
    expect(card.getByRole('button', { name: 'Avvis' }).hasAttribute('disabled')).toBe(false);
  });

  it('rejects an open query only with a reply, and sends it', async () => {
    const { calls } = renderApp({
      path: '/drift/2025/henvendelser',
      handlers: handlers({
        RejectQuery: () => ({
          data: {
            rejectQuery: { id: '11', status: 'REJECTED', reply: 'Nei.', decidedAt: '2025-03-04T10:00:00Z', decidedBy: 'stab@ksp.no' },
          },
        }),
      }),
    });
    const card = within((await screen.findAllByRole('article'))[0]!);
    fireEvent.click(card.getByRole('button', { name: 'Avvis' }));
    fireEvent.click(card.getByRole('button', { name: 'Avvis henvendelsen' }));
    expect(card.getByText('Må fylles ut.')).toBeTruthy();
    expect(calls.some((c) => c.operationName === 'RejectQuery')).toBe(false);
    fireEvent.change(card.getByLabelText('Svar til lederen (påkrevd)'), {
      target: { value: 'Observatøren spurte ikke om behovet, se kommentaren.' },
    });
    fireEvent.click(card.getByRole('button', { name: 'Avvis henvendelsen' }));
    expect(await screen.findByText('Henvendelsen er avvist.')).toBeTruthy();
    expect(calls.find((c) => c.operationName === 'RejectQuery')?.variables).toEqual({
      queryId: '11',
      reply: 'Observatøren spurte ikke om behovet, se kommentaren.',
    });
  });

  it('upholds through a correction prefilled with the response, keeping the attempts, and says a refused rule', async () => {
    let outcome: Handler = () => ({
      data: null,
      errors: [{ message: 'Korrigeringen endrer ingenting.', extensions: { code: 'BAD_USER_INPUT', rule: 'NO_CHANGE' } }],
    });
    const { calls } = renderApp({ path: '/drift/2025/henvendelser', handlers: handlers({ CorrectResponse: (v) => outcome(v) }) });
    const card = within((await screen.findAllByRole('article'))[0]!);
    fireEvent.click(card.getByRole('button', { name: 'Ta til følge' }));
    const form = within(await card.findByRole('form', { name: 'Korriger besvarelse A-PHONE-1' }));
    // Prefilled with the response as it stands.
    const needs = form.getByLabelText('Stilte kundebehandleren spørsmål om behovet?') as HTMLSelectElement;
    expect(needs.value).toBe('C');
    expect((form.getByLabelText('Hvor sannsynlig er det at du vil anbefale selskapet?') as HTMLSelectElement).value).toBe('7');
    expect((form.getByLabelText('Kundebehandleren') as HTMLTextAreaElement).value).toBe('Spurte ikke om noe.');
    expect(calls.find((c) => c.operationName === 'CorrectionSource')?.variables).toEqual({
      year: 2025,
      companySlug: 'alfa',
      channel: 'PHONE',
    });

    // The reason is required.
    fireEvent.click(form.getByRole('button', { name: 'Korriger og ta til følge' }));
    expect(form.getByText('Må fylles ut.')).toBeTruthy();
    expect(calls.some((c) => c.operationName === 'CorrectResponse')).toBe(false);

    fireEvent.change(needs, { target: { value: 'B' } });
    fireEvent.change(form.getByLabelText('Kundebehandleren'), { target: { value: 'Spurte om behovet for lån.' } });
    fireEvent.change(form.getByLabelText('Begrunnelse for korrigeringen (påkrevd)'), {
      target: { value: 'Lydopptaket viser at behovet ble kartlagt.' },
    });
    fireEvent.click(form.getByRole('button', { name: 'Korriger og ta til følge' }));
    expect((await form.findByRole('alert')).textContent).toBe('Korrigeringen endrer ingenting i besvarelsen.');
    expect(calls.find((c) => c.operationName === 'CorrectResponse')?.variables).toEqual({
      assignmentId: '301',
      queryId: '11',
      reason: 'Lydopptaket viser at behovet ble kartlagt.',
      input: {
        attempts: [],
        answers: [
          { questionCode: 'AGT_NEEDS', optionCode: 'B', value: null },
          { questionCode: 'NPS', optionCode: null, value: 7 },
        ],
        comments: { reception: 'Greit mottak.', agent: 'Spurte om behovet for lån.', overall: 'Middels.' },
      },
    });

    outcome = () => ({ data: { correctResponse: { id: '301', status: 'APPROVED' } } });
    fireEvent.click(form.getByRole('button', { name: 'Korriger og ta til følge' }));
    expect(await screen.findByText('Besvarelsen er korrigert og henvendelsen tatt til følge.')).toBeTruthy();
    await waitFor(() => expect(calls.filter((c) => c.operationName === 'ResponseQueries').length).toBeGreaterThan(1));
  });

  it('finds the response on a later page of the channel’s responses to prefill the correction', async () => {
    const other = { id: 'A-PHONE-0', answers: [], comments: { reception: '', agent: '', overall: '' } };
    const page: Handler = (v) => {
      const report = SOURCE.participation!.report!;
      return {
        data: {
          ...SOURCE,
          participation: {
            report: {
              responses: v['after'] ? report.responses : { pageInfo: { endCursor: 'c-100', hasNextPage: true }, edges: [{ node: other }] },
            },
          },
        },
      };
    };
    const { calls } = renderApp({ path: '/drift/2025/henvendelser', handlers: handlers({ CorrectionSource: page }) });
    const card = within((await screen.findAllByRole('article'))[0]!);
    fireEvent.click(card.getByRole('button', { name: 'Ta til følge' }));
    const form = within(await card.findByRole('form', { name: 'Korriger besvarelse A-PHONE-1' }));
    expect((form.getByLabelText('Totalinntrykk') as HTMLTextAreaElement).value).toBe('Middels.');
    expect(calls.filter((c) => c.operationName === 'CorrectionSource').map((c) => c.variables['after'])).toEqual([undefined, 'c-100']);
  });
});
