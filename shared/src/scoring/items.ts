import {
  CHANNELS,
  SCORED_AREAS,
  type Area,
  type Category,
  type Channel,
  type QuestionDef,
  type ResponseRow,
  type ScoredArea,
} from '../domain.js';
import { appliesTo, findOption, isScored, maxPoints } from '../questionnaire.js';

/** What scoring needs of one approved inquiry. */
export type ScoringInquiry = Pick<ResponseRow, 'inquiryId' | 'channel' | 'status' | 'answers'>;

/**
 * The points one inquiry contributes through one scored question, and where they count.
 * The membership fields already carry the unanswered rule, so every aggregate only filters
 * on them and never looks at the inquiry's status again.
 */
export interface ScoredItem {
  questionCode: string;
  /** The area score the item counts in; null when it counts in the total only. */
  area: ScoredArea | null;
  /** The category scores the item counts in (empty for an unanswered inquiry). */
  categories: readonly Category[];
  earned: number;
  possible: number;
  /** Whether the item counts in its question's performance score. */
  inPerformance: boolean;
}

export function isScoredArea(area: Area): area is ScoredArea {
  return (SCORED_AREAS as readonly Area[]).includes(area);
}

/** A question that takes part in the score. CX never does, even if someone gave it points. */
function countsInScore(q: QuestionDef): q is QuestionDef & { area: ScoredArea } {
  return isScored(q) && isScoredArea(q.area);
}

/** The scored questions that make up the possible points of an inquiry on `channel`. */
export function scoredQuestionsFor(questions: readonly QuestionDef[], channel: Channel): (QuestionDef & { area: ScoredArea })[] {
  return questions.filter(countsInScore).filter((q) => appliesTo(q, channel));
}

/**
 * The single home of the unanswered and not-applicable rules (domain.md "Scoring (exact)").
 *
 * - Unanswered: every scored question of the channel gives 0 of its maximum; the points
 *   count in the total, in RESPONSE_TIME for that area's questions, and nowhere else.
 * - Answered: a question answered "not applicable" gives no item at all, so it leaves
 *   both earned and possible. A question without an answer, or with a code that is not
 *   one of its options, gives no item either: the importer rejects both, and inventing
 *   points for them would be worse than leaving them out.
 */
export function scoredItems(questions: readonly QuestionDef[], inquiry: ScoringInquiry): ScoredItem[] {
  const applicable = scoredQuestionsFor(questions, inquiry.channel);
  return inquiry.status === 'UNANSWERED'
    ? applicable.map(unansweredItem)
    : applicable.flatMap((q) => answeredItem(q, inquiry.answers[q.code]));
}

function unansweredItem(q: QuestionDef & { area: ScoredArea }): ScoredItem {
  return {
    questionCode: q.code,
    area: q.area === 'RESPONSE_TIME' ? q.area : null,
    categories: [],
    earned: 0,
    possible: maxPoints(q) ?? 0,
    inPerformance: false,
  };
}

function answeredItem(q: QuestionDef & { area: ScoredArea }, answer: string | undefined): ScoredItem[] {
  if (answer === undefined || answer === '') return [];
  const option = findOption(q, answer);
  if (!option || option.notApplicable) return [];
  return [
    {
      questionCode: q.code,
      area: q.area,
      categories: q.categories ?? [],
      earned: option.points ?? 0,
      possible: maxPoints(q) ?? 0,
      inPerformance: true,
    },
  ];
}

/** 100 · Σearned / Σpossible ("poeng fått / mulige poeng"); null when nothing was possible. */
export function pooledScore(items: readonly Pick<ScoredItem, 'earned' | 'possible'>[]): number | null {
  let earned = 0;
  let possible = 0;
  for (const item of items) {
    earned += item.earned;
    possible += item.possible;
  }
  return possible > 0 ? (100 * earned) / possible : null;
}

export function allItems(questions: readonly QuestionDef[], inquiries: readonly ScoringInquiry[]): ScoredItem[] {
  return inquiries.flatMap((inquiry) => scoredItems(questions, inquiry));
}

/** Inquiries per channel, only channels that have some, in CHANNELS order. */
export function groupByChannel<T extends { channel: Channel }>(inquiries: readonly T[]): { channel: Channel; inquiries: T[] }[] {
  return CHANNELS.map((channel) => ({ channel, inquiries: inquiries.filter((i) => i.channel === channel) })).filter(
    (g) => g.inquiries.length > 0,
  );
}

/**
 * Inquiries that count outside the score: CX and answer distributions. Unanswered ones have
 * nothing to report there, whatever stray answers a row might carry.
 */
export function answeredInquiries<T extends Pick<ScoringInquiry, 'status'>>(inquiries: readonly T[]): T[] {
  return inquiries.filter((i) => i.status === 'ANSWERED');
}
