import { useMemo } from 'react';
import { useQuery } from 'urql';
import { LastYearTotalsQuery, type EditionSummary } from '../graphql/documents';
import { useSnapshotList, viaGraphQL } from './useSnapshotList';

/**
 * Each company's total in the previous published edition, by slug; empty when there is none.
 * From that edition's snapshot for a visitor who is not signed in, as the list itself.
 */
export function useLastYear(
  editions: readonly EditionSummary[],
  edition: EditionSummary | undefined,
): ReadonlyMap<string, number> | undefined {
  const previous = edition ? editions.find((e) => e.year === edition.year - 1 && e.status === 'PUBLISHED') : undefined;
  const snapshot = useSnapshotList(LastYearTotalsQuery, previous?.year);
  const graphql = viaGraphQL(snapshot);
  const [result] = useQuery({ query: LastYearTotalsQuery, variables: { year: previous?.year ?? 0 }, pause: !previous || !graphql });
  return useMemo(() => {
    if (!previous) return new Map();
    const data = snapshot.status === 'ready' ? snapshot.data : graphql ? result.data : undefined;
    if (!data) return graphql && result.error ? new Map() : undefined;
    return new Map(data.resultList.map((r) => [r.company.slug, r.total]));
  }, [previous, snapshot, graphql, result.data, result.error]);
}
