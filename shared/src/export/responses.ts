import type { Area, Channel, Gender, InquiryStatus, QuestionKind, ResponseComments } from '../domain.js';
import type { Locale } from '../format/number.js';
import { EXPORT_LABELS } from './labels.js';
import { DOMAIN_LABELS } from '../labels.js';
import { makeTable, type CellKind, type CellValue, type ExportTable } from './table.js';

// The responses export (report chapter 5, "Individual responses", as a file): one row per
// approved inquiry, and a second sheet with the questionnaire the answers refer to.

export interface ExportOption {
  code: string;
  label: string;
  points: number | null;
  notApplicable: boolean;
}

export interface ExportQuestion {
  code: string;
  text: string;
  area: Area;
  kind: QuestionKind;
  channels: Channel[];
  /** The weight of a scored question; null for unscored and SCALE questions. */
  maxPoints: number | null;
  scaleMin: number | null;
  scaleMax: number | null;
  options: ExportOption[];
}

export interface ExportResponse {
  id: string;
  channel: Channel;
  contactedAt: Date;
  attempts: number;
  waitSeconds: number | null;
  status: InquiryStatus;
  /** The inquiry score in percent, as the report computes it; null without a basis. */
  score: number | null;
  /** Question code → the chosen option's label, or the number on a scale. Questions not answered are absent. */
  answers: Record<string, string | number>;
  comments: ResponseComments;
  /** Gender and age band only: an export never carries the observer's id or name. */
  observerGender: Gender;
  observerAgeBand: string;
}

/**
 * The responses sheet: id, channel, contact time, attempts, wait, status, score, one column per
 * question (headed by its code, explained on the questionnaire sheet) with the answer as its
 * option label, the three comments, the observer's gender and age band.
 */
export function responsesTable(
  questions: readonly ExportQuestion[],
  responses: readonly ExportResponse[],
  locale: Locale = 'nb',
): ExportTable {
  const l = DOMAIN_LABELS[locale];
  const h = EXPORT_LABELS[locale].responses;
  const columns: { key: string; header: string; kind: CellKind }[] = [
    { key: 'id', header: h.id, kind: 'text' },
    { key: 'channel', header: h.channel, kind: 'text' },
    { key: 'contactedAt', header: h.contactedAt, kind: 'dateTime' },
    { key: 'attempts', header: h.attempts, kind: 'integer' },
    { key: 'waitSeconds', header: h.waitSeconds, kind: 'integer' },
    { key: 'status', header: h.status, kind: 'text' },
    { key: 'score', header: h.score, kind: 'score' },
    ...questions.map((q) => ({ key: `q:${q.code}`, header: q.code, kind: 'answer' as const })),
    { key: 'commentReception', header: h.commentReception, kind: 'longText' },
    { key: 'commentAgent', header: h.commentAgent, kind: 'longText' },
    { key: 'commentOverall', header: h.commentOverall, kind: 'longText' },
    { key: 'observerGender', header: h.observerGender, kind: 'text' },
    { key: 'observerAgeBand', header: h.observerAgeBand, kind: 'text' },
  ];
  const rows = responses.map((r): CellValue[] => [
    r.id,
    l.channel[r.channel],
    r.contactedAt,
    r.attempts,
    r.waitSeconds,
    l.inquiryStatus[r.status],
    r.score,
    ...questions.map((q) => r.answers[q.code] ?? null),
    r.comments.reception,
    r.comments.agent,
    r.comments.overall,
    l.gender[r.observerGender],
    r.observerAgeBand,
  ]);
  return makeTable(h.sheet, columns, rows);
}

/** One line per option: `Personlig og hyggelig (4)`, `Ikke relevant (teller ikke)`; an unscored option by its label alone. */
function optionLines(q: ExportQuestion, locale: Locale): string {
  const l = EXPORT_LABELS[locale].questionnaire;
  if (q.kind === 'SCALE') return q.scaleMin !== null && q.scaleMax !== null ? l.scale(q.scaleMin, q.scaleMax) : '';
  return q.options
    .map((o) => {
      if (o.notApplicable) return `${o.label} (${l.notApplicable})`;
      if (q.maxPoints !== null) return `${o.label} (${o.points ?? 0})`;
      return o.label;
    })
    .join('\n');
}

/** The questionnaire sheet: every question in questionnaire order with its area, channels, weight and options with points. */
export function questionnaireTable(questions: readonly ExportQuestion[], locale: Locale = 'nb'): ExportTable {
  const l = DOMAIN_LABELS[locale];
  const h = EXPORT_LABELS[locale].questionnaire;
  return makeTable(
    h.sheet,
    [
      { key: 'code', header: h.code, kind: 'text' },
      { key: 'text', header: h.text, kind: 'longText' },
      { key: 'area', header: h.area, kind: 'text' },
      { key: 'channels', header: h.channels, kind: 'text' },
      { key: 'maxPoints', header: h.maxPoints, kind: 'integer' },
      { key: 'options', header: h.options, kind: 'longText' },
    ],
    questions.map((q) => [
      q.code,
      q.text,
      l.area[q.area],
      q.channels.map((c) => l.channel[c]).join(', '),
      q.maxPoints,
      optionLines(q, locale),
    ]),
  );
}

/** `besvarelser-alfa-bank-2024.xlsx`: the file name of a download. */
export function responsesFileName(companySlug: string, year: number, extension: 'xlsx' | 'csv'): string {
  return `besvarelser-${companySlug}-${year}.${extension}`;
}
