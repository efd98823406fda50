import { CATEGORIES, SCORED_AREAS, type Category, type Channel, type QuestionDef, type ScoredArea } from '../domain.js';
import { allItems, groupByChannel, pooledScore, scoredItems, type ScoredItem, type ScoringInquiry } from './items.js';

export interface ChannelTotal {
  channel: Channel;
  total: number | null;
}
export interface AreaScore {
  area: ScoredArea;
  score: number | null;
}
export interface AreaChannelScore {
  area: ScoredArea;
  channel: Channel;
  score: number | null;
}
export interface CategoryScore {
  category: Category;
  score: number | null;
}
export interface CategoryChannelScore {
  category: Category;
  channel: Channel;
  score: number | null;
}

/** 100 · earned / possible of one inquiry; 0 for an unanswered one, null when nothing was possible. */
export function inquiryScore(questions: readonly QuestionDef[], inquiry: ScoringInquiry): number | null {
  return pooledScore(scoredItems(questions, inquiry));
}

/**
 * Pooled over the inquiries' points, not the mean of inquiry scores: an inquiry with more
 * possible points (e.g. PHONE with its extra questions) weighs more, as in "poeng fått /
 * mulige poeng".
 */
export function participantTotal(questions: readonly QuestionDef[], inquiries: readonly ScoringInquiry[]): number | null {
  return pooledScore(allItems(questions, inquiries));
}

export function totalsByChannel(questions: readonly QuestionDef[], inquiries: readonly ScoringInquiry[]): ChannelTotal[] {
  return groupByChannel(inquiries).map((g) => ({ channel: g.channel, total: participantTotal(questions, g.inquiries) }));
}

function areaScoresOf(items: readonly ScoredItem[]): AreaScore[] {
  return SCORED_AREAS.map((area) => ({ area, score: pooledScore(items.filter((i) => i.area === area)) }));
}

/** All four scored areas, in SCORED_AREAS order, each null when it has no basis. */
export function areaScores(questions: readonly QuestionDef[], inquiries: readonly ScoringInquiry[]): AreaScore[] {
  return areaScoresOf(allItems(questions, inquiries));
}

/** Area by area, then channel by channel (only channels that have inquiries). */
export function areaScoresByChannel(questions: readonly QuestionDef[], inquiries: readonly ScoringInquiry[]): AreaChannelScore[] {
  const perChannel = groupByChannel(inquiries).map((g) => ({ channel: g.channel, scores: areaScores(questions, g.inquiries) }));
  return SCORED_AREAS.flatMap((area) =>
    perChannel.map(({ channel, scores }) => ({ area, channel, score: scores.find((s) => s.area === area)?.score ?? null })),
  );
}

/**
 * The categories that some question of the questionnaire names, in CATEGORIES order. A
 * category named only by unscored questions is still listed, with a null score, so the
 * list depends on the questionnaire alone and not on which answers happen to exist.
 */
export function usedCategories(questions: readonly QuestionDef[]): Category[] {
  const used = new Set(questions.flatMap((q) => q.categories ?? []));
  return CATEGORIES.filter((c) => used.has(c));
}

function categoryScoresOf(categories: readonly Category[], items: readonly ScoredItem[]): CategoryScore[] {
  return categories.map((category) => ({ category, score: pooledScore(items.filter((i) => i.categories.includes(category))) }));
}

export function categoryScores(questions: readonly QuestionDef[], inquiries: readonly ScoringInquiry[]): CategoryScore[] {
  return categoryScoresOf(usedCategories(questions), allItems(questions, inquiries));
}

/** Category by category, then channel by channel (only channels that have inquiries). */
export function categoryScoresByChannel(questions: readonly QuestionDef[], inquiries: readonly ScoringInquiry[]): CategoryChannelScore[] {
  const categories = usedCategories(questions);
  const perChannel = groupByChannel(inquiries).map((g) => ({
    channel: g.channel,
    scores: categoryScoresOf(categories, allItems(questions, g.inquiries)),
  }));
  return categories.flatMap((category) =>
    perChannel.map(({ channel, scores }) => ({
      category,
      channel,
      score: scores.find((s) => s.category === category)?.score ?? null,
    })),
  );
}
