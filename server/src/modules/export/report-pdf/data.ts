import { execute, parse, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';
import type { Area, Category, Channel, ParticipantUncertainty, ScoredArea, Spread as SharedSpread } from '@ksp/shared';
import type { Context } from '@server/context.js';
import { DomainError } from '@server/errors.js';

/**
 * The report's data, read the way the dashboard reads it: GraphQL documents executed in-process
 * against the real schema, as the viewer. The grants decide the content exactly as on screen:
 * a figure withheld for a small cell comes back as `WITHHELD` ("for få henvendelser"), a field
 * the viewer may not see as `FORBIDDEN` (its column or section is left out), and a chapter whose
 * report comes back null (a non-null own-only field refused) is left out whole.
 */
export const WITHHELD = 'WITHHELD' as const;
export const FORBIDDEN = 'FORBIDDEN' as const;
export type Withheld = typeof WITHHELD | typeof FORBIDDEN;
/** A figure: a number, null (no basis), or withheld / refused by the grant. */
export type Num = number | null | Withheld;

export const isNumber = (v: Num | undefined): v is number => typeof v === 'number';

/** A spread as the report's GraphQL gives it: each figure a `Num`. */
export type Spread = SharedSpread<Num>;
const SPREAD = 'count min q1 median q3 max mean stdDev';

export interface CoverData {
  editions: { year: number; name: string }[];
  participation: {
    company: { slug: string; name: string };
    className: string;
    year: number;
    total: number | null;
    report: { total: Num; lastYearTotal: Num; classMean: Num } | null;
  } | null;
}
const COVER = `query Cover($year: Int!, $slug: String!) { editions { year name }
  participation(year: $year, companySlug: $slug) { company { slug name } className year total report { total lastYearTotal classMean } } }`;

/** How sure a published total and its ranks are (public, as the list): the PDF cover says it in one line. */
export type CoverUncertainty = Omit<ParticipantUncertainty, 'standardError' | 'tiedWith'>;
export interface RanksData {
  resultList: { rank: number; classRank: number; className: string; company: { slug: string }; uncertainty: CoverUncertainty }[];
}
const RANKS = `query Ranks($year: Int!) { resultList(year: $year) { rank classRank className company { slug }
  uncertainty { low high rankLow rankHigh classRankLow classRankHigh } } }`;

interface ReportOf<R> {
  participation: { report: R | null } | null;
}

export interface TotalData {
  byChannel: { channel: Channel; total: Num }[];
  classBenchmark: { company: { slug: string; name: string }; total: Num }[];
  classMean: Num;
  variation: { total: Spread; byChannel: { channel: Channel; spread: Spread }[] };
}
const TOTAL = `query Total($year: Int!, $slug: String!) { participation(year: $year, companySlug: $slug) { report {
  byChannel { channel total } classBenchmark { company { slug name } total } classMean
  variation { total { ${SPREAD} } byChannel { channel spread { ${SPREAD} } } } } } }`;

export interface InquiriesData {
  inquiries: { id: string; channel: Channel; status: 'ANSWERED' | 'UNANSWERED'; score: Num }[];
}
const INQUIRIES = `query Inquiries($year: Int!, $slug: String!) { participation(year: $year, companySlug: $slug) { report {
  inquiries { id channel status score } } } }`;

export interface PerformanceData {
  code: string;
  text: string;
  shortLabel: string;
  scored: boolean;
  score: Num;
  classScore: Num;
  maxPoints: number | null;
  answers: Num;
  byChannel: { channel: Channel; score: Num; answers: Num }[];
}
export interface AreasData {
  areas: { area: ScoredArea; score: Num; byChannel: { channel: Channel; score: Num }[]; performances: PerformanceData[] }[];
}
const AREAS = `query Areas($year: Int!, $slug: String!) { participation(year: $year, companySlug: $slug) { report {
  areas { area score byChannel { channel score }
    performances { code text shortLabel scored score classScore maxPoints answers byChannel { channel score answers } } } } } }`;

export interface Benchmark {
  mean: Num;
  members: { company: { slug: string; name: string }; score: Num }[];
}
export interface AreasClassData {
  areas: { area: ScoredArea; classBenchmark: Benchmark }[];
}
const AREAS_CLASS = `query AreasClass($year: Int!, $slug: String!) { participation(year: $year, companySlug: $slug) { report {
  areas { area classBenchmark { mean members { company { slug name } score } } } } } }`;

export interface CategoriesData {
  categories: { category: Category; score: Num; byChannel: { channel: Channel; score: Num }[] }[];
}
const CATEGORIES = `query Categories($year: Int!, $slug: String!) { participation(year: $year, companySlug: $slug) { report {
  categories { category score byChannel { channel score } } } } }`;

export interface CategoriesClassData {
  categories: { category: Category; classBenchmark: { mean: Num } }[];
}
const CATEGORIES_CLASS = `query CategoriesClass($year: Int!, $slug: String!) { participation(year: $year, companySlug: $slug) { report {
  categories { category classBenchmark { mean } } } } }`;

export const CX_MEASURES = ['csatMean', 'csatTop2Share', 'cesMean', 'nps', 'ves1Mean', 'ves2Mean'] as const;
export type CxMeasure = (typeof CX_MEASURES)[number];
export type CxValues = Record<CxMeasure, Num>;
const CX_FIELDS = CX_MEASURES.join(' ');
export interface NpsDistribution {
  detractors: Num;
  passives: Num;
  promoters: Num;
  count: Num;
}
export interface CxData {
  cx: CxValues & { npsDistribution: NpsDistribution; byChannel: (CxValues & { channel: Channel; npsDistribution: NpsDistribution })[] };
}
const CX = `query Cx($year: Int!, $slug: String!) { participation(year: $year, companySlug: $slug) { report {
  cx { ${CX_FIELDS} npsDistribution { detractors passives promoters count } byChannel { channel ${CX_FIELDS} npsDistribution { detractors passives promoters count } } } } } }`;

export interface CxClassData {
  cx: { classMean: CxValues };
}
const CX_CLASS = `query CxClass($year: Int!, $slug: String!) { participation(year: $year, companySlug: $slug) { report {
  cx { classMean { ${CX_FIELDS} } } } } }`;

export interface VariationData {
  variation: {
    areas: { area: ScoredArea; spread: Spread }[];
    widestPerformances: { code: string; text: string; area: Area; score: Num; stdDev: Num; answers: Num }[];
  };
}
const VARIATION = `query Variation($year: Int!, $slug: String!) { participation(year: $year, companySlug: $slug) { report {
  variation { areas { area spread { ${SPREAD} } } widestPerformances(limit: 8) { code text area score stdDev answers } } } } }`;

export interface BackgroundData {
  background: {
    rolePlays: { title: string; description: string }[];
    channels: Channel[];
    inquiriesByChannel: { channel: Channel; count: number }[];
    unanswered: number;
    observerGenders: { gender: 'FEMALE' | 'MALE' | 'OTHER'; count: number }[];
    observerAgeBands: { band: string; count: number }[];
  };
}
const BACKGROUND = `query Background($year: Int!, $slug: String!) { participation(year: $year, companySlug: $slug) { report {
  background { rolePlays { title description } channels inquiriesByChannel { channel count } unanswered
    observerGenders { gender count } observerAgeBands { band count } } } } }`;

export interface CompetitorReport {
  total: Num;
  byChannel: { channel: Channel; total: Num }[];
  areas: { area: ScoredArea; score: Num }[];
  categories: { category: Category; score: Num }[];
  cx: { csatMean: Num; cesMean: Num; nps: Num };
}
export interface CompetitorsData {
  competitors: { company: { slug: string; name: string }; report: CompetitorReport | null }[];
}
const COMPETITORS = `query Competitors($year: Int!, $slug: String!) { participation(year: $year, companySlug: $slug) { report {
  competitors { company { slug name } report { total byChannel { channel total } areas { area score }
    categories { category score } cx { csatMean cesMean nps } } } } } }`;

export interface CorrectionsData {
  corrections: { at: string; inquiryId: string; reason: string }[];
}
const CORRECTIONS = `query Corrections($year: Int!, $slug: String!) { participation(year: $year, companySlug: $slug) { report {
  corrections { at inquiryId reason } } } }`;

export interface HistoryData {
  history: { year: number; className: string; total: Num; areas: { area: ScoredArea; score: Num }[] | Withheld | null }[];
}
const HISTORY = `query History($year: Int!, $slug: String!) { participation(year: $year, companySlug: $slug) { report {
  history { year className total areas { area score } } } } }`;

/** Everything the PDF shows; a chapter the viewer may not read is undefined. */
export interface ReportData {
  year: number;
  editionName: string;
  company: { slug: string; name: string };
  className: string;
  /** The public total, as on the result list. */
  publicTotal: number | null;
  rank: number | null;
  classRank: number | null;
  /** The public uncertainty of the total and its ranks; null off the list. */
  uncertainty: CoverUncertainty | null;
  classSize: number;
  listSize: number;
  head: { total: Num; lastYearTotal: Num; classMean: Num };
  total?: TotalData;
  inquiries?: InquiriesData['inquiries'];
  areas?: AreasData['areas'];
  areasClass?: AreasClassData['areas'];
  categories?: CategoriesData['categories'];
  categoriesClass?: CategoriesClassData['categories'];
  cx?: CxData['cx'];
  cxClass?: CxValues;
  variation?: VariationData['variation'];
  background?: BackgroundData['background'];
  competitors?: CompetitorsData['competitors'];
  history?: HistoryData['history'];
  /** Corrections of the responses after publication, newest first: the own report only (undefined otherwise). */
  corrections?: CorrectionsData['corrections'];
}

const parsed = new Map<string, DocumentNode>();
const documentOf = (text: string) => {
  let doc = parsed.get(text);
  if (!doc) parsed.set(text, (doc = parse(text)));
  return doc;
};

const codeOf = (error: GraphQLError): string | undefined =>
  error.originalError instanceof DomainError ? error.originalError.code : (error.extensions?.['code'] as string | undefined);

/** Executes one document as the context's viewer; refused fields become markers, any other error is thrown. */
export async function run<T>(schema: GraphQLSchema, ctx: Context, text: string, variables: Record<string, unknown>): Promise<T> {
  const result = await execute({ schema, document: documentOf(text), contextValue: ctx, variableValues: variables });
  for (const error of result.errors ?? []) {
    const code = codeOf(error);
    if (code !== 'TOO_FEW_INQUIRIES' && code !== 'FORBIDDEN') throw error.originalError ?? error;
    const path = error.path ?? [];
    let parent: unknown = result.data;
    for (const key of path.slice(0, -1)) parent = parent == null ? undefined : (parent as Record<string | number, unknown>)[key];
    const last = path[path.length - 1];
    if (parent && last !== undefined && (parent as Record<string | number, unknown>)[last] === null) {
      (parent as Record<string | number, unknown>)[last] = code === 'TOO_FEW_INQUIRIES' ? WITHHELD : FORBIDDEN;
    }
  }
  return result.data as T;
}

/** The report of one chapter document; undefined where the viewer may not read it. */
async function chapter<R>(schema: GraphQLSchema, ctx: Context, text: string, vars: Record<string, unknown>): Promise<R | undefined> {
  const data = await run<ReportOf<R>>(schema, ctx, text, vars);
  const report = data?.participation?.report;
  return report && typeof report === 'object' ? report : undefined;
}

/**
 * Reads the report of a participation as the context's viewer. Null when the viewer may not open
 * it at all (unknown, or nothing beyond the public total): the route answers before this.
 */
export async function loadReportData(schema: GraphQLSchema, ctx: Context, year: number, slug: string): Promise<ReportData | null> {
  const vars = { year, slug };
  const cover = await run<CoverData>(schema, ctx, COVER, vars);
  const p = cover.participation;
  if (!p || !p.report || typeof p.report !== 'object') return null;
  const [
    ranks,
    total,
    inquiries,
    areas,
    areasClass,
    categories,
    categoriesClass,
    cx,
    cxClass,
    variation,
    background,
    competitors,
    history,
    corrections,
  ] = await Promise.all([
    run<RanksData>(schema, ctx, RANKS, { year }),
    chapter<TotalData>(schema, ctx, TOTAL, vars),
    chapter<InquiriesData>(schema, ctx, INQUIRIES, vars),
    chapter<AreasData>(schema, ctx, AREAS, vars),
    chapter<AreasClassData>(schema, ctx, AREAS_CLASS, vars),
    chapter<CategoriesData>(schema, ctx, CATEGORIES, vars),
    chapter<CategoriesClassData>(schema, ctx, CATEGORIES_CLASS, vars),
    chapter<CxData>(schema, ctx, CX, vars),
    chapter<CxClassData>(schema, ctx, CX_CLASS, vars),
    chapter<VariationData>(schema, ctx, VARIATION, vars),
    chapter<BackgroundData>(schema, ctx, BACKGROUND, vars),
    chapter<CompetitorsData>(schema, ctx, COMPETITORS, vars),
    chapter<HistoryData>(schema, ctx, HISTORY, vars),
    chapter<CorrectionsData>(schema, ctx, CORRECTIONS, vars),
  ]);
  const own = ranks.resultList.find((r) => r.company.slug === p.company.slug);
  return {
    year,
    editionName: cover.editions.find((e) => e.year === year)?.name ?? `KSP ${year}`,
    company: p.company,
    className: p.className,
    publicTotal: p.total,
    rank: own?.rank ?? null,
    classRank: own?.classRank ?? null,
    uncertainty: own?.uncertainty ?? null,
    classSize: ranks.resultList.filter((r) => r.className === p.className).length,
    listSize: ranks.resultList.length,
    head: p.report,
    total,
    inquiries: inquiries?.inquiries,
    areas: areas?.areas,
    areasClass: areasClass?.areas,
    categories: categories?.categories,
    categoriesClass: categoriesClass?.categories,
    cx: cx?.cx,
    cxClass: cxClass?.cx.classMean,
    variation: variation?.variation,
    background: background?.background,
    competitors: competitors?.competitors,
    history: history?.history,
    corrections: corrections?.corrections,
  };
}
