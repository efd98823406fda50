/**
 * Complementary suppression (domain.md "Access in detail": no withheld cell may be worked out
 * from what is shown).
 *
 * A *cell* is a figure over a set of inquiries, named by a key; its `basis` is how many
 * inquiries count in it. A *relation* says that a whole is the sum of its parts: every additive
 * figure of the whole (points, possible points, answer and option counts, sums of squares) is
 * the sum of the parts' figures, up to figures the reader already knows. A cell over fewer than
 * the minimum cell size is withheld (primary suppression); then, as statistics offices do,
 * more cells are withheld until no withheld cell is a linear combination of shown ones
 * (complementary suppression). A cell that is not listed is empty and known to hold nothing; a
 * listed one is protected even with basis 0 (a question answered only "not applicable" on a
 * channel still has answers to count).
 *
 * The model is deliberately stronger than any reader: it assumes every shown cell gives away
 * all of its additive figures (numerator and denominator, not just a percentage).
 */
export interface Relation {
  whole: string;
  parts: readonly string[];
}

export interface SuppressionInput {
  /** Every cell that holds anything, with its basis (the inquiries that count in it); a cell not listed is empty. */
  basis: ReadonlyMap<string, number>;
  relations: readonly Relation[];
  minCellSize: number;
  /** Cells shown whatever happens (the public total): never chosen as complements. */
  alwaysShown?: ReadonlySet<string>;
}

const basisOf = (input: SuppressionInput, cell: string) => input.basis.get(cell)!;

/** The cells to withhold: those under the minimum, and the complements that protect them. */
export function planSuppression(input: SuppressionInput): Set<string> {
  const { minCellSize, relations } = input;
  const alwaysShown = input.alwaysShown ?? new Set<string>();
  const withheld = new Set([...input.basis].filter(([, n]) => n < minCellSize).map(([cell]) => cell));
  if (withheld.size === 0) return withheld;

  const members = (r: Relation) => [r.whole, ...r.parts].filter((c) => input.basis.has(c));
  // By basis, then key: the cheapest cell first, and the plan deterministic.
  const cheaper = (a: string, b: string) => basisOf(input, a) - basisOf(input, b) || (a < b ? -1 : a > b ? 1 : 0);
  const mayWithhold = (c: string) => !withheld.has(c) && !alwaysShown.has(c);

  for (;;) {
    // A relation with exactly one withheld member gives it away by subtraction: withhold its
    // cheapest shown member too.
    let changed = true;
    while (changed) {
      changed = false;
      for (const r of relations) {
        if (members(r).filter((c) => withheld.has(c)).length !== 1) continue;
        const next = members(r).filter(mayWithhold).sort(cheaper)[0];
        if (next !== undefined) {
          withheld.add(next);
          changed = true;
        }
      }
    }
    // Two per relation is not always enough (cells linked through several relations can still be
    // solved for): the audit finds what is still determined, and of the shown cells beside a
    // determined one, the one that frees the most of them is withheld next. Each round withholds
    // a cell, so it ends.
    const audit = auditSuppression(withheld, relations, input.basis);
    if (audit.determined.length === 0) return withheld;
    const beside = [...new Set(relations.filter((r) => members(r).some((c) => audit.determined.includes(c))).flatMap(members))].filter(
      mayWithhold,
    );
    const candidates = beside.length ? beside : [...input.basis.keys()].filter(mayWithhold);
    if (candidates.length === 0) return withheld; // nothing left that may be withheld
    const freed = new Map(candidates.map((c) => [c, audit.frees(c)]));
    withheld.add(candidates.sort((a, b) => freed.get(b)! - freed.get(a)! || cheaper(a, b))[0]!);
  }
}

/** The withheld cells (of those listed in `basis`) that follow from the shown and the empty ones. */
export function determinedCells(
  withheld: ReadonlySet<string>,
  relations: readonly Relation[],
  basis: ReadonlyMap<string, number>,
): string[] {
  return auditSuppression(withheld, relations, basis).determined;
}

