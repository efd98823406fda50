import { CHANNELS, type Channel } from '../domain.js';
import type { FieldProblem } from '../field-problem.js';

/**
 * How an observer reaches a participant on each channel (issue 18: the assignment shows "contact
 * details and the windows"): the customer-service phone number, the e-mail address or the address
 * of a contact form, the chat page, the Messenger page. Given at sign-up for each ticked channel
 * (optional), copied to the participation when staff accept, corrected by staff until the
 * fieldwork ends. One definition for the server (the rule) and the web (to show it before sending).
 */

/** A participant's contact point per channel; a channel without one is left out. */
export type ContactPoints = Partial<Record<Channel, string>>;

/** One contact point as a form sends it (`ContactPointInput`). */
export interface ContactPointDraft {
  channel: string;
  value: string;
}

/** Characters of one contact point. */
export const MAX_CONTACT_POINT = 300;

/** The field a contact point's problem is placed on: `contactPoints.PHONE` and so on. */
export type ContactPointField = `contactPoints.${Channel}`;
export const contactPointField = (channel: Channel): ContactPointField => `contactPoints.${channel}`;

/** Why a contact point is refused: stable codes (`extensions.fields[].reason`). */
export const CONTACT_POINT_REASONS = [
  'TOO_LONG',
  'BAD_PHONE',
  'BAD_EMAIL_OR_URL',
  'BAD_URL',
  'CHANNEL_NOT_CHOSEN',
  'DUPLICATE_CHANNEL',
] as const;
export type ContactPointReason = (typeof CONTACT_POINT_REASONS)[number];
export type ContactPointProblem = FieldProblem<ContactPointReason, ContactPointField>;

/** A Norwegian number: 8 digits, optionally after +47, spaces anywhere between. */
const PHONE = /^(\+47)?\d{8}$/;
const EMAIL = /^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$/;

/** Whether the text is an e-mail address (as the sign-up's contact e-mail is checked). */
export function isEmailAddress(text: string): boolean {
  return EMAIL.test(text.trim());
}

/** Whether the text is an absolute http(s) address with a host that has a dot (`https://firma.no/chat`). */
export function isWebAddress(text: string): boolean {
  const trimmed = text.trim();
  if (/\s/.test(trimmed) || !/^https?:\/\//i.test(trimmed)) return false;
  try {
    const url = new URL(trimmed);
    return (url.protocol === 'http:' || url.protocol === 'https:') && /^[^.]+(\.[^.]+)+$/.test(url.hostname);
  } catch {
    return false;
  }
}

/** Null when the text (not empty) is a fine contact point for the channel, else why not. */
export function contactPointProblem(channel: Channel, text: string): Omit<ContactPointProblem, 'field'> | null {
  const value = text.trim();
  if (value.length > MAX_CONTACT_POINT) {
    return { reason: 'TOO_LONG', message: `Kontaktadressen kan ha høyst ${MAX_CONTACT_POINT} tegn.`, max: MAX_CONTACT_POINT };
  }
  switch (channel) {
    case 'PHONE':
      return PHONE.test(value.replace(/ /g, ''))
        ? null
        : { reason: 'BAD_PHONE', message: 'Skriv et norsk telefonnummer med 8 siffer, for eksempel 22 12 34 56 eller +47 22 12 34 56.' };
    case 'EMAIL':
      return isEmailAddress(value) || isWebAddress(value)
        ? null
        : {
            reason: 'BAD_EMAIL_OR_URL',
            message: 'Skriv en e-postadresse (kundeservice@firma.no) eller adressen til kontaktskjemaet (https://firma.no/kontakt).',
          };
    case 'CHAT':
    case 'MESSENGER':
      return isWebAddress(value) ? null : { reason: 'BAD_URL', message: 'Skriv en nettadresse som begynner med https://.' };
  }
}

/**
 * Every problem of a form's contact points, in channel order: each must be for one of the ticked
 * `channels`, once, and read as its channel's kind of address. Empty values are no contact point
 * (the fields are optional).
 */
export function contactPointsProblems(points: readonly ContactPointDraft[], channels: readonly string[]): ContactPointProblem[] {
  const problems: ContactPointProblem[] = [];
  const given = points.filter((p) => p.value.trim() !== '');
  for (const channel of CHANNELS) {
    const mine = given.filter((p) => p.channel === channel);
    if (mine.length === 0) continue;
    const field = contactPointField(channel);
    if (!channels.includes(channel)) {
      problems.push({ field, reason: 'CHANNEL_NOT_CHOSEN', message: 'Kanalen er ikke valgt.' });
    } else if (mine.length > 1) {
      problems.push({ field, reason: 'DUPLICATE_CHANNEL', message: 'Kanalen har to kontaktadresser.' });
    } else {
      const problem = contactPointProblem(channel, mine[0]!.value);
      if (problem) problems.push({ field, ...problem });
    }
  }
  return problems;
}

/** The contact points to keep: trimmed, the empty ones left out (assumes contactPointsProblems found none). */
export function contactPointsOf(points: readonly ContactPointDraft[] | null | undefined): ContactPoints {
  const kept: ContactPoints = {};
  for (const p of points ?? []) {
    const value = p.value.trim();
    if (value !== '' && (CHANNELS as readonly string[]).includes(p.channel)) kept[p.channel as Channel] = value;
  }
  return kept;
}

/**
 * The link a contact point opens: `tel:` with the digits for a phone number, `mailto:` for an
 * e-mail address, the address itself for a web page. Null for what is neither (an old value).
 */
export function contactPointHref(channel: Channel, value: string): string | null {
  const trimmed = value.trim();
  if (channel === 'PHONE') {
    const digits = trimmed.replace(/ /g, '');
    return PHONE.test(digits) ? `tel:${digits.startsWith('+') ? digits : `+47${digits}`}` : null;
  }
  if (isWebAddress(trimmed)) return trimmed;
  if (channel === 'EMAIL' && isEmailAddress(trimmed)) return `mailto:${trimmed}`;
  return null;
}
