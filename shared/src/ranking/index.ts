// Ranks at the published precision and class benchmarks (domain.md "Rank", "Class benchmark").
export { rankBy, rankResultList, RANK_DECIMALS, type Ranked, type RankKey, type ResultListEntry } from './rank.js';
export { classBenchmark, benchmarkBy, classMean, type Benchmark } from './benchmark.js';
export { classGap, sortByGap, type GapOrder } from './gap.js';
export {
  totalStandardError,
  totalInterval,
  totalUncertainty,
  rankCritical,
  rankIntervals,
  surelyAhead,
  editionUncertainty,
  INTERVAL_Z,
  type InquiryPoints,
  type TotalUncertainty,
  type Comparand,
  type RankInterval,
  type EditionComparand,
  type ParticipantUncertainty,
} from './uncertainty.js';
