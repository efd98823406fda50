import ExcelJS from 'exceljs';
import { neutraliseFormula, osloWallClockAsUtc, type CellKind, type CellValue, type ExportTable } from '@ksp/shared';

// The XLSX writer of the exports (exceljs): one worksheet per table, the header row frozen and
// bold with filters on, the widths the layout fitted, long text wrapped, scores as numbers.

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Number formats. Excel shows the decimal sign of the reader's locale, so `0.00" %"` reads
 * `87,45 %` in Norwegian Excel; the `%` is quoted, as a bare `%` would multiply by 100 (scores
 * are percentages already). The value stays at full precision.
 */
const SCORE_FORMAT = '0.00" %"';
const DATE_TIME_FORMAT = 'dd.mm.yyyy hh:mm';

function cellValue(value: CellValue): ExcelJS.CellValue {
  if (value === null) return null;
  // Spreadsheet dates have no time zone: the Norwegian wall clock, as exceljs reads a Date's UTC fields.
  if (value instanceof Date) return osloWallClockAsUtc(value);
  if (typeof value === 'string') return neutraliseFormula(value);
  return value;
}

function styleCell(cell: ExcelJS.Cell, kind: CellKind): void {
  cell.alignment = { vertical: 'top', wrapText: kind === 'longText' };
  if (kind === 'score') cell.numFmt = SCORE_FORMAT;
  if (kind === 'dateTime') cell.numFmt = DATE_TIME_FORMAT;
}

function addSheet(workbook: ExcelJS.Workbook, table: ExportTable): void {
  const sheet = workbook.addWorksheet(table.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
  });
  sheet.columns = table.columns.map((c) => ({ key: c.key, width: c.width }));
  const header = sheet.addRow(table.columns.map((c) => neutraliseFormula(c.header)));
  header.font = { bold: true };
  header.alignment = { vertical: 'top' };
  for (const values of table.rows) {
    const row = sheet.addRow(values.map(cellValue));
    table.columns.forEach((column, i) => styleCell(row.getCell(i + 1), column.kind));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: table.rows.length + 1, column: table.columns.length } };
}

/** A workbook with one sheet per table, in order. */
export async function writeXlsx(tables: readonly ExportTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'KSP – Kundeserviceprisen';
  for (const table of tables) addSheet(workbook, table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
