import type { Area, QuestionDef } from '../domain.js';
import { appliesTo, questionKind } from '../questionnaire.js';
import { allItems, answeredInquiries, pooledScore, type ScoredItem, type ScoringInquiry } from './items.js';

export interface OptionShare {
  code: string;
  label: string;
  count: number;
  /** Percent (0–100) of the question's answers; null when the question has no answers. */
  share: number | null;
}

export interface PerformanceScore {
  questionCode: string;
  area: Area;
  /** null for an unscored question, or a scored one without a basis. */
  score: number | null;
  earned: number;
  possible: number;
  /** Answers in answered inquiries where the question applies, "not applicable" included. */
  answers: number;
  options: OptionShare[];
}

/**
 * One row per CHOICE question, in questionnaire order, scored or not. SCALE (CX) questions
 * have no options to distribute and are reported by cxMeasures instead.
 */
export function performanceScores(questions: readonly QuestionDef[], inquiries: readonly ScoringInquiry[]): PerformanceScore[] {
  const items = allItems(questions, inquiries).filter((i) => i.inPerformance);
  const answered = answeredInquiries(inquiries);
  return questions.filter((q) => questionKind(q) === 'CHOICE').map((q) => performanceOf(q, items, answered));
}

function performanceOf(q: QuestionDef, items: readonly ScoredItem[], answered: readonly ScoringInquiry[]): PerformanceScore {
  const own = items.filter((i) => i.questionCode === q.code);
  const counts = optionCounts(q, answered);
  const answers = counts.reduce((sum, c) => sum + c, 0);
  return {
    questionCode: q.code,
    area: q.area,
    score: pooledScore(own),
    earned: own.reduce((sum, i) => sum + i.earned, 0),
    possible: own.reduce((sum, i) => sum + i.possible, 0),
    answers,
    options: (q.options ?? []).map((o, k) => {
      const count = counts[k] ?? 0;
      return { code: o.code, label: o.label, count, share: answers > 0 ? (100 * count) / answers : null };
    }),
  };
}

/** Counts per option, index-aligned with q.options; codes that are no option are left out, so shares add up to 100. */
function optionCounts(q: QuestionDef, answered: readonly ScoringInquiry[]): number[] {
  const options = q.options ?? [];
  const counts = options.map(() => 0);
  for (const inquiry of answered) {
    if (!appliesTo(q, inquiry.channel)) continue;
    const k = options.findIndex((o) => o.code === inquiry.answers[q.code]);
    if (k >= 0) counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}
