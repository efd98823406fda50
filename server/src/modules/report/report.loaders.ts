import DataLoader from 'dataloader';
import type { Sql } from '../../db/sql.js';
import * as readModel from './report.read-model.js';
import type { ChannelFilter } from './report.read-model.js';
import { batchedLookup, stored, type SectionRead, type StoredLookup, type StoredRead } from './published-sections.js';
import { performances } from './performance.read-model.js';
import { areaSpreads, inquirySpreads, performanceSpreads } from './variation.read-model.js';
import { uncertainty } from './uncertainty.read-model.js';
import { SECTION_CELLS, withheldCellsOf } from './disclosure.js';
import { areaSentiments, commentWords } from './comment-words.read-model.js';
import type { Grant, WithheldCells } from '../../access/grant.js';
import { likeForLike, type EditionPair, type LikeForLike } from './like-for-like.read-model.js';

/** What a report section is computed over: one participation, narrowed to a channel or not. */
export interface ReportScope {
  participationId: number;
  channel: ChannelFilter;
}

/**
 * Every section of a participation's report, by the name it is stored under for published
 * editions (published-sections.ts). Each computes many participations in one statement.
 */
export const SECTIONS = {
  totals: readModel.totals,
  areas: readModel.areaScores,
  categories: readModel.categoryScores,
  cx: readModel.cxMeasures,
  inquiries: readModel.inquiryScores,
  inquiryAreas: readModel.inquiryAreaScores,
  performances,
  inquirySpreads,
  areaSpreads,
  performanceSpreads,
  /** Over the whole edition (rank intervals compare everyone), the same under every channel filter. */
  uncertainty,
  commentWords,
  commentSentiment: areaSentiments,
} satisfies Record<string, SectionRead<unknown>>;
export type SectionName = keyof typeof SECTIONS;
type SectionOf<K extends SectionName> = Awaited<ReturnType<(typeof SECTIONS)[K]>> extends Map<number, infer T> ? T : never;

/** A section computed by its read model, each figure stamped with the cell it belongs to (disclosure.ts). */
export function liveSection<K extends SectionName>(name: K): SectionRead<SectionOf<K>> {
  const read = SECTIONS[name] as SectionRead<SectionOf<K>>;
  const cells = (SECTION_CELLS as unknown as Partial<Record<SectionName, (value: SectionOf<K>, channel: ChannelFilter) => SectionOf<K>>>)[
    name
  ];
  if (!cells) return read;
  return async (sql, ids, channel) => new Map([...(await read(sql, ids, channel))].map(([id, value]) => [id, cells(value, channel)]));
}

/** A section as the report reads it: stored for published editions, computed live otherwise. */
export const readSection = <K extends SectionName>(name: K): StoredRead<SectionOf<K>> => stored(name, liveSection(name));

/** A request's DataLoader of one report section: its key is the scope, its value the section. */
export type SectionLoader<K extends SectionName> = DataLoader<ReportScope, SectionOf<K>, string>;

const scopeKey = (s: ReportScope) => `${s.participationId}|${s.channel ?? ''}`;

/**
 * The DataLoader of one report section: all scopes asked for in the same tick become one
 * statement per distinct channel filter (in practice: one).
 */
function sectionLoader<K extends SectionName>(sql: Sql, name: K, lookup: StoredLookup): SectionLoader<K> {
  const read = readSection(name);
  return new DataLoader<ReportScope, SectionOf<K>, string>(
    async (scopes) => {
      const byChannel = new Map<ChannelFilter, number[]>();
      for (const s of scopes) byChannel.set(s.channel, [...(byChannel.get(s.channel) ?? []), s.participationId]);
      const results = new Map<string, SectionOf<K>>();
      // Side by side, so every channel's lookup joins the same batched statement.
      await Promise.all(
        [...byChannel].map(async ([channel, ids]) => {
          for (const [id, value] of await read(sql, [...new Set(ids)], channel, lookup))
            results.set(scopeKey({ participationId: id, channel }), value);
        }),
      );
      return scopes.map((s) => results.get(scopeKey(s)) ?? new Error(`no ${name} for participation ${s.participationId}`));
    },
    { cacheKeyFn: scopeKey },
  );
}

/**
 * A request's report loaders (part of `ctx.loaders`, context.ts): a DataLoader for every section
 * of SECTIONS, by its name, and the withheld cells of each participation.
 */
export function createReportLoaders(sql: Sql) {
  const lookup = batchedLookup(sql);
  const sections = Object.fromEntries((Object.keys(SECTIONS) as SectionName[]).map((name) => [name, sectionLoader(sql, name, lookup)])) as {
    [K in SectionName]: SectionLoader<K>;
  };
  const plans = new Map<number, Promise<ReadonlySet<string>>>();
  return {
    sections,
    /** Like-for-like totals of pairs of editions (the history chapter): every pair a request asks for in one statement. */
    likeForLike: new DataLoader<EditionPair, LikeForLike, string>(async (pairs) => likeForLike(sql, pairs), {
      cacheKeyFn: (p) => `${p.previous.participationId}|${p.current.participationId}|${p.channel ?? ''}`,
    }),
    /**
     * The cells of a participation that a competitor's reader may not see (complementary
     * suppression, disclosure.ts), once per request: made from the un-narrowed sections, so every
     * narrowing of the report withholds the same cells.
     */
    withheldCells(grant: Grant): Promise<ReadonlySet<string>> {
      let plan = plans.get(grant.participationId);
      if (!plan) {
        const scope = { participationId: grant.participationId, channel: null };
        plan = Promise.all([
          sections.totals.load(scope),
          sections.areas.load(scope),
          sections.categories.load(scope),
          sections.cx.load(scope),
          sections.performances.load(scope),
        ]).then(([totals, areas, categories, cx, performances]) =>
          withheldCellsOf({ totals, areas, categories, cx, performances }, grant.minCellSize),
        );
        plans.set(grant.participationId, plan);
      }
      return plan;
    },
  };
}

/** The request's withheld cells, as `enforceGrants` and `admitCell` take them (access/grant.ts). */
export const withheldCells: WithheldCells = (ctx, grant) => ctx.loaders.withheldCells(grant);
