import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import {
  HeaderMap,
  type ApolloServerPlugin,
  type GraphQLRequestContextResponseForOperation,
  type GraphQLRequestContextWillSendResponse,
} from '@apollo/server';
import {
  getVariableValues,
  Kind,
  print,
  type DocumentNode,
  type FormattedExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';
import type { Request, RequestHandler } from 'express';
import Negotiator from 'negotiator';
import type { Context } from '../context.js';
import type { Viewer } from '../access/viewer.js';
import { rows, type Sql } from '../db/sql.js';
import { ErrorCode } from '../errors.js';

/**
 * A whole-response cache for GraphQL queries: the same query, asked again by the same viewer
 * while the data has not changed, is answered with the stored response instead of being
 * executed (a stored full report costs a small fraction of the CPU of an executed one:
 * bench/RESULTS.md, "CPU per full report").
 *
 * **Key**: a SHA-256 of (viewer, data version, document, operation name, variables). The document
 * is the query's parsed text printed again (graphql-js `print`), so the same document sent with
 * other white space (urql prints fragments otherwise than graphql-js) is one entry, and the answers
 * computed ahead from the dashboard's own documents (warm-answers.ts) are found by the browser's.
 * The variables are the operation's *declared* ones as graphql-js coerces them (cacheKey): a variable
 * the operation does not declare never counts, so junk sent along neither makes new entries nor
 * lengthens the key, and `$year` given as 2024 or left to its default 2024 is one entry. A
 * request whose declared variables' JSON text is over MAX_KEYED_CHARS is not cached (bypass).
 * - The viewer (viewerKey): `anonymous`, or one user (`user:<id>`, with the role and the company
 *   or observer the session resolved to). Never shared between users, with one exception: an
 *   operation that asks only AUDIENCE_FIELDS, asked by a manager, is keyed by the manager's
 *   company (`audience:MANAGER:<company>`). Those fields' answers are decided by the role and the
 *   company alone (every grant is, access/policy.ts), so every manager of a company gets the
 *   same answer from them; `me` (each one's own e-mail) and everything an observer or staff asks
 *   stay per user.
 * - The data version: `data_version.version` (migration Migration20261125010000_data_version),
 *   which a trigger moves in every transaction that writes a table an answer depends on.
 *
 * **Why that is exact.** The version is read, as a statement of its own, before the operation
 * executes, and the response is stored under the version so read. A write commits its data and
 * its bump of the version together (same transaction), and under READ COMMITTED every statement
 * of the execution sees at least what was committed before it began. So a response stored
 * under version V reflects the data of V or of something newer. If newer, the version had
 * already moved past V when the response was stored, and no request reads V again: the entry is
 * merely stored under a stale key and never served. An entry that is served was read under the
 * current version and so shows the current data. The viewer in the key is the one the
 * execution ran as (read from the session before the version), so a role or company changed
 * between the two reads gives another key, never another viewer's answer. The version is read
 * through the request's own SQL (`ctx.sql`), from the database the operation then reads: with a
 * read replica (read-routing.ts) that is the replica for some requests, and a version read from
 * the primary would be newer than the replica's data that the answer is computed from.
 *
 * **What is stored**: `query` operations only (never mutations), answered with HTTP 200, that
 * set no cookie, whose errors (if any) all carry a code of CACHEABLE_ERROR_CODES: errors that
 * follow from the data and the viewer alone (a report withholds small cells and refuses areas
 * not bought by design). A response with any other error (a server fault, a sign-in limit,
 * UNAUTHENTICATED, a request the limits refuse) is sent but not stored.
 *
 * **Bound**: the stored responses' total size (`maxBytes`, estimated from their JSON text), least
 * recently used out first. Anonymous entries may hold at most half of it (Store), so that anyone
 * asking many distinct queries pushes out only anonymous entries, never a signed-in viewer's.
 * When the version moves on every entry is stale, so all are dropped at once.
 *
 * **Concurrent misses** for the same key wait for the first one's response (up to
 * COALESCE_WAIT_MS) instead of executing the same operation side by side: after a write, a burst
 * of identical report requests costs one execution, not one per request.
 *
 * Every /graphql response says what happened in CACHE_HEADER: `hit` (served from the cache),
 * `miss` (executed; stored when it qualifies) or `bypass` (not a query, refused before it ran, or
 * asked with `cache-control: no-cache` or `no-store`: executed, neither served from nor stored).
 * A fault in the cache's own work (keying, storing, reading) is a `bypass` too: the request is
 * answered as if there were no cache, and the fault logged once.
 */
export const CACHE_HEADER = 'x-ksp-cache';
export type CacheOutcome = 'hit' | 'miss' | 'bypass';

/**
 * Error codes whose presence does not stop a response from being stored: each depends only on
 * the data, the viewer and the arguments. Not here: INTERNAL_SERVER_ERROR (a fault, maybe
 * passing), TOO_MANY_REQUESTS (the sign-in limiter's state), UNAUTHENTICATED, BAD_REQUEST and
 * the parse and validation codes (refused before execution with HTTP 400 anyway).
 */
export const CACHEABLE_ERROR_CODES: ReadonlySet<string> = new Set([
  ErrorCode.TooFewInquiries,
  ErrorCode.Forbidden,
  ErrorCode.NotFound,
  ErrorCode.BadUserInput,
]);

/** How long a concurrent miss waits for the first identical request before executing itself. */
const COALESCE_WAIT_MS = 10_000;

/**
 * The most JSON text of declared variables a key is made from. Our pages send a few numbers and
 * slugs (under 200 characters); a request with more is answered but not cached, rather than
 * hashing (and storing an entry for) up to the body limit's megabyte per request.
 */
export const MAX_KEYED_CHARS = 16 * 1024;

/**
 * Query fields whose answers depend on the viewer's role and company only, never on which user
 * asks (grants are decided from the role and the company, access/policy.ts): the report, the
 * result lists, the editions and the key drivers. Not here: `me` (the user's own e-mail) and the
 * fields of observers and staff.
 */
export const AUDIENCE_FIELDS: ReadonlySet<string> = new Set([
  '__typename',
  'edition',
  'editions',
  'participation',
  'resultList',
  'keyDrivers',
]);

/**
 * Who the response was computed for: per user, or (`audience`: the operation asks only
 * AUDIENCE_FIELDS) per company for a manager, so every manager of a company shares it.
 */
export function viewerKey(viewer: Viewer, audience = false): string {
  if (viewer.kind === 'anonymous') return 'anonymous';
  if (audience && viewer.role === 'MANAGER' && viewer.companyId !== null) return `audience:MANAGER:${viewer.companyId}`;
  return `user:${viewer.userId}:${viewer.role}:${viewer.companyId ?? '-'}:${viewer.observerId ?? '-'}`;
}

/** Whether an operation asks nothing but AUDIENCE_FIELDS at its root (through fragments too). */
export function asksAudienceFieldsOnly(operation: OperationDefinitionNode, document: DocumentNode): boolean {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const entered = new Set<string>();
  const only = (set: SelectionSetNode): boolean =>
    set.selections.every((s) => {
      if (s.kind === Kind.FIELD) return AUDIENCE_FIELDS.has(s.name.value);
      if (s.kind === Kind.INLINE_FRAGMENT) return only(s.selectionSet);
      const fragment = fragments.get(s.name.value);
      if (!fragment) return false;
      if (entered.has(fragment.name.value)) return true;
      entered.add(fragment.name.value);
      return only(fragment.selectionSet);
    });
  return only(operation.selectionSet);
}

/** The document part of a key: the parsed document printed again (see "Key" above). */
export const documentHash = (document: DocumentNode) => createHash('sha256').update(print(document)).digest('base64url');

/** The version of the data (see the migration): read on its own, before the operation executes. */
export async function readDataVersion(sql: Sql): Promise<number> {
  const [row] = await rows<{ version: number }>(sql, 'select version from data_version');
  if (!row) throw new Error('data_version has no row');
  return row.version;
}

/**
 * The key of a resolved query, or null when it is not to be cached: its variables do not coerce
 * (execution refuses it with HTTP 400) or their text is over MAX_KEYED_CHARS. The variables are
 * those getVariableValues makes of the declared ones, as execution will see them: undeclared
 * ones dropped, defaults filled in, input objects with their fields in the schema's order and the
 * variables in the document's (both fixed by the query hash), so equal values give equal text.
 */
function cacheKey(rc: GraphQLRequestContextResponseForOperation<Context>, operation: KnownOperation, version: number): string | null {
  return keyOf({ schema: rc.schema, viewer: rc.contextValue.viewer, version, ...operation, variables: rc.request.variables ?? {} });
}

interface KeyParts extends KnownOperation {
  schema: GraphQLSchema;
  viewer: Viewer;
  version: number;
  variables: Record<string, unknown>;
}

function keyOf(k: KeyParts): string | null {
  const coerced = getVariableValues(k.schema, k.variableDefinitions, k.variables, { maxErrors: 1 });
  if (coerced.errors) return null;
  const variables = JSON.stringify(coerced.coerced);
  if (variables.length > MAX_KEYED_CHARS) return null;
  // The first part is a whole JSON array, so where it ends and the variables begin is unambiguous.
  return createHash('sha256')
    .update(JSON.stringify([viewerKey(k.viewer, k.audience), k.version, k.documentHash, k.operationName]))
    .update(variables)
    .digest('base64url');
}

interface Entry {
  /** The response body as Apollo sends it (`{ errors?, data }` in its order, a newline after), shared by every hit. */
  text: Buffer;
  /** Its length in bytes. */
  length: number;
}

/** Whether a finished response may be stored (see the rules above). */
function storable(rc: GraphQLRequestContextWillSendResponse<Context>, setCookie: boolean): boolean {
  const { response } = rc;
  if (response.body.kind !== 'single' || setCookie) return false;
  if ((response.http.status ?? 200) !== 200 || response.http.headers.has('set-cookie')) return false;
  const { errors } = response.body.singleResult;
  return (errors ?? []).every((e) => typeof e.extensions?.code === 'string' && CACHEABLE_ERROR_CODES.has(e.extensions.code));
}

/**
 * The entries, in two LRUs under one budget of `maxBytes`: signed-in viewers' may fill all of it,
 * anonymous ones at most half, and only what signed-in ones leave free. A signed-in entry that
 * needs room pushes out anonymous ones first; an anonymous one only ever pushes out anonymous
 * ones. Anyone can send any number of distinct anonymous queries; only signing in (an account
 * staff made) reaches the other part.
 */
class Store {
  private readonly users: LRUCache<string, Entry>;
  private readonly anonymous: LRUCache<string, Entry>;
  /** One response may take at most a quarter of the cache, so one huge answer cannot flush it. */
  private readonly maxEntrySize: number;

  constructor(private readonly maxBytes: number) {
    this.maxEntrySize = Math.max(1, Math.floor(maxBytes / 4));
    const options = { maxEntrySize: this.maxEntrySize, sizeCalculation: entrySize };
    this.users = new LRUCache<string, Entry>({ ...options, maxSize: maxBytes });
    this.anonymous = new LRUCache<string, Entry>({ ...options, maxSize: Math.max(1, Math.floor(maxBytes / 2)) });
  }

  get(key: string, anonymous: boolean): Entry | undefined {
    return (anonymous ? this.anonymous : this.users).get(key);
  }

  set(key: string, entry: Entry, anonymous: boolean): void {
    const size = entrySize(entry, key);
    if (size > this.maxEntrySize) return;
    if (anonymous) {
      // Only in what signed-in viewers leave free; the LRU's own maxSize keeps it to half.
      const room = this.maxBytes - this.users.calculatedSize;
      if (size > room) return;
      while (this.anonymous.size > 0 && this.anonymous.calculatedSize + size > room) this.anonymous.pop();
      this.anonymous.set(key, entry);
    } else {
      // Anonymous entries make room first; the users' LRU then pushes out its own where needed.
      while (this.anonymous.size > 0 && this.users.calculatedSize + this.anonymous.calculatedSize + size > this.maxBytes)
        this.anonymous.pop();
      this.users.set(key, entry);
    }
  }

  clear(): void {
    this.users.clear();
    this.anonymous.clear();
  }
}

/**
 * An entry is its text as UTF-8 bytes (a Buffer: exactly its length, outside the JS heap) and
 * its key (a JS string: two bytes a character at most).
 */
function entrySize(entry: Entry, key: string): number {
  return entry.length + 2 * key.length;
}

/** What a key needs of an operation: learned when Apollo resolved it, and remembered for the hits served before Apollo. */
interface KnownOperation {
  /** documentHash of the parsed document. */
  documentHash: string;
  /** The operation's name as Apollo resolved it (the key's part), not as the request named it. */
  operationName: string | null;
  variableDefinitions: readonly VariableDefinitionNode[];
  /** It asks only AUDIENCE_FIELDS: a manager's answer is keyed by the company. */
  audience: boolean;
}

/** Where in the known operations a request's (query, operationName) is found. */
const requestKey = (query: string, operationName: string | null | undefined) => `${operationName ?? ''}\u0000${query}`;

/** The same choice of content type as Apollo's (chooseContentTypeForSingleResultResponse), of those a hit may send. */
function contentTypeFor(accept: string | undefined): string | null {
  if (!accept) return JSON_TYPE;
  const preferred = new Negotiator({ headers: { accept } }).mediaType([JSON_TYPE, GRAPHQL_RESPONSE_TYPE, JSON_CALLBACK_TYPE]);
  return preferred === JSON_TYPE || preferred === GRAPHQL_RESPONSE_TYPE ? preferred : null;
}
const JSON_TYPE = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json; charset=utf-8';
const JSON_CALLBACK_TYPE = 'application/json; callbackSpec=1.0; charset=utf-8';

export interface ResponseCache {
  /** The Apollo plugin: add it after every other plugin, so that it sees the final status and errors. */
  plugin: ApolloServerPlugin<Context>;
  /**
   * Express middleware for /graphql, after the body parser and before Apollo: a hit of an
   * operation Apollo has already executed and stored is sent as its stored text, without
   * parsing, validating or executing it again, or making a request context; everything else
   * goes on to Apollo unchanged. A hit here is decided exactly as in the plugin: the same key
   * (viewer, data version, query hash, operation name, coerced variables), with the viewer and
   * the data version read in one statement. An operation becomes known only once Apollo has
   * resolved it, so everything Apollo refuses (parse, validation, limits) never gets here, and a
   * hit needs an entry, which only Apollo's execution stores.
   */
  servedFromCache(options: {
    schema: GraphQLSchema;
    /**
     * The session's viewer and the data version where the answer would be computed (with a read
     * replica, read-routing.ts decides), and any headers Apollo's answer would carry about them.
     */
    viewerAndVersion(req: Request): Promise<{ viewer: Viewer; version: number; headers?: Record<string, string> }>;
  }): RequestHandler;
}

/** The cache, as an Apollo plugin (for the tests that use only it). */
export function responseCachePlugin(options: { maxBytes: number }): ApolloServerPlugin<Context> {
  return responseCache(options).plugin;
}

export function responseCache({ maxBytes }: { maxBytes: number }): ResponseCache {
  const store = new Store(maxBytes);
  /**
   * Operations Apollo has resolved (parsed, validated, past every limit), by their request's
   * (query, operationName); bounded like Apollo's own document cache. The plugin reads its key's
   * parts here (printing a document for its hash costs more than a hit), and the middleware knows
   * a request's text from here.
   */
  const known = new LRUCache<string, KnownOperation>({ max: 1000 });
  const operationOf = (rc: GraphQLRequestContextResponseForOperation<Context>): KnownOperation => {
    const at = typeof rc.request.query === 'string' ? requestKey(rc.request.query, rc.request.operationName) : undefined;
    let operation = at === undefined ? undefined : known.get(at);
    if (!operation) {
      operation = {
        documentHash: documentHash(rc.document),
        operationName: rc.operationName ?? null,
        variableDefinitions: rc.operation.variableDefinitions ?? [],
        audience: asksAudienceFieldsOnly(rc.operation, rc.document),
      };
      if (at !== undefined) known.set(at, operation);
    }
    return operation;
  };
  /** Misses being executed: the first one's key → its entry once done (undefined: not storable). */
  const inflight = new Map<string, Promise<Entry | undefined>>();
  /** The newest version seen: entries under older ones can never be served again. */
  let latest = 0;
  const seeVersion = (version: number) => {
    if (version > latest) {
      latest = version;
      store.clear();
    }
  };
  /** The faults already logged: a client that can cause one can repeat it at will. */
  const logged = new Set<string>();
  const fault = (e: unknown) => {
    const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    if (logged.has(what) || logged.size >= 100) return;
    logged.add(what);
    console.error('The response cache failed and was bypassed for the request (logged once):', e);
  };

  const waitFor = async (key: string, pending: Promise<Entry | undefined>): Promise<Entry | undefined> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), COALESCE_WAIT_MS);
    });
    const entry = await Promise.race([pending, timeout]);
    clearTimeout(timer);
    // A first request that never finished (its pipeline threw): let later ones go their own way.
    if (entry === undefined && inflight.get(key) === pending) inflight.delete(key);
    return entry;
  };

  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart({ contextValue }) {
      let outcome: CacheOutcome = 'bypass';
      let key: string | undefined;
      let anonymous = false;
      let version = 0;
      let settle: ((entry: Entry | undefined) => void) | undefined;
      // A cookie set through the context (login, logout) makes the response the requester's own.
      let setCookie = false;
      const setSessionCookie = contextValue.setSessionCookie;
      contextValue.setSessionCookie = (token) => {
        setCookie = true;
        setSessionCookie.call(contextValue, token);
      };

      return {
        async responseForOperation(rc) {
          if (rc.operation?.operation !== 'query') return null;
          // A client that asks for a computed answer (`cache-control: no-cache`, as a browser's
          // hard reload or the benchmark's "computed" figures send) gets one; it is not stored.
          if (NO_CACHE.test(rc.request.http?.headers.get('cache-control') ?? '')) return null;
          try {
            version = await readDataVersion(rc.contextValue.sql);
          } catch (e) {
            console.error(e);
            return null;
          }
          try {
            seeVersion(version);
            const resolved = operationOf(rc);
            const found = cacheKey(rc, resolved, version);
            if (found === null) return null;
            anonymous = rc.contextValue.viewer.kind === 'anonymous';
            let entry = store.get(found, anonymous);
            if (!entry) {
              const pending = inflight.get(found);
              if (pending) entry = await waitFor(found, pending);
            }
            if (entry) {
              outcome = 'hit';
              const result = JSON.parse(entry.text.toString('utf8')) as FormattedExecutionResult;
              return { body: { kind: 'single', singleResult: result }, http: { status: undefined, headers: new HeaderMap() } };
            }
            if (!inflight.has(found)) {
              const pending = new Promise<Entry | undefined>((resolve) => {
                settle = resolve;
              });
              inflight.set(found, pending);
            }
            key = found;
            outcome = 'miss';
          } catch (e) {
            fault(e);
          }
          return null;
        },

        async willSendResponse(rc) {
          if (outcome === 'miss' && key !== undefined) {
            let entry: Entry | undefined;
            try {
              if (storable(rc, setCookie) && rc.response.body.kind === 'single') {
                // The text as Apollo sends it (orderExecutionResultFields, prettyJSONStringify), never the object it is about to send.
                const { errors, data, extensions } = rc.response.body.singleResult;
                const text = Buffer.from(`${JSON.stringify({ errors, data, extensions })}\n`, 'utf8');
                entry = { text, length: text.length };
                // Stored under an older version than one already seen: it could never be served.
                if (version >= latest) store.set(key, entry, anonymous);
              }
            } catch (e) {
              fault(e);
              outcome = 'bypass';
              entry = undefined;
            } finally {
              // Whatever happened, the requests waiting for this one go on (with nothing to serve if it failed).
              if (settle) {
                inflight.delete(key);
                settle(entry);
              }
            }
          }
          rc.response.http.headers.set(CACHE_HEADER, outcome);
        },
      };
    },
  };

  const servedFromCache: ResponseCache['servedFromCache'] = ({ schema, viewerAndVersion }) =>
    async function servedFromCache(req, res, next) {
      try {
        const body: unknown = req.body;
        if (req.method !== 'POST' || !isRecord(body) || typeof body.query !== 'string' || body.extensions !== undefined) return next();
        const { query, operationName, variables } = body;
        if (operationName != null && typeof operationName !== 'string') return next();
        if (variables != null && !isRecord(variables)) return next();
        if (NO_CACHE.test(req.headers['cache-control'] ?? '')) return next();
        const contentType = contentTypeFor(req.headers.accept);
        const operation = contentType && known.get(requestKey(query, operationName));
        if (!operation) return next();
        const { viewer, version, headers } = await viewerAndVersion(req);
        seeVersion(version);
        const key = keyOf({ schema, viewer, version, ...operation, variables: variables ?? {} });
        const entry = key === null ? undefined : store.get(key, viewer.kind === 'anonymous');
        if (!entry) return next();
        res
          .status(200)
          .set({ ...headers, 'content-type': contentType, [CACHE_HEADER]: 'hit' })
          .end(entry.text);
      } catch (e) {
        // Apollo answers it as if there were no fast path.
        fault(e);
        next();
      }
    };

  return { plugin, servedFromCache };
}

const NO_CACHE = /\bno-(cache|store)\b/i;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
