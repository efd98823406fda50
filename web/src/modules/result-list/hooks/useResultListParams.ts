import { useCallback } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { EditionSummary } from '../graphql/documents';
import { DEFAULT_SORT, type Sort, type SortKey } from './useResultList';

/** The URL parameter that holds the chosen class: `/resultater/2024?klasse=Bank`. */
export const CLASS_PARAM = 'klasse';
/** Words in a company name: `?sok=`. */
export const SEARCH_PARAM = 'sok';
/** The sorted column and direction: `?sorter=total&synkende=1`. */
export const SORT_PARAM = 'sorter';
export const DESC_PARAM = 'synkende';
const SORT_KEYS: readonly SortKey[] = ['rank', 'company', 'total', 'lastYear', 'change'];

export function resultListPath(year: number, className?: string): string {
  const path = `/resultater/${year}`;
  return className ? `${path}?${new URLSearchParams({ [CLASS_PARAM]: className }).toString()}` : path;
}

/**
 * The page's selection lives in the URL, so a link shows what its sender saw:
 * the year in the path, the class in `?klasse=`. Any choice pins the year in the path.
 */
export function useResultListParams() {
  const { year: yearParam } = useParams<{ year: string }>();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const className = searchParams.get(CLASS_PARAM) || undefined;
  const search = searchParams.get(SEARCH_PARAM) ?? '';
  const sortKey = searchParams.get(SORT_PARAM) as SortKey | null;
  const sort: Sort =
    sortKey && SORT_KEYS.includes(sortKey) ? { key: sortKey, descending: searchParams.get(DESC_PARAM) === '1' } : DEFAULT_SORT;
  const [, setSearchParams] = useSearchParams();

  const setSearch = useCallback(
    (next: string) => {
      setSearchParams(
        (old) => {
          const p = new URLSearchParams(old);
          if (next) p.set(SEARCH_PARAM, next);
          else p.delete(SEARCH_PARAM);
          return p;
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );

  /** A click on the sorted column turns its direction; another column starts in its natural one (best first). */
  const sortBy = useCallback(
    (key: SortKey) => {
      setSearchParams((old) => {
        const p = new URLSearchParams(old);
        const natural = key === 'total' || key === 'lastYear' || key === 'change';
        const descending = sort.key === key ? !sort.descending : natural;
        if (key === 'rank' && !descending) p.delete(SORT_PARAM);
        else p.set(SORT_PARAM, key);
        if (descending) p.set(DESC_PARAM, '1');
        else p.delete(DESC_PARAM);
        return p;
      });
    },
    [setSearchParams, sort.key, sort.descending],
  );

  const selectClass = useCallback(
    (edition: EditionSummary, next: string | undefined) => {
      void navigate(resultListPath(edition.year, next));
    },
    [navigate],
  );

  return { yearParam, className, selectClass, search, setSearch, sort, sortBy };
}
