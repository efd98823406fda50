import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { Providers } from '@web/app/Providers';
import { createI18n } from '@web/app/i18n';
import { stubGraphQL } from '@web/test/graphql';
import { RankCertainty, type RankCertaintyProps } from './RankCertainty';
import { formatRankRange } from './rankRange';

afterEach(cleanup);

function paragraphs(props: RankCertaintyProps, locale: 'nb' | 'en' = 'nb'): string[] {
  const { createClient } = stubGraphQL({});
  render(
    <Providers createClient={createClient} i18n={createI18n(locale)}>
      <RankCertainty {...props} />
    </Providers>,
  );
  const region = screen.getByRole('region', { name: locale === 'nb' ? 'Hvor sikkert er resultatet?' : 'How sure is the result?' });
  return within(region)
    .getAllByRole('paragraph')
    .map((p) => p.textContent ?? '');
}

// Worked as domain.md does: 20 inquiries, total 78.4, SE 2.5 → 78.4 ± 1.96 · 2.5 = 78.4 ± 4.9 = 73.5 … 83.3.
// 192 in the edition, the rank interval 41–120; 8 in the class Bank, class rank 3 with 2–6.
const ALFA: RankCertaintyProps = {
  total: 78.4,
  uncertainty: {
    low: 73.5,
    high: 83.3,
    rankLow: 41,
    rankHigh: 120,
    classRankLow: 2,
    classRankHigh: 6,
    tiedWith: [
      { slug: 'beta', name: 'Beta Sparebank' },
      { slug: 'gamma', name: 'Gamma Bank' },
    ],
  },
  rank: { rank: 77, count: 192 },
  classRank: { rank: 3, count: 8, className: 'Bank' },
};

describe('RankCertainty', () => {
  it('says the total’s 95 % interval, the rank intervals and the ties in words, Norwegian format', () => {
    expect(paragraphs(ALFA)).toEqual([
      'Totalen på 78,40\u00a0% bygger på et utvalg henvendelser. Med 95 % sikkerhet ligger den mellom 73,50\u00a0% og 83,30\u00a0%.',
      'Plass 77 av 192 totalt. Med 95 % sikkerhet hører dere hjemme på plass 41–120.',
      'Plass 3 av 8 i klassen Bank. Med 95 % sikkerhet hører dere hjemme på plass 2–6 i klassen.',
      'Statistisk likt med: Beta Sparebank, Gamma Bank.',
    ]);
  });

  it('speaks English too', () => {
    expect(paragraphs(ALFA, 'en')).toEqual([
      'The total of 78.40% rests on a sample of inquiries. With 95 % confidence it lies between 73.50% and 83.30%.',
      'Rank 77 of 192 overall. With 95 % confidence you belong at rank 41–120.',
      'Rank 3 of 8 in the class Bank. With 95 % confidence you belong at rank 2–6 in the class.',
      'Statistically tied with: Beta Sparebank, Gamma Bank.',
    ]);
  });

  it('says so when there are too few inquiries for an interval', () => {
    expect(
      paragraphs({
        total: 75,
        uncertainty: { low: null, high: null, rankLow: null, rankHigh: null, classRankLow: null, classRankHigh: null },
      }),
    ).toEqual(['For få henvendelser til å si hvor sikkert resultatet er.']);
  });
});

describe('formatRankRange', () => {
  it('gives "3–9", the rank alone when both ends agree, and nothing without an interval', () => {
    expect(formatRankRange(3, 9, 'nb')).toBe('3–9');
    expect(formatRankRange(1, 1, 'nb')).toBe('1');
    expect(formatRankRange(null, 4, 'nb')).toBeNull();
    expect(formatRankRange(1041, 1200, 'nb')).toBe('1\u00a0041–1\u00a0200');
  });
});
