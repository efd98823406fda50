import { useMemo } from 'react';
import { useQuery, type CombinedError } from 'urql';
import { ResultListQuery, type ResultRow } from '../graphql/documents';
import { useSnapshotList, viaGraphQL } from './useSnapshotList';

export interface ResultListState {
  rows: ResultRow[] | undefined;
  /** True while a request runs; `rows` may then still hold the previous selection. */
  fetching: boolean;
  error: CombinedError | undefined;
  retry: () => void;
  /** Where the rows came from: the edition's published snapshot (a visitor not signed in) or GraphQL. */
  source: 'snapshot' | 'graphql';
}

/**
 * The ranked list of one edition, all classes or one. Waits while `year` is unknown. A visitor
 * who is not signed in gets it from the edition's published snapshot, GraphQL's answer to this
 * very document (the class chosen here, as the server does: the overall rank kept), and from
 * GraphQL if the snapshot cannot be had.
 */
export function useResultList(year: number | undefined, className: string | undefined): ResultListState {
  const snapshot = useSnapshotList(ResultListQuery, year);
  const [result, reexecute] = useQuery({
    query: ResultListQuery,
    variables: className ? { year: year ?? 0, className } : { year: year ?? 0 },
    pause: year === undefined || !viaGraphQL(snapshot),
  });
  const snapshotRows = useMemo(
    () => (snapshot.status === 'ready' ? snapshot.data.resultList.filter((r) => !className || r.className === className) : undefined),
    [snapshot, className],
  );
  if (snapshotRows) return { rows: snapshotRows, fetching: false, error: undefined, retry: () => {}, source: 'snapshot' };
  return {
    rows: result.data?.resultList,
    fetching: result.fetching,
    error: result.error,
    retry: () => reexecute({ requestPolicy: 'network-only' }),
    source: 'graphql',
  };
}

export type SortKey = 'rank' | 'company' | 'total' | 'lastYear' | 'change';
export interface Sort {
  key: SortKey;
  descending: boolean;
}
export const DEFAULT_SORT: Sort = { key: 'rank', descending: false };

/**
 * By the column chosen (rank by default: the class rank when a class is chosen), ties by
 * company name; rows without a value (no last year) last in either direction.
 */
export function sortRows(
  rows: readonly ResultRow[],
  byClass: boolean,
  collator: Intl.Collator,
  sort: Sort = DEFAULT_SORT,
  lastYear: ReadonlyMap<string, number> = new Map(),
): ResultRow[] {
  const value = (r: ResultRow): number | undefined => {
    const last = lastYear.get(r.company.slug);
    switch (sort.key) {
      case 'rank':
        return byClass ? r.classRank : r.rank;
      case 'total':
        return r.total;
      case 'lastYear':
        return last;
      case 'change':
        return last === undefined ? undefined : r.total - last;
      default:
        return undefined;
    }
  };
  const byName = (a: ResultRow, b: ResultRow) => collator.compare(a.company.name, b.company.name);
  return [...rows].sort((a, b) => {
    if (sort.key === 'company') return sort.descending ? byName(b, a) : byName(a, b);
    const va = value(a);
    const vb = value(b);
    if (va === undefined || vb === undefined) return va === vb ? byName(a, b) : va === undefined ? 1 : -1;
    return (sort.descending ? vb - va : va - vb) || byName(a, b);
  });
}
