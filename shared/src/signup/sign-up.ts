import { CHANNELS, MAX_COMPETITORS, TIERS } from '../domain.js';
import { foldForSearch } from '../search/fold.js';
import { organisationNumberProblem } from './organisation-number.js';

/**
 * The rules of a sign-up for an edition (domain.md "Running an edition in the product", step 2),
 * one definition for the server (the rule) and the web (to show it before sending). Messages
 * are Norwegian: the sign-up form is a Norwegian page, and the server's refusal repeats them.
 */

/** The fields of `SignUpInput` (contract.md), as `{ field }` of a problem names them. */
export const SIGN_UP_FIELDS = [
  'companyName',
  'organisationNumber',
  'className',
  'tier',
  'channels',
  'competitors',
  'reportPurchased',
  'contactName',
  'contactEmail',
  'openingHours',
] as const;
export type SignUpField = (typeof SIGN_UP_FIELDS)[number];

export interface FieldProblem {
  field: SignUpField;
  message: string;
}

/** A sign-up as sent (strings as typed; the enums as strings, since the web checks before they are typed). */
export interface SignUpDraft {
  companyName: string;
  organisationNumber: string;
  className: string;
  tier: string;
  channels: readonly string[];
  competitors?: readonly string[] | null;
  reportPurchased: boolean;
  contactName: string;
  contactEmail: string;
  openingHours?: string | null;
}

/** What the rules need of the edition. */
export interface SignUpContext {
  /** The edition's classes; when it has none yet, any class name is taken (accepting creates it). */
  classNames: readonly string[];
  /** Names a competitor may be picked from: the edition's participants and its other sign-ups (not declined). */
  knownCompanies: readonly string[];
}

export const SIGN_UP_LIMITS = {
  /** Characters of a company's or a person's name, a class name. */
  maxName: 120,
  /** RFC 5321's longest forward path. */
  maxEmail: 254,
  maxOpeningHours: 200,
} as const;

/** Two company names are the same company when they fold alike ("Ærfugl Bank" = "aerfugl  bank"). */
export function sameCompanyName(a: string, b: string): boolean {
  return foldForSearch(a) === foldForSearch(b);
}

/** The known name a typed competitor name stands for, or undefined. */
export function findKnownCompany(name: string, known: readonly string[]): string | undefined {
  return known.find((k) => sameCompanyName(k, name));
}

const DAYS = ['man', 'tir', 'ons', 'tor', 'fre', 'lør', 'søn'] as const;
const DASH = '\\s*[–-]\\s*';
const TIME = '([0-2][0-9])[:.]([0-5][0-9])';
const PART = new RegExp(`^(?:(${DAYS.join('|')})(?:${DASH}(${DAYS.join('|')}))?\\s+)?${TIME}${DASH}${TIME}$`, 'i');

/**
 * Opening hours, when a participant's differ from 09–15 (domain.md "Fieldwork rules"): one or
 * more parts separated by `;` or `,`, each `HH:MM–HH:MM`, optionally after a weekday or a range
 * of weekdays in Norwegian short form: `08:00–16:00`, `man–fre 08:00–16:00; lør 10:00–14:00`.
 * A hyphen does for the dash and a full stop for the colon; the day range runs forwards and the
 * time closes after it opens (24:00 is the end of the day). Null when fine, else why not.
 */
export function openingHoursProblem(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length > SIGN_UP_LIMITS.maxOpeningHours) return `Åpningstidene kan ha høyst ${SIGN_UP_LIMITS.maxOpeningHours} tegn.`;
  const format = 'Skriv åpningstidene som «08:00–16:00» eller «man–fre 08:00–16:00; lør 10:00–14:00».';
  for (const part of trimmed.split(/[;,]/)) {
    const m = PART.exec(part.trim());
    if (!m) return format;
    const [, from, to, h1, m1, h2, m2] = m;
    if (from && to && DAYS.indexOf(to.toLowerCase() as never) < DAYS.indexOf(from.toLowerCase() as never)) {
      return `Dagene må gå framover i uka («${from}–${to}»).`;
    }
    const open = Number(h1) * 60 + Number(m1);
    const close = Number(h2) * 60 + Number(m2);
    if (open >= 24 * 60 || close > 24 * 60) return `${part.trim()}: et klokkeslett går fra 00:00 til 24:00.`;
    if (close <= open) return `${part.trim()}: stengetiden må være etter åpningstiden.`;
  }
  return null;
}

