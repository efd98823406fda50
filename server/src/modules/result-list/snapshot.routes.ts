import { Router, type ErrorRequestHandler, type Response } from 'express';
import { RESULT_LIST_SNAPSHOTS, resultListSnapshotPath, SNAPSHOT_HASH_LENGTH, type SnapshotPointer } from '@ksp/shared/snapshots';
import { ErrorCode, httpStatus } from '../../errors.js';
import type { ResultListSnapshots } from './snapshot.service.js';

/**
 * A snapshot never changes under its URL: any cache may keep it for a year (the most RFC 9111
 * asks caches to honour) and need not ask again (`immutable`: not even on a browser's reload).
 */
export const SNAPSHOT_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/**
 * The pointer may be kept, but is asked again every time (by its ETag, the current hash: a
 * `304` while nothing changed), so a correction is seen on the next request, not after a max-age.
 */
export const POINTER_CACHE_CONTROL = 'public, no-cache';

const POINTER = new RegExp(`^${RESULT_LIST_SNAPSHOTS}/(\\d{4})\\.json$`);
const SNAPSHOT = new RegExp(`^${RESULT_LIST_SNAPSHOTS}/(\\d{4})\\.([0-9a-f]{${SNAPSHOT_HASH_LENGTH}})\\.json$`);

/** Every answer that is not JSON of a snapshot or a pointer: the downloads' shape, and never kept by a cache. */
function refuse(res: Response, code: ErrorCode, message: string): void {
  res.status(httpStatus(code)).set('Cache-Control', 'no-store').json({ error: { code, message } });
}

/**
 * `/snapshots/result-list/<year>.json`, the pointer: `{ year, href }` of the edition's current
 * snapshot; `/snapshots/result-list/<year>.<hash>.json`, a snapshot. An edition that is not
 * published (or no edition) has neither: 404. No cookie is read, so every visitor gets the same.
 */
export function snapshotRouter(snapshots: ResultListSnapshots): Router {
  const router = Router();
  router.all(/^\/snapshots\//, async (req, res, next) => {
    const pointer = POINTER.exec(req.path);
    const named = pointer ? null : SNAPSHOT.exec(req.path);
    if (!pointer && !named) return next();
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.set('Allow', 'GET, HEAD');
      return refuse(res, ErrorCode.MethodNotAllowed, `${req.method} is not allowed on a snapshot: use GET (or HEAD).`);
    }
    try {
      const year = Number((pointer ?? named)![1]);
      if (pointer) {
        const current = await snapshots.currentSnapshot(year);
        if (!current) return refuse(res, ErrorCode.NotFound, `There is no published result list of ${year}.`);
        const body: SnapshotPointer = { year, href: resultListSnapshotPath(year, current.hash) };
        // Express answers 304 itself when the request's If-None-Match has this ETag.
        res
          .status(200)
          .set({ 'Cache-Control': POINTER_CACHE_CONTROL, ETag: `"${current.hash}"` })
          .json(body);
        return;
      }
      const snapshot = await snapshots.snapshotBody(year, named![2]!);
      if (!snapshot) return refuse(res, ErrorCode.NotFound, `There is no such snapshot of the result list of ${year}.`);
      res
        .status(200)
        .set({ 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': SNAPSHOT_CACHE_CONTROL, ETag: `"${snapshot.hash}"` })
        .send(snapshot.body);
    } catch (error) {
      next(error);
    }
  });
  router.use('/snapshots', (_req, res) => {
    refuse(
      res,
      ErrorCode.NotFound,
      `Nothing here: the result list's snapshots are ${RESULT_LIST_SNAPSHOTS}/<year>.json (which points to the current one) and ${RESULT_LIST_SNAPSHOTS}/<year>.<hash>.json.`,
    );
  });
  router.use('/snapshots', ((error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    console.error('[snapshots]', error);
    refuse(res, ErrorCode.Internal, 'The snapshot could not be made on the server.');
  }) satisfies ErrorRequestHandler);
  return router;
}
