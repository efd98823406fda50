/**
 * Folds a name for searching, so a person typing on any keyboard finds it: "aerfugl" finds
 * "Ærfugl", "orland" finds "Ørland", "aasen" finds "Åsen" and "cafe" finds "Café". The
 * Norwegian letters are written out as they are without them (æ→ae, ø→o, å→aa); every other
 * diacritic is dropped after canonical decomposition (NFD), and case is ignored.
 *
 * Pure and shared: every place that searches participants by name folds the same way.
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether `text` contains `query`, both folded; an empty query matches everything. */
export function matchesSearch(text: string, query: string): boolean {
  const needle = foldForSearch(query);
  return needle === '' || foldForSearch(text).includes(needle);
}
