import { describe, expect, it } from 'vitest';
import { slugFromName, uniqueSlug } from './slug.js';

describe('slugFromName', () => {
  it('folds the Norwegian letters and turns other signs into single hyphens', () => {
    expect(slugFromName('Bjørn & Sønn AS')).toBe('bjorn-sonn-as');
    expect(slugFromName('Ærfugl Forsikring')).toBe('aerfugl-forsikring');
    expect(slugFromName('  Blåbær-Café!  ')).toBe('blaabaer-cafe');
    expect(slugFromName('&&&')).toBe('selskap');
  });

  it('appends -2, -3 … until the slug is free', () => {
    const taken = new Set(['alfa-bank', 'alfa-bank-2']);
    expect(uniqueSlug('Alfa Bank', (s) => taken.has(s))).toBe('alfa-bank-3');
    expect(uniqueSlug('Beta', (s) => taken.has(s))).toBe('beta');
  });
});
