import type { ApolloServerPlugin } from '@apollo/server';
import type { OperationTypeNode } from 'graphql';
import type { Viewer } from './access/viewer.js';
import type { Database } from './db/orm.js';
import type { Sql } from './db/sql.js';
import { readDataVersion } from './graphql/response-cache.js';
import { readFrom, type Context } from './context.js';

/**
 * Where a request's read models read, with a streaming replica (DATABASE_REPLICA_URL): the one
 * place that decides it (issue 20). Without a replica everything reads the primary.
 *
 * **The rule.** A request reads on the **replica** when it is a query (a GraphQL query or a
 * download) by the public or a manager, and the browser has not written anything the replica
 * has yet to replay. Everything else reads on the **primary**:
 * - a mutation: it reads what it writes, and its writes (MikroORM's, `preferReadReplicas: false`)
 *   always go to the primary;
 * - staff and observers: staff must see an approval or a correction of their own at once, and
 *   work on live data (the review queue, the plan); observers read their own assignments right
 *   after saving them. They are few; the many readers of published results are the public and
 *   the managers;
 * - a browser that wrote: after every mutation the response sets WROTE_COOKIE to the data
 *   version the primary has then (`data_version`, which every write moves in its own
 *   transaction: the data_version migration). While the replica's version is below it, that
 *   browser's queries read on the primary, so a manager sees the query just sent; once the
 *   replica has replayed the write (normally within milliseconds) they go back to the replica.
 *   Exact where a time window would be a guess: no read too early, no primary load for longer
 *   than the lag, and a sign-in (which writes only its session, on the primary) costs nothing.
 * - the session check (`viewerFromToken`) is not a read model and reads the primary: a session
 *   is written there at sign-in and must be found on the very next request.
 *
 * What the public and managers read may thus lag the primary by the replica's lag: published
 * results change only by a correction, and a manager's live report by an approval.
 *
 * **Consistent answers.** A request reads everything, the response cache's data version
 * included, from the one database chosen here, before anything executes: an answer is cached
 * under the version of the data it was computed from (response-cache.ts says why that is exact;
 * a standby's snapshots follow the primary's commit order, so the argument holds there too).
 * DATABASE_REPLICA_URL must therefore name one server: behind a load balancer over several
 * replicas, the version could come from one further ahead than the one computing the answer,
 * which would then be cached as newer than its data. More replicas: more API processes, each
 * with its own.
 *
 * **Writes on a read.** Storing a computed report section or key-driver analysis of a published
 * edition fails on the replica (read-only); it is logged once and the computed answer stands.
 * Sections are stored on the primary by a correction's recompute and by `ksp precompute`.
 */
export type ReadSide = 'primary' | 'replica';

/**
 * The cookie with the data version of this browser's last write (see the rule). A client can
 * send any value; the most it gains is its own reads on the primary, as staff's are.
 */
export const WROTE_COOKIE = 'ksp_wrote';
/**
 * How long the cookie is kept. After that a browser's reads go to the replica without asking
 * whether it has replayed the write: far longer than any lag the replica is run with.
 */
export const WROTE_COOKIE_SECONDS = 300;
/** Says on every /graphql response (with a replica) which database its reads came from. */
export const READS_HEADER = 'x-ksp-reads';

/** The version in the cookie, or null when there is none (or it is not one). */
export function wroteVersionOf(cookie: string | undefined): number | null {
  return cookie !== undefined && /^\d{1,15}$/.test(cookie) ? Number(cookie) : null;
}

export interface ReadRequest {
  viewer: Viewer;
  /** A download is a `query`. */
  operation: OperationTypeNode | 'query';
  /** The data version of this browser's last write (WROTE_COOKIE), if any. */
  wroteVersion: number | null;
}

/** The rule above: where this request's read models read, and their SQL there. */
export async function readsFor(db: Pick<Database, 'sql' | 'replicaSql'>, request: ReadRequest): Promise<{ side: ReadSide; sql: Sql }> {
  const primary = { side: 'primary', sql: db.sql } as const;
  const replica = db.replicaSql;
  if (!replica || request.operation !== 'query') return primary;
  if (request.viewer.kind === 'user' && request.viewer.role !== 'MANAGER') return primary;
  if (request.wroteVersion !== null && (await readDataVersion(replica)) < request.wroteVersion) return primary;
  return { side: 'replica', sql: replica };
}

/**
 * The rule applied to GraphQL requests, as a plugin: once the operation is known and before
 * anything executes (the response cache reads its version in responseForOperation, after every
 * plugin's didResolveOperation), the context's SQL and loaders are pointed where readsFor says.
 * After a mutation the primary's version is handed to the browser (WROTE_COOKIE).
 */
export function readRoutingPlugin(db: Pick<Database, 'sql' | 'replicaSql'>): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (!operation) return; // Refused before execution: nothing is read.
          const { side, sql } = await readsFor(db, {
            viewer: contextValue.viewer,
            operation: operation.operation,
            wroteVersion: contextValue.wroteVersion,
          });
          if (side !== contextValue.reads) readFrom(contextValue, side, sql);
        },

        async willSendResponse({ operation, contextValue, response }) {
          response.http.headers.set(READS_HEADER, contextValue.reads);
          if (operation?.operation !== 'mutation') return;
          try {
            contextValue.rememberWrite(await readDataVersion(db.sql));
          } catch (e) {
            // The write stands; only this browser's next reads may come from a replica still behind it.
            console.error('The data version after a mutation could not be read:', e);
          }
        },
      };
    },
  };
}
