import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '@web/test/renderApp';
import { EDITIONS_HANDLER, KONKURRENT_ME, meHandler, STAFF_ME } from '@web/test/fixtures';
import type { AcceptSignUpMutation, SignUpsQuery, WelcomeLinkQuery } from '@web/graphql/generated/graphql';

const PENDING: SignUpsQuery['signUps'][number] = {
  id: '3',
  companyName: 'Equinor ASA',
  organisationNumber: '923609016',
  className: 'Bank',
  tier: 'KONKURRENT',
  channels: ['PHONE', 'EMAIL'],
  competitors: ['Alfa Bank'],
  reportPurchased: true,
  openingHours: 'man–fre 08:00–16:00',
  contactPoints: [{ channel: 'PHONE', value: '+47 22 12 34 56' }],
  contactName: 'Kari Nordmann',
  contactEmail: 'kari@equinor.no',
  status: 'PENDING',
  createdAt: '2025-03-03T09:30:00.000Z',
  decidedAt: null,
  decidedBy: null,
  declineReason: null,
  companySlug: null,
};
const DECLINED: SignUpsQuery['signUps'][number] = {
  ...PENDING,
  id: '2',
  companyName: 'Sigma AS',
  organisationNumber: '910000020',
  tier: 'ENKEL',
  competitors: [],
  status: 'DECLINED',
  decidedAt: '2025-03-02T13:05:00.000Z',
  decidedBy: 'stab@ksp.no',
  declineReason: 'Ikke et kundesenter.',
};
const LIST: SignUpsQuery = { signUps: [PENDING, DECLINED] };
const ACCEPTED: AcceptSignUpMutation = {
  acceptSignUp: {
    company: { slug: 'equinor-asa', name: 'Equinor ASA' },
    managerWelcome: {
      email: 'kari@equinor.no',
      link: '/velkommen/abc123',
      expiresAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      existingUser: false,
    },
  },
};

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const staffPage = (handlers = {}) =>
  renderApp({
    path: '/drift/2025/pameldinger',
    handlers: { Me: meHandler(STAFF_ME), Editions: EDITIONS_HANDLER, SignUps: () => ({ data: LIST }), ...handlers },
  });

describe('staff’s sign-ups', () => {
  it('lists the pending ones first with everything they say, the decided below with who, when and why', async () => {
    staffPage();
    const card = within(await screen.findByRole('article', { name: 'Equinor ASA' }));
    const details = card.getAllByRole('term').map((dt) => `${dt.textContent}: ${dt.nextElementSibling!.textContent}`);
    expect(details).toEqual([
      'Organisasjonsnummer: 923609016',
      'Klasse (bransje): Bank',
      'Nivå: Konkurrent',
      'Kanaler dere kan kontaktes på: Telefon, E-post',
      'Åpningstider (valgfritt): man–fre 08:00–16:00',
      'Slik nås kundeservice: Telefon: +47 22 12 34 56',
      'Konkurrenter (høyst 5): Alfa Bank',
      'Vi kjøper rapporten: Ja',
      'Kontaktperson: Kari Nordmann, kari@equinor.no',
    ]);
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Venter på behandling', 'Behandlet']);
    expect(screen.getByText('Avslått 2. mars 2025 kl. 14:05 av stab@ksp.no')).toBeTruthy();
    expect(screen.getByText('Begrunnelse: Ikke et kundesenter.')).toBeTruthy();
  });

  it('accepts and shows the sign-in link once, with a copy button and a warning', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.assign(navigator, { clipboard: { writeText } });
    const { calls } = staffPage({ AcceptSignUp: () => ({ data: ACCEPTED }) });
    const card = within(await screen.findByRole('article', { name: 'Equinor ASA' }));
    fireEvent.click(card.getByRole('button', { name: 'Godta' }));
    expect(await screen.findByText('Equinor ASA er godtatt.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Innloggingslenke for kari@equinor.no' })).toBeTruthy();
    expect(
      screen.getByText('Lenken vises bare nå. Kopier den og send den til kontaktpersonen; den virker én gang, i 14 dager.'),
    ).toBeTruthy();
    const link = `${window.location.origin}/velkommen/abc123`;
    expect(screen.getByText(link)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Kopier lenken' }));
    await screen.findByRole('button', { name: 'Kopiert' });
    expect(writeText).toHaveBeenCalledWith(link);
    expect(calls.find((c) => c.operationName === 'AcceptSignUp')!.variables).toEqual({ id: '3' });
    // The list is asked again for the new state.
    await waitFor(() => expect(calls.filter((c) => c.operationName === 'SignUps')).toHaveLength(2));
  });

  it('declines only with a reason', async () => {
    const { calls } = staffPage({
      DeclineSignUp: () => ({ data: { declineSignUp: { id: '3', status: 'DECLINED', declineReason: 'Dobbel' } } }),
    });
    const card = within(await screen.findByRole('article', { name: 'Equinor ASA' }));
    fireEvent.click(card.getByRole('button', { name: 'Avslå' }));
    fireEvent.click(card.getByRole('button', { name: 'Avslå påmeldingen' }));
    expect(card.getByText('Skriv en begrunnelse.')).toBeTruthy();
    expect(calls.filter((c) => c.operationName === 'DeclineSignUp')).toEqual([]);
    fireEvent.change(card.getByLabelText('Begrunnelse for avslaget'), { target: { value: 'Dobbel' } });
    fireEvent.click(card.getByRole('button', { name: 'Avslå påmeldingen' }));
    await waitFor(() => expect(calls.find((c) => c.operationName === 'DeclineSignUp')?.variables).toEqual({ id: '3', reason: 'Dobbel' }));
  });

  it('words the server’s refusals: a missing reason beside the field, a sign-up decided meanwhile above', async () => {
    let answer: 'field' | 'rule' = 'field';
    staffPage({
      DeclineSignUp: () =>
        answer === 'field'
          ? {
              data: null,
              errors: [
                {
                  message: 'Skriv hvorfor påmeldingen avslås.',
                  extensions: {
                    code: 'BAD_USER_INPUT',
                    fields: [{ field: 'reason', reason: 'REQUIRED', message: 'Begrunnelse mangler.' }],
                  },
                },
              ],
            }
          : {
              data: null,
              errors: [
                {
                  message: 'Påmeldingen fra Equinor ASA er allerede godtatt.',
                  extensions: { code: 'BAD_USER_INPUT', rule: 'ALREADY_DECIDED', status: 'ACCEPTED' },
                },
              ],
            },
    });
    const card = within(await screen.findByRole('article', { name: 'Equinor ASA' }));
    fireEvent.click(card.getByRole('button', { name: 'Avslå' }));
    fireEvent.change(card.getByLabelText('Begrunnelse for avslaget'), { target: { value: 'x' } });
    fireEvent.click(card.getByRole('button', { name: 'Avslå påmeldingen' }));
    expect(await card.findByText('Skriv en begrunnelse.')).toBeTruthy();
    answer = 'rule';
    fireEvent.click(card.getByRole('button', { name: 'Avslå påmeldingen' }));
    expect(await card.findByText('Påmeldingen er allerede avgjort. Last siden på nytt.')).toBeTruthy();
  });

  it('tells a manager it is not for them', async () => {
    renderApp({
      path: '/drift/2025/pameldinger',
      handlers: {
        Me: meHandler(KONKURRENT_ME),
        Editions: EDITIONS_HANDLER,
        SignUps: () => ({ data: null, errors: [{ message: 'Sign-ups are shown to staff.', extensions: { code: 'FORBIDDEN' } }] }),
      },
    });
    expect(await screen.findByRole('heading', { name: 'Du har ikke tilgang til denne visningen' })).toBeTruthy();
  });
});

