import type { GraphQLError } from './http.js';
import { CX_FIELDS, INQUIRY_FIELDS, KEY, NPS_DISTRIBUTION_FIELDS, OWN, SPREAD_FIELDS, competitor, lengthKey, pastYear } from './keys.js';

// The full report as flat numbers by a stable key (`own.area.AGENT.PHONE`, `comp.<slug>.total`,
// `class.total.mean`, …: keys.ts), so the API's JSON and the analyst's rows can be compared figure by
// figure. Lists also give their length (`…#`), so a missing or extra entry is a mismatch too.

export type Value = number | string | null;
export type Flat = Map<string, Value>;

export interface ApiFlat {
  values: Flat;
  /** Keys (and key prefixes) the API withheld by design: null with an allowed error at or above it. */
  withheld: Set<string>;
  /** The same key given twice with different values inside one response. */
  inconsistent: string[];
}

type Json = any;

/** Flattens the data of FULL_REPORT_NO_RESPONSES. `errors` are the response's (allowed) errors. */
export function flattenApi(data: Json, errors: readonly GraphQLError[] = []): ApiFlat {
  const out = new ApiFlattener(errors);
  const P = ['participation'];
  const p = data.participation;
  out.put(KEY.className(OWN), p, 'className', P);
  out.put(KEY.tier, p, 'tier', P);
  out.put(KEY.total(OWN), p, 'total', P);
  const R = [...P, 'report'];
  const r = p.report;
  out.put(KEY.total(OWN), r, 'total', R);
  out.put(KEY.lastYearTotal, r, 'lastYearTotal', R);
  out
    .list(KEY.byChannel(OWN), r, 'byChannel', R)
    .forEach((c, i) => out.put(KEY.totalOnChannel(OWN, c.channel), c, 'total', [...R, 'byChannel', i]));
  flattenAreas(out, r, R);
  flattenCategories(out, r, R);
  flattenCx(out, r.cx, [...R, 'cx']);
  out.list(KEY.inquiries, r, 'inquiries', R).forEach((q, i) => {
    for (const f of INQUIRY_FIELDS) out.put(KEY.inquiry(q.id, f), q, f, [...R, 'inquiries', i]);
  });
  out
    .list(KEY.classMembers('total'), r, 'classBenchmark', R)
    .forEach((m, i) => out.put(KEY.classMember('total', m.company.slug), m, 'total', [...R, 'classBenchmark', i]));
  out.put(KEY.classMean('total'), r, 'classMean', R);
  flattenBackground(out, r.background, [...R, 'background']);
  out.list(KEY.competitors, r, 'competitors', R).forEach((c, i) => flattenCompetitor(out, c, [...R, 'competitors', i]));
  out.list(KEY.history, r, 'history', R).forEach((h, i) => flattenPastYear(out, h, [...R, 'history', i]));
  flattenPerformances(out, r, R);
  flattenSpread(out, r.variation, [...R, 'variation']);
  return out.result();
}

type JsonPath = (string | number)[];

/** Collects flat values from the API's JSON, telling a figure withheld by an allowed error from a missing one. */
class ApiFlattener {
  private readonly values: Flat = new Map();
  private readonly withheld = new Set<string>();
  private readonly inconsistent: string[] = [];
  private readonly errorPaths: string[];

  constructor(errors: readonly GraphQLError[]) {
    this.errorPaths = errors.map((e) => (e.path ?? []).join('.'));
  }

  /** Whether an allowed error sits at or above the JSON path. */
  held(jsonPath: JsonPath): boolean {
    const p = jsonPath.join('.');
    return this.errorPaths.some((e) => p === e || p.startsWith(`${e}.`));
  }

  /** Marks a key (and every key under it) withheld. */
  withhold(key: string): void {
    this.withheld.add(key);
  }

