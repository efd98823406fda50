/**
 * Norwegian organisation numbers (organisasjonsnummer, Brønnøysundregistrene): 9 digits, the
 * last a modulus-11 check digit over the first 8 with the weights 3 2 7 6 5 4 3 2. With
 * r = Σ digit·weight mod 11 the check digit is 11 − r; 11 becomes 0, and 10 means no number
 * with those first 8 digits is ever issued.
 */
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/** The number as it is stored: white space removed (people write "923 609 016"). */
export function normaliseOrganisationNumber(s: string): string {
  return s.replace(/\s+/g, '');
}

/** The check digit the first 8 digits call for, or null when that would be 10 (no such number). */
export function organisationNumberCheckDigit(first8: string): number | null {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first8[i]), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return null;
  return check === 11 ? 0 : check;
}

/** Why an organisation number is refused (stable codes, see FieldProblem). */
export const ORGANISATION_NUMBER_REASONS = ['REQUIRED', 'NOT_DIGITS', 'NOT_NINE_DIGITS', 'NO_SUCH_NUMBER', 'CHECK_DIGIT'] as const;
export type OrganisationNumberReason = (typeof ORGANISATION_NUMBER_REASONS)[number];

/**
 * Null when `s` is a valid organisation number (spaces allowed), else why not: a reason and the
 * Norwegian sentence (NOT_NINE_DIGITS carries how many digits it has as `value`).
 */
export function organisationNumberProblem(s: string): { reason: OrganisationNumberReason; message: string; value?: string } | null {
  const digits = normaliseOrganisationNumber(s);
  if (digits === '') return { reason: 'REQUIRED', message: 'Skriv organisasjonsnummeret (9 siffer).' };
  if (!/^[0-9]+$/.test(digits)) return { reason: 'NOT_DIGITS', message: 'Et organisasjonsnummer har bare siffer.' };
  if (digits.length !== 9) {
    return {
      reason: 'NOT_NINE_DIGITS',
      message: `Et organisasjonsnummer har 9 siffer, dette har ${digits.length}.`,
      value: String(digits.length),
    };
  }
  const check = organisationNumberCheckDigit(digits.slice(0, 8));
  if (check === null) {
    return { reason: 'NO_SUCH_NUMBER', message: 'Dette er ikke et gyldig organisasjonsnummer: kontrollsifferet går ikke opp.' };
  }
  if (check !== Number(digits[8])) {
    return { reason: 'CHECK_DIGIT', message: 'Kontrollsifferet stemmer ikke: se etter om et siffer er skrevet feil.' };
  }
  return null;
}
