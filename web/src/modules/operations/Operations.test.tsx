import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/renderApp';
import { KONKURRENT_ME, meHandler, STAFF_ME } from '../../test/fixtures';
import type { Handler } from '../../test/graphql';
import type { EditionOperationsQuery, EditionStatus } from '../../graphql/generated/graphql';

const edition = (status: EditionStatus, events: NonNullable<EditionOperationsQuery['edition']>['events'] = []): EditionOperationsQuery => ({
  edition: {
    year: 2026,
    name: 'KSP 2026',
    status,
    settings: {
      weeks: [10, 11, 12],
      inquiriesPerParticipant: 25,
      channelKeys: [
        { channel: 'PHONE', key: 0.5 },
        { channel: 'EMAIL', key: 0.3 },
        { channel: 'CHAT', key: 0.2 },
      ],
      waitLimits: [
        { channel: 'PHONE', waitSeconds: 300, attempts: 2 },
        { channel: 'EMAIL', waitSeconds: 259200, attempts: 1 },
        { channel: 'CHAT', waitSeconds: 300, attempts: 2 },
        { channel: 'MESSENGER', waitSeconds: 1800, attempts: 2 },
      ],
      minQualityScore: 70,
      minCellSize: 5,
      thirdChannel: 'CHAT',
    },
    events,
  },
});
const EDITIONS: Handler = () => ({
  data: {
    editions: [
      { year: 2026, name: 'KSP 2026', status: 'PLANNING', classNames: [] },
      { year: 2025, name: 'KSP 2025', status: 'PUBLISHED', classNames: ['Bank'] },
    ],
  },
});

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('an edition’s operations (staff)', () => {
  it('is reached from the header in the edition being run, wherever staff are', async () => {
    renderApp({
      path: '/oversikt/2025',
      handlers: { Me: meHandler(STAFF_ME), Editions: EDITIONS, EditionParticipants: () => ({ data: { editionParticipants: [] } }) },
    });
    const nav = within(await screen.findByRole('navigation', { name: 'Hovedmeny' }));
    // 2026 is in planning: the link leads there, not to the published 2025 on screen.
    await waitFor(() => expect(nav.getByRole('link', { name: 'Drift' }).getAttribute('href')).toBe('/drift/2026'));
    expect(nav.getByRole('link', { name: 'Oversikt over utgaven' }).getAttribute('href')).toBe('/oversikt/2025');
  });

  it('shows the status steps and links, and moves on after a confirmation that says what the step changes', async () => {
    let status: EditionStatus = 'PLANNING';
    const { calls } = renderApp({
      path: '/drift/2026',
      handlers: {
        Me: meHandler(STAFF_ME),
        Editions: EDITIONS,
        EditionOperations: () => ({
          data: edition(
            status,
            status === 'FIELDWORK'
              ? [{ at: '2026-03-02T08:30:00.000Z', fromStatus: 'PLANNING', toStatus: 'FIELDWORK', by: 'stab@ksp.no', note: '' }]
              : [],
          ),
        }),
        ReviewQueueCount: () => ({ data: { reviewQueue: [] } }),
        SetEditionStatus: (v) => {
          status = v['status'] as EditionStatus;
          return { data: { setEditionStatus: { year: 2026, status } } };
        },
      },
    });
    const steps = within(await screen.findByRole('list', { name: 'Utgavens steg' }));
    expect(steps.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Planlegging', 'Feltarbeid', 'Kontroll', 'Publisert']);
    expect(steps.getByText('Planlegging').getAttribute('aria-current')).toBe('step');
    const links = within(screen.getByRole('navigation', { name: 'Sider for utgaven' }));
    expect(links.getByRole('link', { name: 'Påmeldinger' }).getAttribute('href')).toBe('/drift/2026/pameldinger');
    expect(links.getByRole('link', { name: 'Observatører' }).getAttribute('href')).toBe('/drift/2026/observatorer');
    expect(links.getByRole('link', { name: 'Planlegging av feltarbeidet' }).getAttribute('href')).toBe('/drift/2026/planlegging');
    expect(links.getByRole('link', { name: 'Henvendelser om besvarelser' }).getAttribute('href')).toBe('/drift/2026/henvendelser');
    expect(screen.getByText('Statusen er ikke endret ennå.')).toBeTruthy();
    // Staff reach this page from the header, in the edition shown.
    expect(
      within(screen.getByRole('navigation', { name: 'Hovedmeny' }))
        .getByRole('link', { name: 'Drift' })
        .getAttribute('href'),
    ).toBe('/drift/2026');

    fireEvent.click(screen.getByRole('button', { name: 'Gå videre til Feltarbeid …' }));
    const dialog = within(screen.getByRole('alertdialog', { name: 'Gå videre til Feltarbeid?' }));
    expect(dialog.getByText(/Påmeldingen stenges, og observatørene ser oppdragene sine/)).toBeTruthy();
    expect(calls.some((c) => c.operationName === 'SetEditionStatus')).toBe(false);
    fireEvent.click(dialog.getByRole('button', { name: 'Ja, gå videre' }));
    await waitFor(() =>
      expect(calls.find((c) => c.operationName === 'SetEditionStatus')?.variables).toEqual({ year: 2026, status: 'FIELDWORK' }),
    );
    // The history: who and when (Oslo time), and the settings are read only now.
    const history = within(await screen.findByRole('table'));
    expect(history.getAllByRole('row')[1]!.textContent).toBe('2. mars 2026 kl. 09:30Planlegging → Feltarbeidstab@ksp.no');
    expect(screen.getByText('Innstillingene ligger fast etter planleggingen.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Lagre innstillingene' })).toBeNull();
    expect(screen.getByText('nøkkel 0,50, venter 5 min, 2 forsøk')).toBeTruthy();
  });

  it('links to the review with the number waiting, and a refused publication says how many wait and leads there', async () => {
    renderApp({
      path: '/drift/2026',
      handlers: {
        Me: meHandler(STAFF_ME),
        Editions: EDITIONS,
        EditionOperations: () => ({ data: edition('REVIEW') }),
        ReviewQueueCount: () => ({ data: { reviewQueue: [{ id: '11' }, { id: '12' }, { id: '14' }] } }),
        SetEditionStatus: () => ({
          data: null,
          errors: [
            {
              message: 'KSP 2026 kan ikke publiseres ennå: 3 besvarelser venter på kontroll og 1 er sendt tilbake til observatøren.',
              extensions: { code: 'BAD_USER_INPUT', rule: 'UNREVIEWED_RESPONSES', submitted: 3, returned: 1 },
            },
          ],
        }),
      },
    });
    const links = within(await screen.findByRole('navigation', { name: 'Sider for utgaven' }));
    const review = await links.findByRole('link', { name: 'Kontroll av besvarelser (3 venter)' });
    expect(review.getAttribute('href')).toBe('/drift/2026/kontroll');
    fireEvent.click(screen.getByRole('button', { name: 'Gå videre til Publisert …' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ja, gå videre' }));
    const refusal = within(await screen.findByRole('alert'));
    expect(refusal.getByText(/^Utgaven kan ikke publiseres/).textContent).toBe(
      'Utgaven kan ikke publiseres ennå: 3 besvarelser venter på kontroll. 1 er sendt tilbake til observatøren og teller ikke om den ikke sendes inn på nytt og godkjennes før publisering.',
    );
    expect(refusal.getByRole('link', { name: 'Gå til kontrollen' }).getAttribute('href')).toBe('/drift/2026/kontroll');
  });

  it('checks the settings in the browser with the shared rules, and shows the server’s field errors beside the field', async () => {
    const { calls } = renderApp({
      path: '/drift/2026',
      handlers: {
        Me: meHandler(STAFF_ME),
        Editions: EDITIONS,
        EditionOperations: () => ({ data: edition('PLANNING') }),
        UpdateEditionSettings: () => ({
          data: null,
          errors: [
            {
              message: 'Innstillingene ble ikke lagret; rett feltet minCellSize.',
              extensions: {
                code: 'BAD_USER_INPUT',
                fields: [{ field: 'minCellSize', reason: 'OUT_OF_RANGE', message: '…', min: 1, max: 1000 }],
              },
            },
          ],
        }),
      },
    });
    const weeks = await screen.findByLabelText('Uker for feltarbeidet');
    fireEvent.change(weeks, { target: { value: '10 10 53' } });
    fireEvent.change(screen.getByLabelText('Laveste kvalitetsscore for observatører (0–100)'), { target: { value: '101' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre innstillingene' }));
    // 2026 has 53 ISO weeks: only the repeated 10 is wrong.
    expect(await screen.findByText('En uke står flere ganger.')).toBeTruthy();
    expect(screen.getByText('Må være fra 0 til 100.')).toBeTruthy();
    expect(weeks.getAttribute('aria-invalid')).toBe('true');
    expect(calls.some((c) => c.operationName === 'UpdateEditionSettings')).toBe(false);

    fireEvent.change(weeks, { target: { value: '10 11 53' } });
    fireEvent.change(screen.getByLabelText('Laveste kvalitetsscore for observatører (0–100)'), { target: { value: '75' } });
    fireEvent.change(within(screen.getByRole('group', { name: 'Telefon' })).getByLabelText('Fordelingsnøkkel'), {
      target: { value: '0,6' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre innstillingene' }));
    await waitFor(() => expect(calls.find((c) => c.operationName === 'UpdateEditionSettings')).toBeTruthy());
    const input = calls.find((c) => c.operationName === 'UpdateEditionSettings')!.variables['input'] as Record<string, unknown>;
    expect(input).toMatchObject({
      weeks: [10, 11, 53],
      minQualityScore: 75,
      channelKeys: [
        { channel: 'PHONE', key: 0.6 },
        { channel: 'EMAIL', key: 0.3 },
        { channel: 'CHAT', key: 0.2 },
      ],
    });
    const cell = screen.getByLabelText('Minste antall henvendelser bak et konkurrenttall');
    await waitFor(() => expect(cell.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Må være fra 1 til 1 000.')).toBeTruthy();
  });

  it('says so to a manager, without the data', async () => {
    renderApp({
      path: '/drift/2026',
      handlers: {
        Me: meHandler(KONKURRENT_ME),
        Editions: EDITIONS,
        EditionOperations: () => ({
          data: { edition: { year: 2026, name: 'KSP 2026', status: 'PLANNING', settings: null, events: null } },
          errors: [{ message: 'Only staff can set up an edition.', extensions: { code: 'FORBIDDEN' } }],
        }),
      },
    });
    expect(await screen.findByText('Du har ikke tilgang til denne visningen')).toBeTruthy();
    expect(screen.queryByLabelText('Uker for feltarbeidet')).toBeNull();
  });
});

describe('a new edition (staff)', () => {
  it('from a questionnaire file lists the problems the server found', async () => {
    const { calls } = renderApp({
      path: '/drift',
      handlers: {
        Me: meHandler(STAFF_ME),
        Editions: EDITIONS,
        CreateEdition: () => ({
          data: null,
          errors: [
            {
              message: 'Spørreskjemaet har 1 feil; ingen utgave ble opprettet.',
              extensions: {
                code: 'BAD_USER_INPUT',
                problems: [
                  { file: 'questionnaire.json', column: 'fieldwork.weeks[0]', message: 'week 53 is not an ISO week of 2027 (1–52)' },
                ],
              },
            },
          ],
        }),
      },
    });
    const file = new File(['{"edition": {}}'], 'questionnaire.json', { type: 'application/json' });
    fireEvent.change(await screen.findByLabelText('Spørreskjema (questionnaire.json)'), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Opprett utgaven' }));
    const alert = within(await screen.findByRole('alert'));
    expect(alert.getByText('Spørreskjemaet har 1 feil; ingen utgave ble opprettet.')).toBeTruthy();
    expect(alert.getByRole('listitem').textContent).toBe(
      'questionnaire.json: fieldwork.weeks[0]: week 53 is not an ISO week of 2027 (1–52)',
    );
    expect(calls.find((c) => c.operationName === 'CreateEdition')!.variables).toEqual({ input: { questionnaire: '{"edition": {}}' } });
  });

  it('by copying an earlier edition opens the new edition’s operations', async () => {
    const { calls, location } = renderApp({
      path: '/drift',
      handlers: {
        Me: meHandler(STAFF_ME),
        Editions: EDITIONS,
        CreateEdition: () => ({ data: { createEdition: { year: 2027, name: 'KSP 2027', status: 'PLANNING' } } }),
        EditionOperations: () => ({ data: edition('PLANNING') }),
      },
    });
    fireEvent.change(await screen.findByLabelText('Kopier fra'), { target: { value: '2025' } });
    fireEvent.change(screen.getByLabelText('Nytt år'), { target: { value: '2027' } });
    fireEvent.click(screen.getByRole('button', { name: 'Kopier utgaven' }));
    await waitFor(() => expect(location()).toBe('/drift/2027'));
    expect(calls.find((c) => c.operationName === 'CreateEdition')!.variables).toEqual({ input: { copyFrom: 2025, year: 2027 } });
  });
});
