import fs from 'node:fs';
import path from 'node:path';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import helmet from 'helmet';
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import type { Database } from './db/orm.js';
import type { Viewer } from './access/viewer.js';
import { config, type TrustProxy } from './config.js';
import { createSchema } from './graphql/schema.js';
import { ErrorCode, formatError, httpStatus, quote, requestBodyError } from './errors.js';
import { hardening, LIMITS } from './graphql/hardening.js';
import { readDataVersion, responseCache } from './graphql/response-cache.js';
import { dashboardDocuments, warmAnswers, type WarmAnswers, type WarmOptions } from './graphql/warm-answers.js';
import { createContext, type Context } from './context.js';
import { SESSION_COOKIE, SESSION_DAYS, viewerAndDataVersion, viewerFromToken } from './modules/user/user.service.js';
import { exportRouter } from './modules/export/export.routes.js';
import { snapshotRouter } from './modules/result-list/snapshot.routes.js';
import { ResultListSnapshots } from './modules/result-list/snapshot.service.js';
import { healthCheck } from './health.js';
import { READS_HEADER, readRoutingPlugin, readsFor, WROTE_COOKIE, WROTE_COOKIE_SECONDS, wroteVersionOf } from './read-routing.js';

export interface AppOptions {
  /** No introspection, no stack traces, no field suggestions. Default: NODE_ENV=production. */
  production?: boolean;
  /** Proxies believed about the client's address (X-Forwarded-For). Default: KSP_TRUST_PROXY, none. */
  trustProxy?: TrustProxy;
  /** The built dashboard. Default: KSP_WEB_DIST (web/dist). */
  webDist?: string;
  /** Size of the whole-response cache of queries (graphql/response-cache.ts) in MiB; 0 = off. Default: KSP_RESPONSE_CACHE_MB (64). */
  responseCacheMB?: number;
  /** Compute the bought reports' first views ahead (graphql/warm-answers.ts), with the response cache on. Default: off (main.ts turns it on). */
  warmAnswers?: boolean | WarmOptions;
}

/**
 * Security headers on every response (helmet). The dashboard is a Vite build: its scripts and
 * styles are files of our own origin, nothing inline (React's style props and ECharts' SVG and
 * canvas renderers set styles through the CSSOM, which a CSP does not restrict), and it talks
 * only to /graphql. Checked in Chromium on the built app: no violation. One relaxation, for the
 * charts: ECharts' HTML tooltips (readable, selectable text with markers) write `style="…"`
 * attributes through innerHTML, so `style-src-attr 'unsafe-inline'` allows inline style
 * *attributes* only; `<style>` elements and every script stay refused (`style-src 'self'`,
 * `script-src 'self'`, `script-src-attr 'none'`).
 * Not sent: `upgrade-insecure-requests`, which would make a browser fetch the app's own files
 * over https from a server that `pnpm start` runs on plain http (on another host than localhost
 * the page would load without scripts).
 */
const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'"],
      styleSrcAttr: ["'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  // The same as frame-ancestors 'none', for browsers that know only this header.
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  // Strict-Transport-Security stays helmet's default: browsers ignore it over plain http and
  // keep to https once the app is served so (behind a TLS proxy).
});

/**
 * The HTTP app: GraphQL at /graphql, downloads at /eksport, the result list's snapshots at /snapshots, the built dashboard
 * at /, a health check at /healthz.
 */