describe('the welcome link', () => {
  const VALID: WelcomeLinkQuery = { welcomeLink: { email: 'kari@equinor.no', expiresAt: '2025-03-17T09:30:00.000Z' } };

  it('sets the password with the token and goes on signed in', async () => {
    const { calls, location } = renderApp({
      path: '/velkommen/abc123',
      handlers: {
        Editions: EDITIONS_HANDLER,
        WelcomeLink: () => ({ data: VALID }),
        UseWelcomeLink: () => ({ data: { useWelcomeLink: { id: 9, role: 'MANAGER' } } }),
      },
    });
    expect(await screen.findByText('Velg et passord for kari@equinor.no. Lenken virker én gang.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Nytt passord (minst 8 tegn)'), { target: { value: 'et-godt-passord' } });
    fireEvent.change(screen.getByLabelText('Gjenta passordet'), { target: { value: 'et-annet' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre passordet og logg inn' }));
    expect(await screen.findByText('Passordene er ikke like.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Gjenta passordet'), { target: { value: 'et-godt-passord' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre passordet og logg inn' }));
    await waitFor(() => expect(location()).toBe('/'));
    expect(calls.find((c) => c.operationName === 'UseWelcomeLink')!.variables).toEqual({ token: 'abc123', password: 'et-godt-passord' });
  });

  it('words the server’s refusals: a password too short beside the form, a link used meanwhile', async () => {
    let answer: 'short' | 'used' = 'short';
    renderApp({
      path: '/velkommen/abc123',
      locale: 'en',
      handlers: {
        Editions: EDITIONS_HANDLER,
        WelcomeLink: () => ({ data: VALID }),
        UseWelcomeLink: () =>
          answer === 'short'
            ? {
                data: null,
                errors: [
                  {
                    message: 'Passordet må ha minst 10 tegn.',
                    extensions: {
                      code: 'BAD_USER_INPUT',
                      fields: [{ field: 'password', reason: 'TOO_SHORT', message: 'Passordet må ha minst 10 tegn.', min: 10 }],
                    },
                  },
                ],
              }
            : {
                data: null,
                errors: [{ message: 'Lenken virker ikke.', extensions: { code: 'BAD_USER_INPUT', rule: 'INVALID_LINK' } }],
              },
      },
    });
    await screen.findByLabelText('New password (at least 8 characters)');
    fireEvent.change(screen.getByLabelText('New password (at least 8 characters)'), { target: { value: 'kort' } });
    fireEvent.change(screen.getByLabelText('Repeat the password'), { target: { value: 'kort' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the password and sign in' }));
    expect(await screen.findByText('The password must have at least 8 characters.')).toBeTruthy();
    // The server's limit, should it differ, is the one said.
    fireEvent.change(screen.getByLabelText('New password (at least 8 characters)'), { target: { value: 'ni-tegn-x' } });
    fireEvent.change(screen.getByLabelText('Repeat the password'), { target: { value: 'ni-tegn-x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the password and sign in' }));
    expect(await screen.findByText('The password must have at least 10 characters.')).toBeTruthy();
    answer = 'used';
    fireEvent.click(screen.getByRole('button', { name: 'Save the password and sign in' }));
    expect(
      await screen.findByText('This link does not work: it is unknown, has expired or has been used. Ask KSP for a new one.'),
    ).toBeTruthy();
  });

  it('says so when the link is used, expired or unknown', async () => {
    renderApp({ path: '/velkommen/brukt', handlers: { Editions: EDITIONS_HANDLER, WelcomeLink: () => ({ data: { welcomeLink: null } }) } });
    expect(await screen.findByText('Lenken virker ikke: den er ukjent, utløpt eller allerede brukt. Be KSP om en ny.')).toBeTruthy();
  });
});
