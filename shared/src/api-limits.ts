// The API's limits: the one definition, enforced by the server and kept to by the web app.

/**
 * Limits on the shape of a GraphQL operation, checked before anything runs (the server's
 * graphql/hardening.ts, which records how they were measured). The web app's documents are
 * checked against the same numbers (web/src/graphql/limits.test.ts).
 */
export const OPERATION_LIMITS = {
  /** Nested fields; fragments count as their fields, not as a level of their own. */
  maxDepth: 12,
  /** graphql-armor's static cost: object 2, scalar 1, ×1.5 for each level of nesting. */
  maxCost: 20_000,
  /** Aliases let one request run a field many times (e.g. 100 logins in one operation). */
  maxAliases: 15,
  maxDirectives: 20,
  /** Lexer tokens; parsing stops at the limit, so a huge document costs nothing. */
  maxTokens: 1000,
  /** The JSON body of a request (after gzip, if sent so); a larger one gets 413 unread. */
  maxBodyBytes: 2 ** 20,
} as const;

/** `responses(first:)`: the largest page of responses (the workshop steps through at most this many). */
export const MAX_RESPONSES_PAGE = 100;
/** `responses(search:)`: the longest search text, in characters. */
export const MAX_SEARCH_LENGTH = 200;
