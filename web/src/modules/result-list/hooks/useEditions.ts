import { useQuery, type CombinedError } from 'urql';
import { EditionsQuery, type EditionSummary } from '../graphql/documents';

export interface EditionsState {
  editions: EditionSummary[] | undefined;
  fetching: boolean;
  error: CombinedError | undefined;
  retry: () => void;
}

/** The editions the viewer may see, newest first (the server's order). */
export function useEditions(): EditionsState {
  const [result, reexecute] = useQuery({ query: EditionsQuery });
  return {
    editions: result.data?.editions,
    fetching: result.fetching,
    error: result.error,
    retry: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

/**
 * The edition the page shows: the one named in the URL, or without a year the newest
 * published one. `undefined` when the URL names a year the viewer has no edition for.
 */
export function pickEdition(editions: readonly EditionSummary[], yearParam: string | undefined): EditionSummary | undefined {
  if (yearParam === undefined) return editions.find((e) => e.status === 'PUBLISHED') ?? editions[0];
  return editions.find((e) => String(e.year) === yearParam);
}
