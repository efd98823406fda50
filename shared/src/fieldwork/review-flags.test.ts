import { describe, expect, it } from 'vitest';
import { returnOverdue, reviewFlags } from './review-flags.js';
import type { ResponseInput } from './response-rules.js';
import { formatHoursWindow, parseOpeningHours } from './opening-hours.js';

const comments = {
  reception: 'Ble møtt med firmanavn og eget navn, rolig og vennlig.',
  agent: 'Stilte tre gode spørsmål om behovet før hun foreslo en løsning.',
  overall: 'Effektivt og hyggelig, jeg fikk alt jeg trengte på under fem minutter.',
};
// Tuesday 11 March 2025, winter time (+01:00).
const phone = (at: string, waitSeconds: number | null): ResponseInput => ({
  attempts: [{ at, waitSeconds }],
  answers: [{ questionCode: 'AGT_NEEDS', optionCode: 'YES' }],
  comments,
});
const flags = (input: ResponseInput, more: Partial<Parameters<typeof reviewFlags>[1]> = {}) =>
  reviewFlags(input, { channel: 'PHONE', firstResponse: false, ...more }).map((f) => f.flag);

describe('review flags', () => {
  it('flags nothing on an ordinary response', () => {
    expect(flags(phone('2025-03-11T11:00:00+01:00', 60))).toEqual([]);
  });
  it('a wait within 10 % of the 5-minute limit: 4:31 and 5:29 are near, 4:29 is not', () => {
    expect(flags(phone('2025-03-11T11:00:00+01:00', 271))).toEqual(['WAIT_NEAR_LIMIT']);
    expect(flags(phone('2025-03-11T11:00:00+01:00', 329))).toEqual(['WAIT_NEAR_LIMIT']);
    expect(flags(phone('2025-03-11T11:00:00+01:00', 269))).toEqual([]);
    // No reply is no wait.
    expect(flags(phone('2025-03-11T11:00:00+01:00', null))).toEqual([]);
  });
  it('an e-mail answered on the 3rd business day (Monday 17 March after Tuesday 11 March + 3 = Friday 14) or the day after', () => {
    const email = (days: number): ResponseInput => ({
      ...phone('2025-03-11T10:00:00+01:00', days * 86400),
      attempts: [{ at: '2025-03-11T10:00:00+01:00', waitSeconds: days * 86400 }],
    });
    expect(reviewFlags(email(3), { channel: 'EMAIL', firstResponse: false }).map((f) => f.flag)).toEqual(['WAIT_NEAR_LIMIT']);
    // Friday 14 + the weekend: Monday 17 March is the 4th business day, still flagged.
    expect(reviewFlags(email(6), { channel: 'EMAIL', firstResponse: false }).map((f) => f.flag)).toEqual(['WAIT_NEAR_LIMIT']);
    expect(reviewFlags(email(1), { channel: 'EMAIL', firstResponse: false }).map((f) => f.flag)).toEqual([]);
  });
  it('answers the same as the observer’s previous response, in any order', () => {
    const previous = { answers: [{ questionCode: 'AGT_NEEDS', optionCode: 'YES' }] };
    expect(flags(phone('2025-03-11T11:00:00+01:00', 60), { previous })).toEqual(['SAME_AS_PREVIOUS']);
    expect(
      flags(phone('2025-03-11T11:00:00+01:00', 60), { previous: { answers: [{ questionCode: 'AGT_NEEDS', optionCode: 'NO' }] } }),
    ).toEqual([]);
  });
  it('a comment under 40 characters, naming which', () => {
    const short = reviewFlags(
      { ...phone('2025-03-11T11:00:00+01:00', 60), comments: { ...comments, agent: 'Grei.' } },
      { channel: 'PHONE', firstResponse: false },
    );
    expect(short).toEqual([{ flag: 'SHORT_COMMENT', message: 'Kort kommentar om kundebehandleren.' }]);
  });
  it('a contact within 10 minutes of the window’s edge: 09:05 and 14:55, not 09:10', () => {
    expect(flags(phone('2025-03-11T09:05:00+01:00', 60))).toEqual(['NEAR_WINDOW_EDGE']);
    expect(flags(phone('2025-03-11T14:55:00+01:00', 60))).toEqual(['NEAR_WINDOW_EDGE']);
    expect(flags(phone('2025-03-11T09:10:00+01:00', 60))).toEqual([]);
  });
  it('the observer’s first response', () => {
    expect(flags(phone('2025-03-11T11:00:00+01:00', 60), { firstResponse: true })).toEqual(['FIRST_RESPONSE']);
  });
  it('a return is overdue after 3 days', () => {
    const now = new Date('2025-03-14T12:00:00Z');
    expect(returnOverdue(new Date('2025-03-11T11:59:00Z'), now)).toBe(true);
    expect(returnOverdue(new Date('2025-03-11T12:01:00Z'), now)).toBe(false);
  });
});

describe('contact windows in words', () => {
  it('writes the standard and own hours as the sign-up reads them', () => {
    expect(parseOpeningHours('man–fre 08:00–16:00; lør 10:00–14:00')!.map(formatHoursWindow)).toEqual([
      'man–fre 08:00–16:00',
      'lør 10:00–14:00',
    ]);
  });
});
