import { roundTo } from '../format/number.js';
import { compareCompanies, RANK_DECIMALS, type CompanyRow } from './rank.js';

export interface Benchmark<T> {
  /** Every member, best first as on the result list; members without a value last. */
  members: T[];
  /** Arithmetic mean of the members' values, each participant weighing the same; null if none has one. */
  mean: number | null;
}

/** Mean of the scores that exist; a participant without a basis is not a 0. */
export function classMean(values: readonly (number | null | undefined)[]): number | null {
  const present = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return present.length > 0 ? present.reduce((a, b) => a + b, 0) / present.length : null;
}

/** A class benchmark on any per-participant score: total, an area or a category. */
export function benchmarkBy<T extends CompanyRow>(members: readonly T[], value: (member: T) => number | null | undefined): Benchmark<T> {
  const published = (m: T): number | null => {
    const v = value(m);
    return typeof v === 'number' && Number.isFinite(v) ? roundTo(v, RANK_DECIMALS) : null;
  };
  // Each value rounded once, not once per comparison (rounding goes through text: roundTo).
  const values = new Map(members.map((m) => [m, published(m)]));
  const sorted = [...members].sort((a, b) => {
    const va = values.get(a)!;
    const vb = values.get(b)!;
    if (va === null || vb === null) return va === vb ? compareCompanies(a, b) : va === null ? 1 : -1;
    return vb - va || compareCompanies(a, b);
  });
  return { members: sorted, mean: classMean(members.map(value)) };
}

/** Every participant of a class with its total; not split by channel (domain.md). */
export function classBenchmark<T extends CompanyRow & { total: number | null }>(members: readonly T[]): Benchmark<T> {
  return benchmarkBy(members, (m) => m.total);
}
