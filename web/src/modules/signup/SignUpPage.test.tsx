import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '@web/test/renderApp';
import { EDITIONS_HANDLER } from '@web/test/fixtures';
import type { SignUpFormQuery, SignUpMutation } from '@web/graphql/generated/graphql';

const OPEN: SignUpFormQuery = {
  signUpForm: {
    year: 2025,
    name: 'KSP 2025',
    open: true,
    classNames: ['Bank', 'Forsikring'],
    companyNames: ['Alfa Bank', 'Beta Sparebank', 'C1', 'C2', 'C3', 'C4'],
  },
};
const SENT: SignUpMutation = { signUp: { id: '7', companyName: 'Equinor ASA', contactEmail: 'kari@equinor.no', status: 'PENDING' } };

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const open = (handlers = {}) =>
  renderApp({ path: '/pamelding/2025', handlers: { Editions: EDITIONS_HANDLER, SignUpForm: () => ({ data: OPEN }), ...handlers } });
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const errorOf = (label: string) => {
  const input = screen.getByLabelText(label);
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id))
    .find((el) => el?.classList.contains('field__error'))?.textContent;
};

function fillValid() {
  type('Selskapsnavn', 'Equinor ASA');
  type('Organisasjonsnummer', '923 609 016');
  type('Klasse (bransje)', 'Bank');
  fireEvent.click(screen.getByLabelText('Telefon'));
  fireEvent.click(screen.getByLabelText('E-post'));
  type('Kontaktpersonens navn', 'Kari Nordmann');
  type('Kontaktpersonens e-post', 'kari@equinor.no');
}

