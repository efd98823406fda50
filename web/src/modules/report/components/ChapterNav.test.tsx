import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Providers } from '@web/app/Providers';
import { createI18n } from '@web/app/i18n';
import { stubGraphQL } from '@web/test/graphql';
import { COMPETITOR_ABILITIES, OWN_ABILITIES } from '@web/test/fixtures';
import type { ReportAbilities } from '../hooks/useReport';
import { ChapterNav } from './ChapterNav';

/** The nav as the server's abilities make it: the names and targets of its links, in order. */
function links(abilities: ReportAbilities, channel?: 'PHONE') {
  const { createClient } = stubGraphQL({});
  const view = render(
    <Providers createClient={createClient} i18n={createI18n()}>
      <MemoryRouter initialEntries={['/rapport/2024/alfa']}>
        <ChapterNav report={{ year: 2024, company: { slug: 'alfa', name: 'Alfa Bank' }, channel, abilities }} />
      </MemoryRouter>
    </Providers>,
  );
  const nav = screen.getByRole('navigation', { name: 'Kapitler i rapporten' });
  const found = within(nav)
    .getAllByRole('link')
    .map((a) => `${a.textContent} ${a.getAttribute('href')}`);
  view.unmount();
  return found;
}

const AREAS = [
  'Svar- og ventetid /rapport/2024/alfa/omrader/RESPONSE_TIME',
  'Mottak og velkomst /rapport/2024/alfa/omrader/RECEPTION',
  'Kundebehandleren /rapport/2024/alfa/omrader/AGENT',
  'Totalinntrykk /rapport/2024/alfa/omrader/OVERALL',
];

describe('the chapter nav follows the abilities the server sent', () => {
  it('offers every chapter of the own report of a konkurrent participant', () => {
    expect(links(OWN_ABILITIES)).toEqual([
      'Oversikt /rapport/2024/alfa',
      ...AREAS,
      'Kategorier /rapport/2024/alfa/kategorier',
      'CX /rapport/2024/alfa/cx',
      'Variasjon /rapport/2024/alfa/variasjon',
      'Innsikt /rapport/2024/alfa/innsikt',
      'Besvarelser /rapport/2024/alfa/besvarelser',
      'Konkurrenter /rapport/2024/alfa/konkurrenter',
      'Historikk /rapport/2024/alfa/historikk',
      'Bakgrunn /rapport/2024/alfa/bakgrunn',
    ]);
  });

  it('leaves out the competitors where the server does not offer them (the own report of an enkel participant)', () => {
    const enkel: ReportAbilities = {
      ...OWN_ABILITIES,
      canSeeCompetitors: false,
      chapters: OWN_ABILITIES.chapters.filter((c) => c !== 'COMPETITORS'),
    };
    const found = links(enkel);
    expect(found).not.toContain('Konkurrenter /rapport/2024/alfa/konkurrenter');
    expect(found).toContain('Besvarelser /rapport/2024/alfa/besvarelser');
  });

  it('offers a chosen competitor’s reader the aggregate chapters only, keeping the channel', () => {
    expect(links(COMPETITOR_ABILITIES, 'PHONE')).toEqual([
      'Oversikt /rapport/2024/alfa?kanal=PHONE',
      ...AREAS.map((a) => `${a}?kanal=PHONE`),
      'Kategorier /rapport/2024/alfa/kategorier?kanal=PHONE',
      'CX /rapport/2024/alfa/cx?kanal=PHONE',
      'Variasjon /rapport/2024/alfa/variasjon?kanal=PHONE',
    ]);
  });

  it('shows only what the abilities list, whatever else the viewer is', () => {
    // The nav reads nothing but the abilities: a list with one chapter gives one link.
    expect(links({ ...OWN_ABILITIES, chapters: ['HISTORY'] })).toEqual(['Historikk /rapport/2024/alfa/historikk']);
  });
});
