import { CHANNELS, MAX_COMPETITORS, TIERS } from '../domain.js';
import { foldForSearch } from '../search/fold.js';
import type { FieldProblem as AnyFieldProblem } from '../field-problem.js';
import { ORGANISATION_NUMBER_REASONS, organisationNumberProblem } from './organisation-number.js';
import { readOpeningHours } from '../fieldwork/opening-hours.js';
import { contactPointsProblems, type ContactPointDraft, type ContactPointField } from './contact-points.js';

/**
 * The rules of a sign-up for an edition (domain.md "Running an edition in the product", step 2),
 * one definition for the server (the rule) and the web (to show it before sending). Each problem
 * has a stable reason the web words in the chosen language; the message is the server's own
 * Norwegian sentence (for other clients and the log).
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
/** A field of the form; a contact point's is `contactPoints.<channel>` (contact-points.ts). */
export type SignUpField = (typeof SIGN_UP_FIELDS)[number] | ContactPointField;

/** Why a sign-up field is refused: stable codes (`extensions.fields[].reason` of the server's refusal). */
export const SIGN_UP_REASONS = [
  ...ORGANISATION_NUMBER_REASONS,
  'TOO_LONG',
  'UNKNOWN_CLASS',
  'UNKNOWN_TIER',
  'NO_CHANNEL',
  'UNKNOWN_CHANNEL',
  'DUPLICATE_CHANNEL',
  'COMPETITORS_ONLY_KONKURRENT',
  'TOO_MANY_COMPETITORS',
  'SELF_AS_COMPETITOR',
  'UNKNOWN_COMPETITOR',
  'DUPLICATE_COMPETITOR',
  'BAD_EMAIL',
  'BAD_OPENING_HOURS',
  'DAYS_BACKWARDS',
  'BAD_TIME',
  'CLOSES_BEFORE_OPENS',
  /** A contact point (contact-points.ts; TOO_LONG and DUPLICATE_CHANNEL are above). */
  'BAD_PHONE',
  'BAD_EMAIL_OR_URL',
  'BAD_URL',
  'CHANNEL_NOT_CHOSEN',
  /** The organisation number has a sign-up for the edition, or is a participant's (checked by the server only). */
  'ALREADY_SIGNED_UP',
] as const;
export type SignUpReason = (typeof SIGN_UP_REASONS)[number];

/** A problem of one sign-up field (the shape of every form's field problems, field-problem.ts). */
export type FieldProblem = AnyFieldProblem<SignUpReason, SignUpField>;
/** A problem before it is placed on a field. */
export type Problem = Omit<FieldProblem, 'field'>;

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
  /** How to reach the company on ticked channels (optional, each at most once). */
  contactPoints?: readonly ContactPointDraft[] | null;
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
  /** The new manager's password, set with the welcome link (refused as `{ field: 'password', reason: 'TOO_SHORT', min }`). */
  minPassword: 8,
} as const;

/** Two company names are the same company when they fold alike ("Ærfugl Bank" = "aerfugl  bank"). */
export function sameCompanyName(a: string, b: string): boolean {
  return foldForSearch(a) === foldForSearch(b);
}

/** The known name a typed competitor name stands for, or undefined. */
export function findKnownCompany(name: string, known: readonly string[]): string | undefined {
  return known.find((k) => sameCompanyName(k, name));
}

/**
 * Opening hours as the sign-up takes them (written as `fieldwork/opening-hours.ts` reads them):
 * the day range runs forwards and the time closes after it opens (24:00 is the end of the day).
 * Null when fine, else why not.
 */
export function openingHoursProblem(text: string): Problem | null {
  const trimmed = text.trim();
  const max = SIGN_UP_LIMITS.maxOpeningHours;
  if (trimmed.length > max) return { reason: 'TOO_LONG', message: `Åpningstidene kan ha høyst ${max} tegn.`, max };
  for (const part of readOpeningHours(trimmed)) {
    if (!part) {
      return {
        reason: 'BAD_OPENING_HOURS',
        message: 'Skriv åpningstidene som «08:00–16:00» eller «man–fre 08:00–16:00; lør 10:00–14:00».',
      };
    }
    const { fromDay: from, toDay: to, open, close } = part;
    if (from && to && to.iso < from.iso) {
      const days = `${from.typed}–${to.typed}`;
      return { reason: 'DAYS_BACKWARDS', message: `Dagene må gå framover i uka («${days}»).`, value: days };
    }
    if (open >= 24 * 60 || close > 24 * 60) {
      return { reason: 'BAD_TIME', message: `${part.text}: et klokkeslett går fra 00:00 til 24:00.`, value: part.text };
    }
    if (close <= open) {
      return { reason: 'CLOSES_BEFORE_OPENS', message: `${part.text}: stengetiden må være etter åpningstiden.`, value: part.text };
    }
  }
  return null;
}

