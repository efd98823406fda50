import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/renderApp';
import { EDITIONS_HANDLER, meHandler, type MeData } from '../../test/fixtures';
import { NETWORK_DOWN, type Handler } from '../../test/graphql';
import type { AssignmentFormQuery } from '../../graphql/generated/graphql';

const OBSERVER_ME: MeData = { id: 5, role: 'OBSERVER', email: 'obs@ksp.no', company: null, participations: [] };
type Assignment = AssignmentFormQuery['myAssignments'][number];

const QUESTIONS: Assignment['questions'] = [
  {
    code: 'REC_GREET',
    text: 'Ble du hilst velkommen?',
    area: 'RECEPTION',
    kind: 'CHOICE',
    min: null,
    max: null,
    options: [
      { code: 'YES', label: 'Ja', notApplicable: false },
      { code: 'NO', label: 'Nei', notApplicable: false },
    ],
  },
  { code: 'CX_NPS', text: 'Hvor sannsynlig er det at du anbefaler?', area: 'CX', kind: 'SCALE', min: 0, max: 10, options: [] },
];

const PHONE: Assignment = {
  id: '11',
  year: 2025,
  company: { slug: 'alfa', name: 'Alfa Bank' },
  channel: 'PHONE',
  week: 11,
  status: 'PLANNED',
  rolePlays: [{ title: 'Boliglån', description: 'Spør om refinansiering.' }],
  contactWindows: ['man–fre 09:00–15:00'],
  contact: '+47 22 12 34 56',
  maxAttempts: 2,
  waitLimitSeconds: 300,
  returnNote: null,
  returnQuestions: [],
  returnQuestionTexts: [],
  returnedAt: null,
  form: null,
  questions: QUESTIONS,
};
const RETURNED: Assignment = {
  ...PHONE,
  id: '12',
  year: 2024,
  company: { slug: 'beta', name: 'Beta Sparebank' },
  channel: 'EMAIL',
  status: 'RETURNED',
  contactWindows: ['man–fre 09:00–12:00'],
  contact: null,
  maxAttempts: 1,
  returnNote: 'Kommentaren om mottak mangler detaljer.',
  returnQuestions: ['REC_GREET'],
  returnQuestionTexts: ['Ble du hilst velkommen?'],
  returnedAt: '2024-03-20T10:00:00+01:00',
};

function handlers(extra: Record<string, Handler> = {}): Record<string, Handler> {
  const data = { myAssignments: [PHONE, RETURNED] };
  return {
    Me: meHandler(OBSERVER_ME),
    Editions: EDITIONS_HANDLER,
    MyAssignments: () => ({ data }),
    AssignmentForm: () => ({ data }),
    SaveResponseDraft: () => ({
      data: { saveResponseDraft: { id: '11', status: 'DRAFT', form: { savedAt: '2025-03-10T09:05:00+01:00' } } },
    }),
    ...extra,
  };
}

afterEach(() => {
  cleanup();
  localStorage.clear();
});

/** Monday 10 March 2025 (week 11). */
function typeAttempt(i: number, date: string, time: string) {
  fireEvent.change(screen.getByLabelText('Dato', { selector: `#attempt-${i}-date` }), { target: { value: date } });
  fireEvent.change(screen.getByLabelText('Klokkeslett (norsk tid)', { selector: `#attempt-${i}-time` }), { target: { value: time } });
}

