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
  // The smallest of some cells (ties by key, so the plan is deterministic).
  const smallest = (cells: (string | undefined)[]) => cells.filter((c): c is string => c !== undefined)
    .sort((a, b) => basisOf(input, a) - basisOf(input, b) || (a < b ? -1 : a > b ? 1 : 0))[0];
  // The smallest shown cell of a relation that may still be withheld.
  const complement = (r: Relation) => smallest(members(r).filter((c) => !withheld.has(c) && !alwaysShown.has(c)));

  for (;;) {
    // A relation with exactly one withheld member gives it away by subtraction: withhold a second.
    let changed = true;
    while (changed) {
      changed = false;
      for (const r of relations) {
        if (members(r).filter((c) => withheld.has(c)).length !== 1) continue;
        const next = complement(r);
        if (next !== undefined) {
          withheld.add(next);
          changed = true;
        }
      }
    }
    // Two per relation is not always enough (cells linked through several relations can still be
    // solved for): the audit finds what is still determined, and the loop withholds one more
    // cell next to it. Each round withholds a cell, so it ends.
    const determined = determinedCells(withheld, relations, input.basis);
    if (determined.length === 0) return withheld;
    // Prefer a cell of a relation the determined cell is in; else one next to any withheld cell.
    const next = smallest(relations.filter((r) => members(r).some((c) => determined.includes(c))).map(complement))
      ?? smallest(relations.filter((r) => members(r).some((c) => withheld.has(c))).map(complement));
    if (next === undefined) return withheld; // nothing left that may be withheld
    withheld.add(next);
  }
}

/**
 * The withheld cells (of those listed in `basis`) that follow from the shown ones and the empty
 * ones through the relations: the audit. With the shown cells known, each relation becomes a linear equation over the withheld
 * cells; a cell is determined exactly when, in the reduced row echelon form of those equations,
 * its pivot row has no other unknown.
 */
export function determinedCells(withheld: ReadonlySet<string>, relations: readonly Relation[], basis: ReadonlyMap<string, number>): string[] {
  const unknowns = [...withheld].filter((c) => basis.has(c)).sort();
  const column = new Map(unknowns.map((c, i) => [c, i]));
  const rows: number[][] = [];
  for (const r of relations) {
    const row = new Array<number>(unknowns.length).fill(0);
    let any = false;
    const add = (cell: string, sign: number) => {
      const i = column.get(cell);
      if (i === undefined) return;
      row[i]! += sign;
      any = true;
    };
    add(r.whole, 1);
    for (const p of r.parts) add(p, -1);
    if (any) rows.push(row);
  }
  const pivots = reducedRowEchelon(rows, unknowns.length);
  return pivots
    .filter(({ row, column: pivot }) => rows[row]!.every((v, j) => j === pivot || Math.abs(v) < EPSILON))
    .map(({ column: j }) => unknowns[j]!);
}

const EPSILON = 1e-9;

/** Brings `rows` to reduced row echelon form in place; returns each pivot's row and column. */
function reducedRowEchelon(rows: number[][], columns: number): { row: number; column: number }[] {
  const pivots: { row: number; column: number }[] = [];
  let r = 0;
  for (let j = 0; j < columns && r < rows.length; j++) {
    let best = r;
    for (let i = r + 1; i < rows.length; i++) if (Math.abs(rows[i]![j]!) > Math.abs(rows[best]![j]!)) best = i;
    if (Math.abs(rows[best]![j]!) < EPSILON) continue;
    [rows[r], rows[best]] = [rows[best]!, rows[r]!];
    const pivotRow = rows[r]!;
    const p = pivotRow[j]!;
    for (let k = 0; k < columns; k++) pivotRow[k]! /= p;
    for (let i = 0; i < rows.length; i++) {
      if (i === r) continue;
      const f = rows[i]![j]!;
      if (Math.abs(f) < EPSILON) continue;
      for (let k = 0; k < columns; k++) rows[i]![k]! -= f * pivotRow[k]!;
    }
    pivots.push({ row: r, column: j });
    r++;
  }
  return pivots;
}
