import fs from 'node:fs';
import pg from 'pg';
import type { Flat, Value } from './compare.js';
import {
  CX_FIELDS,
  INQUIRY_FIELDS,
  KEY,
  NPS_DISTRIBUTION_FIELDS,
  OWN,
  SPREAD_FIELDS,
  competitor,
  lengthKey,
  pastYear,
  type BackgroundKind,
  type CxField,
} from './keys.js';
import { summarize, type Latency } from './stats.js';

// The analyst's plain SQL (analyst.sql), sent straight to PostgreSQL over one connection, the
// queries one after another as a dashboard tool runs its cards. Its rows are turned into the
// same flat keys as the API's JSON (compare.ts), so each figure can be checked.

pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export interface Statement {
  name: string;
  text: string;
}

export function readStatements(file = new URL('./analyst.sql', import.meta.url)): Statement[] {
  const parts = fs
    .readFileSync(file, 'utf8')
    .split(/^-- name: /m)
    .slice(1);
  return parts.map((part) => {
    const name = part.slice(0, part.indexOf('\n')).trim();
    return {
      name,
      text: part
        .slice(part.indexOf('\n') + 1)
        .trim()
        .replace(/;$/, ''),
    };
  });
}

export type Rows = Record<string, any[]>;

export class Analyst {
  private readonly client: pg.Client;
  readonly statements = readStatements();

  constructor(url: string) {
    this.client = new pg.Client({ connectionString: url });
  }

  async connect(): Promise<void> {
    await this.client.connect();
  }

  /** Every query once, in order; the rows by query name and the time each took. */
  async run(year: number, slug: string): Promise<{ rows: Rows; ms: Record<string, number>; total: number }> {
    const rows: Rows = {};
    const ms: Record<string, number> = {};
    const started = performance.now();
    for (const s of this.statements) {
      const t = performance.now();
      rows[s.name] = (await this.client.query(s.text, [year, slug])).rows;
      ms[s.name] = performance.now() - t;
    }
    return { rows, ms, total: performance.now() - started };
  }

  /** One of the queries by name. */
  async runOne(name: string, year: number, slug: string): Promise<any[]> {
    const s = this.statements.find((x) => x.name === name);
    if (!s) throw new Error(`no analyst query ${name}`);
    return (await this.client.query(s.text, [year, slug])).rows;
  }

  /** `rounds` runs after a warm-up: the latency of the whole set and the mean of each query. */
  async measure(
    year: number,
    slug: string,
    rounds: number,
    deadline = Number.POSITIVE_INFINITY,
  ): Promise<{ latency: Latency; perStatement: Record<string, number> }> {
    for (let i = 0; i < 3; i++) await this.run(year, slug);
    const samples: number[] = [];
    const sums: Record<string, number> = {};
    for (let i = 0; i < rounds && Date.now() < deadline; i++) {
      const r = await this.run(year, slug);
      samples.push(r.total);
      for (const [k, v] of Object.entries(r.ms)) sums[k] = (sums[k] ?? 0) + v;
    }
    const perStatement = Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v / samples.length]));
    return { latency: summarize(samples), perStatement };
  }

  end(): Promise<void> {
    return this.client.end();
  }
}

