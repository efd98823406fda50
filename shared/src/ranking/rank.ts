import { roundTo } from '../format/number.js';

/** Totals are published with 2 decimals; ranks follow what is published, not the hidden digits. */
export const RANK_DECIMALS = 2;

export type Ranked<T> = T & { rank: number };

type NumericKeyOf<T> = { [K in keyof T]-?: T[K] extends number | null | undefined ? K : never }[keyof T];
/** A numeric property name, or a function giving the value to rank by. */
export type RankKey<T> = NumericKeyOf<T> | ((row: T) => number | null | undefined);

export interface CompanyRow {
  companySlug: string;
  companyName?: string;
}

export interface ResultListEntry extends CompanyRow {
  className: string;
  total: number | null;
}

const collator = new Intl.Collator('nb', { sensitivity: 'base' });

/**
 * Ties are listed by company name in Norwegian order (Æ, Ø, Å last), then by slug, so the
 * order never depends on the input order.
 */
export function compareCompanies(a: CompanyRow, b: CompanyRow): number {
  const byName = collator.compare(a.companyName ?? a.companySlug, b.companyName ?? b.companySlug);
  if (byName !== 0) return byName;
  return a.companySlug < b.companySlug ? -1 : a.companySlug > b.companySlug ? 1 : 0;
}

function valueOf<T>(key: RankKey<T>): (row: T) => number | null {
  return (row) => {
    const v = typeof key === 'function' ? key(row) : (row[key] as number | null | undefined);
    return typeof v === 'number' && Number.isFinite(v) ? roundTo(v, RANK_DECIMALS) : null;
  };
}

/**
 * The published value of each ranked row and its standard competition rank (1, 2, 2, 4),
 * best first. Rows without a value (no basis: null, undefined or NaN) are left out: a rank
 * would claim a result they do not have.
 */
function rankIndices<T>(rows: readonly T[], key: RankKey<T>, tieOrder: (a: T, b: T) => number): { index: number; rank: number }[] {
  const value = valueOf(key);
  const sorted = rows
    .map((row, index) => ({ row, index, value: value(row) }))
    .filter((r): r is { row: T; index: number; value: number } => r.value !== null)
    .sort((a, b) => b.value - a.value || tieOrder(a.row, b.row));
  let rank = 0;
  return sorted.map((r, i) => {
    if (i === 0 || r.value !== sorted[i - 1]!.value) rank = i + 1;
    return { index: r.index, rank };
  });
}

/**
 * Ranks rows descending by `key` rounded to the published 2 decimals; equal rounded values
 * share a rank and the next rank skips (1, 2, 2, 4). Returned best first. Ties keep the
 * order of `tieOrder`, else the input order. Rows without a value are not returned.
 */
export function rankBy<T extends object>(rows: readonly T[], key: RankKey<T>, tieOrder: (a: T, b: T) => number = () => 0): Ranked<T>[] {
  return rankIndices(rows, key, tieOrder).map(({ index, rank }) => ({ ...rows[index]!, rank }));
}

/**
 * The public result list: `rank` over all participants and `classRank` within the class,
 * listed by overall rank, ties by company name. Participants without a total (no approved
 * inquiry with possible points) are not on the list.
 */
export function rankResultList<T extends ResultListEntry>(rows: readonly T[]): (T & { rank: number; classRank: number })[] {
  const classRank = new Map<number, number>();
  for (const className of new Set(rows.map((r) => r.className))) {
    const members = rows.map((row, index) => ({ row, index })).filter((m) => m.row.className === className);
    for (const { index, rank } of rankIndices(
      members,
      (m) => m.row.total,
      (a, b) => compareCompanies(a.row, b.row),
    )) {
      classRank.set(members[index]!.index, rank);
    }
  }
  return rankIndices(rows, (r) => r.total, compareCompanies).map(({ index, rank }) => ({
    ...rows[index]!,
    rank,
    classRank: classRank.get(index)!,
  }));
}
