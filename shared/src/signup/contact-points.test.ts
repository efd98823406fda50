import { describe, expect, it } from 'vitest';
import { contactPointHref, contactPointProblem, contactPointsOf, contactPointsProblems } from './contact-points.js';
import { signUpProblems } from './sign-up.js';

const reason = (channel: Parameters<typeof contactPointProblem>[0], text: string) => contactPointProblem(channel, text)?.reason ?? null;

describe('contactPointProblem', () => {
  it('takes a Norwegian phone number: 8 digits, optionally +47, spaces anywhere', () => {
    for (const ok of ['22123456', '22 12 34 56', '+47 22 12 34 56', '+4722123456', ' 915 00 000 ']) expect(reason('PHONE', ok)).toBeNull();
    for (const bad of ['2212345', '221234567', '+46 22 12 34 56', '0047 22 12 34 56', '22-12-34-56', 'ring oss', '+47']) {
      expect(reason('PHONE', bad)).toBe('BAD_PHONE');
    }
  });

  it('takes an e-mail address or a contact form’s web address for e-mail', () => {
    for (const ok of ['kundeservice@alfa.no', 'https://alfa.no/kontakt', 'http://www.alfa.no/kontakt-oss?emne=1']) {
      expect(reason('EMAIL', ok)).toBeNull();
    }
    for (const bad of ['kundeservice@alfa', 'alfa.no/kontakt', 'ftp://alfa.no', 'https://alfa']) {
      expect(reason('EMAIL', bad)).toBe('BAD_EMAIL_OR_URL');
    }
  });

  it('takes only an http(s) address for chat and Messenger', () => {
    expect(reason('CHAT', 'https://alfa.no/chat')).toBeNull();
    expect(reason('MESSENGER', 'https://m.me/alfabank')).toBeNull();
    for (const bad of ['m.me/alfabank', 'kundeservice@alfa.no', 'https://m.me/alfa bank', 'javascript:alert(1)']) {
      expect(reason('MESSENGER', bad)).toBe('BAD_URL');
      expect(reason('CHAT', bad)).toBe('BAD_URL');
    }
  });

  it('refuses more than 300 characters, with the limit', () => {
    expect(contactPointProblem('CHAT', `https://alfa.no/${'a'.repeat(285)}`)).toEqual({
      reason: 'TOO_LONG',
      message: 'Kontaktadressen kan ha høyst 300 tegn.',
      max: 300,
    });
    expect(reason('CHAT', `https://alfa.no/${'a'.repeat(284)}`)).toBeNull();
  });
});

describe('contactPointsProblems', () => {
  it('places each problem on its channel’s field; empty values are no contact point', () => {
    expect(
      contactPointsProblems(
        [
          { channel: 'PHONE', value: '123' },
          { channel: 'EMAIL', value: '' },
          { channel: 'CHAT', value: 'https://alfa.no/chat' },
          { channel: 'MESSENGER', value: 'https://m.me/alfa' },
        ],
        ['PHONE', 'EMAIL', 'CHAT'],
      ).map((p) => [p.field, p.reason]),
    ).toEqual([
      ['contactPoints.PHONE', 'BAD_PHONE'],
      ['contactPoints.MESSENGER', 'CHANNEL_NOT_CHOSEN'],
    ]);
    expect(
      contactPointsProblems(
        [
          { channel: 'CHAT', value: 'https://alfa.no/chat' },
          { channel: 'CHAT', value: 'https://alfa.no/chat2' },
        ],
        ['CHAT'],
      ).map((p) => p.reason),
    ).toEqual(['DUPLICATE_CHANNEL']);
  });

  it('is part of the sign-up’s problems', () => {
    const draft = {
      companyName: 'Alfa Bank',
      organisationNumber: '923609016',
      className: 'Bank',
      tier: 'ENKEL',
      channels: ['PHONE', 'EMAIL'],
      reportPurchased: false,
      contactName: 'Kari',
      contactEmail: 'kari@alfa.no',
    };
    const context = { classNames: ['Bank'], knownCompanies: [] };
    expect(signUpProblems({ ...draft, contactPoints: [{ channel: 'PHONE', value: '+47 22 12 34 56' }] }, context)).toEqual([]);
    expect(signUpProblems({ ...draft, contactPoints: [{ channel: 'EMAIL', value: 'alfa.no' }] }, context)).toEqual([
      {
        field: 'contactPoints.EMAIL',
        reason: 'BAD_EMAIL_OR_URL',
        message: 'Skriv en e-postadresse (kundeservice@firma.no) eller adressen til kontaktskjemaet (https://firma.no/kontakt).',
      },
    ]);
  });
});

describe('contactPointsOf and contactPointHref', () => {
  it('keeps the given ones trimmed', () => {
    expect(
      contactPointsOf([
        { channel: 'PHONE', value: ' 22 12 34 56 ' },
        { channel: 'CHAT', value: '  ' },
      ]),
    ).toEqual({ PHONE: '22 12 34 56' });
    expect(contactPointsOf(null)).toEqual({});
  });

  it('links a phone number with tel:, an address with mailto:, a page as itself', () => {
    expect(contactPointHref('PHONE', '22 12 34 56')).toBe('tel:+4722123456');
    expect(contactPointHref('PHONE', '+47 915 00 000')).toBe('tel:+4791500000');
    expect(contactPointHref('EMAIL', 'kundeservice@alfa.no')).toBe('mailto:kundeservice@alfa.no');
    expect(contactPointHref('EMAIL', 'https://alfa.no/kontakt')).toBe('https://alfa.no/kontakt');
    expect(contactPointHref('MESSENGER', 'https://m.me/alfa')).toBe('https://m.me/alfa');
    expect(contactPointHref('CHAT', 'javascript:alert(1)')).toBeNull();
    expect(contactPointHref('PHONE', 'ring oss')).toBeNull();
  });
});