describe('the observer’s assignments', () => {
  it('lists what needs the observer first: returned, then planned, then submitted and approved', async () => {
    const list = [
      { ...PHONE, id: '21', status: 'APPROVED' as const, company: { slug: 'a', name: 'A Godkjent' } },
      { ...PHONE, id: '22', status: 'SUBMITTED' as const, company: { slug: 'b', name: 'B Sendt inn' } },
      { ...PHONE, id: '23', status: 'PLANNED' as const, company: { slug: 'c', name: 'C Planlagt' } },
      { ...RETURNED, id: '24', year: 2025, company: { slug: 'd', name: 'D Sendt tilbake' } },
    ];
    renderApp({ path: '/oppdrag', handlers: handlers({ MyAssignments: () => ({ data: { myAssignments: list } }) }) });
    await screen.findByRole('heading', { name: 'A Godkjent' });
    // Every edition's assignments are listed: no edition picker to confuse.
    expect(screen.queryByLabelText('Utgave')).toBeNull();
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'D Sendt tilbake',
      'C Planlagt',
      'B Sendt inn',
      'A Godkjent',
    ]);
  });

  it('lists an assignment with its contact windows and a returned one with its note, newest edition first', async () => {
    renderApp({ path: '/oppdrag', handlers: handlers() });
    const card = (await screen.findByRole('heading', { name: 'Alfa Bank' })).closest('li')!;
    expect(within(card).getByText('man–fre 09:00–15:00')).toBeTruthy();
    expect(within(card).getByText('Planlagt')).toBeTruthy();
    expect(within(card).getByText(/Telefon · Uke 11/)).toBeTruthy();
    expect(within(card).getByText('Boliglån')).toBeTruthy();
    const returned = screen.getByRole('heading', { name: 'Beta Sparebank' }).closest('li')!;
    expect(within(returned).getByText(/Kommentaren om mottak mangler detaljer\./)).toBeTruthy();
    expect(within(returned).getByText('Spørsmål å rette:')).toBeTruthy();
    expect(within(returned).getByText('Ble du hilst velkommen?').tagName).toBe('LI');
    const years = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(years).toEqual(['KSP 2025', 'KSP 2024']);
    expect(screen.getByRole('link', { name: 'Mine oppdrag' })).toBeTruthy();
  });

  it('shows how to reach the participant: a tel: link for phone, mailto: or the page for e-mail, and whom to ask when not given', async () => {
    const form: Assignment = {
      ...PHONE,
      id: '13',
      company: { slug: 'gamma', name: 'Gamma' },
      channel: 'EMAIL',
      contact: 'https://gamma.no/kontakt',
    };
    const mail: Assignment = { ...PHONE, id: '14', company: { slug: 'delta', name: 'Delta' }, channel: 'EMAIL', contact: 'post@delta.no' };
    const data = { myAssignments: [PHONE, form, mail, RETURNED] };
    renderApp({ path: '/oppdrag', handlers: handlers({ MyAssignments: () => ({ data }) }) });
    const card = (name: string) => screen.getByRole('heading', { name }).closest('li')!;
    await screen.findByRole('heading', { name: 'Alfa Bank' });
    const phone = within(card('Alfa Bank')).getByRole('link', { name: '+47 22 12 34 56' });
    expect(phone.getAttribute('href')).toBe('tel:+4722123456');
    expect(within(card('Alfa Bank')).getByText('Kontakt').tagName).toBe('DT');
    const page = within(card('Gamma')).getByRole('link', { name: 'https://gamma.no/kontakt' });
    expect([page.getAttribute('href'), page.getAttribute('target'), page.getAttribute('rel')]).toEqual([
      'https://gamma.no/kontakt',
      '_blank',
      'noopener noreferrer',
    ]);
    expect(within(card('Delta')).getByRole('link', { name: 'post@delta.no' }).getAttribute('href')).toBe('mailto:post@delta.no');
    expect(within(card('Beta Sparebank')).getByText('Ikke oppgitt – spør prosjektlederen')).toBeTruthy();
    expect(within(card('Beta Sparebank')).queryAllByRole('link', { name: /@|\+47|https/ })).toEqual([]);
  });

  it('shows the contact on the form too', async () => {
    renderApp({ path: '/oppdrag/11', handlers: handlers() });
    await screen.findByRole('heading', { name: 'Alfa Bank' });
    expect(screen.getByRole('link', { name: '+47 22 12 34 56' }).getAttribute('href')).toBe('tel:+4722123456');
  });

  it('sends an observer from / to the assignments', async () => {
    const app = renderApp({ path: '/', handlers: handlers() });
    await waitFor(() => expect(app.location()).toBe('/oppdrag'));
  });
});

