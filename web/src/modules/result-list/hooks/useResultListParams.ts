import { useCallback } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { EditionSummary } from '../graphql/documents';

/** The URL parameter that holds the chosen class: `/resultater/2024?klasse=Bank`. */
export const CLASS_PARAM = 'klasse';

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

  const selectClass = useCallback(
    (edition: EditionSummary, next: string | undefined) => {
      void navigate(resultListPath(edition.year, next));
    },
    [navigate],
  );

  return { yearParam, className, selectClass };
}
