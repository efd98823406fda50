// RFC 4180 reading and writing on top of csv-parse / csv-stringify.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { quote, type NamedText, type ProblemList } from './problems.js';

export interface CsvRow {
  /** The row a spreadsheet shows: header = 1, first data row = 2 (blank rows count too). */
  row: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

/**
 * Parses a CSV file (UTF-8, a leading BOM is ignored, `\n` or `\r\n` line ends). Rows whose
 * cells are all blank are skipped (they still count for the row numbers). A row with more or
 * fewer cells than the header is reported. Returns null when the file is not readable CSV.
 */
export function readCsv(file: NamedText, problems: ProblemList, expectedHeader: readonly string[]): CsvTable | null {
  const text = file.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    problems.add(undefined, undefined, `the file is empty; expected a header row: ${expectedHeader.join(',')}`);
    return null;
  }
  let records: string[][];
  try {
    // relax_quotes: a stray quote inside an unquoted cell (`Han sa "hei"`) is kept as text.
    records = parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
  } catch (e) {
    const err = e as { message?: string; lines?: number };
    problems.add(typeof err.lines === 'number' ? err.lines : undefined, undefined, `not valid CSV: ${err.message ?? String(e)}`);
    return null;
  }
  const header = (records[0] ?? []).map((h) => h.trim());
  if (header.length === 1 && expectedHeader.length > 1 && (header[0] ?? '').includes(';')) {
    problems.add(
      1,
      undefined,
      `the header has no commas but semicolons; save the file as comma-separated CSV (expected ${expectedHeader.join(',')})`,
    );
    return null;
  }
  const rows: CsvRow[] = [];
  records.slice(1).forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    if (cells.length !== header.length) {
      problems.add(row, undefined, `the row has ${cells.length} cells but the header has ${header.length}`);
    }
    rows.push({ row, cells });
  });
  return { header, rows };
}

/** Positions of the columns by name; the first of duplicated names wins. */
export function columnIndex(header: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (!index.has(name)) index.set(name, i);
  });
  return index;
}

/** Reports duplicated and empty column names in the header (row 1). */
export function checkDuplicateColumns(header: readonly string[], problems: ProblemList): void {
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (name === '') {
      problems.add(1, undefined, `column ${i + 1} of the header has no name`);
    } else if (seen.has(name)) {
      problems.add(1, name, `duplicate column ${quote(name)}`);
    }
    seen.add(name);
  });
}

/** Reports columns of `expected` that are present but not in the expected order (one problem). */
export function checkColumnOrder(header: readonly string[], expected: readonly string[], problems: ProblemList): void {
  const present = expected.filter((name) => header.includes(name));
  const actual = header.filter((name, i) => present.includes(name) && header.indexOf(name) === i);
  const first = present.findIndex((name, i) => actual[i] !== name);
  const misplaced = first === -1 ? undefined : actual[first];
  if (misplaced !== undefined) {
    problems.add(1, misplaced, `columns are out of order: expected ${expected.join(',')}`);
  }
}

/** The cell of a named column, '' when the column or the cell is missing. */
export function cell(row: CsvRow, columns: Map<string, number>, name: string): string {
  const i = columns.get(name);
  return i === undefined ? '' : (row.cells[i] ?? '');
}

/** RFC 4180 text with a header row and `\n` line ends; quotes only where needed. */
export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([header as string[], ...(rows as string[][])], {
    record_delimiter: '\n',
    // csv-stringify quotes `\n` and `"` and `,` by itself; a lone `\r` must be quoted too.
    quoted_match: /\r/,
  });
}
