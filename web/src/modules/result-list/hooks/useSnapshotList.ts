import { useEffect, useState } from 'react';
import type { TypedDocumentNode } from 'urql';
import { useMe } from '@web/app/session/useMe';
import { readSnapshot, useSnapshotSource } from '@web/app/snapshots';

/**
 * Where a list comes from: `waiting` until it is known whether someone is signed in, `off` for a
 * signed-in viewer or no year (GraphQL, as before), `loading`, `ready` (the snapshot's data) or
 * `failed` (no snapshot to be had: GraphQL instead).
 */
export type SnapshotState<T> = { status: 'waiting' | 'off' | 'loading' | 'failed' } | { status: 'ready'; data: T };

/**
 * An edition's public result list from its published snapshot (app/snapshots.ts), as `document`
 * would get it from GraphQL, for a visitor who is not signed in: the same for every such visitor,
 * so a CDN or the browser's cache can hold it. Signed-in viewers ask GraphQL, whose answer is
 * theirs (staff also see editions in progress).
 */
export function useSnapshotList<T, V extends Record<string, unknown>>(
  document: TypedDocumentNode<T, V>,
  year: number | undefined,
): SnapshotState<T> {
  const { me } = useMe();
  const source = useSnapshotSource();
  const wanted = me === null && year !== undefined;
  const [got, setGot] = useState<{ year: number; state: SnapshotState<T> }>();

  useEffect(() => {
    if (!wanted) return;
    let current = true;
    void (async () => {
      let state: SnapshotState<T>;
      try {
        const snapshot = await source.resultList(year);
        state = { status: 'ready', data: readSnapshot(document, { resultList: snapshot.resultList }) };
      } catch {
        state = { status: 'failed' };
      }
      if (current) setGot({ year, state });
    })();
    return () => {
      current = false;
    };
  }, [wanted, year, source, document]);

  if (year === undefined) return { status: 'off' };
  if (me === undefined) return { status: 'waiting' };
  if (!wanted) return { status: 'off' };
  return got?.year === year ? got.state : { status: 'loading' };
}

/** Whether the list is to be asked of GraphQL: for a signed-in viewer, or when the snapshot failed. */
export const viaGraphQL = (state: SnapshotState<unknown>) => state.status === 'off' || state.status === 'failed';
