import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { renderApp } from '../../test/renderApp';
import { meHandler, STAFF_ME } from '../../test/fixtures';
import type { Handler } from '../../test/graphql';
import type { ReviewedAssignmentFragment } from '../../graphql/generated/graphql';

const response = (status: 'ANSWERED' | 'UNANSWERED' = 'ANSWERED') => ({
  status,
  attempts: [
    { at: '2026-03-03T09:02:00.000Z', waitSeconds: null, automaticReplyOnly: false },
    { at: '2026-03-03T10:15:00.000Z', waitSeconds: 245, automaticReplyOnly: false },
  ],
  answers: [
    { questionCode: 'AGT_NEEDS', questionText: 'Kartla kundebehandleren behovet?', optionCode: 'YES', optionLabel: 'Ja', value: null },
    { questionCode: 'CX_CSAT', questionText: 'Hvor fornøyd var du?', optionCode: null, optionLabel: null, value: 4 },
  ],
  comments: { reception: 'Rask og vennlig.', agent: 'Grei.', overall: '' },
});

/** Two responses waiting: Alfa Bank's (submitted 3 March, flagged) before Delta Energi's e-mail (4 March). */
const QUEUE: ReviewedAssignmentFragment[] = [
  {
    id: '11',
    company: { slug: 'alfa', name: 'Alfa Bank' },
    className: 'Bank',
    channel: 'PHONE',
    week: 10,
    observer: { id: 'OBS-01', gender: 'FEMALE', ageBand: '30–39' },
    status: 'SUBMITTED',
    events: [
      { at: '2026-02-20T08:00:00.000Z', action: 'PLANNED', by: 'stab@ksp.no', note: 'planlagt automatisk', questions: [] },
      { at: '2026-03-03T10:20:00.000Z', action: 'SUBMITTED', by: null, note: '', questions: [] },
    ],
    review: {
      submittedAt: '2026-03-03T10:20:00.000Z',
      returnNote: null,
      returnQuestions: [],
      returnedAt: null,
      overdue: false,
      flags: [{ flag: 'SHORT_COMMENT', message: 'Kommentaren om kundebehandleren har bare 5 tegn.' }],
      response: response(),
    },
  },
  {
    id: '12',
    company: { slug: 'delta', name: 'Delta Energi' },
    className: 'Energi',
    channel: 'EMAIL',
    week: 10,
    observer: { id: 'OBS-02', gender: 'MALE', ageBand: '18–29' },
    status: 'SUBMITTED',
    events: [{ at: '2026-03-04T12:00:00.000Z', action: 'SUBMITTED', by: null, note: '', questions: [] }],
    review: {
      submittedAt: '2026-03-04T12:00:00.000Z',
      returnNote: null,
      returnQuestions: [],
      returnedAt: null,
      overdue: false,
      flags: [],
      response: {
        ...response(),
        attempts: [{ at: '2026-03-02T08:00:00.000Z', waitSeconds: 2 * 86400 + 3 * 3600, automaticReplyOnly: false }],
      },
    },
  },
];
const RETURNED: ReviewedAssignmentFragment[] = [
  {
    ...QUEUE[0]!,
    id: '13',
    company: { slug: 'beta', name: 'Beta Sparebank' },
    status: 'RETURNED',
    events: [
      { at: '2026-03-01T09:00:00.000Z', action: 'SUBMITTED', by: null, note: '', questions: [] },
      {
        at: '2026-03-01T14:00:00.000Z',
        action: 'RETURNED',
        by: 'stab@ksp.no',
        note: 'Ventetiden mangler sekunder.',
        questions: ['AGT_NEEDS'],
      },
    ],
    review: {
      ...QUEUE[0]!.review!,
      flags: [],
      returnNote: 'Ventetiden mangler sekunder.',
      returnQuestions: ['AGT_NEEDS'],
      returnedAt: '2026-03-01T14:00:00.000Z',
      overdue: true,
    },
  },
];
// "Now" is 5 March 2026 12:00 Oslo time.
const NOW = Date.parse('2026-03-05T11:00:00.000Z');

const handlers = (extra: Record<string, Handler> = {}): Record<string, Handler> => ({
  Me: meHandler(STAFF_ME),
  ReviewQueue: () => ({ data: { reviewQueue: QUEUE } }),
  ReturnedResponses: () => ({ data: { returnedResponses: RETURNED } }),
  ...extra,
});

