import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/renderApp';
import { KONKURRENT_ME, meHandler, STAFF_ME } from '../../test/fixtures';
import type { Handler } from '../../test/graphql';
import type { AssignObserverMutation, FieldworkAssignmentsQuery, PlanningOverviewQuery } from '../../graphql/generated/graphql';

/**
 * KSP 2025 in planning, weeks 10 and 11, 4 inquiries each: Alfa Bank (Bank; phone 3, e-mail 1)
 * fully staffed; Delta Energi (Energi; phone 2) with one phone inquiry in week 11 unstaffed.
 */
const OVERVIEW: PlanningOverviewQuery = {
  planningOverview: {
    year: 2025,
    status: 'PLANNING',
    fieldworkWeeks: [10, 11],
    inquiriesPerParticipant: 4,
    plannedAt: '2025-01-10T09:30:00Z',
    plannedBy: 'stab@ksp.no',
    assigned: 5,
    unassigned: 1,
    participants: [
      {
        company: { slug: 'alfa', name: 'Alfa Bank' },
        className: 'Bank',
        channels: ['PHONE', 'EMAIL'],
        split: [
          { channel: 'PHONE', target: 3, staffed: 3 },
          { channel: 'EMAIL', target: 1, staffed: 1 },
        ],
        weeks: [
          { week: 10, staffed: 2 },
          { week: 11, staffed: 2 },
        ],
        target: 4,
        staffed: 4,
        shortfalls: [],
      },
      {
        company: { slug: 'delta', name: 'Delta Energi' },
        className: 'Energi',
        channels: ['PHONE'],
        split: [{ channel: 'PHONE', target: 2, staffed: 1 }],
        weeks: [
          { week: 10, staffed: 1 },
          { week: 11, staffed: 0 },
        ],
        target: 2,
        staffed: 1,
        shortfalls: [
          {
            channel: 'PHONE',
            week: 11,
            missing: 1,
            planned: 1,
            rules: ['CUSTOMER'],
            reason:
              '1 av 1 henvendelser på telefon uten observatør i uke 11: ingen av de 8 observatørene kan ta flere – 7 er kunder av selskapet',
          },
        ],
      },
    ],
  },
};
const ASSIGNMENTS: FieldworkAssignmentsQuery = {
  fieldworkAssignments: [
    {
      id: '1',
      company: { slug: 'alfa' },
      channel: 'PHONE',
      week: 10,
      observer: { id: 'OBS-01', gender: 'FEMALE', ageBand: '30–39' },
      status: 'PLANNED',
    },
    {
      id: '2',
      company: { slug: 'alfa' },
      channel: 'PHONE',
      week: 11,
      observer: { id: 'OBS-02', gender: 'MALE', ageBand: '18–29' },
      status: 'DRAFT',
    },
    {
      id: '3',
      company: { slug: 'alfa' },
      channel: 'PHONE',
      week: 11,
      observer: { id: 'OBS-03', gender: 'OTHER', ageBand: '60+' },
      status: 'PLANNED',
    },
    {
      id: '4',
      company: { slug: 'alfa' },
      channel: 'EMAIL',
      week: 10,
      observer: { id: 'OBS-04', gender: 'FEMALE', ageBand: '40–49' },
      status: 'PLANNED',
    },
    {
      id: '5',
      company: { slug: 'delta' },
      channel: 'PHONE',
      week: 10,
      observer: { id: 'OBS-06', gender: 'MALE', ageBand: '30–39' },
      status: 'PLANNED',
    },
  ],
};
const handlers = (extra: Record<string, Handler> = {}): Record<string, Handler> => ({
  Me: meHandler(STAFF_ME),
  PlanningOverview: () => ({ data: OVERVIEW }),
  FieldworkAssignments: () => ({ data: ASSIGNMENTS }),
  ...extra,
});
const REFUSED = {
  data: null,
  errors: [
    {
      message: 'Observatør OBS-07 er kunde av eller registrert hos alfa.',
      path: ['assignObserver'],
      extensions: { code: 'BAD_USER_INPUT', rules: ['CUSTOMER'], field: 'observerId' },
    },
  ],
};

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const participant = (name: string) => within(screen.getByRole('article', { name: new RegExp(`^${name}`) }));
const rows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((r) => r.textContent);

