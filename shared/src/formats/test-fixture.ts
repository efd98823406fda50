// A small valid edition for tests (formats, and anyone who needs a tiny bundle).
import type { EditionBundle, QuestionnaireFile, ResponseRow } from '../domain.js';

export function fixtureQuestionnaire(): QuestionnaireFile {
  return {
    edition: {
      year: 2024,
      name: 'KSP 2024',
      inquiriesPerParticipant: 25,
      channelKeys: { PHONE: 0.5, EMAIL: 0.3, CHAT: 0.2, MESSENGER: 0.2 },
      waitLimits: { PHONE: { waitSeconds: 300, attempts: 2 } },
    },
    questions: [
      {
        code: 'REC_WELCOME',
        area: 'RECEPTION',
        text: 'Hvordan opplevde du velkomsten?',
        channels: ['PHONE', 'EMAIL', 'CHAT', 'MESSENGER'],
        categories: ['COMMUNICATION'],
        options: [
          { code: 'A', label: 'Personlig og hyggelig', points: 4 },
          { code: 'B', label: 'Nøytral', points: 2 },
          { code: 'C', label: 'Rutinepreget og mekanisk', points: 0 },
          { code: 'NA', label: 'Ikke relevant', notApplicable: true },
        ],
      },
      {
        code: 'RT_ANSWER',
        area: 'RESPONSE_TIME',
        text: 'Fikk du svar innen rimelig tid?',
        channels: ['PHONE', 'EMAIL', 'CHAT', 'MESSENGER'],
        categories: ['ACCESSIBILITY'],
        options: [
          { code: 'Y', label: 'Ja', points: 2 },
          { code: 'N', label: 'Nei', points: 0 },
        ],
      },
      {
        code: 'AGENT_NEEDS',
        area: 'AGENT',
        text: 'Stilte kundebehandleren spørsmål om dine behov?',
        channels: ['PHONE', 'EMAIL', 'CHAT', 'MESSENGER'],
        categories: ['INTEREST', 'COMPETENCE'],
        options: [
          { code: 'A', label: 'Ja, flere', points: 6 },
          { code: 'B', label: 'Ja, ett', points: 3 },
          { code: 'C', label: 'Nei', points: 0 },
        ],
      },
      {
        code: 'CALLBACK',
        area: 'RESPONSE_TIME',
        text: 'Fikk du tilbud om tilbakeringing?',
        channels: ['PHONE'],
        options: [
          { code: 'Y', label: 'Ja' },
          { code: 'N', label: 'Nei' },
        ],
      },
      { code: 'CSAT', area: 'CX', kind: 'SCALE', min: 1, max: 5, text: 'Hvor fornøyd er du med denne kundeopplevelsen?' },
      { code: 'NPS', area: 'CX', kind: 'SCALE', min: 0, max: 10, text: 'Hvor sannsynlig er det at du vil anbefale dette selskapet?' },
    ],
  };
}

function response(r: Partial<ResponseRow> & Pick<ResponseRow, 'inquiryId' | 'companySlug' | 'channel'>): ResponseRow {
  return {
    observerId: 'obs-1',
    observerGender: 'FEMALE',
    observerBirthYear: 1985,
    contactedAt: '2024-03-05T10:15:00+01:00',
    status: 'ANSWERED',
    attempts: 1,
    waitSeconds: 45,
    comments: { reception: '', agent: '', overall: '' },
    answers: {},
    ...r,
  };
}

export function fixtureBundle(): EditionBundle {
  return {
    questionnaire: fixtureQuestionnaire(),
    participants: [
      {
        companySlug: 'acme-bank',
        companyName: 'Acme Bank ASA',
        className: 'Bank',
        tier: 'KONKURRENT',
        channels: ['PHONE', 'EMAIL', 'CHAT'],
        competitors: ['nordbank', 'fjord-forsikring'],
        reportPurchased: true,
      },
      {
        companySlug: 'nordbank',
        companyName: 'Nordbank, Ærlig & Øm "Å"',
        className: 'Bank',
        tier: 'ENKEL',
        channels: ['PHONE', 'EMAIL'],
        competitors: [],
        reportPurchased: false,
      },
      {
        companySlug: 'fjord-forsikring',
        companyName: 'Fjord Forsikring',
        className: 'Forsikring',
        tier: 'ENKEL',
        channels: ['MESSENGER'],
        competitors: [],
        reportPurchased: true,
      },
    ],
    responses: [
      response({
        inquiryId: 'I-001',
        companySlug: 'acme-bank',
        channel: 'PHONE',
        comments: {
          reception: 'Hyggelig, men litt "rutinepreget" i starten.',
          agent: 'Spurte om behov;\nforklarte godt.\r\nFikk svar på alt – også om rente.',
          overall: 'Blåbærsyltetøy, ærfugl og øl: æøå ÆØÅ.',
        },
        answers: { REC_WELCOME: 'A', RT_ANSWER: 'Y', AGENT_NEEDS: 'B', CALLBACK: 'N', CSAT: '4', NPS: '9' },
      }),
      response({
        inquiryId: 'I-002',
        companySlug: 'acme-bank',
        channel: 'EMAIL',
        observerId: 'obs-2',
        observerGender: 'MALE',
        observerBirthYear: 1962,
        contactedAt: '2024-03-06T09:05:00Z',
        waitSeconds: 86_400,
        comments: { reception: 'Automatisk kvittering, deretter svar.', agent: '', overall: 'OK' },
        answers: { REC_WELCOME: 'NA', RT_ANSWER: 'N', AGENT_NEEDS: 'C', CSAT: '2', NPS: '3' },
      }),
      response({
        inquiryId: 'I-003',
        companySlug: 'acme-bank',
        channel: 'CHAT',
        status: 'UNANSWERED',
        attempts: 2,
        waitSeconds: 300,
        contactedAt: '2024-03-07T13:30:00.500+01:00',
        comments: { reception: 'Ingen svar i chatten, to forsøk.', agent: '', overall: '' },
      }),
      response({
        inquiryId: 'I-004',
        companySlug: 'nordbank',
        channel: 'PHONE',
        observerId: 'obs-3',
        observerGender: 'OTHER',
        observerBirthYear: 2001,
        answers: { REC_WELCOME: 'C', RT_ANSWER: 'Y', AGENT_NEEDS: 'A', CALLBACK: 'Y', CSAT: '5', NPS: '10' },
      }),
      response({
        inquiryId: 'I-005',
        companySlug: 'nordbank',
        channel: 'EMAIL',
        waitSeconds: null,
        answers: { REC_WELCOME: 'B', RT_ANSWER: 'Y', AGENT_NEEDS: 'B', CSAT: '3', NPS: '0' },
      }),
      response({
        inquiryId: 'I-006',
        companySlug: 'fjord-forsikring',
        channel: 'MESSENGER',
        contactedAt: '2024-03-08T11:00:00-02:30',
        answers: { REC_WELCOME: 'A', RT_ANSWER: 'N', AGENT_NEEDS: 'A', CSAT: '1', NPS: '7' },
      }),
    ],
  };
}
