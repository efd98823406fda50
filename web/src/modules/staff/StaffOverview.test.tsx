import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/renderApp';
import { KONKURRENT_ME, meHandler, STAFF_ME } from '../../test/fixtures';
import type { EditionParticipantsQuery } from '../../graphql/generated/graphql';

const PARTICIPANTS: EditionParticipantsQuery = {
  editionParticipants: [
    {
      company: { slug: 'alfa', name: 'Alfa Bank' },
      className: 'Bank',
      tier: 'KONKURRENT',
      reportPurchased: true,
      total: 87.456,
      competitors: [{ slug: 'beta' }],
    },
    {
      company: { slug: 'beta', name: 'Beta Sparebank' },
      className: 'Bank',
      tier: 'ENKEL',
      reportPurchased: false,
      total: null,
      competitors: [],
    },
    {
      company: { slug: 'aerfugl', name: 'Ærfugl Energi' },
      className: 'Energi',
      tier: 'ENKEL',
      reportPurchased: true,
      total: 72.36,
      competitors: [],
    },
  ],
};
const EDITIONS = () => ({
  data: {
    editions: [
      { year: 2025, name: 'KSP 2025', status: 'REVIEW', classNames: ['Bank'] },
      { year: 2024, name: 'KSP 2024', status: 'PUBLISHED', classNames: ['Bank'] },
    ],
  },
});

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('the staff edition overview', () => {
  it('lists every participant of an unpublished edition with tier and report, each opening its dashboard', async () => {
    const { location } = renderApp({
      path: '/oversikt/2025',
      handlers: { Me: meHandler(STAFF_ME), Editions: EDITIONS, EditionParticipants: () => ({ data: PARTICIPANTS }) },
    });
    const table = within(await screen.findByRole('table'));
    expect(table.getAllByRole('row').map((r) => r.textContent)).toEqual([
      'SelskapKlasseNivåTotaltRapportKonkurrenter',
      'Alfa BankBankKonkurrent87,46\u00a0%KjøptBeta Sparebank',
      'Beta SparebankBankEnkel–Ikke kjøpt–',
      'Ærfugl EnergiEnergiEnkel72,36\u00a0%Kjøpt–',
    ]);
    expect(screen.getByText('Status: kontroll · 3 deltakere')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Søk etter selskap'), { target: { value: 'beta' } });
    await waitFor(() => expect(location()).toBe('/oversikt/2025?sok=beta'));
    expect(table.getAllByRole('row')).toHaveLength(2);
    expect(table.getByRole('link', { name: 'Beta Sparebank' }).getAttribute('href')).toBe('/rapport/2025/beta');
  });

  it('filters by class and tier in the URL, and finds a name folded ("aerfugl" finds "Ærfugl")', async () => {
    const { location } = renderApp({
      path: '/oversikt/2025',
      handlers: { Me: meHandler(STAFF_ME), Editions: EDITIONS, EditionParticipants: () => ({ data: PARTICIPANTS }) },
    });
    const table = within(await screen.findByRole('table'));
    const names = () =>
      table
        .getAllByRole('row')
        .slice(1)
        .map((r) => within(r).getByRole('rowheader').textContent);
    fireEvent.change(screen.getByLabelText('Klasse'), { target: { value: 'Bank' } });
    await waitFor(() => expect(location()).toBe('/oversikt/2025?klasse=Bank'));
    expect(names()).toEqual(['Alfa Bank', 'Beta Sparebank']);
    fireEvent.change(screen.getByLabelText('Nivå'), { target: { value: 'ENKEL' } });
    await waitFor(() => expect(location()).toBe('/oversikt/2025?klasse=Bank&niva=ENKEL'));
    expect(names()).toEqual(['Beta Sparebank']);
    fireEvent.change(screen.getByLabelText('Klasse'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Søk etter selskap'), { target: { value: 'aerfugl' } });
    await waitFor(() => expect(names()).toEqual(['Ærfugl Energi']));
  });

  it('opens a participant found by typing a folded name in the switcher', async () => {
    const { location } = renderApp({
      path: '/oversikt/2025',
      handlers: { Me: meHandler(STAFF_ME), Editions: EDITIONS, EditionParticipants: () => ({ data: PARTICIPANTS }) },
    });
    const input = await screen.findByRole('combobox', { name: 'Åpne deltaker' });
    fireEvent.change(input, { target: { value: 'AERF' } });
    const listbox = await screen.findByRole('listbox');
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Ærfugl Energi Energi']);
    fireEvent.click(within(listbox).getByRole('option'));
    await waitFor(() => expect(location()).toBe('/rapport/2025/aerfugl'));
  });

  it('tells a manager it is not for them', async () => {
    renderApp({
      path: '/oversikt/2024',
      handlers: {
        Me: meHandler(KONKURRENT_ME),
        Editions: EDITIONS,
        EditionParticipants: () => ({
          data: null,
          errors: [{ message: 'Only staff', path: ['editionParticipants'], extensions: { code: 'FORBIDDEN' } }],
        }),
      },
    });
    expect(await screen.findByRole('heading', { name: 'Du har ikke tilgang til denne visningen' })).toBeTruthy();
  });
});