describe('the fieldwork plan', () => {
  it('shows the result, each participant’s split and staffing, and the shortfalls with their reasons', async () => {
    renderApp({ path: '/drift/2025/planlegging', handlers: handlers() });
    expect(await screen.findByRole('heading', { name: 'Feltarbeidsplan 2025', level: 1 })).toBeTruthy();
    expect(await screen.findByText('5 henvendelser har observatør, 1 mangler observatør.')).toBeTruthy();
    // When and by whom, in Oslo time, as dates are written everywhere else.
    expect(screen.getByText(/sist planlagt/).textContent).toBe(
      'Status: planlegges · sist planlagt 10. januar 2025 kl. 10:30 av stab@ksp.no',
    );
    const alfa = participant('Alfa Bank');
    expect(alfa.getByText(/Kanaler:/).textContent).toBe('Kanaler: Telefon, E-post · 4 av 4 henvendelser har observatør');
    expect(rows(alfa.getByRole('table', { name: 'Fordeling på kanaler for Alfa Bank' }))).toEqual([
      'KanalPlanlagtMed observatør',
      'Telefon33',
      'E-post11',
    ]);
    expect(alfa.getByText('uke 10: 2 henvendelser · uke 11: 2 henvendelser')).toBeTruthy();
    const delta = participant('Delta Energi');
    expect(delta.getByText('ikke fullt bemannet')).toBeTruthy();
    expect(delta.getByRole('listitem').textContent).toBe(
      '1 av 1 på telefon i uke 11: 1 av 1 henvendelser på telefon uten observatør i uke 11: ingen av de 8 observatørene kan ta flere – 7 er kunder av selskapet',
    );
    // The assignments open on demand: channel, week, observer id, gender, age band, status.
    fireEvent.click(alfa.getByText('4 oppdrag'));
    const table = await alfa.findByRole('table', { name: 'Oppdragene til Alfa Bank' });
    expect(rows(table)).toEqual([
      'KanalUkeObservatørKjønnAlderStatusEndre',
      'Telefon10OBS-01Kvinne30–39planlagtBytt OBS-01',
      'Telefon11OBS-02Mann18–29påbegynt',
      'Telefon11OBS-03Annet60+planlagtBytt OBS-03',
      'E-post10OBS-04Kvinne40–49planlagtBytt OBS-04',
    ]);
  });

  it('filters by class, channel, week and “not fully staffed” in the URL', async () => {
    const { location } = renderApp({ path: '/drift/2025/planlegging', handlers: handlers() });
    await screen.findByRole('article', { name: /^Alfa Bank/ });
    const names = () => screen.getAllByRole('article').map((a) => within(a).getByRole('heading').textContent);
    expect(names()).toEqual(['Alfa Bank Bank', 'Delta Energi Energi']);
    fireEvent.click(screen.getByLabelText('Ikke fullt bemannet'));
    await waitFor(() => expect(location()).toBe('/drift/2025/planlegging?ufullt=1'));
    expect(names()).toEqual(['Delta Energi Energi']);
    fireEvent.click(screen.getByLabelText('Ikke fullt bemannet'));
    fireEvent.change(screen.getByLabelText('Klasse'), { target: { value: 'Bank' } });
    await waitFor(() => expect(location()).toBe('/drift/2025/planlegging?klasse=Bank'));
    expect(names()).toEqual(['Alfa Bank Bank']);
    fireEvent.change(screen.getByLabelText('Kanal'), { target: { value: 'EMAIL' } });
    fireEvent.change(screen.getByLabelText('Uke'), { target: { value: '10' } });
    await waitFor(() => expect(location()).toBe('/drift/2025/planlegging?klasse=Bank&kanal=EMAIL&uke=10'));
    const alfa = participant('Alfa Bank');
    expect(rows(alfa.getByRole('table', { name: 'Fordeling på kanaler for Alfa Bank' }))).toEqual([
      'KanalPlanlagtMed observatør',
      'E-post11',
    ]);
    fireEvent.click(alfa.getByText('1 oppdrag'));
    expect(rows(await alfa.findByRole('table', { name: 'Oppdragene til Alfa Bank' })).slice(1)).toEqual([
      'E-post10OBS-04Kvinne40–49planlagtBytt OBS-04',
    ]);
  });

  it('asks before replanning an edition that has assignments, then shows what the plan did', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const { calls } = renderApp({
      path: '/drift/2025/planlegging',
      handlers: handlers({ PlanFieldwork: () => ({ data: { planFieldwork: { assigned: 6, unassigned: 0, planned: 4, kept: 2 } } }) }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Planlegg feltarbeidet' }));
    expect(confirm).toHaveBeenCalledWith(
      'Planlegge på nytt? De automatisk planlagte oppdragene erstattes. Oppdrag som er påbegynt eller endret for hånd, beholdes.',
    );
    expect(calls.some((c) => c.operationName === 'PlanFieldwork')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Planlegg feltarbeidet' }));
    await screen.findByText(/Nå planlagt: 4, beholdt: 2\./);
    expect(calls.find((c) => c.operationName === 'PlanFieldwork')!.variables).toEqual({ year: 2025 });
  });

  it('says so when every participant is fully staffed and only the short ones are asked for', async () => {
    const full = OVERVIEW.planningOverview.participants.filter((p) => p.staffed === p.target && p.shortfalls.length === 0);
    expect(full.length).toBeGreaterThan(0);
    renderApp({
      path: '/drift/2025/planlegging?ufullt=1',
      handlers: handlers({
        PlanningOverview: () => ({ data: { planningOverview: { ...OVERVIEW.planningOverview, unassigned: 0, participants: full } } }),
      }),
    });
    expect(await screen.findByText('Alle deltakerne er fullt bemannet: hver henvendelse har en observatør.')).toBeTruthy();
    expect(screen.getByText('0 deltakere')).toBeTruthy();
  });

  it('changes an observer by hand, and shows a refused rule beside the field', async () => {
    const assign = vi.fn<Handler>((v) =>
      v['observerId'] === 'OBS-07'
        ? REFUSED
        : {
            data: {
              assignObserver: { ...ASSIGNMENTS.fieldworkAssignments[0]!, observer: { id: 'OBS-08', gender: 'MALE', ageBand: '50–59' } },
            } satisfies AssignObserverMutation,
          },
    );
    renderApp({ path: '/drift/2025/planlegging', handlers: handlers({ AssignObserver: assign }) });
    // The heading shows at once; the participants once the plan has loaded.
    await screen.findByRole('article', { name: /^Alfa Bank/ });
    const alfa = participant('Alfa Bank');
    fireEvent.click(alfa.getByText('4 oppdrag'));
    fireEvent.click(await alfa.findByRole('button', { name: 'Bytt OBS-01' }));
    const form = within(alfa.getByRole('form', { name: 'Bytt observatør' }));
    expect(form.getByText('Alfa Bank, telefon, uke 10: nå OBS-01.')).toBeTruthy();
    const field = form.getByLabelText('Ny observatør (id)');
    fireEvent.change(field, { target: { value: 'OBS-07' } });
    fireEvent.click(form.getByRole('button', { name: 'Lagre' }));
    const refusal = await form.findByRole('alert');
    expect(refusal.textContent).toBe('Observatør OBS-07 er kunde av eller registrert hos alfa.');
    expect(field.getAttribute('aria-describedby')).toBe(refusal.id);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(field, { target: { value: ' OBS-08 ' } });
    fireEvent.click(form.getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(alfa.queryByRole('form')).toBeNull());
    expect(assign.mock.calls.map(([v]) => v)).toEqual([
      { assignmentId: '1', observerId: 'OBS-07' },
      { assignmentId: '1', observerId: 'OBS-08' },
    ]);
  });

  it('speaks English when asked, the refused rule in its own words', async () => {
    renderApp({ path: '/drift/2025/planlegging', locale: 'en', handlers: handlers({ AssignObserver: () => REFUSED }) });
    expect(await screen.findByRole('heading', { name: 'Fieldwork plan 2025', level: 1 })).toBeTruthy();
    await screen.findByRole('article', { name: /^Alfa Bank/ });
    expect(participant('Delta Energi').getByRole('listitem').textContent).toBe(
      '1 of 1 on phone in week 11: The observer is a customer of or registered with the company.',
    );
    const alfa = participant('Alfa Bank');
    fireEvent.click(alfa.getByText('4 assignments'));
    fireEvent.click(await alfa.findByRole('button', { name: 'Replace OBS-01' }));
    fireEvent.change(alfa.getByLabelText('New observer (id)'), { target: { value: 'OBS-07' } });
    fireEvent.click(alfa.getByRole('button', { name: 'Save' }));
    expect((await alfa.findByRole('alert')).textContent).toBe('The observer is a customer of or registered with the company.');
  });

  it('tells a manager it is not for them', async () => {
    const forbidden = (name: string) => () => ({
      data: null,
      errors: [{ message: 'Only staff', path: [name], extensions: { code: 'FORBIDDEN' } }],
    });
    renderApp({
      path: '/drift/2025/planlegging',
      handlers: {
        Me: meHandler(KONKURRENT_ME),
        PlanningOverview: forbidden('planningOverview'),
        FieldworkAssignments: forbidden('fieldworkAssignments'),
      },
    });
    expect(await screen.findByRole('heading', { name: 'Du har ikke tilgang til denne visningen' })).toBeTruthy();
  });
});
