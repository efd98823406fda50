/**
 * The figures that describe a distribution of scores: the one declaration of its shape. `V` is
 * how a figure is given: a number (computed here), `number | null` where a figure can be missing
 * or withheld (the read model, the charts), or the PDF's `Num`; `C` the same for the count.
 */
export interface Spread<V = number, C = V> {
  count: C;
  min: V;
  q1: V;
  median: V;
  q3: V;
  max: V;
  mean: V;
  /** Population standard deviation. */
  stdDev: V;
}

/**
 * Min, quartiles, max, mean and standard deviation, defined as PostgreSQL defines them so
 * the SQL read model can be checked against this: quartiles as `percentile_cont` (linear
 * interpolation at position (n−1)·p, "type 7") and the deviation as `stddev_pop`.
 * null for no values, as the SQL aggregates give NULL over no rows.
 */
export function describeSpread(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return {
    count: sorted.length,
    min: sorted[0]!,
    q1: percentileCont(sorted, 0.25),
    median: percentileCont(sorted, 0.5),
    q3: percentileCont(sorted, 0.75),
    max: sorted[sorted.length - 1]!,
    mean,
    stdDev: Math.sqrt(sorted.reduce((acc, v) => acc + (v - mean) ** 2, 0) / sorted.length),
  };
}

/** `percentile_cont(p)` over ascending, non-empty values. */
export function percentileCont(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower]!;
  return low + (sorted[upper]! - low) * (position - lower);
}