  /** Puts `obj[field]` at `key`, or marks the key withheld. Returns the value. */
  put(key: string, obj: Json, field: string, jsonPath: JsonPath): Value | undefined {
    const value = obj?.[field] as Value | undefined;
    if ((value === null || value === undefined) && this.held([...jsonPath, field])) {
      this.withheld.add(key);
      return undefined;
    }
    const old = this.values.get(key);
    if (this.values.has(key) && !same(old, value ?? null)) this.inconsistent.push(`${key}: ${old} vs ${value}`);
    this.values.set(key, value ?? null);
    return value;
  }

  /** A list under `key`, or nothing when withheld; its length goes to `key#`. */
  list(key: string, obj: Json, field: string, jsonPath: JsonPath): Json[] {
    const value = obj?.[field];
    if (value === null || value === undefined) {
      if (this.held([...jsonPath, field])) this.withheld.add(key);
      else this.values.set(lengthKey(key), 0);
      return [];
    }
    this.values.set(lengthKey(key), (value as Json[]).length);
    return value as Json[];
  }

  /** Adds `n` to the number at `key` (entries the API lists once each, the analyst counts). */
  tally(key: string, n: number): void {
    this.values.set(key, ((this.values.get(key) as number | undefined) ?? 0) + n);
  }

  result(): ApiFlat {
    return { values: this.values, withheld: this.withheld, inconsistent: this.inconsistent };
  }
}

/** The own areas: score, per channel, the class benchmark, and the score of each inquiry. */
function flattenAreas(out: ApiFlattener, r: Json, R: JsonPath): void {
  out.list(KEY.areas(OWN), r, 'areas', R).forEach((a, i) => {
    const A = [...R, 'areas', i];
    out.put(KEY.area(OWN, a.area), a, 'score', A);
    out
      .list(KEY.areaChannels(OWN, a.area), a, 'byChannel', A)
      .forEach((c, j) => out.put(KEY.areaOnChannel(OWN, a.area, c.channel), c, 'score', [...A, 'byChannel', j]));
    flattenBenchmark(out, `area:${a.area}`, a, A);
    out
      .list(KEY.areaInquiries(a.area), a, 'inquiries', A)
      .forEach((q, j) => out.put(KEY.areaInquiry(a.area, q.id), q, 'score', [...A, 'inquiries', j]));
  });
}

/** The own categories: score, per channel, and the class benchmark. */
function flattenCategories(out: ApiFlattener, r: Json, R: JsonPath): void {
  out.list(KEY.categories(OWN), r, 'categories', R).forEach((c, i) => {
    const C = [...R, 'categories', i];
    out.put(KEY.category(OWN, c.category), c, 'score', C);
    out
      .list(KEY.categoryChannels(OWN, c.category), c, 'byChannel', C)
      .forEach((x, j) => out.put(KEY.categoryOnChannel(OWN, c.category, x.channel), x, 'score', [...C, 'byChannel', j]));
    flattenBenchmark(out, `category:${c.category}`, c, C);
  });
}

/** An area's or category's class benchmark (own report only): the mean and each member's score. */
function flattenBenchmark(out: ApiFlattener, measure: string, obj: Json, path: JsonPath): void {
  const B = [...path, 'classBenchmark'];
  const b = obj.classBenchmark;
  if (!b) return;
  out.put(KEY.classMean(measure), b, 'mean', B);
  out
    .list(KEY.classMembers(measure), b, 'members', B)
    .forEach((m, j) => out.put(KEY.classMember(measure, m.company.slug), m, 'score', [...B, 'members', j]));
}

/** The own customer-experience figures, the NPS distribution, per channel, and the class means. */
function flattenCx(out: ApiFlattener, cx: Json, X: JsonPath): void {
  for (const f of CX_FIELDS) out.put(KEY.cx(OWN, f), cx, f, X);
  for (const f of NPS_DISTRIBUTION_FIELDS) out.put(KEY.npsDistribution(OWN, f), cx.npsDistribution, f, [...X, 'npsDistribution']);
  out.list(KEY.cxChannels(OWN), cx, 'byChannel', X).forEach((c, i) => {
    out.put(KEY.cxOnChannel(OWN, c.channel, 'csatMean'), c, 'csatMean', [...X, 'byChannel', i]);
    out.put(KEY.cxOnChannel(OWN, c.channel, 'nps'), c, 'nps', [...X, 'byChannel', i]);
  });
  out.put(KEY.classMean('cx:CSAT'), cx.classMean, 'csatMean', [...X, 'classMean']);
  out.put(KEY.classMean('cx:NPS'), cx.classMean, 'nps', [...X, 'classMean']);
}

