import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import type { Database } from './db/orm.js';
import { config } from './config.js';
import { createSchema } from './graphql/schema.js';
import { formatError } from './errors.js';
import { hardening } from './graphql/hardening.js';
import { createLoaderRegistry, type Context } from './context.js';
import { SESSION_COOKIE, SESSION_DAYS, viewerFromToken } from './modules/user/user.service.js';

export interface AppOptions {
  /** No introspection, no stack traces, no field suggestions. Default: NODE_ENV=production. */
  production?: boolean;
}

/** The HTTP app: GraphQL at /graphql, the built dashboard at /, a health check at /healthz. */
export async function createApp(db: Pick<Database, 'orm' | 'sql'>, options: AppOptions = {}): Promise<{ app: Express; stop: () => Promise<void> }> {
  const production = options.production ?? config.NODE_ENV === 'production';
  const { plugins, validationRules, parseOptions } = hardening({ production });
  const apollo = new ApolloServer<Context>({
    schema: await createSchema(),
    formatError,
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    csrfPrevention: true,
    // One operation per request: a JSON array gets HTTP 400 "Operation batching disabled."
    allowBatchedHttpRequests: false,
    plugins,
    validationRules,
    parseOptions,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.get('/healthz', (_req, res) => { res.json({ ok: true }); });
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, {
    context: async ({ req, res }): Promise<Context> => {
      const token = parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE];
      const em = db.orm.em.fork();
      return {
        em,
        sql: db.sql,
        viewer: await viewerFromToken(db.sql, token),
        sessionToken: token,
        clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        loader: createLoaderRegistry(),
        setSessionCookie(value) {
          res.append('Set-Cookie', serializeCookie(SESSION_COOKIE, value ?? '', {
            httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/',
            maxAge: value ? SESSION_DAYS * 24 * 3600 : 0,
          }));
        },
      };
    },
  }));

  const dist = config.KSP_WEB_DIST;
  if (fs.existsSync(path.join(dist, 'index.html'))) {
    app.use(express.static(dist, { index: false, maxAge: '1h' }));
    // The dashboard routes in the browser: every other GET gets the app shell.
    app.get(/^(?!\/graphql).*/, (_req, res) => { res.sendFile(path.join(dist, 'index.html')); });
  } else {
    app.get('/', (_req, res) => { res.type('text').send('The dashboard is not built: run `pnpm build` (pnpm start does it).'); });
  }
  return { app, stop: () => apollo.stop() };
}
