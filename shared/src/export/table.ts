/**
 * A sheet of an export, independent of the file format: typed columns and rows of plain values.
 * The writers (norwegian-csv.ts here, the XLSX writer on the server) decide how each kind looks,
 * and both neutralise formulas in every text they write.
 */
export type CellKind =
  /** Short text: ids, labels. */
  | 'text'
  /** Long text shown wrapped: comments, question texts. */
  | 'longText'
  /** A whole number: attempts, seconds, points. */
  | 'integer'
  /** A score in percent at full precision (shown with 2 decimals). */
  | 'score'
  /** An instant, shown as the wall clock in Norway. */
  | 'dateTime'
  /** A question's answer: an option label, or a number on a scale. */
  | 'answer';

export type CellValue = string | number | Date | null;

export interface ExportColumn {
  key: string;
  header: string;
  kind: CellKind;
  /** Width in characters (a spreadsheet column's width unit). */
  width: number;
}

export interface ExportTable {
  /** The sheet's name. */
  name: string;
  columns: ExportColumn[];
  rows: CellValue[][];
}

const LONG_TEXT_WIDTH = 50;
const FIXED_WIDTH: Partial<Record<CellKind, number>> = { dateTime: 17, score: 10 };
const MIN_WIDTH = 10;
const MAX_WIDTH = 40;

/** The longest line a value shows (dates and scores have fixed widths). */
function shownLength(value: CellValue): number {
  if (value === null) return 0;
  if (typeof value === 'number') return String(value).length;
  if (value instanceof Date) return 16;
  return Math.max(...value.split('\n').map((line) => line.length));
}

/** A width that fits the header and the values: long text a fixed 50 (wrapped), the rest 10–40. */
export function fitWidth(kind: CellKind, header: string, values: readonly CellValue[]): number {
  if (kind === 'longText') return LONG_TEXT_WIDTH;
  const fixed = FIXED_WIDTH[kind];
  if (fixed !== undefined) return Math.max(fixed, Math.min(header.length + 2, MAX_WIDTH));
  const longest = Math.max(header.length, ...values.map(shownLength));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

/** Builds a table from column definitions and rows, fitting every column's width. */
export function makeTable(
  name: string,
  columns: readonly { key: string; header: string; kind: CellKind }[],
  rows: CellValue[][],
): ExportTable {
  return {
    name,
    columns: columns.map((c, i) => ({
      ...c,
      width: fitWidth(
        c.kind,
        c.header,
        rows.map((r) => r[i] ?? null),
      ),
    })),
    rows,
  };
}
