import { describe, expect, it } from 'vitest';
import { openingHoursProblem, signUpProblems, type SignUpDraft } from './sign-up.js';

const CONTEXT = { classNames: ['Bank', 'Forsikring'], knownCompanies: ['Alfa Bank', 'Beta Sparebank', 'Ærfugl Forsikring'] };
const VALID: SignUpDraft = {
  companyName: 'Equinor ASA',
  organisationNumber: '923 609 016',
  className: 'Bank',
  tier: 'KONKURRENT',
  channels: ['PHONE', 'EMAIL'],
  competitors: ['Alfa Bank', 'aerfugl forsikring'],
  reportPurchased: true,
  contactName: 'Kari Nordmann',
  contactEmail: 'kari@equinor.no',
  openingHours: 'man–fre 08:00–16:00; lør 10:00–14:00',
};
const fields = (draft: Partial<SignUpDraft>, context = CONTEXT) => signUpProblems({ ...VALID, ...draft }, context);

describe('signUpProblems', () => {
  it('has none for a valid sign-up (competitors matched folded, org number with spaces)', () => {
    expect(fields({})).toEqual([]);
    expect(fields({ tier: 'ENKEL', competitors: null, openingHours: null })).toEqual([]);
  });

  it('names the field and the reason of each problem, with the Norwegian message', () => {
    expect(fields({ companyName: ' ' })).toEqual([{ field: 'companyName', reason: 'REQUIRED', message: 'Skriv navnet på selskapet.' }]);
    expect(fields({ companyName: 'x'.repeat(121) })).toEqual([
      { field: 'companyName', reason: 'TOO_LONG', message: 'Selskapsnavnet kan ha høyst 120 tegn.', max: 120 },
    ]);
    expect(fields({ organisationNumber: '923609017' })).toEqual([
      {
        field: 'organisationNumber',
        reason: 'CHECK_DIGIT',
        message: 'Kontrollsifferet stemmer ikke: se etter om et siffer er skrevet feil.',
      },
    ]);
    expect(fields({ className: 'Energi' })).toEqual([
      { field: 'className', reason: 'UNKNOWN_CLASS', message: 'Klassen «Energi» finnes ikke i denne utgaven.', value: 'Energi' },
    ]);
    expect(fields({ tier: 'GULL' })[0]).toEqual({ field: 'tier', reason: 'UNKNOWN_TIER', message: 'Velg nivå: Enkel eller Konkurrent.' });
    expect(fields({ channels: [] })).toEqual([
      { field: 'channels', reason: 'NO_CHANNEL', message: 'Velg minst én kanal selskapet kan kontaktes på.' },
    ]);
    expect(fields({ channels: ['PHONE', 'PHONE'] })).toEqual([
      { field: 'channels', reason: 'DUPLICATE_CHANNEL', message: 'En kanal er valgt to ganger.' },
    ]);
    expect(fields({ contactName: '' })).toEqual([
      { field: 'contactName', reason: 'REQUIRED', message: 'Skriv navnet på kontaktpersonen.' },
    ]);
    expect(fields({ contactEmail: 'kari@equinor' })).toEqual([
      { field: 'contactEmail', reason: 'BAD_EMAIL', message: 'Dette ser ikke ut som en e-postadresse (navn@firma.no).' },
    ]);
    expect(fields({ openingHours: '8-16' }).map((p) => [p.field, p.reason])).toEqual([['openingHours', 'BAD_OPENING_HOURS']]);
    expect(fields({ className: '' })).toEqual([{ field: 'className', reason: 'REQUIRED', message: 'Velg en klasse.' }]);
    expect(fields({ channels: ['PHONE', 'FAX'] })).toEqual([{ field: 'channels', reason: 'UNKNOWN_CHANNEL', message: 'Ukjent kanal.' }]);
    expect(fields({ contactEmail: `${'k'.repeat(245)}@equinor.no` })).toEqual([
      { field: 'contactEmail', reason: 'TOO_LONG', message: 'En e-postadresse kan ha høyst 254 tegn.', max: 254 },
    ]);
  });

  it('lists several problems in form order', () => {
    expect(fields({ companyName: '', contactEmail: '', channels: [] }).map((p) => p.field)).toEqual([
      'companyName',
      'channels',
      'contactEmail',
    ]);
  });

  it('takes competitors only in the konkurrent tier, at most 5, known, not the company itself, each once', () => {
    expect(fields({ tier: 'ENKEL' })).toEqual([
      { field: 'competitors', reason: 'COMPETITORS_ONLY_KONKURRENT', message: 'Konkurrenter velges bare på nivå Konkurrent.' },
    ]);
    const six = ['A', 'B', 'C', 'D', 'E', 'F'];
    expect(fields({ competitors: six }, { ...CONTEXT, knownCompanies: six })).toEqual([
      { field: 'competitors', reason: 'TOO_MANY_COMPETITORS', message: 'Velg høyst 5 konkurrenter.', max: 5 },
    ]);
    expect(fields({ competitors: ['Gamma AS'] })).toEqual([
      {
        field: 'competitors',
        reason: 'UNKNOWN_COMPETITOR',
        message: '«Gamma AS» er ikke påmeldt eller deltaker i denne utgaven.',
        value: 'Gamma AS',
      },
    ]);
    expect(fields({ companyName: 'Alfa Bank', competitors: ['alfa bank'] })).toEqual([
      { field: 'competitors', reason: 'SELF_AS_COMPETITOR', message: 'Selskapet kan ikke være sin egen konkurrent.' },
    ]);
    expect(fields({ competitors: ['Alfa Bank', 'ALFA BANK'] })).toEqual([
      { field: 'competitors', reason: 'DUPLICATE_COMPETITOR', message: 'En konkurrent er valgt to ganger.' },
    ]);
  });

  it('takes any class name while the edition has no classes yet', () => {
    expect(fields({ className: 'Energi' }, { ...CONTEXT, classNames: [] })).toEqual([]);
    expect(fields({ className: '' }, { ...CONTEXT, classNames: [] })).toEqual([
      { field: 'className', reason: 'REQUIRED', message: 'Skriv hvilken bransje (klasse) selskapet hører til.' },
    ]);
  });
});

