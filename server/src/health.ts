import type { RequestHandler } from 'express';
import type { Sql } from './db/sql.js';

/** How long the database may take to answer before the check calls it unreachable. */
export const HEALTH_TIMEOUT_MS = 2000;

/**
 * `GET /healthz`: 200 when a `select 1` through the app's own pool succeeds, 503 when it fails
 * or takes longer than `timeoutMs` (a hung database must not hang the check, and a monitor must
 * not wait for knex's acquire timeout). Never cached: every answer is about now. The pool
 * recovers by itself once the database is back, so the next check answers 200 again.
 */
export function healthCheck(sql: Sql, timeoutMs = HEALTH_TIMEOUT_MS): RequestHandler {
  return async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    if (await databaseAnswers(sql, timeoutMs)) res.json({ ok: true });
    else res.status(503).json({ ok: false, database: 'unreachable' });
  };
}

async function databaseAnswers(sql: Sql, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  // A query still waiting when the time is up finishes (or fails) on its own; its outcome is dropped.
  const query = sql.query('select 1').then(
    () => true,
    () => false,
  );
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
