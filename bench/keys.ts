// The flat keys of a report, one definition for both sides of the cross-check: flattenApi
// (compare.ts) reads them out of the API's JSON and flattenAnalyst (analyst.ts) out of the
// analyst's rows. A key names whose figure it is (`own`, `comp.<slug>`, `history.<year>`, or
// `class.<measure>`), then the figure. A list's key is also given with `#` for its length.

/** Whose figures: the own report, a competitor's, or one past year's. */
export const OWN = 'own';
export const competitor = (slug: string) => `comp.${slug}`;
export const pastYear = (year: number | string) => `history.${year}`;

type Part = string | number;

export const KEY = {
  /** The lists of competitors and of past years. */
  competitors: 'comp',
  history: 'history',

  className: (who: string) => `${who}.className`,
  tier: `${OWN}.tier`,
  total: (who: string) => `${who}.total`,
  lastYearTotal: `${OWN}.lastYearTotal`,
  byChannel: (who: string) => `${who}.byChannel`,
  totalOnChannel: (who: string, channel: Part) => `${who}.byChannel.${channel}`,

  areas: (who: string) => `${who}.area`,
  area: (who: string, area: Part) => `${who}.area.${area}`,
  areaChannels: (who: string, area: Part) => `${who}.area.${area}.ch`,
  areaOnChannel: (who: string, area: Part, channel: Part) => `${who}.area.${area}.${channel}`,
  areaPerformances: (who: string, area: Part) => `${who}.area.${area}.perf`,
  areaInquiries: (area: Part) => `${OWN}.area.${area}.inquiry`,
  areaInquiry: (area: Part, inquiry: Part) => `${OWN}.area.${area}.inquiry.${inquiry}`,

  categories: (who: string) => `${who}.category`,
  category: (who: string, category: Part) => `${who}.category.${category}`,
  categoryChannels: (who: string, category: Part) => `${who}.category.${category}.ch`,
  categoryOnChannel: (who: string, category: Part, channel: Part) => `${who}.category.${category}.${channel}`,

  /** A class benchmark's members, mean and list: `measure` is `total`, `area:X`, `category:X`, `cx:CSAT` or `cx:NPS`. */
  classMembers: (measure: string) => `class.${measure}`,
  classMember: (measure: string, slug: Part) => `class.${measure}.${slug}`,
  classMean: (measure: string) => `class.${measure}.mean`,

  cx: (who: string, field: Part) => `${who}.cx.${field}`,
  npsDistribution: (who: string, field: Part) => `${who}.cx.npsDistribution.${field}`,
  cxChannels: (who: string) => `${who}.cx.ch`,
  cxOnChannel: (who: string, channel: Part, field: Part) => `${who}.cx.${channel}.${field}`,

  inquiries: `${OWN}.inquiry`,
  inquiry: (inquiry: Part, field: Part) => `${OWN}.inquiry.${inquiry}.${field}`,

  performances: (who: string) => `${who}.perf`,
  performance: (who: string, code: Part) => `${who}.perf.${code}`,
  performanceAnswers: (who: string, code: Part) => `${who}.perf.${code}.answers`,
  performanceChannels: (who: string, code: Part) => `${who}.perf.${code}.ch`,
  performanceOnChannel: (who: string, code: Part, channel: Part) => `${who}.perf.${code}.${channel}`,
  options: (code: Part) => `${OWN}.perf.${code}.option`,
  option: (code: Part, option: Part, field: 'count' | 'share') => `${OWN}.perf.${code}.option.${option}.${field}`,

  /** The spread of inquiry scores: the whole report's figures, the median per channel and per area, the widest performances. */
  spread: (who: string, field: Part) => `${who}.var.${field}`,
  spreadChannels: (who: string) => `${who}.var.ch`,
  spreadOnChannel: (who: string, channel: Part) => `${who}.var.${channel}.median`,
  spreadAreas: (who: string) => `${who}.var.area`,
  spreadOfArea: (who: string, area: Part) => `${who}.var.area.${area}.median`,
  widest: `${OWN}.var.widest`,
  widestEntry: (i: number, field: 'code' | 'stdDev') => `${OWN}.var.widest.${i}.${field}`,

  /** The background chapter: `kind` is one of BACKGROUND_KINDS. */
  background: (kind: BackgroundKind) => `${OWN}.bg.${kind}`,
  backgroundEntry: (kind: BackgroundKind, entry: Part) => `${OWN}.bg.${kind}.${entry}`,
  unanswered: `${OWN}.bg.unanswered`,
} as const;

/** The length key of a list key. */
export const lengthKey = (listKey: string) => `${listKey}#`;

/** The customer-experience figures of a report, by their API names. */
export const CX_FIELDS = ['csatMean', 'csatTop2Share', 'cesMean', 'nps', 'ves1Mean', 'ves2Mean'] as const;
export type CxField = (typeof CX_FIELDS)[number];
export const NPS_DISTRIBUTION_FIELDS = ['detractors', 'passives', 'promoters', 'count'] as const;
/** The own report's spread figures the API gives (a competitor's: mean and stdDev). */
export const SPREAD_FIELDS = ['min', 'q1', 'median', 'q3', 'max', 'stdDev'] as const;
export const INQUIRY_FIELDS = ['channel', 'status', 'score'] as const;
export const BACKGROUND_KINDS = ['rolePlay', 'channel', 'inquiries', 'gender', 'age'] as const;
export type BackgroundKind = (typeof BACKGROUND_KINDS)[number];