describe('openingHoursProblem', () => {
  it('takes a time range, per weekday or a range of weekdays, with hyphens and full stops too', () => {
    expect(openingHoursProblem('08:00–16:00')).toBeNull();
    expect(openingHoursProblem('man-fre 08.00-16.00, lør 10:00–14:00')).toBeNull();
    expect(openingHoursProblem('Tor 12:00–24:00')).toBeNull();
  });

  it('refuses another format, a backwards day range, and a closing time not after the opening time', () => {
    expect(openingHoursProblem('8-16')).toEqual({
      reason: 'BAD_OPENING_HOURS',
      message: 'Skriv åpningstidene som «08:00–16:00» eller «man–fre 08:00–16:00; lør 10:00–14:00».',
    });
    expect(openingHoursProblem('fre–man 08:00–16:00')).toEqual({
      reason: 'DAYS_BACKWARDS',
      message: 'Dagene må gå framover i uka («fre–man»).',
      value: 'fre–man',
    });
    expect(openingHoursProblem('16:00–08:00')).toEqual({
      reason: 'CLOSES_BEFORE_OPENS',
      message: '16:00–08:00: stengetiden må være etter åpningstiden.',
      value: '16:00–08:00',
    });
    expect(openingHoursProblem('08:00–25:00')).toEqual({
      reason: 'BAD_TIME',
      message: '08:00–25:00: et klokkeslett går fra 00:00 til 24:00.',
      value: '08:00–25:00',
    });
    expect(openingHoursProblem('x'.repeat(201))).toEqual({ reason: 'TOO_LONG', message: 'Åpningstidene kan ha høyst 200 tegn.', max: 200 });
  });
});
