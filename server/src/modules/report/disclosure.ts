import { planSuppression, type Channel, type Relation } from '@ksp/shared';
import type { ChannelFilter, AreaResult, CategoryResult, CxResult, Totals } from './report.read-model.js';
import type { PerformanceResult } from './performance.read-model.js';
import type { AreaSpreadResult, InquirySpreads, PerformanceSpreadResult, SpreadResult } from './variation.read-model.js';

// Which cell each figure of a report belongs to, and which cells a chosen competitor's reader
// may not see (domain.md "Access in detail": no withheld cell may be worked out from what is
// shown). A cell is a family of figures on one channel or on all: the total, an area, a
// category, a performance (its score, answers, option counts and spread), the CX measures.
// Every figure of a cell is shown or withheld together: the grant check (access/grant.ts)
// withholds a competitor's figure whose cell is in the plan, whatever section or narrowing it
// is reached through.

/** A cell's key: the family and the channel, `*` for all channels. */
export const cellKey = (family: string, channel: ChannelFilter) => `${family}|${channel ?? '*'}`;

/** Stamped on every record of a section that holds figures: the cell they belong to. */
export interface Cell {
  cell?: string;
}

const TOTAL = 'total';
const CX = 'cx';
const areaFamily = (area: string) => `area:${area}`;
const categoryFamily = (category: string) => `category:${category}`;
const performanceFamily = (code: string) => `performance:${code}`;

const spreadIn = (spread: SpreadResult, family: string, channel: ChannelFilter): SpreadResult & Cell => ({
  ...spread,
  cell: cellKey(family, channel),
});
const channelsIn = <T extends { channel: Channel }>(rows: T[], family: string) =>
  rows.map((r) => ({ ...r, cell: cellKey(family, r.channel) }));

/**
 * The cells of each section's records, as read for a channel filter (narrowed to a channel, the
 * whole of a section is that channel's cell). Sections of single inquiries are the own report's
 * and have none.
 */
export const SECTION_CELLS = {
  totals: (t: Totals, channel: ChannelFilter) => ({ ...t, cell: cellKey(TOTAL, channel), byChannel: channelsIn(t.byChannel, TOTAL) }),
  areas: (areas: AreaResult[], channel: ChannelFilter) =>
    areas.map((a) => ({
      ...a,
      cell: cellKey(areaFamily(a.area), channel),
      byChannel: channelsIn(a.byChannel, areaFamily(a.area)),
    })),
  categories: (categories: CategoryResult[], channel: ChannelFilter) =>
    categories.map((c) => ({
      ...c,
      cell: cellKey(categoryFamily(c.category), channel),
      byChannel: channelsIn(c.byChannel, categoryFamily(c.category)),
    })),
  cx: (cx: CxResult, channel: ChannelFilter) => ({
    ...cx,
    cell: cellKey(CX, channel),
    npsDistribution: { ...cx.npsDistribution, cell: cellKey(CX, channel) },
    byChannel: cx.byChannel.map((c) => ({
      ...c,
      cell: cellKey(CX, c.channel),
      npsDistribution: { ...c.npsDistribution, cell: cellKey(CX, c.channel) },
    })),
  }),
  // An option's counts are figures of its performance's cell, so they stand on its basis (the
  // scored answers), not on all answers: four scored answers and two "not applicable" must not
  // show four C's beside a withheld score.
  performances: (performances: PerformanceResult[], channel: ChannelFilter) =>
    performances.map((p) => {
      const family = performanceFamily(p.code);
      return {
        ...p,
        cell: cellKey(family, channel),
        options: p.options.map((o) => ({ ...o, basis: p.basis, cell: cellKey(family, channel) })),
        byChannel: channelsIn(p.byChannel, family),
      };
    }),
  inquirySpreads: (s: InquirySpreads, channel: ChannelFilter) => ({
    total: spreadIn(s.total, TOTAL, channel),
    byChannel: s.byChannel.map((c) => ({ ...c, spread: spreadIn(c.spread, TOTAL, c.channel) })),
  }),
  areaSpreads: (areas: AreaSpreadResult[], channel: ChannelFilter) =>
    areas.map((a) => ({
      ...a,
      spread: spreadIn(a.spread, areaFamily(a.area), channel),
      byChannel: a.byChannel.map((c) => ({ ...c, spread: spreadIn(c.spread, areaFamily(a.area), c.channel) })),
    })),
  performanceSpreads: (performances: PerformanceSpreadResult[], channel: ChannelFilter) =>
    performances.map((p) => ({
      ...p,
      cell: cellKey(performanceFamily(p.code), channel),
    })),
};