/** A plausible e-mail address: something, one @, a domain with a dot; no spaces. */
export function emailProblem(text: string): Problem | null {
  const email = text.trim();
  const max = SIGN_UP_LIMITS.maxEmail;
  if (email === '') return { reason: 'REQUIRED', message: 'Skriv e-postadressen til kontaktpersonen.' };
  if (email.length > max) return { reason: 'TOO_LONG', message: `En e-postadresse kan ha høyst ${max} tegn.`, max };
  if (!/^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$/.test(email)) {
    return { reason: 'BAD_EMAIL', message: 'Dette ser ikke ut som en e-postadresse (navn@firma.no).' };
  }
  return null;
}

function nameProblem(text: string, missing: string, what: string): Problem | null {
  const name = text.trim();
  const max = SIGN_UP_LIMITS.maxName;
  if (name === '') return { reason: 'REQUIRED', message: missing };
  if (name.length > max) return { reason: 'TOO_LONG', message: `${what} kan ha høyst ${max} tegn.`, max };
  return null;
}

/** Every problem of a sign-up, field by field in form order; empty when it can be sent. */
export function signUpProblems(input: SignUpDraft, context: SignUpContext): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: SignUpField, problem: Problem | null) => {
    if (problem) problems.push({ field, ...problem });
  };
  add('companyName', nameProblem(input.companyName, 'Skriv navnet på selskapet.', 'Selskapsnavnet'));
  add('organisationNumber', organisationNumberProblem(input.organisationNumber));

  const className = input.className.trim();
  if (context.classNames.length > 0) {
    if (className === '') add('className', { reason: 'REQUIRED', message: 'Velg en klasse.' });
    else if (!context.classNames.includes(className)) {
      add('className', { reason: 'UNKNOWN_CLASS', message: `Klassen «${className}» finnes ikke i denne utgaven.`, value: className });
    }
  } else {
    add('className', nameProblem(className, 'Skriv hvilken bransje (klasse) selskapet hører til.', 'Klassenavnet'));
  }

  const tierOk = (TIERS as readonly string[]).includes(input.tier);
  if (!tierOk) add('tier', { reason: 'UNKNOWN_TIER', message: 'Velg nivå: Enkel eller Konkurrent.' });

  if (input.channels.length === 0) add('channels', { reason: 'NO_CHANNEL', message: 'Velg minst én kanal selskapet kan kontaktes på.' });
  else if (input.channels.some((c) => !(CHANNELS as readonly string[]).includes(c))) {
    add('channels', { reason: 'UNKNOWN_CHANNEL', message: 'Ukjent kanal.' });
  } else if (new Set(input.channels).size !== input.channels.length) {
    add('channels', { reason: 'DUPLICATE_CHANNEL', message: 'En kanal er valgt to ganger.' });
  }

  const competitors = input.competitors ?? [];
  if (competitors.length > 0) {
    if (input.tier !== 'KONKURRENT') {
      add('competitors', { reason: 'COMPETITORS_ONLY_KONKURRENT', message: 'Konkurrenter velges bare på nivå Konkurrent.' });
    } else if (competitors.length > MAX_COMPETITORS) {
      add('competitors', { reason: 'TOO_MANY_COMPETITORS', message: `Velg høyst ${MAX_COMPETITORS} konkurrenter.`, max: MAX_COMPETITORS });
    } else {
      const unknown = competitors.find((c) => !findKnownCompany(c, context.knownCompanies));
      const folded = competitors.map(foldForSearch);
      if (competitors.some((c) => sameCompanyName(c, input.companyName))) {
        add('competitors', { reason: 'SELF_AS_COMPETITOR', message: 'Selskapet kan ikke være sin egen konkurrent.' });
      } else if (unknown !== undefined) {
        add('competitors', {
          reason: 'UNKNOWN_COMPETITOR',
          message: `«${unknown}» er ikke påmeldt eller deltaker i denne utgaven.`,
          value: unknown,
        });
      } else if (new Set(folded).size !== folded.length) {
        add('competitors', { reason: 'DUPLICATE_COMPETITOR', message: 'En konkurrent er valgt to ganger.' });
      }
    }
  }

  add('contactName', nameProblem(input.contactName, 'Skriv navnet på kontaktpersonen.', 'Navnet'));
  add('contactEmail', emailProblem(input.contactEmail));
  if (input.openingHours && input.openingHours.trim() !== '') add('openingHours', openingHoursProblem(input.openingHours));
  problems.push(...contactPointsProblems(input.contactPoints ?? [], input.channels));
  return problems;
}
