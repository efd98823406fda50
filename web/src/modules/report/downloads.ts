import type { Locale } from '@ksp/shared/format/number';

/**
 * The download paths of contract.md "Exports". The server decides who gets a file (the report
 * PDF: the own report or a chosen competitor's aggregates; the responses: the own report only);
 * the dashboard offers a link only where the viewer may download.
 */
export type Download = 'rapport.pdf' | 'besvarelser.xlsx' | 'besvarelser.csv';

export function downloadPath(year: number, company: string, file: Download, locale: Locale): string {
  const path = `/eksport/${year}/${encodeURIComponent(company)}/${file}`;
  return locale === 'en' ? `${path}?lang=en` : path;
}
