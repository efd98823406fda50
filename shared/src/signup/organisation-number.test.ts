import { describe, expect, it } from 'vitest';
import { normaliseOrganisationNumber, organisationNumberCheckDigit, organisationNumberProblem } from './organisation-number.js';

describe('organisationNumberProblem', () => {
  it('accepts real organisation numbers, with or without spaces', () => {
    // Equinor ASA 923609016: 9·3+2·2+3·7+6·6+0·5+9·4+0·3+1·2 = 27+4+21+36+0+36+0+2 = 126;
    //   126 mod 11 = 5; 11 − 5 = 6, the last digit.
    expect(organisationNumberProblem('923609016')).toBeNull();
    // DNB Bank ASA 984851006: 27+16+28+48+25+4+0+0 = 148; 148 mod 11 = 5; 11 − 5 = 6.
    expect(organisationNumberProblem('984 851 006')).toBeNull();
    // Brønnøysundregistrene 974760673: 27+14+28+42+30+0+18+14 = 173; 173 mod 11 = 8; 11 − 8 = 3.
    expect(organisationNumberProblem(' 974760673 ')).toBeNull();
    // Remainder 0 gives 11, written 0: 00000000 sums to 0, so 000000000 passes the check.
    expect(organisationNumberProblem('000000000')).toBeNull();
  });

  it('refuses a wrong check digit, a wrong length, letters, and a number whose check digit would be 10', () => {
    expect(organisationNumberProblem('923609017')).toEqual({
      reason: 'CHECK_DIGIT',
      message: 'Kontrollsifferet stemmer ikke: se etter om et siffer er skrevet feil.',
    });
    expect(organisationNumberProblem('92360901')).toEqual({
      reason: 'NOT_NINE_DIGITS',
      message: 'Et organisasjonsnummer har 9 siffer, dette har 8.',
      value: '8',
    });
    expect(organisationNumberProblem('9236090160')).toEqual({
      reason: 'NOT_NINE_DIGITS',
      message: 'Et organisasjonsnummer har 9 siffer, dette har 10.',
      value: '10',
    });
    expect(organisationNumberProblem('92360901A')).toEqual({ reason: 'NOT_DIGITS', message: 'Et organisasjonsnummer har bare siffer.' });
    expect(organisationNumberProblem('  ')).toEqual({ reason: 'REQUIRED', message: 'Skriv organisasjonsnummeret (9 siffer).' });
    // 40000000: 4·3 = 12; 12 mod 11 = 1; 11 − 1 = 10: no number starts so, whatever its last digit.
    const noSuch = { reason: 'NO_SUCH_NUMBER', message: 'Dette er ikke et gyldig organisasjonsnummer: kontrollsifferet går ikke opp.' };
    expect(organisationNumberProblem('400000000')).toEqual(noSuch);
    expect(organisationNumberProblem('400000001')).toEqual(noSuch);
  });

  it('computes the check digit and removes white space', () => {
    expect(organisationNumberCheckDigit('92360901')).toBe(6);
    expect(organisationNumberCheckDigit('97476067')).toBe(3);
    expect(organisationNumberCheckDigit('40000000')).toBeNull();
    expect(normaliseOrganisationNumber(' 923 609\u00a0016 ')).toBe('923609016');
  });
});