/** The background chapter: role plays and channels tallied, inquiries, unanswered, observers' genders and ages. */
function flattenBackground(out: ApiFlattener, bg: Json, G: JsonPath): void {
  out.list(KEY.background('rolePlay'), bg, 'rolePlays', G).forEach((x) => out.tally(KEY.backgroundEntry('rolePlay', x.title), 1));
  out.list(KEY.background('channel'), bg, 'channels', G).forEach((c) => out.tally(KEY.backgroundEntry('channel', c), 1));
  out
    .list(KEY.background('inquiries'), bg, 'inquiriesByChannel', G)
    .forEach((x, i) => out.put(KEY.backgroundEntry('inquiries', x.channel), x, 'count', [...G, 'inquiriesByChannel', i]));
  out.put(KEY.unanswered, bg, 'unanswered', G);
  out
    .list(KEY.background('gender'), bg, 'observerGenders', G)
    .forEach((x, i) => out.put(KEY.backgroundEntry('gender', x.gender), x, 'count', [...G, 'observerGenders', i]));
  out
    .list(KEY.background('age'), bg, 'observerAgeBands', G)
    .forEach((x, i) => out.put(KEY.backgroundEntry('age', x.band), x, 'count', [...G, 'observerAgeBands', i]));
}

/** One competitor: its total, and (where the own report may see it) its report's figures. */
function flattenCompetitor(out: ApiFlattener, c: Json, K: JsonPath): void {
  const k = competitor(c.company.slug);
  out.put(KEY.total(k), c, 'total', K);
  const CR = [...K, 'report'];
  const cr = c.report;
  if (!cr) {
    if (out.held(CR)) out.withhold(k);
    return;
  }
  out.put(KEY.total(k), cr, 'total', CR);
  out
    .list(KEY.byChannel(k), cr, 'byChannel', CR)
    .forEach((x, j) => out.put(KEY.totalOnChannel(k, x.channel), x, 'total', [...CR, 'byChannel', j]));
  out.list(KEY.areas(k), cr, 'areas', CR).forEach((a, j) => {
    const A = [...CR, 'areas', j];
    out.put(KEY.area(k, a.area), a, 'score', A);
    out
      .list(KEY.areaPerformances(k, a.area), a, 'performances', A)
      .forEach((x, n) => out.put(KEY.performance(k, x.code), x, 'score', [...A, 'performances', n]));
  });
  out
    .list(KEY.categories(k), cr, 'categories', CR)
    .forEach((x, j) => out.put(KEY.category(k, x.category), x, 'score', [...CR, 'categories', j]));
  out.put(KEY.cx(k, 'nps'), cr.cx, 'nps', [...CR, 'cx']);
  out.put(KEY.cx(k, 'csatMean'), cr.cx, 'csatMean', [...CR, 'cx']);
  out
    .list(KEY.performances(k), cr, 'performances', CR)
    .forEach((x, j) => out.put(KEY.performance(k, x.code), x, 'score', [...CR, 'performances', j]));
  const V = [...CR, 'variation', 'total'];
  out.put(KEY.spread(k, 'mean'), cr.variation?.total, 'mean', V);
  out.put(KEY.spread(k, 'stdDev'), cr.variation?.total, 'stdDev', V);
}

