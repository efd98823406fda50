import type { CombinedError } from 'urql';
import { ErrorMessage } from './ErrorMessage';
import { errorKind } from './errors';
import { NoAccess } from './NoAccess';
import { useMe } from './session/useMe';

/**
 * What a page (or a part of one, `level={2}`) says while it has no data: a refusal as "no
 * access" with the way to sign in, any other failure with a way to try again, else that it is
 * loading. One place, so every page refuses and waits in the same words and roles.
 */
export function NoDataYet({
  error,
  retry,
  loading,
  level = 1,
}: {
  error: CombinedError | undefined;
  retry: () => void;
  loading: string;
  level?: 1 | 2;
}) {
  const { me } = useMe();
  if (error) {
    return errorKind(error) === 'forbidden' ? <NoAccess signedIn={!!me} level={level} /> : <ErrorMessage error={error} onRetry={retry} />;
  }
  return (
    <p className="notice" role="status">
      {loading}
    </p>
  );
}