describe('the sign-up form', () => {
  it('shows a field’s problem beside it once left, by the shared rules', async () => {
    open();
    await screen.findByRole('heading', { name: 'Påmelding til KSP 2025' });
    type('Organisasjonsnummer', '923609017');
    expect(errorOf('Organisasjonsnummer')).toBeUndefined();
    fireEvent.blur(screen.getByLabelText('Organisasjonsnummer'));
    expect(errorOf('Organisasjonsnummer')).toBe('Kontrollsifferet stemmer ikke: se etter om et siffer er skrevet feil.');
    expect(screen.getByLabelText('Organisasjonsnummer').getAttribute('aria-invalid')).toBe('true');
    type('Organisasjonsnummer', '923609016');
    expect(errorOf('Organisasjonsnummer')).toBeUndefined();
  });

  it('sends nothing while a field is wrong, and says how many', async () => {
    const { calls } = open();
    await screen.findByLabelText('Selskapsnavn');
    fireEvent.click(screen.getByRole('button', { name: 'Send påmeldingen' }));
    // Company name, organisation number, class, channels, contact name and e-mail.
    expect(await screen.findByText('Rett 6 felt før du sender.')).toBeTruthy();
    expect(errorOf('Selskapsnavn')).toBe('Skriv navnet på selskapet.');
    expect(errorOf('Kontaktpersonens e-post')).toBe('Skriv e-postadressen til kontaktpersonen.');
    expect(calls.filter((c) => c.operationName === 'SignUp')).toEqual([]);
  });

  it('sends a valid sign-up and confirms it', async () => {
    const { calls } = open({ SignUp: () => ({ data: SENT }) });
    await screen.findByLabelText('Selskapsnavn');
    fillValid();
    fireEvent.click(screen.getByRole('button', { name: 'Send påmeldingen' }));
    expect(await screen.findByRole('heading', { name: 'Takk for påmeldingen!' })).toBeTruthy();
    expect(
      screen.getByText('Påmeldingen fra Equinor ASA til KSP 2025 er mottatt. KSP går gjennom den og tar kontakt på kari@equinor.no.'),
    ).toBeTruthy();
    expect(calls.find((c) => c.operationName === 'SignUp')!.variables).toEqual({
      year: 2025,
      input: {
        companyName: 'Equinor ASA',
        organisationNumber: '923 609 016',
        className: 'Bank',
        tier: 'ENKEL',
        channels: ['PHONE', 'EMAIL'],
        competitors: null,
        reportPurchased: false,
        contactName: 'Kari Nordmann',
        contactEmail: 'kari@equinor.no',
        openingHours: null,
        contactPoints: [],
      },
    });
  });

  it('asks how to reach each ticked channel, optionally, and shows each contact point’s problem beside it', async () => {
    const { calls } = open({ SignUp: () => ({ data: SENT }) });
    await screen.findByLabelText('Selskapsnavn');
    expect(screen.queryByLabelText('Telefonnummer til kundeservice')).toBeNull();
    fillValid();
    fireEvent.click(screen.getByLabelText('Chat'));
    expect(screen.queryByLabelText('Adresse til Messenger-siden')).toBeNull();
    expect(screen.getByLabelText('Telefonnummer til kundeservice').getAttribute('type')).toBe('tel');

    type('Telefonnummer til kundeservice', '22 12 34');
    fireEvent.blur(screen.getByLabelText('Telefonnummer til kundeservice'));
    expect(errorOf('Telefonnummer til kundeservice')).toBe(
      'Skriv et norsk telefonnummer med 8 siffer, for eksempel 22 12 34 56 eller +47 22 12 34 56.',
    );
    type('E-postadresse eller adresse til kontaktskjema', 'equinor.no/kontakt');
    fireEvent.blur(screen.getByLabelText('E-postadresse eller adresse til kontaktskjema'));
    expect(errorOf('E-postadresse eller adresse til kontaktskjema')).toBe(
      'Skriv en e-postadresse (kundeservice@firma.no) eller adressen til kontaktskjemaet (https://firma.no/kontakt).',
    );
    type('Adresse til chat', 'chat.equinor.no');
    fireEvent.click(screen.getByRole('button', { name: 'Send påmeldingen' }));
    expect(await screen.findByText('Rett 3 felt før du sender.')).toBeTruthy();
    expect(errorOf('Adresse til chat')).toBe('Skriv en nettadresse som begynner med https://.');
    expect(calls.filter((c) => c.operationName === 'SignUp')).toEqual([]);

    type('Telefonnummer til kundeservice', '+47 22 12 34 56');
    type('E-postadresse eller adresse til kontaktskjema', 'kundeservice@equinor.no');
    type('Adresse til chat', '');
    expect(errorOf('Telefonnummer til kundeservice')).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: 'Send påmeldingen' }));
    expect(await screen.findByRole('heading', { name: 'Takk for påmeldingen!' })).toBeTruthy();
    const sent = calls.find((c) => c.operationName === 'SignUp')!.variables as { input: { contactPoints: unknown } };
    expect(sent.input.contactPoints).toEqual([
      { channel: 'PHONE', value: '+47 22 12 34 56' },
      { channel: 'EMAIL', value: 'kundeservice@equinor.no' },
    ]);
  });

  it('words a contact point’s problem in English, and the server’s beside its field', async () => {
    renderApp({
      path: '/pamelding/2025',
      locale: 'en',
      handlers: {
        Editions: EDITIONS_HANDLER,
        SignUpForm: () => ({ data: OPEN }),
        SignUp: () => ({
          data: null,
          errors: [
            {
              message: 'Skriv en nettadresse som begynner med https://.',
              extensions: {
                code: 'BAD_USER_INPUT',
                fields: [
                  { field: 'contactPoints.MESSENGER', reason: 'BAD_URL', message: 'Skriv en nettadresse som begynner med https://.' },
                ],
              },
            },
          ],
        }),
      },
    });
    await screen.findByLabelText('Organisation number');
    fireEvent.click(screen.getByLabelText('Messenger'));
    type('Address of the Messenger page', 'm.me/equinor');
    fireEvent.blur(screen.getByLabelText('Address of the Messenger page'));
    expect(errorOf('Address of the Messenger page')).toBe('Enter a web address starting with https://.');
    type('Address of the Messenger page', 'https://m.me/equinor');
    expect(errorOf('Address of the Messenger page')).toBeUndefined();
    type('Company name', 'Equinor ASA');
    type('Organisation number', '923 609 016');
    type('Class (industry)', 'Bank');
    type('Contact person’s name', 'Kari Nordmann');
    type('Contact person’s e-mail', 'kari@equinor.no');
    fireEvent.click(screen.getByRole('button', { name: 'Send the sign-up' }));
    await waitFor(() => expect(errorOf('Address of the Messenger page')).toBe('Enter a web address starting with https://.'));
  });

  it('shows the server’s field errors beside their fields', async () => {
    open({
      SignUp: () => ({
        data: null,
        errors: [
          {
            message: 'Dette organisasjonsnummeret er allerede påmeldt denne utgaven.',
            extensions: {
              code: 'BAD_USER_INPUT',
              fields: [
                { field: 'organisationNumber', reason: 'ALREADY_SIGNED_UP', message: 'Dette organisasjonsnummeret er allerede påmeldt …' },
              ],
            },
          },
        ],
      }),
    });
    await screen.findByLabelText('Selskapsnavn');
    fillValid();
    fireEvent.click(screen.getByRole('button', { name: 'Send påmeldingen' }));
    await waitFor(() => expect(errorOf('Organisasjonsnummer')).toBe('Dette organisasjonsnummeret er allerede påmeldt denne utgaven.'));
  });

  it('picks competitors only in the konkurrent tier, from the edition’s names, at most 5', async () => {
    const { calls } = open({ SignUp: () => ({ data: SENT }) });
    await screen.findByLabelText('Selskapsnavn');
    expect(screen.queryByLabelText('Konkurrent å legge til')).toBeNull();
    fireEvent.click(screen.getByLabelText(/^Konkurrent –/));
    const select = screen.getByLabelText('Konkurrent å legge til');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Velg selskap', 'Alfa Bank', 'Beta Sparebank', 'C1', 'C2', 'C3', 'C4']);
    for (const name of ['Alfa Bank', 'C1', 'C2', 'C3', 'C4']) {
      fireEvent.change(screen.getByLabelText('Konkurrent å legge til'), { target: { value: name } });
      fireEvent.click(screen.getByRole('button', { name: 'Legg til' }));
    }
    expect((screen.getByLabelText('Konkurrent å legge til') as HTMLSelectElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Fjern C4' }));
    expect((screen.getByLabelText('Konkurrent å legge til') as HTMLSelectElement).disabled).toBe(false);
    fillValid();
    fireEvent.click(screen.getByRole('button', { name: 'Send påmeldingen' }));
    await screen.findByRole('heading', { name: 'Takk for påmeldingen!' });
    expect(calls.find((c) => c.operationName === 'SignUp')!.variables['input']).toMatchObject({
      tier: 'KONKURRENT',
      competitors: ['Alfa Bank', 'C1', 'C2', 'C3'],
    });
  });

  it('says so when the edition is not open for sign-up', async () => {
    renderApp({
      path: '/pamelding/2024',
      handlers: {
        Editions: EDITIONS_HANDLER,
        SignUpForm: () => ({ data: { signUpForm: { year: 2024, name: 'KSP 2024', open: false, classNames: [], companyNames: [] } } }),
      },
    });
    expect(await screen.findByText('Påmeldingen til KSP 2024 er stengt. Ta kontakt med KSP om dere vil være med.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Send påmeldingen' })).toBeNull();
  });

  it('shows the server’s message for a reason it has no words for', async () => {
    open({
      SignUp: () => ({
        data: null,
        errors: [
          {
            message: 'Nummeret er sperret.',
            extensions: {
              code: 'BAD_USER_INPUT',
              fields: [{ field: 'organisationNumber', reason: 'BLOCKED', message: 'Nummeret er sperret.' }],
            },
          },
        ],
      }),
    });
    await screen.findByLabelText('Selskapsnavn');
    fillValid();
    fireEvent.click(screen.getByRole('button', { name: 'Send påmeldingen' }));
    await waitFor(() => expect(errorOf('Organisasjonsnummer')).toBe('Nummeret er sperret.'));
  });

  it('says in its own words that the edition closed while the form was open', async () => {
    open({
      SignUp: () => ({
        data: null,
        errors: [
          {
            message: 'Påmeldingen til KSP 2025 er stengt: utgaven er ikke lenger i planlegging.',
            extensions: { code: 'BAD_USER_INPUT', rule: 'NOT_PLANNING' },
          },
        ],
      }),
    });
    await screen.findByLabelText('Selskapsnavn');
    fillValid();
    fireEvent.click(screen.getByRole('button', { name: 'Send påmeldingen' }));
    expect(await screen.findByText('Påmeldingen til KSP 2025 er stengt. Ta kontakt med KSP om dere vil være med.')).toBeTruthy();
  });

  it('speaks English when chosen', async () => {
    renderApp({ path: '/pamelding/2025', locale: 'en', handlers: { Editions: EDITIONS_HANDLER, SignUpForm: () => ({ data: OPEN }) } });
    expect(await screen.findByRole('heading', { name: 'Sign-up for KSP 2025' })).toBeTruthy();
    expect(screen.getByLabelText('Organisation number')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send the sign-up' })).toBeTruthy();
  });

  it('words the browser’s check in English beside the field', async () => {
    renderApp({ path: '/pamelding/2025', locale: 'en', handlers: { Editions: EDITIONS_HANDLER, SignUpForm: () => ({ data: OPEN }) } });
    await screen.findByLabelText('Organisation number');
    type('Organisation number', '923609017');
    fireEvent.blur(screen.getByLabelText('Organisation number'));
    expect(errorOf('Organisation number')).toBe('The check digit does not match: see whether a digit is mistyped.');
    type('Organisation number', '92360901');
    expect(errorOf('Organisation number')).toBe('An organisation number has 9 digits; this one has 8.');
    // 40000000 calls for check digit 10: no such number is issued.
    type('Organisation number', '400000001');
    expect(errorOf('Organisation number')).toBe('This is not a valid organisation number: the check digit does not work out.');
    type('Organisation number', '');
    expect(errorOf('Organisation number')).toBe('Write the organisation number (9 digits).');
    fireEvent.click(screen.getByRole('button', { name: 'Send the sign-up' }));
    expect(await screen.findByText('Correct 6 fields before sending.')).toBeTruthy();
    expect(errorOf('Company name')).toBe('Write the company’s name.');
  });

  it('words the server’s extensions.fields in English beside the field', async () => {
    renderApp({
      path: '/pamelding/2025',
      locale: 'en',
      handlers: {
        Editions: EDITIONS_HANDLER,
        SignUpForm: () => ({ data: OPEN }),
        SignUp: () => ({
          data: null,
          errors: [
            {
              message: 'Dette organisasjonsnummeret er allerede påmeldt denne utgaven.',
              extensions: {
                code: 'BAD_USER_INPUT',
                fields: [
                  {
                    field: 'organisationNumber',
                    reason: 'ALREADY_SIGNED_UP',
                    message: 'Dette organisasjonsnummeret er allerede påmeldt denne utgaven.',
                  },
                ],
              },
            },
          ],
        }),
      },
    });
    await screen.findByLabelText('Company name');
    type('Company name', 'Equinor ASA');
    type('Organisation number', '923 609 016');
    type('Class (industry)', 'Bank');
    fireEvent.click(screen.getByLabelText('Phone'));
    type('Contact person’s name', 'Kari Nordmann');
    type('Contact person’s e-mail', 'kari@equinor.no');
    fireEvent.click(screen.getByRole('button', { name: 'Send the sign-up' }));
    await waitFor(() => expect(errorOf('Organisation number')).toBe('This organisation number has already signed up for this edition.'));
    // The server's word stands until the field changes.
    type('Organisation number', '923609016');
    expect(errorOf('Organisation number')).toBeUndefined();
  });
});
