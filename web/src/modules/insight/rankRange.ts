// The words of an uncertainty are the same on screen and in the PDF: shared/src/format/uncertainty.ts.
export { formatInterval, formatRankRange } from '@ksp/shared/format/uncertainty';
