import { describe, expect, it } from 'vitest';
import { questionnaireTable, responsesFileName, responsesTable, type ExportQuestion, type ExportResponse } from './responses.js';
import { exportLocale } from './labels.js';

const QUESTIONS: ExportQuestion[] = [
  {
    code: 'REC_WELCOME',
    text: 'Hvordan opplevde du velkomsten?',
    area: 'RECEPTION',
    kind: 'CHOICE',
    channels: ['PHONE', 'EMAIL'],
    maxPoints: 4,
    scaleMin: null,
    scaleMax: null,
    options: [
      { code: 'A', label: 'Personlig og hyggelig', points: 4, notApplicable: false },
      { code: 'C', label: 'Rutinepreget', points: 0, notApplicable: false },
      { code: 'NA', label: 'Ikke relevant', points: null, notApplicable: true },
    ],
  },
  {
    code: 'CALLBACK',
    text: 'Fikk du tilbud om tilbakeringing?',
    area: 'RESPONSE_TIME',
    kind: 'CHOICE',
    channels: ['PHONE'],
    maxPoints: null,
    scaleMin: null,
    scaleMax: null,
    options: [
      { code: 'Y', label: 'Ja', points: null, notApplicable: false },
      { code: 'N', label: 'Nei', points: null, notApplicable: false },
    ],
  },
  {
    code: 'CSAT',
    text: 'Hvor fornøyd er du?',
    area: 'CX',
    kind: 'SCALE',
    channels: ['PHONE', 'EMAIL', 'CHAT', 'MESSENGER'],
    maxPoints: null,
    scaleMin: 1,
    scaleMax: 5,
    options: [],
  },
];

const RESPONSES: ExportResponse[] = [
  {
    id: 'a-1',
    channel: 'PHONE',
    contactedAt: new Date('2024-09-10T08:15:00Z'),
    attempts: 1,
    waitSeconds: 60,
    status: 'ANSWERED',
    score: 85,
    answers: { REC_WELCOME: 'Personlig og hyggelig', CALLBACK: 'Ja', CSAT: 5 },
    comments: { reception: 'Hei', agent: 'Bra', overall: 'Fint' },
    observerGender: 'FEMALE',
    observerAgeBand: '50–59',
  },
  {
    id: 'a-2',
    channel: 'EMAIL',
    contactedAt: new Date('2024-09-11T08:15:00Z'),
    attempts: 2,
    waitSeconds: null,
    status: 'UNANSWERED',
    score: 0,
    answers: {},
    comments: { reception: 'Ingen svar', agent: '', overall: '' },
    observerGender: 'OTHER',
    observerAgeBand: '18–29',
  },
];

describe('the responses sheet', () => {
  it('has the fixed columns, one per question by code, the comments and the observer, in bokmål', () => {
    const table = responsesTable(QUESTIONS, RESPONSES);
    expect(table.name).toBe('Besvarelser');
    expect(table.columns.map((c) => c.header)).toEqual([
      'Henvendelse',
      'Kanal',
      'Tidspunkt',
      'Forsøk',
      'Ventetid (sekunder)',
      'Status',
      'Poeng (%)',
      'REC_WELCOME',
      'CALLBACK',
      'CSAT',
      'Kommentar: mottak og velkomst',
      'Kommentar: kundebehandleren',
      'Kommentar: totalinntrykk',
      'Observatør: kjønn',
      'Observatør: alder',
    ]);
    expect(table.columns.map((c) => c.kind)).toEqual([
      'text',
      'text',
      'dateTime',
      'integer',
      'integer',
      'text',
      'score',
      'answer',
      'answer',
      'answer',
      'longText',
      'longText',
      'longText',
      'text',
      'text',
    ]);
    expect(table.rows).toEqual([
      [
        'a-1',
        'Telefon',
        new Date('2024-09-10T08:15:00Z'),
        1,
        60,
        'Besvart',
        85,
        'Personlig og hyggelig',
        'Ja',
        5,
        'Hei',
        'Bra',
        'Fint',
        'Kvinne',
        '50–59',
      ],
      [
        'a-2',
        'E-post',
        new Date('2024-09-11T08:15:00Z'),
        2,
        null,
        'Ikke besvart',
        0,
        null,
        null,
        null,
        'Ingen svar',
        '',
        '',
        'Annet',
        '18–29',
      ],
    ]);
  });

  it('speaks English with ?lang=en', () => {
    expect(exportLocale('en')).toBe('en');
    expect(exportLocale('nb')).toBe('nb');
    expect(exportLocale(undefined)).toBe('nb');
    expect(exportLocale(['en'])).toBe('nb');
    const table = responsesTable(QUESTIONS, RESPONSES, 'en');
    expect(table.name).toBe('Responses');
    expect(table.columns.slice(0, 7).map((c) => c.header)).toEqual([
      'Inquiry',
      'Channel',
      'Contacted at',
      'Attempts',
      'Wait (seconds)',
      'Status',
      'Score (%)',
    ]);
    expect(table.rows.map((r) => [r[1], r[5], r[13]])).toEqual([
      ['Phone', 'Answered', 'Female'],
      ['E-mail', 'Not answered', 'Other'],
    ]);
  });

  it('fits column widths: comments 50 (wrapped), dates and scores fixed, the rest to the longest value within 10–40', () => {
    const widths = Object.fromEntries(responsesTable(QUESTIONS, RESPONSES).columns.map((c) => [c.key, c.width]));
    expect(widths).toMatchObject({
      id: 13, // "Henvendelse" + 2
      channel: 10, // "Telefon" + 2 = 9, at least 10
      contactedAt: 17,
      score: 11, // "Poeng (%)" + 2
      'q:REC_WELCOME': 23, // "Personlig og hyggelig" + 2
      'q:CSAT': 10,
      commentReception: 50,
      observerGender: 19,
    });
  });
});

describe('the questionnaire sheet', () => {
  it('lists every question with its area, channels, weight and options with points', () => {
    const table = questionnaireTable(QUESTIONS);
    expect(table.name).toBe('Spørreskjema');
    expect(table.columns.map((c) => c.header)).toEqual(['Kode', 'Spørsmål', 'Område', 'Kanaler', 'Maks poeng', 'Svaralternativer (poeng)']);
    expect(table.rows).toEqual([
      [
        'REC_WELCOME',
        'Hvordan opplevde du velkomsten?',
        'Mottak og velkomst',
        'Telefon, E-post',
        4,
        'Personlig og hyggelig (4)\nRutinepreget (0)\nIkke relevant (teller ikke)',
      ],
      ['CALLBACK', 'Fikk du tilbud om tilbakeringing?', 'Svar- og ventetid', 'Telefon', null, 'Ja\nNei'],
      ['CSAT', 'Hvor fornøyd er du?', 'CX – kundeopplevelse', 'Telefon, E-post, Chat, Messenger', null, 'Skala 1–5'],
    ]);
    expect(questionnaireTable(QUESTIONS, 'en').rows[0]!.slice(2)).toEqual([
      'Reception and welcome',
      'Phone, E-mail',
      4,
      'Personlig og hyggelig (4)\nRutinepreget (0)\nIkke relevant (not counted)',
    ]);
  });

  it('names the file after the company and the year', () => {
    expect(responsesFileName('alfa-bank', 2024, 'xlsx')).toBe('besvarelser-alfa-bank-2024.xlsx');
    expect(responsesFileName('alfa-bank', 2024, 'csv')).toBe('besvarelser-alfa-bank-2024.csv');
  });
});
