import type { CombinedError } from 'urql';

/** How an error reads to a person: the i18n key under `errors.` and a detail if one is useful. */
export type ErrorKind = 'network' | 'notFound' | 'forbidden' | 'badInput' | 'generic';

/** Maps the server's `extensions.code` (see server/src/errors.ts) and network failures to a kind. */
export function errorKind(error: CombinedError): ErrorKind {
  // No answer, or an HTTP error without a GraphQL body (server down, proxy 502).
  if (error.networkError) return 'network';
  const codes = error.graphQLErrors.map((e) => e.extensions?.['code']);
  if (codes.includes('NOT_FOUND')) return 'notFound';
  if (codes.includes('FORBIDDEN') || codes.includes('UNAUTHENTICATED')) return 'forbidden';
  if (codes.includes('BAD_USER_INPUT')) return 'badInput';
  return 'generic';
}

/** The message of the first BAD_USER_INPUT error: the server writes those for people. */
export function badInputMessage(error: CombinedError): string {
  return error.graphQLErrors.find((e) => e.extensions?.['code'] === 'BAD_USER_INPUT')?.message ?? '';
}
