import type { CxCode } from '../domain.js';
import { answeredInquiries, type ScoringInquiry } from './items.js';

export interface CxMeasures {
  /** 1–5. */
  csatMean: number | null;
  /** Percent (0–100) of CSAT answers that are 4 or 5. */
  csatTop2Share: number | null;
  /** 1–7. */
  cesMean: number | null;
  /** −100..100. */
  nps: number | null;
  /** 1–7. */
  ves1Mean: number | null;
  /** 1–7. */
  ves2Mean: number | null;
}

export interface NpsDistribution {
  /** Answers 0–6. */
  detractors: number;
  /** Answers 7–8. */
  passives: number;
  /** Answers 9–10. */
  promoters: number;
  count: number;
}

/**
 * The numbers given to one CX question in answered inquiries. An empty or non-numeric text
 * is not an answer; range checks belong to the importer, not here.
 */
export function cxValues(inquiries: readonly ScoringInquiry[], code: CxCode): number[] {
  return answeredInquiries(inquiries).flatMap((i) => {
    const text = i.answers[code]?.trim();
    if (!text) return [];
    const value = Number(text);
    return Number.isFinite(value) ? [value] : [];
  });
}

function meanOrNull(values: readonly number[]): number | null {
  return values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

export function npsDistribution(inquiries: readonly ScoringInquiry[]): NpsDistribution {
  const values = cxValues(inquiries, 'NPS');
  const promoters = values.filter((v) => v >= 9).length;
  const detractors = values.filter((v) => v <= 6).length;
  return { detractors, passives: values.length - promoters - detractors, promoters, count: values.length };
}

export function npsScore(d: NpsDistribution): number | null {
  return d.count > 0 ? (100 * (d.promoters - d.detractors)) / d.count : null;
}

export function cxMeasures(inquiries: readonly ScoringInquiry[]): CxMeasures {
  const csat = cxValues(inquiries, 'CSAT');
  return {
    csatMean: meanOrNull(csat),
    csatTop2Share: csat.length > 0 ? (100 * csat.filter((v) => v >= 4).length) / csat.length : null,
    cesMean: meanOrNull(cxValues(inquiries, 'CES')),
    nps: npsScore(npsDistribution(inquiries)),
    ves1Mean: meanOrNull(cxValues(inquiries, 'VES1')),
    ves2Mean: meanOrNull(cxValues(inquiries, 'VES2')),
  };
}
