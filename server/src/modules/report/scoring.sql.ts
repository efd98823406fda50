import { AGE_BANDS } from '@ksp/shared';

/**
 * The score of a set of rows of the `scored_item` view: 100 · Σearned / Σpossible, null
 * (never 0) where nothing was possible. Every read model aggregates scores with this.
 */
export const scoreSql = (alias = '') => `100.0 * sum(${alias}earned) / nullif(sum(${alias}possible), 0)`;

/** The age band of an age expression, from the same table as `ageBand` in shared/. */
export const ageBandSql = (age: string) =>
  `case ${AGE_BANDS.filter((b) => Number.isFinite(b.upTo))
    .map((b) => `when ${age} <= ${b.upTo} then '${b.label}'`)
    .join(' ')} else '${AGE_BANDS.at(-1)!.label}' end`;
