import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';
import type { Viewer } from './access/viewer.js';

/** Per request: a forked entity manager, the SQL pool for read models, and who is asking. */
export interface Context {
  em: EntityManager;
  sql: pg.Pool;
  viewer: Viewer;
  /** The raw session token from the cookie, if any (to end it on logout). */
  sessionToken: string | undefined;
  /** Set by `login` / `logout` to change the session cookie of the response. */
  setSessionCookie(token: string | null): void;
  /** Request-scoped memo: report sections asked for twice are computed once. */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

export function createMemo(): Context['memo'] {
  const cache = new Map<string, Promise<unknown>>();
  return <T>(key: string, compute: () => Promise<T>) => {
    let hit = cache.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = compute();
      cache.set(key, hit);
    }
    return hit;
  };
}
