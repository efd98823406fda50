// The names of the domain's things in words, in bokmål (default) and English: the one source
// used by the web app's i18n, the report PDF and the spreadsheet exports, so a channel, an
// area or an answer status reads the same on screen, on paper and in Excel.
import type { Area, Category, Channel, Gender, InquiryStatus, Tier } from './domain.js';
import type { Locale } from './format/number.js';
import type { CxMeasures, NpsDistribution } from './scoring/cx.js';

export type CxMeasure = keyof CxMeasures;
export type NpsGroup = Exclude<keyof NpsDistribution, 'count'>;

export interface DomainLabels {
  channel: Record<Channel, string>;
  area: Record<Area, string>;
  category: Record<Category, string>;
  tier: Record<Tier, string>;
  inquiryStatus: Record<InquiryStatus, string>;
  gender: Record<Gender, string>;
  /** A CX measure with its scale. */
  cx: Record<CxMeasure, string>;
  /** The NPS groups with their answer ranges. */
  npsGroup: Record<NpsGroup, string>;
}

export const DOMAIN_LABELS: Record<Locale, DomainLabels> = {
  nb: {
    channel: { PHONE: 'Telefon', EMAIL: 'E-post', CHAT: 'Chat', MESSENGER: 'Messenger' },
    area: {
      RESPONSE_TIME: 'Svar- og ventetid',
      RECEPTION: 'Mottak og velkomst',
      AGENT: 'Kundebehandleren',
      OVERALL: 'Totalinntrykk',
      CX: 'CX – kundeopplevelse',
    },
    category: {
      ACCESSIBILITY: 'Tilgjengelighet',
      INTEREST: 'Interesse',
      COMMUNICATION: 'Kommunikasjon',
      COMPETENCE: 'Kompetanse',
      SALES: 'Salg',
    },
    tier: { ENKEL: 'Enkel', KONKURRENT: 'Konkurrent' },
    inquiryStatus: { ANSWERED: 'Besvart', UNANSWERED: 'Ikke besvart' },
    gender: { FEMALE: 'Kvinne', MALE: 'Mann', OTHER: 'Annet' },
    cx: {
      csatMean: 'CSAT, snitt (1–5)',
      csatTop2Share: 'CSAT, andel 4–5',
      cesMean: 'CES, snitt (1–7)',
      nps: 'NPS (−100 til 100)',
      ves1Mean: 'VES(1), snitt (1–7)',
      ves2Mean: 'VES(2), snitt (1–7)',
    },
    npsGroup: { detractors: 'Kritikere (0–6)', passives: 'Passive (7–8)', promoters: 'Ambassadører (9–10)' },
  },
  en: {
    channel: { PHONE: 'Phone', EMAIL: 'E-mail', CHAT: 'Chat', MESSENGER: 'Messenger' },
    area: {
      RESPONSE_TIME: 'Response and waiting time',
      RECEPTION: 'Reception and welcome',
      AGENT: 'The agent',
      OVERALL: 'Overall impression',
      CX: 'CX – customer experience',
    },
    category: {
      ACCESSIBILITY: 'Accessibility',
      INTEREST: 'Interest',
      COMMUNICATION: 'Communication',
      COMPETENCE: 'Competence',
      SALES: 'Sales',
    },
    tier: { ENKEL: 'Basic', KONKURRENT: 'Competitor' },
    inquiryStatus: { ANSWERED: 'Answered', UNANSWERED: 'Not answered' },
    gender: { FEMALE: 'Female', MALE: 'Male', OTHER: 'Other' },
    cx: {
      csatMean: 'CSAT, mean (1–5)',
      csatTop2Share: 'CSAT, share 4–5',
      cesMean: 'CES, mean (1–7)',
      nps: 'NPS (−100 to 100)',
      ves1Mean: 'VES(1), mean (1–7)',
      ves2Mean: 'VES(2), mean (1–7)',
    },
    npsGroup: { detractors: 'Detractors (0–6)', passives: 'Passives (7–8)', promoters: 'Promoters (9–10)' },
  },
};