export async function createApp(
  db: Pick<Database, 'orm' | 'sql' | 'replicaSql'>,
  options: AppOptions = {},
): Promise<{ app: Express; warm: WarmAnswers | undefined; stop: () => Promise<void> }> {
  const production = options.production ?? config.NODE_ENV === 'production';
  const { persistedQueries, plugins, validationRules, parseOptions } = hardening();
  const schema = await createSchema();
  const cacheBytes = Math.floor((options.responseCacheMB ?? config.KSP_RESPONSE_CACHE_MB) * 2 ** 20);
  const cache = cacheBytes > 0 ? responseCache({ maxBytes: cacheBytes }) : null;
  // With a replica, where each request reads is decided before the response cache reads its version.
  const routing = db.replicaSql ? [readRoutingPlugin(db)] : [];
  const apollo = new ApolloServer<Context>({
    schema,
    formatError: (formatted, error) => formatError(formatted, error, { production }),
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    csrfPrevention: true,
    // One operation per request: a JSON array gets HTTP 400 "Operation batching disabled."
    allowBatchedHttpRequests: false,
    persistedQueries,
    // The response cache last, so that it sees the status and errors the other plugins settled on.
    plugins: [...plugins, ...routing, ...(cache ? [cache.plugin] : [])],
    validationRules,
    parseOptions,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders);
  // req.ip (the address the sign-in limits count) comes from X-Forwarded-For only through proxies we name.
  app.set('trust proxy', options.trustProxy ?? config.KSP_TRUST_PROXY);
  app.get('/healthz', healthCheck(db.sql));

  const cookiesOf = (req: express.Request) => parseCookies(req.headers.cookie ?? '');
  /** Where a query of this viewer, from this browser, reads (read-routing.ts): GraphQL's cache hits and downloads alike. */
  const queryReads = (req: express.Request, viewer: Viewer) =>
    readsFor(db, { viewer, operation: 'query', wroteVersion: wroteVersionOf(cookiesOf(req)[WROTE_COOKIE]) });
  /** Our cookies: HTTP only, same site, secure behind TLS. */
  const appendCookie = (req: express.Request, res: express.Response, name: string, value: string, maxAge: number) =>
    res.append('Set-Cookie', serializeCookie(name, value, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', maxAge }));

  app.use(
    '/graphql',
    express.json({ limit: LIMITS.maxBodyBytes }),
    // A hit is sent before Apollo parses, validates or executes anything (graphql/response-cache.ts).
    ...(cache
      ? [
          cache.servedFromCache({
            schema,
            async viewerAndVersion(req) {
              const token = cookiesOf(req)[SESSION_COOKIE];
              if (!db.replicaSql) return viewerAndDataVersion(db.sql, token);
              // The session on the primary; the version where this request's answer is computed (read-routing.ts).
              const viewer = await viewerFromToken(db.sql, token);
              const reads = await queryReads(req, viewer);
              return { viewer, version: await readDataVersion(reads.sql), headers: { [READS_HEADER]: reads.side } };
            },
          }),
        ]
      : []),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<Context> => {
        const cookies = cookiesOf(req);
        const token = cookies[SESSION_COOKIE];
        return createContext(db, {
          // The session check reads the primary: a session is written there at sign-in.
          viewer: await viewerFromToken(db.sql, token),
          sessionToken: token,
          clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
          wroteVersion: wroteVersionOf(cookies[WROTE_COOKIE]),
          rememberWrite: (version) => appendCookie(req, res, WROTE_COOKIE, String(version), WROTE_COOKIE_SECONDS),
          setSessionCookie: (value) => appendCookie(req, res, SESSION_COOKIE, value ?? '', value ? SESSION_DAYS * 24 * 3600 : 0),
        });
      },
    }),
    requestBodyError,
  );

  // Downloads (/eksport/…): the viewer from the same session cookie as the GraphQL context above,
  // and read where a GraphQL query of the same viewer would read.
  app.use(
    exportRouter({
      readsFor: queryReads,
      orm: db.orm,
      schema,
      viewerOf: (req) => viewerFromToken(db.sql, cookiesOf(req)[SESSION_COOKIE]),
    }),
  );

  // The published result list as immutable JSON (/snapshots/…): the same for everyone, no cookie read.
  app.use(snapshotRouter(new ResultListSnapshots(db, schema)));

  const dist = options.webDist ?? config.KSP_WEB_DIST;
  if (fs.existsSync(path.join(dist, 'index.html'))) {
    app.use(express.static(dist, { index: false, maxAge: '1h' }));
    // The dashboard routes in the browser: every other GET gets the app shell.
    app.get(/^(?!\/graphql).*/, (_req, res) => {
      res.sendFile(path.join(dist, 'index.html'));
    });
  } else {
    app.get('/', (_req, res) => {
      res.type('text').send('The dashboard is not built: run `pnpm build` (pnpm start does it).');
    });
  }
  // What no route answered, and an error none handled: JSON in the downloads' shape, never
  // Express's HTML page (which would echo the path, or an error's message).
  app.use((req, res) => {
    res
      .status(httpStatus(ErrorCode.NotFound))
      .json({ error: { code: ErrorCode.NotFound, message: `Nothing at ${quote(req.path)} for ${req.method}.` } });
  });
  app.use(((error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    console.error(error);
    res
      .status(httpStatus(ErrorCode.Internal))
      .json({ error: { code: ErrorCode.Internal, message: 'Something went wrong on the server.' } });
  }) satisfies ErrorRequestHandler);
  const warm =
    cache && options.warmAnswers
      ? warmAnswers({ apollo, db, documents: await dashboardDocuments(), ...(options.warmAnswers === true ? {} : options.warmAnswers) })
      : undefined;
  return {
    app,
    warm,
    stop: async () => {
      await warm?.stop();
      await apollo.stop();
    },
  };
}
