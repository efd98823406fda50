import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/renderApp';
import { EDITIONS_HANDLER, KONKURRENT_ME, meHandler, OWN_ABILITIES, STAFF_ME } from '../../test/fixtures';
import type { Handler } from '../../test/graphql';
import { pageLoad, retryMinutes, safeReturnPath } from './SignInPage';

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** A server whose session starts empty and holds `who` after a successful login. */
function session(password: string, who = KONKURRENT_ME) {
  let signedIn = false;
  const handlers: Record<string, Handler> = {
    Editions: EDITIONS_HANDLER,
    Me: () => ({ data: { me: signedIn ? who : null } }),
    Login: (v) => {
      if (v['password'] === password) {
        signedIn = true;
        return { data: { login: { id: who.id, role: who.role } } };
      }
      return { data: null, errors: [{ message: 'Wrong e-mail or password.', path: ['login'], extensions: { code: 'UNAUTHENTICATED' } }] };
    },
    Logout: () => {
      signedIn = false;
      return { data: { logout: true } };
    },
    ResultList: () => ({ data: { resultList: [] } }),
    ReportShell: () => ({
      data: {
        participation: {
          company: { slug: 'alfa', name: 'Alfa Bank' },
          className: 'Bank',
          report: { byChannel: [], abilities: OWN_ABILITIES },
        },
      },
    }),
    OverviewChapter: () => ({ data: { participation: null } }),
    ClassRanks: () => ({ data: { resultList: [] } }),
    EditionParticipants: () => ({ data: { editionParticipants: [] } }),
  };
  return handlers;
}