/** The un-narrowed sections the plan is made from: between them they hold every cell's basis. */
export interface DisclosureSections {
  totals: Totals;
  areas: AreaResult[];
  categories: CategoryResult[];
  cx: CxResult;
  performances: PerformanceResult[];
}

/**
 * Every cell's basis and the relations between cells: each family is the sum of its channels;
 * on every channel (and on all), the total, each area and each category are the sums of their
 * scored performances (plus the unanswered inquiries' zero points in the total and
 * RESPONSE_TIME, which a reader can count: treated as known).
 */
export function disclosureRelations(s: DisclosureSections): { basis: Map<string, number>; relations: Relation[] } {
  const basis = new Map<string, number>();
  const relations: Relation[] = [];
  // A family without a row on any channel is empty (an area or CX with no answers at all): not a cell.
  const family = (name: string, all: { basis: number }, byChannel: { channel: Channel; basis: number }[]) => {
    if (all.basis === 0 && byChannel.length === 0) return;
    basis.set(cellKey(name, null), all.basis);
    for (const c of byChannel) basis.set(cellKey(name, c.channel), c.basis);
    relations.push({ whole: cellKey(name, null), parts: byChannel.map((c) => cellKey(name, c.channel)) });
  };
  family(TOTAL, s.totals, s.totals.byChannel);
  for (const a of s.areas) family(areaFamily(a.area), a, a.byChannel);
  for (const c of s.categories) family(categoryFamily(c.category), c, c.byChannel);
  family(CX, s.cx, s.cx.byChannel);
  for (const p of s.performances) family(performanceFamily(p.code), p, p.byChannel);

  const scored = s.performances.filter((p) => p.scored);
  for (const channel of [null, ...s.totals.byChannel.map((c) => c.channel)]) {
    const parts = (ps: PerformanceResult[]) => ps.map((p) => cellKey(performanceFamily(p.code), channel));
    relations.push({ whole: cellKey(TOTAL, channel), parts: parts(scored) });
    for (const a of s.areas)
      relations.push({ whole: cellKey(areaFamily(a.area), channel), parts: parts(scored.filter((p) => p.area === a.area)) });
    for (const c of s.categories) {
      relations.push({
        whole: cellKey(categoryFamily(c.category), channel),
        parts: parts(scored.filter((p) => p.categories.includes(c.category))),
      });
    }
  }
  return { basis, relations };
}

/**
 * Plans made from stored sections, by the sections' objects. Stored sections come frozen and
 * shared between requests while their version holds (published-sections.ts), so the same objects
 * mean the same figures; a correction brings new objects, and the old plan goes with the old
 * objects. Planning is linear algebra over every cell of a report, some milliseconds each time: it
 * was the largest part of a computed report with a competitor (bench/RESULTS.md).
 */
const plans = new WeakMap<object, { sections: DisclosureSections; minCellSize: number; cells: ReadonlySet<string> }[]>();

/** The cells of a participation a competitor's reader may not see. The total over all channels stood on the public result list. */
export function withheldCellsOf(sections: DisclosureSections, minCellSize: number): ReadonlySet<string> {
  const shared = Object.values(sections).every((s) => Object.isFrozen(s));
  const made = shared ? (plans.get(sections.performances) ?? []) : [];
  const same = made.find(
    (p) =>
      p.minCellSize === minCellSize && (Object.keys(sections) as (keyof DisclosureSections)[]).every((k) => p.sections[k] === sections[k]),
  );
  if (same) return same.cells;
  const cells = planSuppression({ ...disclosureRelations(sections), minCellSize, alwaysShown: new Set([cellKey(TOTAL, null)]) });
  if (shared) plans.set(sections.performances, [...made, { sections, minCellSize, cells }]);
  return cells;
}
