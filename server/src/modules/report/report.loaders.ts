import DataLoader from 'dataloader';
import type { Context } from '../../context.js';
import * as readModel from './report.read-model.js';
import type { ChannelFilter } from './report.read-model.js';
import { stored, type SectionRead } from './published-sections.js';
import { performances } from './performance.read-model.js';
import { areaSpreads, inquirySpreads, performanceSpreads } from './variation.read-model.js';

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
} satisfies Record<string, SectionRead<unknown>>;
export type SectionName = keyof typeof SECTIONS;
type SectionOf<K extends SectionName> = Awaited<ReturnType<(typeof SECTIONS)[K]>> extends Map<number, infer T> ? T : never;

/** A section as the report reads it: stored for published editions, computed live otherwise. */
export const readSection = <K extends SectionName>(name: K): SectionRead<SectionOf<K>> =>
  stored(name, SECTIONS[name] as SectionRead<SectionOf<K>>);

/**
 * A request-scoped DataLoader for one report section: all scopes asked for in the same tick
 * become one statement per distinct channel filter (in practice: one).
 */
function sectionLoader<K extends SectionName>(ctx: Context, name: K): DataLoader<ReportScope, SectionOf<K>, string> {
  return ctx.loader(`report:${name}`, () => {
    const read = readSection(name);
    return new DataLoader<ReportScope, SectionOf<K>, string>(async (scopes) => {
      const byChannel = new Map<ChannelFilter, number[]>();
      for (const s of scopes) byChannel.set(s.channel, [...(byChannel.get(s.channel) ?? []), s.participationId]);
      const results = new Map<string, SectionOf<K>>();
      for (const [channel, ids] of byChannel) {
        for (const [id, value] of await read(ctx.sql, [...new Set(ids)], channel)) results.set(`${id}|${channel ?? ''}`, value);
      }
      return scopes.map((s) => results.get(`${s.participationId}|${s.channel ?? ''}`) ?? new Error(`no ${name} for participation ${s.participationId}`));
    }, { cacheKeyFn: (s) => `${s.participationId}|${s.channel ?? ''}` });
  });
}

/** The loaders of the report sections, by name. */
export const reportLoaders = (ctx: Context) => ({
  totals: sectionLoader(ctx, 'totals'),
  areas: sectionLoader(ctx, 'areas'),
  categories: sectionLoader(ctx, 'categories'),
  cx: sectionLoader(ctx, 'cx'),
  inquiries: sectionLoader(ctx, 'inquiries'),
  inquiryAreas: sectionLoader(ctx, 'inquiryAreas'),
  performances: sectionLoader(ctx, 'performances'),
  inquirySpreads: sectionLoader(ctx, 'inquirySpreads'),
  areaSpreads: sectionLoader(ctx, 'areaSpreads'),
  performanceSpreads: sectionLoader(ctx, 'performanceSpreads'),
});
