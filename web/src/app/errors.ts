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

/**
 * What the server says is wrong with a request, as codes (extensions.reason and .field of a
 * BAD_USER_INPUT, README "Errors"), so the page says it in its own words and language beside
 * the field. Null where the server gave no reason.
 */
export function badInputDetail(error: CombinedError | undefined): { reason: string; field: string } | null {
  const e = error?.graphQLErrors.find((g) => g.extensions?.['code'] === 'BAD_USER_INPUT');
  const reason = e?.extensions?.['reason'];
  const field = e?.extensions?.['field'];
  return typeof reason === 'string' && typeof field === 'string' ? { reason, field } : null;
}
