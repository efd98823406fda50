import type { Locale } from '../format/number.js';

/**
 * The sheet names and column headers of the exports, in bokmål (default) and English. The cells'
 * words for the domain's things (channel, status, gender, area) are the shared DOMAIN_LABELS.
 */
export interface ExportLabels {
  responses: {
    sheet: string;
    id: string;
    channel: string;
    contactedAt: string;
    attempts: string;
    waitSeconds: string;
    status: string;
    score: string;
    commentReception: string;
    commentAgent: string;
    commentOverall: string;
    observerGender: string;
    observerAgeBand: string;
  };
  questionnaire: {
    sheet: string;
    code: string;
    text: string;
    area: string;
    channels: string;
    maxPoints: string;
    options: string;
    /** An option that makes the question drop out of the score. */
    notApplicable: string;
    /** A SCALE question's range. */
    scale: (min: number, max: number) => string;
  };
}

export const EXPORT_LABELS: Record<Locale, ExportLabels> = {
  nb: {
    responses: {
      sheet: 'Besvarelser',
      id: 'Henvendelse',
      channel: 'Kanal',
      contactedAt: 'Tidspunkt',
      attempts: 'Forsøk',
      waitSeconds: 'Ventetid (sekunder)',
      status: 'Status',
      score: 'Poeng (%)',
      commentReception: 'Kommentar: mottak og velkomst',
      commentAgent: 'Kommentar: kundebehandleren',
      commentOverall: 'Kommentar: totalinntrykk',
      observerGender: 'Observatør: kjønn',
      observerAgeBand: 'Observatør: alder',
    },
    questionnaire: {
      sheet: 'Spørreskjema',
      code: 'Kode',
      text: 'Spørsmål',
      area: 'Område',
      channels: 'Kanaler',
      maxPoints: 'Maks poeng',
      options: 'Svaralternativer (poeng)',
      notApplicable: 'teller ikke',
      scale: (min, max) => `Skala ${min}–${max}`,
    },
  },
  en: {
    responses: {
      sheet: 'Responses',
      id: 'Inquiry',
      channel: 'Channel',
      contactedAt: 'Contacted at',
      attempts: 'Attempts',
      waitSeconds: 'Wait (seconds)',
      status: 'Status',
      score: 'Score (%)',
      commentReception: 'Comment: reception and welcome',
      commentAgent: 'Comment: the agent',
      commentOverall: 'Comment: overall impression',
      observerGender: 'Observer: gender',
      observerAgeBand: 'Observer: age',
    },
    questionnaire: {
      sheet: 'Questionnaire',
      code: 'Code',
      text: 'Question',
      area: 'Area',
      channels: 'Channels',
      maxPoints: 'Max points',
      options: 'Options (points)',
      notApplicable: 'not counted',
      scale: (min, max) => `Scale ${min}–${max}`,
    },
  },
};

/** `?lang=en` gives English; anything else bokmål. */
export function exportLocale(lang: unknown): Locale {
  return lang === 'en' ? 'en' : 'nb';
}