beforeEach(() => {
  localStorage.clear();
  vi.spyOn(Date, 'now').mockReturnValue(NOW);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const card = (name: string) => within(screen.getByRole('article', { name: new RegExp(`^${name}`) }));

describe('the review of responses', () => {
  it('lists the queue oldest first, with who, when and the flags', async () => {
    renderApp({ path: '/drift/2026/kontroll', handlers: handlers() });
    expect(await screen.findByRole('heading', { name: 'Kontroll av besvarelser 2026', level: 1 })).toBeTruthy();
    await screen.findByText('2 besvarelser venter');
    const names = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(names).toEqual(['Alfa Bank Bank', 'Delta Energi Energi', 'Beta Sparebank Bankover 3 dager']);
    const alfa = card('Alfa Bank');
    expect(alfa.getByText(/^Telefon · uke 10/).textContent).toBe('Telefon · uke 10 · observatør OBS-01 (kvinne, 30–39)');
    expect(alfa.getByText(/^Sendt inn 3/).textContent).toBe('Sendt inn 3. mars 2026 kl. 11:20 (for 2 dager siden)');
    const flags = within(alfa.getByRole('list', { name: 'Merknader' }));
    expect(flags.getByRole('listitem').textContent).toBe('Kort kommentar Kommentaren om kundebehandleren har bare 5 tegn.');
    expect(screen.getByRole('article', { name: /^Alfa Bank/ }).className).toContain('review-card--flagged');
    expect(screen.getByRole('article', { name: /^Delta Energi/ }).className).not.toContain('review-card--flagged');
  });

  it('shows the attempts, answers, comments and the history in Norwegian', async () => {
    renderApp({ path: '/drift/2026/kontroll', handlers: handlers() });
    await screen.findByText('2 besvarelser venter');
    const alfa = card('Alfa Bank');
    const items = alfa.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toContain('Forsøk 1, 3. mars 2026 kl. 10:02: ikke svar');
    expect(items).toContain('Forsøk 2, 3. mars 2026 kl. 11:15: ventet 4:05');
    expect(items).toContain('Planlagt 20. februar 2026 kl. 09:00 av stab@ksp.no: planlagt automatisk');
    expect(items).toContain('Sendt inn 3. mars 2026 kl. 11:20');
    expect(alfa.getByText('Kartla kundebehandleren behovet?').nextSibling?.textContent).toBe('Ja');
    expect(alfa.getByText('Hvor fornøyd var du?').nextSibling?.textContent).toBe('4');
    expect(alfa.getByText('Besvart')).toBeTruthy();
    expect(alfa.getByText('Totalinntrykk').nextSibling?.textContent).toBe('(ingen kommentar)');
    expect(card('Delta Energi').getByText(/^Forsøk 1/).textContent).toBe('Forsøk 1, 2. mars 2026 kl. 09:00: ventet 2 dager 3 timer');
    const beta = card('Beta Sparebank');
    expect(beta.getAllByRole('listitem').map((li) => li.textContent)).toContain(
      'Sendt tilbake 1. mars 2026 kl. 15:00 av stab@ksp.no: Ventetiden mangler sekunder. (Kartla kundebehandleren behovet?)',
    );
  });

  it('approves the selected responses at once, then refreshes the queue', async () => {
    let queue = QUEUE;
    const approve = vi.fn<Handler>((v) => {
      queue = queue.filter((a) => !(v['assignmentIds'] as string[]).includes(a.id));
      return { data: { approveResponses: (v['assignmentIds'] as string[]).map((id) => ({ id, status: 'APPROVED' })) } };
    });
    renderApp({
      path: '/drift/2026/kontroll',
      handlers: handlers({ ReviewQueue: () => ({ data: { reviewQueue: queue } }), ApproveResponses: approve }),
    });
    await screen.findByText('2 besvarelser venter');
    expect(screen.getByRole('button', { name: 'Godkjenn valgte (0)' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByLabelText('Velg Alfa Bank, Telefon, OBS-01'));
    fireEvent.click(screen.getByLabelText('Velg Delta Energi, E-post, OBS-02'));
    fireEvent.click(screen.getByRole('button', { name: 'Godkjenn valgte (2)' }));
    expect(await screen.findByText('2 besvarelser er godkjent.')).toBeTruthy();
    expect(approve.mock.calls.map(([v]) => v)).toEqual([{ assignmentIds: ['11', '12'] }]);
    expect(await screen.findByText('Ingen besvarelser venter på kontroll.')).toBeTruthy();
  });

  it('selects the whole queue at once and clears it again', async () => {
    renderApp({ path: '/drift/2026/kontroll', handlers: handlers({ ReviewQueue: () => ({ data: { reviewQueue: QUEUE } }) }) });
    await screen.findByText('2 besvarelser venter');
    const all = screen.getByLabelText('Velg alle (2)') as HTMLInputElement;
    fireEvent.click(all);
    expect(screen.getByRole('button', { name: 'Godkjenn valgte (2)' }).hasAttribute('disabled')).toBe(false);
    expect((screen.getByLabelText('Velg Delta Energi, E-post, OBS-02') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText('Velg Alfa Bank, Telefon, OBS-01'));
    expect(all.checked).toBe(false);
    fireEvent.click(all);
    fireEvent.click(all);
    expect(screen.getByRole('button', { name: 'Godkjenn valgte (0)' }).hasAttribute('disabled')).toBe(true);
  });

  it('returns a response only with a note, the refusal beside the field, and sends the chosen questions', async () => {
    const returnResponse = vi.fn<Handler>((v) =>
      String(v['note']).length > 10
        ? {
            data: null,
            errors: [
              {
                message: 'Notatet kan ha høyst 2000 tegn.',
                extensions: {
                  code: 'BAD_USER_INPUT',
                  fields: [{ field: 'note', reason: 'TOO_LONG', message: 'Notatet kan ha høyst 2000 tegn.', max: 2000 }],
                },
              },
            ],
          }
        : { data: { returnResponse: { id: '11', status: 'RETURNED' } } },
    );
    renderApp({ path: '/drift/2026/kontroll', handlers: handlers({ ReturnResponse: returnResponse }) });
    await screen.findByText('2 besvarelser venter');
    const alfa = card('Alfa Bank');
    fireEvent.click(alfa.getByRole('button', { name: 'Send tilbake' }));
    const form = within(alfa.getByRole('form', { name: 'Send tilbake til observatøren' }));
    const note = form.getByLabelText('Hva skal observatøren rette? (påkrevd)');
    fireEvent.click(form.getByRole('button', { name: 'Send tilbake' }));
    const missing = await form.findByRole('alert');
    expect(missing.textContent).toBe('Skriv hva observatøren skal rette.');
    expect(note.getAttribute('aria-describedby')).toBe(missing.id);
    expect(returnResponse).not.toHaveBeenCalled();
    fireEvent.change(note, { target: { value: 'Altfor langt notat' } });
    fireEvent.click(form.getByRole('button', { name: 'Send tilbake' }));
    // The limit as Norwegian writes numbers (a narrow space between thousands).
    expect((await form.findByRole('alert')).textContent).toMatch(/^Notatet kan ha høyst 2\s000 tegn\.$/);
    expect(note.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(note, { target: { value: 'Rett svar' } });
    fireEvent.click(form.getByLabelText('Kartla kundebehandleren behovet?'));
    fireEvent.click(form.getByRole('button', { name: 'Send tilbake' }));
    expect(await screen.findByText('Besvarelsen er sendt tilbake til OBS-01.')).toBeTruthy();
    expect(returnResponse.mock.calls.map(([v]) => v)[1]).toEqual({ assignmentId: '11', note: 'Rett svar', questionCodes: ['AGT_NEEDS'] });
  });

  it('lists returned responses with the note, the questions, who and when, and marks an overdue one', async () => {
    renderApp({ path: '/drift/2026/kontroll', handlers: handlers() });
    await screen.findByText('2 besvarelser venter');
    const beta = card('Beta Sparebank');
    expect(beta.getByText('over 3 dager').className).toContain('badge');
    expect(beta.getByText(/^Sendt tilbake 1/).textContent).toBe('Sendt tilbake 1. mars 2026 kl. 15:00 av stab@ksp.no');
    expect(beta.getByText('Notat').nextSibling?.textContent).toBe('Ventetiden mangler sekunder.');
    expect(beta.getByText('Spørsmål som skal rettes').nextSibling?.textContent).toBe('Kartla kundebehandleren behovet?');
  });

  it('says so when nothing waits, and speaks English', async () => {
    renderApp({
      path: '/drift/2026/kontroll',
      locale: 'en',
      handlers: handlers({
        ReviewQueue: () => ({ data: { reviewQueue: [] } }),
        ReturnedResponses: () => ({ data: { returnedResponses: [] } }),
      }),
    });
    expect(await screen.findByText('No responses are waiting for review.')).toBeTruthy();
    expect(screen.getByText('No responses have been returned.')).toBeTruthy();
  });
});
