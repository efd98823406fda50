import type DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Database } from './db/orm.js';
import type { Sql } from './db/sql.js';
import type { Viewer } from './access/viewer.js';
import type { ReadSide } from './read-routing.js';
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
  /** Always on the primary: writes, and the records they read. */
  em: EntityManager;
  /** The read models' SQL: the primary's, or the replica's where read-routing.ts sends this request (`reads`). */
  sql: Sql;
  /** Which database `sql` and `loaders` read. */
  reads: ReadSide;
  viewer: Viewer;
  /** The raw session token from the cookie, if any (to end it on logout). */
  sessionToken: string | undefined;
  /** The client's IP address (`req.ip`: X-Forwarded-For only through the proxies of KSP_TRUST_PROXY), for login limits. */
  clientAddress: string;
  /** Set by `login` / `logout` to change the session cookie of the response. */
  setSessionCookie(token: string | null): void;
  /** The data version of this browser's last write (read-routing.ts), if it says one. */
  wroteVersion: number | null;
  /** After a mutation: tells the browser the data version its write is in (read-routing.ts). */
  rememberWrite(version: number): void;
  loaders: Loaders;
}

/** What a request brings to its context. Without an HTTP request (the PDF's in-process GraphQL, tests) only the viewer. */
export interface ContextRequest {
  viewer: Viewer;
  sessionToken?: string;
  clientAddress?: string;
  setSessionCookie?(token: string | null): void;
  wroteVersion?: number | null;
  rememberWrite?(version: number): void;
}

/**
 * The one way a context is made: for an HTTP request (app.ts), for the report PDF's in-process
 * GraphQL (export/report-pdf) and in tests. Its read models read `db.sql`, on the primary unless
 * `reads` says otherwise; a GraphQL request's are pointed at the replica later (read-routing.ts).
 */
export function createContext(db: Pick<Database, 'orm' | 'sql'> & { reads?: ReadSide }, request: ContextRequest): Context {
  // Made when first used, on the SQL the context has then: a request that read-routing.ts sends to
  // the replica gets its loaders once, there (readFrom), not once here and again there.
  let loaders: Loaders | undefined;
  const context: Context = {
    em: db.orm.em.fork(),
    sql: db.sql,
    reads: db.reads ?? 'primary',
    viewer: request.viewer,
    sessionToken: request.sessionToken,
    clientAddress: request.clientAddress ?? 'in-process',
    setSessionCookie:
      request.setSessionCookie ??
      (() => {
        throw new Error('No session cookie outside an HTTP request.');
      }),
    wroteVersion: request.wroteVersion ?? null,
    rememberWrite: request.rememberWrite ?? (() => {}),
    get loaders() {
      return (loaders ??= createLoaders(context.sql));
    },
    set loaders(made) {
      loaders = made;
    },
  };
  return context;
}

/**
 * Points a context's read models (its SQL and loaders) at the other database: read-routing.ts
 * does, before anything of the request is read, so no loader holds a row from the first.
 */
export function readFrom(ctx: Context, side: ReadSide, sql: Sql): void {
  ctx.reads = side;
  ctx.sql = sql;
  ctx.loaders = createLoaders(sql);
}