/** One past year of the own company: its class, total, and areas per channel. */
function flattenPastYear(out: ApiFlattener, h: Json, H: JsonPath): void {
  const k = pastYear(h.year);
  out.put(KEY.className(k), h, 'className', H);
  out.put(KEY.total(k), h, 'total', H);
  out.list(KEY.areas(k), h, 'areas', H).forEach((a, j) => {
    const A = [...H, 'areas', j];
    out.put(KEY.area(k, a.area), a, 'score', A);
    out
      .list(KEY.areaChannels(k, a.area), a, 'byChannel', A)
      .forEach((x, n) => out.put(KEY.areaOnChannel(k, a.area, x.channel), x, 'score', [...A, 'byChannel', n]));
  });
}

/** The own performances: score, answers, each option's count and share, and per channel. */
function flattenPerformances(out: ApiFlattener, r: Json, R: JsonPath): void {
  out.list(KEY.performances(OWN), r, 'performances', R).forEach((x, i) => {
    const F = [...R, 'performances', i];
    out.put(KEY.performance(OWN, x.code), x, 'score', F);
    out.put(KEY.performanceAnswers(OWN, x.code), x, 'answers', F);
    out.list(KEY.options(x.code), x, 'options', F).forEach((o, j) => {
      out.put(KEY.option(x.code, o.code, 'count'), o, 'count', [...F, 'options', j]);
      out.put(KEY.option(x.code, o.code, 'share'), o, 'share', [...F, 'options', j]);
    });
    out
      .list(KEY.performanceChannels(OWN, x.code), x, 'byChannel', F)
      .forEach((c, j) => out.put(KEY.performanceOnChannel(OWN, x.code, c.channel), c, 'score', [...F, 'byChannel', j]));
  });
}

/** The own spread of inquiry scores: the whole, the median per channel and per area, the widest performances. */
function flattenSpread(out: ApiFlattener, v: Json, V: JsonPath): void {
  for (const f of SPREAD_FIELDS) out.put(KEY.spread(OWN, f), v.total, f, [...V, 'total']);
  out
    .list(KEY.spreadChannels(OWN), v, 'byChannel', V)
    .forEach((c, i) => out.put(KEY.spreadOnChannel(OWN, c.channel), c.spread, 'median', [...V, 'byChannel', i, 'spread']));
  out
    .list(KEY.spreadAreas(OWN), v, 'areas', V)
    .forEach((a, i) => out.put(KEY.spreadOfArea(OWN, a.area), a.spread, 'median', [...V, 'areas', i, 'spread']));
  out.list(KEY.widest, v, 'widestPerformances', V).forEach((w, i) => {
    out.put(KEY.widestEntry(i, 'code'), w, 'code', [...V, 'widestPerformances', i]);
    out.put(KEY.widestEntry(i, 'stdDev'), w, 'stdDev', [...V, 'widestPerformances', i]);
  });
}

export const TOLERANCE = 1e-9;

function same(a: Value | undefined, b: Value | undefined): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= TOLERANCE;
  return (a ?? null) === (b ?? null);
}

export interface Comparison {
  compared: number;
  withheld: number;
  mismatches: string[];
}

/**
 * Every figure the API gave must equal the analyst's (numbers to 1e-9); figures the API withheld
 * by design are skipped. The analyst computes a little more than the report asks (competitors'
 * areas per channel, say): keys only the analyst has are not compared, but every list's length is.
 */
export function compareFlat(api: ApiFlat, analyst: Flat): Comparison {
  const mismatches = api.inconsistent.map((m) => `API gives two values for ${m}`);
  const isWithheld = (key: string) => [...api.withheld].some((w) => key === w || key.startsWith(`${w}.`) || key.startsWith(`${w}#`));
  let compared = 0;
  for (const [key, value] of api.values) {
    if (isWithheld(key)) continue;
    compared++;
    const other = analyst.get(key);
    if (!same(value, other ?? null) && !(value === 0 && key.endsWith('#') && other === undefined)) {
      mismatches.push(`${key}: API ${fmt(value)}, analyst ${other === undefined ? 'nothing' : fmt(other)}`);
    }
  }
  return { compared, withheld: api.withheld.size, mismatches };
}

const fmt = (v: Value | undefined) => (typeof v === 'number' ? String(v) : JSON.stringify(v));
