import DataLoader from 'dataloader';
import type { Context } from '../../context.js';
import type { Sql } from '../../db/sql.js';
import * as readModel from './report.read-model.js';
import type { ChannelFilter } from './report.read-model.js';

/** What a report section is computed over: one participation, narrowed to a channel or not. */
export interface ReportScope {
  participationId: number;
  channel: ChannelFilter;
}

type BatchRead<T> = (sql: Sql, ids: number[], channel: ChannelFilter) => Promise<Map<number, T>>;

/**
 * A request-scoped DataLoader for one report section: all scopes asked for in the same tick
 * become one statement per distinct channel filter (in practice: one).
 */
export function sectionLoader<T>(ctx: Context, name: string, read: BatchRead<T>): DataLoader<ReportScope, T, string> {
  return ctx.loader(`report:${name}`, () => new DataLoader<ReportScope, T, string>(async (scopes) => {
    const byChannel = new Map<ChannelFilter, number[]>();
    for (const s of scopes) byChannel.set(s.channel, [...(byChannel.get(s.channel) ?? []), s.participationId]);
    const results = new Map<string, T>();
    for (const [channel, ids] of byChannel) {
      for (const [id, value] of await read(ctx.sql, [...new Set(ids)], channel)) results.set(`${id}|${channel ?? ''}`, value);
    }
    return scopes.map((s) => results.get(`${s.participationId}|${s.channel ?? ''}`) ?? new Error(`no ${name} for participation ${s.participationId}`));
  }, { cacheKeyFn: (s) => `${s.participationId}|${s.channel ?? ''}` }));
}

/** The loaders of the report sections, by name. */
export const reportLoaders = (ctx: Context) => ({
  totals: sectionLoader(ctx, 'totals', readModel.totals),
  areas: sectionLoader(ctx, 'areas', readModel.areaScores),
  categories: sectionLoader(ctx, 'categories', readModel.categoryScores),
  cx: sectionLoader(ctx, 'cx', readModel.cxMeasures),
  inquiries: sectionLoader(ctx, 'inquiries', readModel.inquiryScores),
  inquiryAreas: sectionLoader(ctx, 'inquiryAreas', readModel.inquiryAreaScores),
});