/**
 * The audit. With the shown cells known, each relation is a linear equation A·x = b over the
 * withheld cells x. A cell is determined exactly when, in the reduced row echelon form R = E·A,
 * its pivot row has no other unknown. `frees(c)` counts the determined cells that withholding
 * the shown cell c would set free: c adds the column a (its coefficients in the relations); a
 * determined x, given by row u = E_x of E (u·A = e_x), stays determined iff some u' = u + v, v in
 * the left null space of A, has u'·a = 0. So x is freed iff a is orthogonal to the left null
 * space (the zero rows of R, rows of E) and u·a ≠ 0.
 */
export function auditSuppression(
  withheld: ReadonlySet<string>,
  relations: readonly Relation[],
  basis: ReadonlyMap<string, number>,
): { determined: string[]; frees: (cell: string) => number } {
  const unknowns = [...withheld].filter((c) => basis.has(c)).sort();
  const column = new Map(unknowns.map((c, i) => [c, i]));
  const coefficients = (cell: string) => relations.map((r) => (r.whole === cell ? 1 : 0) - r.parts.filter((p) => p === cell).length);
  const a = relations.map(() => new Array<number>(unknowns.length).fill(0));
  for (const [cell, j] of column)
    coefficients(cell).forEach((v, i) => {
      a[i]![j] = v;
    });
  const e = relations.map((_, i) => relations.map((__, k) => (i === k ? 1 : 0)));
  const pivots = reducedRowEchelon(a, e, unknowns.length);
  const determined = pivots.filter(({ row, column: pivot }) => a[row]!.every((v, j) => j === pivot || Math.abs(v) < EPSILON));
  const leftNull = e.slice(pivots.length);
  const dot = (u: number[], v: number[]) => u.reduce((sum, x, i) => sum + x * v[i]!, 0);
  return {
    determined: determined.map(({ column: j }) => unknowns[j]!),
    frees: (cell) => {
      const added = coefficients(cell);
      if (leftNull.some((v) => Math.abs(dot(v, added)) > EPSILON)) return 0;
      return determined.filter(({ row }) => Math.abs(dot(e[row]!, added)) > EPSILON).length;
    },
  };
}

const EPSILON = 1e-9;

/**
 * Brings `rows` to reduced row echelon form in place, applying every row operation to `track`
 * too (so it ends as E with E·A = R); returns each pivot's row and column. Pivot rows come first.
 */
function reducedRowEchelon(rows: number[][], track: number[][], columns: number): { row: number; column: number }[] {
  const pivots: { row: number; column: number }[] = [];
  const swap = (m: number[][], i: number, k: number) => {
    [m[i], m[k]] = [m[k]!, m[i]!];
  };
  const scale = (m: number[][], i: number, f: number) => {
    m[i] = m[i]!.map((v) => v / f);
  };
  const subtract = (m: number[][], i: number, k: number, f: number) => {
    m[i] = m[i]!.map((v, j) => v - f * m[k]![j]!);
  };
  let r = 0;
  for (let j = 0; j < columns && r < rows.length; j++) {
    let best = r;
    for (let i = r + 1; i < rows.length; i++) if (Math.abs(rows[i]![j]!) > Math.abs(rows[best]![j]!)) best = i;
    if (Math.abs(rows[best]![j]!) < EPSILON) continue;
    swap(rows, r, best);
    swap(track, r, best);
    const p = rows[r]![j]!;
    scale(rows, r, p);
    scale(track, r, p);
    for (let i = 0; i < rows.length; i++) {
      const f = rows[i]![j]!;
      if (i === r || Math.abs(f) < EPSILON) continue;
      subtract(rows, i, r, f);
      subtract(track, i, r, f);
    }
    pivots.push({ row: r, column: j });
    r++;
  }
  return pivots;
}
