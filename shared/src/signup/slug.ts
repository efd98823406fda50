import { foldForSearch } from '../search/fold.js';

/**
 * A company's slug (its part of the report URL) from its name: folded as name search folds
 * (æ → ae, ø → o, å → aa, other accents dropped), every run of other signs one hyphen.
 * "Bjørn & Sønn AS" → "bjorn-sonn-as". A name of signs only gives "selskap".
 */
export function slugFromName(name: string): string {
  const slug = foldForSearch(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? 'selskap' : slug;
}

/** The slug, or with `-2`, `-3`, … appended: the first not `taken`. */
export function uniqueSlug(name: string, taken: (slug: string) => boolean): string {
  const base = slugFromName(name);
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}