/** A plausible e-mail address: something, one @, a domain with a dot; no spaces. */
export function emailProblem(text: string): string | null {
  const email = text.trim();
  if (email === '') return 'Skriv e-postadressen til kontaktpersonen.';
  if (email.length > SIGN_UP_LIMITS.maxEmail) return `En e-postadresse kan ha høyst ${SIGN_UP_LIMITS.maxEmail} tegn.`;
  if (!/^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$/.test(email)) return 'Dette ser ikke ut som en e-postadresse (navn@firma.no).';
  return null;
}

function nameProblem(text: string, missing: string, what: string): string | null {
  const name = text.trim();
  if (name === '') return missing;
  if (name.length > SIGN_UP_LIMITS.maxName) return `${what} kan ha høyst ${SIGN_UP_LIMITS.maxName} tegn.`;
  return null;
}

/** Every problem of a sign-up, field by field in form order; empty when it can be sent. */
export function signUpProblems(input: SignUpDraft, context: SignUpContext): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: SignUpField, message: string | null) => {
    if (message) problems.push({ field, message });
  };
  add('companyName', nameProblem(input.companyName, 'Skriv navnet på selskapet.', 'Selskapsnavnet'));
  add('organisationNumber', organisationNumberProblem(input.organisationNumber));

  const className = input.className.trim();
  if (context.classNames.length > 0) {
    if (!context.classNames.includes(className)) {
      add('className', className === '' ? 'Velg en klasse.' : `Klassen «${className}» finnes ikke i denne utgaven.`);
    }
  } else {
    add('className', nameProblem(className, 'Skriv hvilken bransje (klasse) selskapet hører til.', 'Klassenavnet'));
  }

  const tierOk = (TIERS as readonly string[]).includes(input.tier);
  if (!tierOk) add('tier', 'Velg nivå: Enkel eller Konkurrent.');

  if (input.channels.length === 0) add('channels', 'Velg minst én kanal selskapet kan kontaktes på.');
  else if (input.channels.some((c) => !(CHANNELS as readonly string[]).includes(c))) add('channels', 'Ukjent kanal.');
  else if (new Set(input.channels).size !== input.channels.length) add('channels', 'En kanal er valgt to ganger.');

  const competitors = input.competitors ?? [];
  if (competitors.length > 0) {
    if (input.tier !== 'KONKURRENT') add('competitors', 'Konkurrenter velges bare på nivå Konkurrent.');
    else if (competitors.length > MAX_COMPETITORS) add('competitors', `Velg høyst ${MAX_COMPETITORS} konkurrenter.`);
    else {
      const unknown = competitors.find((c) => !findKnownCompany(c, context.knownCompanies));
      const folded = competitors.map(foldForSearch);
      if (competitors.some((c) => sameCompanyName(c, input.companyName)))
        add('competitors', 'Selskapet kan ikke være sin egen konkurrent.');
      else if (unknown !== undefined) add('competitors', `«${unknown}» er ikke påmeldt eller deltaker i denne utgaven.`);
      else if (new Set(folded).size !== folded.length) add('competitors', 'En konkurrent er valgt to ganger.');
    }
  }

  add('contactName', nameProblem(input.contactName, 'Skriv navnet på kontaktpersonen.', 'Navnet'));
  add('contactEmail', emailProblem(input.contactEmail));
  if (input.openingHours && input.openingHours.trim() !== '') add('openingHours', openingHoursProblem(input.openingHours));
  return problems;
}