/** The analyst's rows as flat keys (keys.ts; flattenApi gives the same keys from the API). */
export function flattenAnalyst(rows: Rows, year: number): Flat {
  const flat: Flat = new Map();
  const set = (key: string, value: Value) => flat.set(key, value);
  const count = (key: string) => flat.set(lengthKey(key), ((flat.get(lengthKey(key)) as number | undefined) ?? 0) + 1);
  const who = (r: { role: string; slug: string; year?: number }) =>
    r.role === 'own' ? OWN : r.role === 'competitor' ? competitor(r.slug) : pastYear(r.year!);

  for (const r of rows.totals!) {
    const k = who(r);
    if (r.channel === null) {
      set(KEY.total(k), r.score);
      if (r.role === 'own') set(KEY.tier, r.tier);
      if (r.role === 'own' || r.role === 'history') set(KEY.className(k), r.class_name);
      if (r.role === 'history' && r.year === year - 1) set(KEY.lastYearTotal, r.score);
      if (r.role === 'competitor') count(KEY.competitors);
      if (r.role === 'history') count(KEY.history);
    } else {
      set(KEY.totalOnChannel(k, r.channel), r.score);
      count(KEY.byChannel(k));
    }
  }
  if (!flat.has(KEY.lastYearTotal)) set(KEY.lastYearTotal, null);

  for (const r of rows.areas!) {
    const k = who(r);
    if (r.channel === null) {
      set(KEY.area(k, r.area), r.score);
      count(KEY.areas(k));
    } else {
      set(KEY.areaOnChannel(k, r.area, r.channel), r.score);
      count(KEY.areaChannels(k, r.area));
    }
  }

  for (const r of rows.categories!) {
    const k = who(r);
    if (r.channel === null) {
      set(KEY.category(k, r.category), r.score);
      count(KEY.categories(k));
    } else {
      set(KEY.categoryOnChannel(k, r.category, r.channel), r.score);
      count(KEY.categoryChannels(k, r.category));
    }
  }

  const CX: Record<CxField, string> = {
    csatMean: 'csat_mean',
    csatTop2Share: 'csat_top2_share',
    cesMean: 'ces_mean',
    nps: 'nps',
    ves1Mean: 'ves1_mean',
    ves2Mean: 'ves2_mean',
  };
  for (const r of rows.cx!) {
    const k = who(r);
    if (r.channel === null) {
      for (const f of CX_FIELDS) set(KEY.cx(k, f), r[CX[f]]);
      for (const f of NPS_DISTRIBUTION_FIELDS) set(KEY.npsDistribution(k, f), r[f === 'count' ? 'nps_count' : f]);
    } else {
      set(KEY.cxOnChannel(k, r.channel, 'csatMean'), r.csat_mean);
      set(KEY.cxOnChannel(k, r.channel, 'nps'), r.nps);
      count(KEY.cxChannels(k));
    }
  }

  for (const r of rows.class!) {
    set(KEY.classMember(r.measure, r.slug), r.score);
    set(KEY.classMean(r.measure), r.mean);
    count(KEY.classMembers(r.measure));
  }

  for (const r of rows.inquiries!) {
    if (r.overall) {
      for (const f of INQUIRY_FIELDS) set(KEY.inquiry(r.external_id, f), r[f]);
      count(KEY.inquiries);
    } else if (r.area_items > 0) {
      set(KEY.areaInquiry(r.area, r.external_id), r.area_score);
      count(KEY.areaInquiries(r.area));
    }
  }

  for (const r of rows.performances!) {
    const k = who(r);
    if (r.overall) {
      set(KEY.performance(k, r.code), r.score);
      set(KEY.performanceAnswers(k, r.code), r.answers);
      count(KEY.performances(k));
      count(KEY.areaPerformances(k, r.area));
    } else if (r.channel !== null) {
      set(KEY.performanceOnChannel(k, r.code, r.channel), r.score);
      count(KEY.performanceChannels(k, r.code));
    }
  }
  for (const r of rows.options!) {
    set(KEY.option(r.question, r.option, 'count'), r.count);
    set(KEY.option(r.question, r.option, 'share'), r.share);
    count(KEY.options(r.question));
  }

  for (const r of rows.variation!) {
    const k = who(r);
    if (r.area === null && r.channel === null) {
      for (const f of [...SPREAD_FIELDS, 'mean'] as const) set(KEY.spread(k, f), r[f === 'stdDev' ? 'std_dev' : f]);
    } else if (r.area === null) {
      set(KEY.spreadOnChannel(k, r.channel), r.median);
      count(KEY.spreadChannels(k));
    } else if (r.channel === null) {
      set(KEY.spreadOfArea(k, r.area), r.median);
      count(KEY.spreadAreas(k));
    }
  }
  rows.widest!.forEach((r, i) => {
    set(KEY.widestEntry(i, 'code'), r.code);
    set(KEY.widestEntry(i, 'stdDev'), r.std_dev);
    count(KEY.widest);
  });

  // The analyst's background kinds by their SQL names; channels and role plays are one row per entry.
  const BACKGROUND: Record<string, BackgroundKind> = {
    channel: 'channel',
    role_play: 'rolePlay',
    inquiries: 'inquiries',
    gender: 'gender',
    age: 'age',
  };
  for (const r of rows.background!) {
    const kind = BACKGROUND[r.kind];
    if (r.kind === 'unanswered') set(KEY.unanswered, r.n);
    else if (r.kind === 'channel' || r.kind === 'role_play') {
      const key = KEY.backgroundEntry(kind!, r.key);
      set(key, ((flat.get(key) as number | undefined) ?? 0) + 1);
      count(KEY.background(kind!));
    } else {
      set(KEY.backgroundEntry(kind!, r.key), r.n);
      count(KEY.background(kind!));
    }
  }
  return flat;
}
