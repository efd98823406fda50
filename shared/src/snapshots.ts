// The published snapshots of the result list (docs/speed.md "Published snapshots"): where the
// server serves them and the web app fetches them, written once for both.

/** Under here: `<year>.json`, the pointer to an edition's current snapshot, and `<year>.<hash>.json`, a snapshot. */
export const RESULT_LIST_SNAPSHOTS = '/snapshots/result-list';

/**
 * The hex digits of the SHA-256 of a snapshot's body that name it. 64 bits: an edition has a
 * snapshot per correction, a handful, so a collision is out of reach, and the URL stays short.
 */
export const SNAPSHOT_HASH_LENGTH = 16;

export const resultListPointerPath = (year: number): string => `${RESULT_LIST_SNAPSHOTS}/${year}.json`;
export const resultListSnapshotPath = (year: number, hash: string): string => `${RESULT_LIST_SNAPSHOTS}/${year}.${hash}.json`;

/** The pointer's body: the edition and where its current snapshot is (a path on the same origin). */
export interface SnapshotPointer {
  year: number;
  href: string;
}

/**
 * A snapshot's body: the edition and `resultList` exactly as GraphQL answers an anonymous
 * viewer's `resultList(year)` with every field of the server's snapshot document. The rows are
 * left `unknown` here: the server sends GraphQL's own answer, and the web reads the fields its
 * own typed document asks for out of it.
 */
export interface ResultListSnapshot {
  year: number;
  resultList: unknown[];
}