function signIn(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('E-post'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Passord'), { target: { value: password } });
  fireEvent.submit(screen.getByLabelText('Passord').closest('form')!);
}

describe('signing in', () => {
  it('says in words when the password is wrong', async () => {
    renderApp({ path: '/logg-inn', handlers: session('riktig') });
    signIn('leder@alfa.no', 'feil');
    expect((await screen.findByRole('alert')).textContent).toBe('Feil e-post eller passord. Prøv igjen.');
  });

  it('says in words when sign-in is blocked, with the minutes to wait', async () => {
    const handlers = {
      ...session('x'),
      Login: () => ({
        data: null,
        errors: [
          { message: 'Too many failed sign-ins. Try again in 12 minutes.', path: ['login'], extensions: { code: 'TOO_MANY_REQUESTS' } },
        ],
      }),
    };
    renderApp({ path: '/logg-inn', handlers });
    signIn('leder@alfa.no', 'feil');
    expect((await screen.findByRole('alert')).textContent).toBe('For mange mislykkede forsøk. Prøv igjen om 12 minutter.');
  });

  it('takes a manager to the own dashboard of the newest edition, and back out on sign-out', async () => {
    const { location, calls } = renderApp({ path: '/logg-inn', handlers: session('riktig') });
    signIn('leder@alfa.no', 'riktig');
    await waitFor(() => expect(location()).toBe('/rapport/2024/alfa'));
    expect(calls.find((c) => c.operationName === 'Login')?.variables).toEqual({ email: 'leder@alfa.no', password: 'riktig' });
    expect(await screen.findByText('leder@alfa.no')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Logg ut' }));
    await waitFor(() => expect(location()).toBe('/'));
    expect(await screen.findByRole('link', { name: 'Logg inn' })).toBeTruthy();
  });

  it('returns to the page that asked for sign-in', async () => {
    const { location } = renderApp({ path: '/logg-inn?til=%2Frapport%2F2023%2Falfa%2Fcx', handlers: session('riktig') });
    signIn('leder@alfa.no', 'riktig');
    await waitFor(() => expect(location()).toBe('/rapport/2023/alfa/cx'));
  });

  it('loads the download that asked for sign-in with a full page load: the server sends it, not the router', async () => {
    const assign = vi.spyOn(pageLoad, 'assign').mockImplementation(() => {});
    const path = '/logg-inn?til=%2Feksport%2F2024%2Falfa%2Fbesvarelser.xlsx%3Flang%3Den';
    const { location } = renderApp({ path, handlers: session('riktig') });
    signIn('leder@alfa.no', 'riktig');
    await waitFor(() => expect(assign).toHaveBeenCalledWith('/eksport/2024/alfa/besvarelser.xlsx?lang=en'));
    expect(assign).toHaveBeenCalledTimes(1);
    expect(location()).toBe(path); // the router did not try to show /eksport
  });

  it.each([
    ['another site, scheme-relative', '//evil.example/eksport/2024/alfa/rapport.pdf'],
    ['another site, a full URL', 'https://evil.example/eksport/2024/alfa/rapport.pdf'],
    ['another site behind a backslash', '/\\evil.example/eksport/2024/alfa/rapport.pdf'],
    ['another site behind a tab', '/\t/evil.example/eksport/2024/alfa/rapport.pdf'],
  ])('ignores a return target on %s, and goes home', async (_what, target) => {
    const assign = vi.spyOn(pageLoad, 'assign').mockImplementation(() => {});
    const { location } = renderApp({ path: `/logg-inn?${new URLSearchParams({ til: target }).toString()}`, handlers: session('riktig') });
    signIn('leder@alfa.no', 'riktig');
    await waitFor(() => expect(location()).toBe('/rapport/2024/alfa'));
    expect(assign).not.toHaveBeenCalled();
  });

  it('takes staff to the edition overview', async () => {
    const { location } = renderApp({ path: '/', handlers: { ...session('x', STAFF_ME), Me: meHandler(STAFF_ME) } });
    await waitFor(() => expect(location()).toBe('/oversikt/2024'));
  });

  it('takes staff to the newest published edition, not to the one being planned (which has no results yet)', async () => {
    const { location } = renderApp({
      path: '/',
      handlers: {
        ...session('x', STAFF_ME),
        Me: meHandler(STAFF_ME),
        Editions: () => ({
          data: {
            editions: [
              { year: 2025, name: 'KSP 2025', status: 'PLANNING', classNames: [] },
              { year: 2024, name: 'KSP 2024', status: 'PUBLISHED', classNames: ['Bank', 'Mobil'] },
            ],
          },
        }),
      },
    });
    await waitFor(() => expect(location()).toBe('/oversikt/2024'));
  });

  it('only returns to paths inside the app', () => {
    expect(safeReturnPath('/rapport/2024/alfa')).toBe('/rapport/2024/alfa');
    expect(safeReturnPath('//evil.example')).toBe('/');
    expect(safeReturnPath('https://evil.example')).toBe('/');
    expect(safeReturnPath('/\\evil.example')).toBe('/');
    expect(safeReturnPath('/\t/evil.example')).toBe('/');
    expect(safeReturnPath('/eksport/2024/alfa/rapport.pdf?lang=en')).toBe('/eksport/2024/alfa/rapport.pdf?lang=en');
    expect(retryMinutes('Try again in 1 minute.')).toBe(1);
  });
});

describe('a view the viewer may not open', () => {
  it('says so and offers sign-in when nobody is signed in', async () => {
    renderApp({
      path: '/rapport/2024/beta',
      handlers: {
        Editions: EDITIONS_HANDLER,
        ReportShell: () => ({
          data: { participation: null },
          errors: [{ message: 'Sign in', path: ['participation', 'report'], extensions: { code: 'UNAUTHENTICATED' } }],
        }),
      },
    });
    const region = within(await screen.findByRole('region', { name: 'Du har ikke tilgang til denne visningen' }));
    const link = region.getByRole('link', { name: 'Logg inn' });
    expect(link.getAttribute('href')).toBe('/logg-inn?til=%2Frapport%2F2024%2Fbeta');
  });

  it('says so without sign-in for a signed-in manager', async () => {
    renderApp({
      path: '/rapport/2024/gamma',
      handlers: {
        Me: meHandler(KONKURRENT_ME),
        Editions: EDITIONS_HANDLER,
        ReportShell: () => ({
          data: { participation: { company: { slug: 'gamma', name: 'Gamma' }, className: 'Bank', report: null } },
          errors: [{ message: 'no', path: ['participation', 'report'], extensions: { code: 'FORBIDDEN' } }],
        }),
      },
    });
    expect(await screen.findByText(/Brukeren din har ikke tilgang/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Logg inn' })).toBeNull();
  });
});
