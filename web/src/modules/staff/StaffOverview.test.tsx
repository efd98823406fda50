import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/renderApp';
import { KONKURRENT_ME, meHandler, STAFF_ME } from '../../test/fixtures';
import type { EditionParticipantsQuery } from '../../graphql/generated/graphql';

const PARTICIPANTS: EditionParticipantsQuery = {
  editionParticipants: [
    { company: { slug: 'alfa', name: 'Alfa Bank' }, className: 'Bank', tier: 'KONKURRENT', reportPurchased: true, competitors: [{ slug: 'beta' }] },
    { company: { slug: 'beta', name: 'Beta Sparebank' }, className: 'Bank', tier: 'ENKEL', reportPurchased: false, competitors: [] },
  ],
};
const EDITIONS = () => ({ data: { editions: [{ year: 2025, name: 'KSP 2025', status: 'REVIEW', classNames: ['Bank'] }, { year: 2024, name: 'KSP 2024', status: 'PUBLISHED', classNames: ['Bank'] }] } });

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('the staff edition overview', () => {
  it('lists every participant of an unpublished edition with tier and report, each opening its dashboard', async () => {
    const { location } = renderApp({ path: '/oversikt/2025', handlers: { Me: meHandler(STAFF_ME), Editions: EDITIONS, EditionParticipants: () => ({ data: PARTICIPANTS }) } });
    const table = within(await screen.findByRole('table'));
    expect(table.getAllByRole('row').map((r) => r.textContent)).toEqual([
      'SelskapKlasseNivåRapportKonkurrenter',
      'Alfa BankBankKonkurrentKjøptBeta Sparebank',
      'Beta SparebankBankEnkelIkke kjøpt–',
    ]);
    expect(screen.getByText('Status: kontroll · 2 deltakere')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Søk etter selskap'), { target: { value: 'beta' } });
    await waitFor(() => expect(location()).toBe('/oversikt/2025?sok=beta'));
    expect(table.getAllByRole('row')).toHaveLength(2);
    expect(table.getByRole('link', { name: 'Beta Sparebank' }).getAttribute('href')).toBe('/rapport/2025/beta');
  });

  it('tells a manager it is not for them', async () => {
    renderApp({
      path: '/oversikt/2024',
      handlers: { Me: meHandler(KONKURRENT_ME), Editions: EDITIONS, EditionParticipants: () => ({ data: null, errors: [{ message: 'Only staff', path: ['editionParticipants'], extensions: { code: 'FORBIDDEN' } }] }) },
    });
    expect(await screen.findByRole('heading', { name: 'Du har ikke tilgang til denne visningen' })).toBeTruthy();
  });
});
