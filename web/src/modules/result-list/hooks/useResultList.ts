import { useQuery, type CombinedError } from 'urql';
import { ResultListQuery, type ResultRow } from '../graphql/documents';

export interface ResultListState {
  rows: ResultRow[] | undefined;
  /** True while a request runs; `rows` may then still hold the previous selection. */
  fetching: boolean;
  error: CombinedError | undefined;
  retry: () => void;
}

/** The ranked list of one edition, all classes or one. Waits while `year` is unknown. */
export function useResultList(year: number | undefined, className: string | undefined): ResultListState {
  const [result, reexecute] = useQuery({
    query: ResultListQuery,
    variables: className ? { year: year ?? 0, className } : { year: year ?? 0 },
    pause: year === undefined,
  });
  return {
    rows: result.data?.resultList,
    fetching: result.fetching,
    error: result.error,
    retry: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

/** By the rank shown (the class rank when a class is chosen), ties by company name. */
export function sortRows(rows: readonly ResultRow[], byClass: boolean, collator: Intl.Collator): ResultRow[] {
  const rankOf = (r: ResultRow) => (byClass ? r.classRank : r.rank);
  return [...rows].sort((a, b) => rankOf(a) - rankOf(b) || collator.compare(a.company.name, b.company.name));
}
