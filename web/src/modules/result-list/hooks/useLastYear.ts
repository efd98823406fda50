import { useMemo } from 'react';
import { useQuery } from 'urql';
import { LastYearTotalsQuery, type EditionSummary } from '../graphql/documents';

/** Each company's total in the previous published edition, by slug; empty when there is none. */
export function useLastYear(
  editions: readonly EditionSummary[],
  edition: EditionSummary | undefined,
): ReadonlyMap<string, number> | undefined {
  const previous = edition ? editions.find((e) => e.year === edition.year - 1 && e.status === 'PUBLISHED') : undefined;
  const [result] = useQuery({ query: LastYearTotalsQuery, variables: { year: previous?.year ?? 0 }, pause: !previous });
  return useMemo(() => {
    if (!previous) return new Map();
    if (!result.data) return result.error ? new Map() : undefined;
    return new Map(result.data.resultList.map((r) => [r.company.slug, r.total]));
  }, [previous, result.data, result.error]);
}
