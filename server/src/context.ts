import type { EntityManager } from '@mikro-orm/postgresql';
import type { Sql } from './db/sql.js';
import type { Viewer } from './access/viewer.js';

/**
 * Per request: a forked entity manager (its own unit of work, for writes and single records),
 * SQL for the read models on the same connection pool, and who is asking.
 */
export interface Context {
  em: EntityManager;
  sql: Sql;
  viewer: Viewer;
  /** The raw session token from the cookie, if any (to end it on logout). */
  sessionToken: string | undefined;
  /** The client's IP address (`req.ip`: X-Forwarded-For only through the proxies of KSP_TRUST_PROXY), for login limits. */
  clientAddress: string;
  /** Set by `login` / `logout` to change the session cookie of the response. */
  setSessionCookie(token: string | null): void;
  /**
   * Request-scoped singletons, mostly DataLoaders: every report section is loaded through one,
   * so the sections of many participations (competitors, class members, history) asked in one
   * request become one SQL statement each, never one per participation.
   */
  loader<T>(key: string, create: () => T): T;
}

export function createLoaderRegistry(): Context['loader'] {
  const registry = new Map<string, unknown>();
  return <T>(key: string, create: () => T): T => {
    if (!registry.has(key)) registry.set(key, create());
    return registry.get(key) as T;
  };
}
