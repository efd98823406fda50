import fs from 'node:fs';
import pg from 'pg';
import type { Flat, Value } from './compare.js';
import { summarize, type Latency } from './stats.js';

// The analyst's plain SQL (analyst.sql), sent straight to PostgreSQL over one connection, the
// queries one after another as a dashboard tool runs its cards. Its rows are turned into the
// same flat keys as the API's JSON (compare.ts), so each figure can be checked.

pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export interface Statement { name: string; text: string }

export function readStatements(file = new URL('./analyst.sql', import.meta.url)): Statement[] {
  const parts = fs.readFileSync(file, 'utf8').split(/^-- name: /m).slice(1);
  return parts.map((part) => {
    const name = part.slice(0, part.indexOf('\n')).trim();
    return { name, text: part.slice(part.indexOf('\n') + 1).trim().replace(/;$/, '') };
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
  async measure(year: number, slug: string, rounds: number, deadline = Number.POSITIVE_INFINITY): Promise<{ latency: Latency; perStatement: Record<string, number> }> {
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

/** The analyst's rows as flat keys (see flattenApi for the same keys from the API). */
export function flattenAnalyst(rows: Rows, year: number): Flat {
  const flat: Flat = new Map();
  const set = (key: string, value: Value) => flat.set(key, value);
  const count = (key: string) => flat.set(`${key}#`, ((flat.get(`${key}#`) as number | undefined) ?? 0) + 1);
  const who = (r: { role: string; slug: string; year?: number }) =>
    r.role === 'own' ? 'own' : r.role === 'competitor' ? `comp.${r.slug}` : `history.${r.year}`;

  for (const r of rows.totals!) {
    const k = who(r);
    if (r.channel === null) {
      set(`${k}.total`, r.score);
      if (r.role === 'own') set('own.tier', r.tier);
      if (r.role === 'own' || r.role === 'history') set(`${k}.className`, r.class_name);
      if (r.role === 'history' && r.year === year - 1) set('own.lastYearTotal', r.score);
      if (r.role === 'competitor') count('comp');
      if (r.role === 'history') count('history');
    } else {
      set(`${k}.byChannel.${r.channel}`, r.score);
      count(`${k}.byChannel`);
    }
  }
  if (!flat.has('own.lastYearTotal')) set('own.lastYearTotal', null);

  for (const r of rows.areas!) {
    const k = who(r);
    if (r.channel === null) {
      set(`${k}.area.${r.area}`, r.score);
      count(`${k}.area`);
    } else {
      set(`${k}.area.${r.area}.${r.channel}`, r.score);
      count(`${k}.area.${r.area}.ch`);
    }
  }

  for (const r of rows.categories!) {
    const k = who(r);
    if (r.channel === null) {
      set(`${k}.category.${r.category}`, r.score);
      count(`${k}.category`);
    } else {
      set(`${k}.category.${r.category}.${r.channel}`, r.score);
      count(`${k}.category.${r.category}.ch`);
    }
  }

  const CX = { csat_mean: 'csatMean', csat_top2_share: 'csatTop2Share', ces_mean: 'cesMean', nps: 'nps', ves1_mean: 'ves1Mean', ves2_mean: 'ves2Mean' } as const;
  for (const r of rows.cx!) {
    const k = who(r);
    if (r.channel === null) {
      for (const [col, name] of Object.entries(CX)) set(`${k}.cx.${name}`, r[col]);
      for (const f of ['detractors', 'passives', 'promoters']) set(`${k}.cx.npsDistribution.${f}`, r[f]);
      set(`${k}.cx.npsDistribution.count`, r.nps_count);
    } else {
      set(`${k}.cx.${r.channel}.csatMean`, r.csat_mean);
      set(`${k}.cx.${r.channel}.nps`, r.nps);
      count(`${k}.cx.ch`);
    }
  }

  for (const r of rows.class!) {
    set(`class.${r.measure}.${r.slug}`, r.score);
    set(`class.${r.measure}.mean`, r.mean);
    count(`class.${r.measure}`);
  }

  for (const r of rows.inquiries!) {
    if (r.overall) {
      set(`own.inquiry.${r.external_id}.channel`, r.channel);
      set(`own.inquiry.${r.external_id}.status`, r.status);
      set(`own.inquiry.${r.external_id}.score`, r.score);
      count('own.inquiry');
    } else if (r.area_items > 0) {
      set(`own.area.${r.area}.inquiry.${r.external_id}`, r.area_score);
      count(`own.area.${r.area}.inquiry`);
    }
  }

  for (const r of rows.performances!) {
    const k = `${who(r)}.perf.${r.code}`;
    if (r.overall) {
      set(k, r.score);
      set(`${k}.answers`, r.answers);
      count(`${who(r)}.perf`);
      count(`${who(r)}.area.${r.area}.perf`);
    } else if (r.channel !== null) {
      set(`${k}.${r.channel}`, r.score);
      count(`${k}.ch`);
    }
  }
  for (const r of rows.options!) {
    set(`own.perf.${r.question}.option.${r.option}.count`, r.count);
    set(`own.perf.${r.question}.option.${r.option}.share`, r.share);
    count(`own.perf.${r.question}.option`);
  }

  for (const r of rows.variation!) {
    const k = `${who(r)}.var`;
    if (r.area === null && r.channel === null) {
      for (const f of ['min', 'q1', 'median', 'q3', 'max', 'mean']) set(`${k}.${f}`, r[f]);
      set(`${k}.stdDev`, r.std_dev);
    } else if (r.area === null) {
      set(`${k}.${r.channel}.median`, r.median);
      count(`${k}.ch`);
    } else if (r.channel === null) {
      set(`${k}.area.${r.area}.median`, r.median);
      count(`${k}.area`);
    }
  }
  rows.widest!.forEach((r, i) => {
    set(`own.var.widest.${i}.code`, r.code);
    set(`own.var.widest.${i}.stdDev`, r.std_dev);
    count('own.var.widest');
  });

  for (const r of rows.background!) {
    const key = ({ channel: 'own.bg.channel', role_play: 'own.bg.rolePlay', inquiries: 'own.bg.inquiries', gender: 'own.bg.gender', age: 'own.bg.age' } as Record<string, string>)[r.kind];
    if (r.kind === 'unanswered') set('own.bg.unanswered', r.n);
    else if (r.kind === 'channel' || r.kind === 'role_play') {
      set(`${key}.${r.key}`, ((flat.get(`${key}.${r.key}`) as number | undefined) ?? 0) + 1);
      count(key!);
    } else {
      set(`${key}.${r.key}`, r.n);
      count(key!);
    }
  }
  return flat;
}
