/**
 * Spreadsheet formula injection (CSV/formula injection): a cell whose text starts with one of
 * these characters may be taken as a formula by Excel, LibreOffice or Google Sheets (`=`, `+`,
 * `-`, `@`), or hides one behind a tab or carriage return. Such text gets a leading apostrophe,
 * so it stays text and reads the same; every string an export writes goes through here, in both
 * formats. Idempotent: neutralised text starts with `'` and is left alone.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
