// Exports for people (the dashboard's downloads): sheets, labels, Norwegian CSV.
export { EXPORT_LABELS, exportLocale, type ExportLabels } from './labels.js';
export { neutraliseFormula } from './formula.js';
export { formatOsloDateTime, osloWallClock, osloWallClockAsUtc, type WallClock } from './oslo-time.js';
export { fitWidth, makeTable, type CellKind, type CellValue, type ExportColumn, type ExportTable } from './table.js';
export { csvCell, writeNorwegianCsv } from './norwegian-csv.js';
export {
  questionnaireTable,
  responsesFileName,
  responsesTable,
  type ExportOption,
  type ExportQuestion,
  type ExportResponse,
} from './responses.js';
