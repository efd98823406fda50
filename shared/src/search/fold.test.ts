import { describe, expect, it } from 'vitest';
import { foldForSearch, matchesSearch } from './fold.js';

describe('foldForSearch', () => {
  it('writes the Norwegian letters out: æ as ae, ø as o, å as aa, in either case', () => {
    expect(foldForSearch('Ærfugl Forsikring')).toBe('aerfugl forsikring');
    expect(foldForSearch('Bjørn & Sønn')).toBe('bjorn & sonn');
    expect(foldForSearch('ØRLAND')).toBe('orland');
    expect(foldForSearch('Åsen Kraft')).toBe('aasen kraft');
    expect(foldForSearch('BLÅBÆR')).toBe('blaabaer');
  });

  it('drops other diacritics after decomposition, precomposed or not', () => {
    expect(foldForSearch('Café Crème')).toBe('cafe creme');
    expect(foldForSearch('Müller Ström Señor')).toBe('muller strom senor');
    expect(foldForSearch('Cafe\u0301')).toBe('cafe');
    expect(foldForSearch('Ä Ö Ü é è ê ç')).toBe('a o u e e e c');
  });

  it('collapses and trims white space', () => {
    expect(foldForSearch('  Ærfugl   Bank ')).toBe('aerfugl bank');
  });
});

describe('matchesSearch', () => {
  it('finds Ærfugl by aerfugl, Ærfugl and ÆRF, and not by æfugl spelled wrong', () => {
    expect(matchesSearch('Ærfugl Energi', 'aerfugl')).toBe(true);
    expect(matchesSearch('Ærfugl Energi', 'Ærfugl')).toBe(true);
    expect(matchesSearch('Ærfugl Energi', 'ÆRF')).toBe(true);
    expect(matchesSearch('Ærfugl Energi', 'efugl')).toBe(false);
  });

  it('finds ø by o and å by aa, both ways', () => {
    expect(matchesSearch('Trøndelag Tele', 'trondelag')).toBe(true);
    expect(matchesSearch('Trondelag Tele', 'trøndelag')).toBe(true);
    expect(matchesSearch('Håland', 'haaland')).toBe(true);
    expect(matchesSearch('Haaland', 'håland')).toBe(true);
  });

  it('matches everything with an empty or blank query', () => {
    expect(matchesSearch('Ærfugl', '')).toBe(true);
    expect(matchesSearch('Ærfugl', '   ')).toBe(true);
  });
});
