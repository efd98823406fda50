// Pure scoring (domain.md "Scoring (exact)"). The report read model computes the same in
// SQL; each is the other's check, so keep the two in step.
export { scoredItems, pooledScore, type ScoringInquiry, type ScoredItem } from './items.js';
export {
  inquiryScore,
  participantTotal,
  totalsByChannel,
  areaScores,
  areaScoresByChannel,
  categoryScores,
  categoryScoresByChannel,
  type ChannelTotal,
  type AreaScore,
  type AreaChannelScore,
  type CategoryScore,
  type CategoryChannelScore,
} from './totals.js';
export { performanceScores, type PerformanceScore, type OptionShare } from './performance.js';
export { cxMeasures, npsDistribution, type CxMeasures, type NpsDistribution } from './cx.js';
export { describeSpread, type Spread } from './spread.js';
export { participantReport, type ParticipantReport, type ReportArea, type ReportInquiry } from './report.js';
