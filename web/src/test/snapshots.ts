import { resultListPointerPath, resultListSnapshotPath } from '@ksp/shared/snapshots';
import { createSnapshotSource, type SnapshotSource } from '../app/snapshots';

/**
 * The app's real snapshot source (app/snapshots.ts: pointer, then snapshot) over a stubbed
 * `fetch` that serves the given years' result lists, and 404 for any other path. Records what
 * was fetched.
 */
export function stubSnapshots(lists: Record<number, unknown[]>): { source: SnapshotSource; requests: string[] } {
  const requests: string[] = [];
  const paths = new Map<string, unknown>();
  for (const [year, resultList] of Object.entries(lists)) {
    const href = resultListSnapshotPath(Number(year), `${year}`.padStart(16, '0'));
    paths.set(resultListPointerPath(Number(year)), { year: Number(year), href });
    paths.set(href, { year: Number(year), resultList });
  }
  const fetch = async (input: RequestInfo | URL): Promise<Response> => {
    const path = String(input);
    requests.push(path);
    const body = paths.get(path);
    return body === undefined
      ? new Response(JSON.stringify({ error: { code: 'NOT_FOUND' } }), { status: 404 })
      : new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return { source: createSnapshotSource(fetch), requests };
}
