import { roundTo } from '../format/number.js';

/**
 * The own figure minus the class figure, in percentage points: what a manager reads to see
 * where to improve. Rounded as shown (two decimals), so a gap displayed as 0,00 sorts and
 * reads as level. Null where either side is missing (an unscored question, no class figure).
 */
export function classGap(own: number | null | undefined, classFigure: number | null | undefined): number | null {
  if (own === null || own === undefined || classFigure === null || classFigure === undefined) return null;
  return roundTo(own - classFigure, 2);
}

export type GapOrder = 'ascending' | 'descending';

/**
 * Items ordered by their gap (ascending: furthest below the class first). Items without a gap
 * go last in either order, and ties keep their given (questionnaire) order.
 */
export function sortByGap<T>(items: readonly T[], gap: (item: T) => number | null, order: GapOrder): T[] {
  const sign = order === 'ascending' ? 1 : -1;
  return items
    .map((item, index) => ({ item, index, gap: gap(item) }))
    .sort((a, b) => {
      if (a.gap === null || b.gap === null) return a.gap === b.gap ? a.index - b.index : a.gap === null ? 1 : -1;
      return sign * (a.gap - b.gap) || a.index - b.index;
    })
    .map((x) => x.item);
}