describe('the response form', () => {
  it('shows OUTSIDE_HOURS beside a phone attempt at 16:30 and SAME_DAY for two attempts on one day', async () => {
    renderApp({ path: '/oppdrag/11', handlers: handlers() });
    await screen.findByRole('heading', { name: 'Alfa Bank' });
    typeAttempt(0, '2025-03-10', '16:30');
    const problem = await screen.findByText(/^Utenfor kontakttid: /);
    expect(problem.closest('fieldset')?.querySelector('legend')?.textContent).toBe('Forsøk 1');
    fireEvent.click(screen.getByRole('button', { name: 'Legg til forsøk' }));
    typeAttempt(0, '2025-03-10', '10:00');
    typeAttempt(1, '2025-03-10', '11:00');
    const same = await screen.findByText(/^Samme dag: /);
    expect(same.closest('fieldset')?.querySelector('legend')?.textContent).toBe('Forsøk 2');
    expect(screen.queryByText(/^Utenfor kontakttid/)).toBeNull();
  });

  it('hides the questions while the inquiry is unanswered and shows them once a reply came in time', async () => {
    renderApp({ path: '/oppdrag/11', handlers: handlers() });
    await screen.findByRole('heading', { name: 'Alfa Bank' });
    typeAttempt(0, '2025-03-10', '10:00');
    expect(await screen.findByText(/Ingen svar innen fristen: besvarelsen registreres som ubesvart/)).toBeTruthy();
    expect(screen.queryByText('Ble du hilst velkommen?')).toBeNull();
    fireEvent.click(screen.getByLabelText('Fikk svar'));
    fireEvent.change(screen.getByLabelText('Ventetid, minutter'), { target: { value: '2' } });
    expect(await screen.findByText('Ble du hilst velkommen?')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Mottak og velkomst' })).toBeTruthy();
    expect(screen.getAllByRole('radio', { name: /^\d+$/ })).toHaveLength(11);
    fireEvent.change(screen.getByLabelText('Ventetid, minutter'), { target: { value: '6' } });
    await waitFor(() => expect(screen.queryByText('Ble du hilst velkommen?')).toBeNull());
  });

  it('saves a draft about a second after typing, with the Oslo offset, and keeps it locally across a re-render', async () => {
    const app = renderApp({ path: '/oppdrag/11', handlers: handlers() });
    await screen.findByRole('heading', { name: 'Alfa Bank' });
    typeAttempt(0, '2025-03-10', '10:00');
    fireEvent.click(screen.getByLabelText('Fikk svar'));
    fireEvent.change(screen.getByLabelText('Ventetid, sekunder'), { target: { value: '45' } });
    await waitFor(() => expect(app.calls.some((c) => c.operationName === 'SaveResponseDraft')).toBe(true), { timeout: 4000 });
    const saves = app.calls.filter((c) => c.operationName === 'SaveResponseDraft');
    expect(saves).toHaveLength(1);
    expect(saves[0]!.variables).toEqual({
      assignmentId: '11',
      input: {
        attempts: [{ at: '2025-03-10T10:00:00+01:00', waitSeconds: 45, automaticReplyOnly: false }],
        answers: [],
        comments: { reception: '', agent: '', overall: '' },
      },
    });
    expect(await screen.findByText('Lagret 09:05')).toBeTruthy();
    cleanup();

    renderApp({ path: '/oppdrag/11', handlers: handlers() });
    await screen.findByRole('heading', { name: 'Alfa Bank' });
    expect((screen.getByLabelText('Klokkeslett (norsk tid)') as HTMLInputElement).value).toBe('10:00');
    expect((screen.getByLabelText('Ventetid, sekunder') as HTMLInputElement).value).toBe('45');
  });

  it('submits with an idempotency key and reuses it on a retry after a network error, then shows Sendt inn', async () => {
    let calls = 0;
    const app = renderApp({
      path: '/oppdrag/11',
      handlers: handlers({
        SubmitResponse: () => {
          calls++;
          return calls === 1 ? NETWORK_DOWN : { data: { submitResponse: { ...PHONE, status: 'SUBMITTED' } } };
        },
      }),
    });
    await screen.findByRole('heading', { name: 'Alfa Bank' });
    // No reply to one attempt: unanswered, nothing else to fill in.
    typeAttempt(0, '2025-03-10', '10:00');
    fireEvent.click(screen.getByRole('button', { name: 'Send inn' }));
    expect(await screen.findByText(/Vi fikk ikke kontakt med serveren/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send inn' }));
    expect(await screen.findByText('Besvarelsen er sendt inn. Status: Sendt inn.')).toBeTruthy();
    const submits = app.calls.filter((c) => c.operationName === 'SubmitResponse');
    expect(submits).toHaveLength(2);
    const key = submits[0]!.variables['idempotencyKey'];
    expect(typeof key).toBe('string');
    expect((key as string).length).toBeGreaterThanOrEqual(8);
    expect(submits[1]!.variables['idempotencyKey']).toBe(key);
    expect(submits[0]!.variables['input']).toEqual({
      attempts: [{ at: '2025-03-10T10:00:00+01:00', waitSeconds: null, automaticReplyOnly: false }],
      answers: [],
      comments: { reception: '', agent: '', overall: '' },
    });
    expect(localStorage.getItem('ksp.oppdrag.11')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Send inn' })).toBeNull();
  });

  it('shows a server refusal’s fields beside them with the rule named', async () => {
    renderApp({
      path: '/oppdrag/11',
      handlers: handlers({
        SubmitResponse: () => ({
          errors: [
            {
              message: 'Besvarelsen bryter reglene for feltarbeid.',
              extensions: {
                code: 'BAD_USER_INPUT',
                rules: ['OUTSIDE_HOURS'],
                fields: [
                  {
                    field: 'attempts[0].at',
                    reason: 'OUTSIDE_HOURS',
                    message: 'Kontakt skjer på hverdager 10:00–14:00 (norsk tid); 2025-03-10 kl. 09:30 er utenfor.',
                  },
                ],
              },
            },
          ],
        }),
      }),
    });
    await screen.findByRole('heading', { name: 'Alfa Bank' });
    typeAttempt(0, '2025-03-10', '09:30');
    fireEvent.click(screen.getByRole('button', { name: 'Send inn' }));
    const beside = await screen.findByText(
      'Utenfor kontakttid: Kontakt skjer på hverdager 10:00–14:00 (norsk tid); 2025-03-10 kl. 09:30 er utenfor.',
    );
    expect(beside.closest('fieldset')?.querySelector('legend')?.textContent).toBe('Forsøk 1');
    expect(screen.getByRole('alert').textContent).toContain('Besvarelsen ble ikke tatt imot');
  });

  it('highlights the returned questions and the note, starting from the submitted response', async () => {
    const returnedPhone: Assignment = {
      ...RETURNED,
      channel: 'PHONE',
      contactWindows: ['man–fre 09:00–15:00'],
      maxAttempts: 2,
      form: {
        status: 'ANSWERED',
        savedAt: null,
        attempts: [{ at: '2024-03-11T10:00:00+01:00', waitSeconds: 65, automaticReplyOnly: false }],
        answers: [{ questionCode: 'REC_GREET', optionCode: 'NO', value: null }],
        comments: { reception: 'Kort.', agent: 'Grei nok.', overall: 'Ok.' },
      },
    };
    renderApp({ path: '/oppdrag/12', handlers: handlers({ AssignmentForm: () => ({ data: { myAssignments: [returnedPhone] } }) }) });
    expect(await screen.findByText('Besvarelsen ble sendt tilbake: Kommentaren om mottak mangler detaljer.')).toBeTruthy();
    expect((screen.getByLabelText('Ventetid, minutter') as HTMLInputElement).value).toBe('1');
    expect((screen.getByLabelText('Ventetid, sekunder') as HTMLInputElement).value).toBe('5');
    const question = screen.getByText(/Ble du hilst velkommen\?/).closest('fieldset')!;
    expect(question.className).toContain('response-form__question--returned');
    expect(within(question).getByText('Rett dette')).toBeTruthy();
    expect((within(question).getByLabelText('Nei') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('5 av 2 000 tegn')).toBeTruthy();
  });

  it('resubmits a returned response from what was submitted, with only the API’s fields', async () => {
    const returnedPhone: Assignment = {
      ...RETURNED,
      channel: 'PHONE',
      contactWindows: ['man–fre 09:00–15:00'],
      maxAttempts: 2,
      form: {
        __typename: 'ResponseContent',
        status: 'ANSWERED',
        savedAt: null,
        attempts: [{ __typename: 'ResponseAttempt', at: '2025-03-11T09:00:00Z', waitSeconds: 65, automaticReplyOnly: false }],
        answers: [
          { __typename: 'ResponseTick', questionCode: 'REC_GREET', optionCode: 'NO', value: null },
          { __typename: 'ResponseTick', questionCode: 'CX_NPS', optionCode: null, value: 8 },
        ],
        comments: { __typename: 'FormComments', reception: 'Kort.', agent: 'Grei nok.', overall: 'Ok.' },
      } as unknown as Assignment['form'],
    };
    const app = renderApp({
      path: '/oppdrag/12',
      handlers: handlers({
        AssignmentForm: () => ({ data: { myAssignments: [returnedPhone] } }),
        SubmitResponse: () => ({ data: { submitResponse: { ...returnedPhone, status: 'SUBMITTED' } } }),
      }),
    });
    await screen.findByText('Besvarelsen ble sendt tilbake: Kommentaren om mottak mangler detaljer.');
    fireEvent.click(screen.getByRole('button', { name: 'Send inn' }));
    expect(await screen.findByText('Besvarelsen er sendt inn. Status: Sendt inn.')).toBeTruthy();
    const [submit] = app.calls.filter((c) => c.operationName === 'SubmitResponse');
    expect(submit!.variables['input']).toEqual({
      attempts: [{ at: '2025-03-11T10:00:00+01:00', waitSeconds: 65, automaticReplyOnly: false }],
      answers: [
        { questionCode: 'REC_GREET', optionCode: 'NO', value: null },
        { questionCode: 'CX_NPS', optionCode: null, value: 8 },
      ],
      comments: { reception: 'Kort.', agent: 'Grei nok.', overall: 'Ok.' },
    });
  });
});
