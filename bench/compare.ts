import type { GraphQLError } from './http.js';

// The full report as flat numbers by a stable key (`own.area.AGENT.PHONE`, `comp.<slug>.total`,
// `class.total.mean`, …), so the API's JSON and the analyst's rows can be compared figure by
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
  const values: Flat = new Map();
  const withheld = new Set<string>();
  const inconsistent: string[] = [];
  const errorPaths = errors.map((e) => (e.path ?? []).join('.'));
  const held = (jsonPath: (string | number)[]) => {
    const p = jsonPath.join('.');
    return errorPaths.some((e) => p === e || p.startsWith(`${e}.`));
  };
  /** Puts `obj[field]` at `key`, or marks the key withheld. Returns the value. */
  const put = (key: string, obj: Json, field: string, jsonPath: (string | number)[]): Value | undefined => {
    const value = obj?.[field] as Value | undefined;
    if ((value === null || value === undefined) && held([...jsonPath, field])) {
      withheld.add(key);
      return undefined;
    }
    const old = values.get(key);
    if (values.has(key) && !same(old, value ?? null)) inconsistent.push(`${key}: ${old} vs ${value}`);
    values.set(key, value ?? null);
    return value;
  };
  /** A list under `key`, or nothing when withheld; its length goes to `key#`. */
  const list = (key: string, obj: Json, field: string, jsonPath: (string | number)[]): Json[] => {
    const value = obj?.[field];
    if (value === null || value === undefined) {
      if (held([...jsonPath, field])) withheld.add(key);
      else values.set(`${key}#`, 0);
      return [];
    }
    values.set(`${key}#`, (value as Json[]).length);
    return value as Json[];
  };

  const P = ['participation'];
  const p = data.participation;
  put('own.className', p, 'className', P);
  put('own.tier', p, 'tier', P);
  put('own.total', p, 'total', P);
  const R = [...P, 'report'];
  const r = p.report;
  put('own.total', r, 'total', R);
  put('own.lastYearTotal', r, 'lastYearTotal', R);
  list('own.byChannel', r, 'byChannel', R).forEach((c, i) => put(`own.byChannel.${c.channel}`, c, 'total', [...R, 'byChannel', i]));

  list('own.area', r, 'areas', R).forEach((a, i) => {
    const A = [...R, 'areas', i];
    put(`own.area.${a.area}`, a, 'score', A);
    list(`own.area.${a.area}.ch`, a, 'byChannel', A).forEach((c, j) => put(`own.area.${a.area}.${c.channel}`, c, 'score', [...A, 'byChannel', j]));
    benchmark(`class.area:${a.area}`, a, A);
    list(`own.area.${a.area}.inquiry`, a, 'inquiries', A).forEach((q, j) => put(`own.area.${a.area}.inquiry.${q.id}`, q, 'score', [...A, 'inquiries', j]));
  });
  function benchmark(key: string, obj: Json, path: (string | number)[]) {
    const B = [...path, 'classBenchmark'];
    const b = obj.classBenchmark;
    if (!b) return;
    put(`${key}.mean`, b, 'mean', B);
    list(key, b, 'members', B).forEach((m, j) => put(`${key}.${m.company.slug}`, m, 'score', [...B, 'members', j]));
  }

  list('own.category', r, 'categories', R).forEach((c, i) => {
    const C = [...R, 'categories', i];
    put(`own.category.${c.category}`, c, 'score', C);
    list(`own.category.${c.category}.ch`, c, 'byChannel', C).forEach((x, j) => put(`own.category.${c.category}.${x.channel}`, x, 'score', [...C, 'byChannel', j]));
    benchmark(`class.category:${c.category}`, c, C);
  });

  const X = [...R, 'cx'];
  for (const f of ['csatMean', 'csatTop2Share', 'cesMean', 'nps', 'ves1Mean', 'ves2Mean']) put(`own.cx.${f}`, r.cx, f, X);
  for (const f of ['detractors', 'passives', 'promoters', 'count']) put(`own.cx.npsDistribution.${f}`, r.cx.npsDistribution, f, [...X, 'npsDistribution']);
  list('own.cx.ch', r.cx, 'byChannel', X).forEach((c, i) => {
    put(`own.cx.${c.channel}.csatMean`, c, 'csatMean', [...X, 'byChannel', i]);
    put(`own.cx.${c.channel}.nps`, c, 'nps', [...X, 'byChannel', i]);
  });
  put('class.cx:CSAT.mean', r.cx.classMean, 'csatMean', [...X, 'classMean']);
  put('class.cx:NPS.mean', r.cx.classMean, 'nps', [...X, 'classMean']);

  list('own.inquiry', r, 'inquiries', R).forEach((q, i) => {
    for (const f of ['channel', 'status', 'score']) put(`own.inquiry.${q.id}.${f}`, q, f, [...R, 'inquiries', i]);
  });
  list('class.total', r, 'classBenchmark', R).forEach((m, i) => put(`class.total.${m.company.slug}`, m, 'total', [...R, 'classBenchmark', i]));
  put('class.total.mean', r, 'classMean', R);

  const G = [...R, 'background'];
  const bg = r.background;
  const tally = (key: string, n: number) => values.set(key, ((values.get(key) as number | undefined) ?? 0) + n);
  list('own.bg.rolePlay', bg, 'rolePlays', G).forEach((x) => tally(`own.bg.rolePlay.${x.title}`, 1));
  list('own.bg.channel', bg, 'channels', G).forEach((c) => tally(`own.bg.channel.${c}`, 1));
  list('own.bg.inquiries', bg, 'inquiriesByChannel', G).forEach((x, i) => put(`own.bg.inquiries.${x.channel}`, x, 'count', [...G, 'inquiriesByChannel', i]));
  put('own.bg.unanswered', bg, 'unanswered', G);
  list('own.bg.gender', bg, 'observerGenders', G).forEach((x, i) => put(`own.bg.gender.${x.gender}`, x, 'count', [...G, 'observerGenders', i]));
  list('own.bg.age', bg, 'observerAgeBands', G).forEach((x, i) => put(`own.bg.age.${x.band}`, x, 'count', [...G, 'observerAgeBands', i]));

  list('comp', r, 'competitors', R).forEach((c, i) => {
    const K = [...R, 'competitors', i];
    const k = `comp.${c.company.slug}`;
    put(`${k}.total`, c, 'total', K);
    const CR = [...K, 'report'];
    const cr = c.report;
    if (!cr) {
      if (held(CR)) withheld.add(k);
      return;
    }
    put(`${k}.total`, cr, 'total', CR);
    list(`${k}.byChannel`, cr, 'byChannel', CR).forEach((x, j) => put(`${k}.byChannel.${x.channel}`, x, 'total', [...CR, 'byChannel', j]));
    list(`${k}.area`, cr, 'areas', CR).forEach((a, j) => {
      const A = [...CR, 'areas', j];
      put(`${k}.area.${a.area}`, a, 'score', A);
      list(`${k}.area.${a.area}.perf`, a, 'performances', A).forEach((x, n) => put(`${k}.perf.${x.code}`, x, 'score', [...A, 'performances', n]));
    });
    list(`${k}.category`, cr, 'categories', CR).forEach((x, j) => put(`${k}.category.${x.category}`, x, 'score', [...CR, 'categories', j]));
    put(`${k}.cx.nps`, cr.cx, 'nps', [...CR, 'cx']);
    put(`${k}.cx.csatMean`, cr.cx, 'csatMean', [...CR, 'cx']);
    list(`${k}.perf`, cr, 'performances', CR).forEach((x, j) => put(`${k}.perf.${x.code}`, x, 'score', [...CR, 'performances', j]));
    const V = [...CR, 'variation', 'total'];
    put(`${k}.var.mean`, cr.variation?.total, 'mean', V);
    put(`${k}.var.stdDev`, cr.variation?.total, 'stdDev', V);
  });

  list('history', r, 'history', R).forEach((h, i) => {
    const H = [...R, 'history', i];
    const k = `history.${h.year}`;
    put(`${k}.className`, h, 'className', H);
    put(`${k}.total`, h, 'total', H);
    list(`${k}.area`, h, 'areas', H).forEach((a, j) => {
      const A = [...H, 'areas', j];
      put(`${k}.area.${a.area}`, a, 'score', A);
      list(`${k}.area.${a.area}.ch`, a, 'byChannel', A).forEach((x, n) => put(`${k}.area.${a.area}.${x.channel}`, x, 'score', [...A, 'byChannel', n]));
    });
  });

  list('own.perf', r, 'performances', R).forEach((x, i) => {
    const F = [...R, 'performances', i];
    const k = `own.perf.${x.code}`;
    put(k, x, 'score', F);
    put(`${k}.answers`, x, 'answers', F);
    list(`${k}.option`, x, 'options', F).forEach((o, j) => {
      put(`${k}.option.${o.code}.count`, o, 'count', [...F, 'options', j]);
      put(`${k}.option.${o.code}.share`, o, 'share', [...F, 'options', j]);
    });
    list(`${k}.ch`, x, 'byChannel', F).forEach((c, j) => put(`${k}.${c.channel}`, c, 'score', [...F, 'byChannel', j]));
  });

  const V = [...R, 'variation'];
  const v = r.variation;
  for (const f of ['min', 'q1', 'median', 'q3', 'max', 'stdDev']) put(`own.var.${f}`, v.total, f, [...V, 'total']);
  list('own.var.ch', v, 'byChannel', V).forEach((c, i) => put(`own.var.${c.channel}.median`, c.spread, 'median', [...V, 'byChannel', i, 'spread']));
  list('own.var.area', v, 'areas', V).forEach((a, i) => put(`own.var.area.${a.area}.median`, a.spread, 'median', [...V, 'areas', i, 'spread']));
  list('own.var.widest', v, 'widestPerformances', V).forEach((w, i) => {
    put(`own.var.widest.${i}.code`, w, 'code', [...V, 'widestPerformances', i]);
    put(`own.var.widest.${i}.stdDev`, w, 'stdDev', [...V, 'widestPerformances', i]);
  });
  return { values, withheld, inconsistent };
}

export const TOLERANCE = 1e-9;

function same(a: Value | undefined, b: Value | undefined): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= TOLERANCE;
  return (a ?? null) === (b ?? null);
}

export interface Comparison { compared: number; withheld: number; mismatches: string[] }

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
