import { stringify } from 'csv-stringify/sync';
import { roundTo } from '../format/number.js';
import { neutraliseFormula } from './formula.js';
import { formatOsloDateTime } from './oslo-time.js';
import type { CellKind, CellValue, ExportTable } from './table.js';

/**
 * CSV as Norwegian Excel opens it with a double click: UTF-8 with a byte order mark (else Excel
 * reads the file as Windows-1252 and garbles æ, ø, å), `;` between cells (the list separator
 * where the decimal sign is a comma), a decimal comma, CRLF line ends. Not the interchange CSV
 * of `ksp import/export` (formats/csv.ts: comma-separated, decimal point).
 */

/** `87,45`: decimal comma, no thousands separator (Excel would read a grouped number as text). */
function formatNumber(value: number, kind: CellKind): string {
  if (kind === 'score') return roundTo(value, 2).toFixed(2).replace('.', ',');
  return String(value).replace('.', ',');
}

/** The text of one cell: scores with 2 decimals, instants as `2024-09-10 10:15` in Norway, text with formulas neutralised. */
export function csvCell(value: CellValue, kind: CellKind): string {
  if (value === null) return '';
  if (typeof value === 'number') return formatNumber(value, kind);
  if (value instanceof Date) return formatOsloDateTime(value);
  return neutraliseFormula(value);
}

export function writeNorwegianCsv(table: ExportTable): string {
  const records = [
    table.columns.map((c) => neutraliseFormula(c.header)),
    ...table.rows.map((row) => table.columns.map((c, i) => csvCell(row[i] ?? null, c.kind))),
  ];
  return stringify(records, {
    bom: true,
    delimiter: ';',
    record_delimiter: '\r\n',
    // Quote any cell with a line break (a lone \r included), besides the separator and quotes.
    quoted_match: /[\r\n]/,
  });
}
