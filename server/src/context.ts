import type DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Database } from './db/orm.js';
import type { Sql } from './db/sql.js';
import type { Viewer } from './access/viewer.js';
import { createParticipationLoaders } from './modules/participation/participation.loaders.js';
import { createReportLoaders } from './modules/report/report.loaders.js';
import { createResponseLoaders } from './modules/inquiry/response.loaders.js';
import { createUserLoaders } from './modules/user/me.loaders.js';
import { createFieldworkLoaders } from './modules/fieldwork/fieldwork.loaders.js';

/**
 * A request's loaders, typed: each feature declares its loaders (key and value types) once in its
 * `*.loaders.ts`, and they are made afresh for every request, so nothing is cached across
 * requests or viewers. Every report section is loaded through one, so the sections of many
 * participations (competitors, class members, history) asked in one request become one SQL
 * statement each, never one per participation. A loader that fails rejects: the field that
 * asked gets the error (formatError), never a quiet null.
 */
export function createLoaders(sql: Sql) {
  return {
    ...createParticipationLoaders(sql),
    ...createReportLoaders(sql),
    ...createResponseLoaders(sql),
    ...createUserLoaders(sql),
    ...createFieldworkLoaders(sql),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;

/**
 * The values of many keys, in order, batched as one: rejects with the first error. (DataLoader's
 * `loadMany` resolves errors into the list instead, where they are easily filtered away unseen.)
 */
export function loadAll<K, V, C>(loader: DataLoader<K, V, C>, keys: readonly K[]): Promise<V[]> {
  return Promise.all(keys.map((key) => loader.load(key)));
}

/**
 * Per request: a forked entity manager (its own unit of work, for writes and single records),
 * SQL for the read models on the same connection pool, who is asking, and the request's loaders.
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
  loaders: Loaders;
}

/** What a request brings to its context. Without an HTTP request (the PDF's in-process GraphQL, tests) only the viewer. */
export interface ContextRequest {
  viewer: Viewer;
  sessionToken?: string;
  clientAddress?: string;
  setSessionCookie?(token: string | null): void;
}

/**
 * The one way a context is made: for an HTTP request (app.ts), for the report PDF's in-process
 * GraphQL (export/report-pdf) and in tests.
 */
export function createContext(db: Pick<Database, 'orm' | 'sql'>, request: ContextRequest): Context {
  return {
    em: db.orm.em.fork(),
    sql: db.sql,
    viewer: request.viewer,
    sessionToken: request.sessionToken,
    clientAddress: request.clientAddress ?? 'in-process',
    setSessionCookie:
      request.setSessionCookie ??
      (() => {
        throw new Error('No session cookie outside an HTTP request.');
      }),
    loaders: createLoaders(db.sql),
  };
}
