import { createHash } from 'node:crypto';
import { execute, parse, type GraphQLError, type GraphQLSchema } from 'graphql';
import { LRUCache } from 'lru-cache';
import { SNAPSHOT_HASH_LENGTH, type ResultListSnapshot } from '@ksp/shared/snapshots';
import type { Database } from '../../db/orm.js';
import { rows, storeFailed } from '../../db/sql.js';
import { createContext } from '../../context.js';
import { DomainError, ErrorCode } from '../../errors.js';

/**
 * The published result list as immutable, content-hashed JSON (docs/speed.md "Published
 * snapshots"): what `resultList(year)` answers an anonymous viewer, made once per result version
 * of a published edition and then served as bytes, so a CDN or a browser can keep it for a year.
 *
 * - **Exactly the anonymous answer.** The body is made by executing SNAPSHOT_QUERY through the
 *   app's own schema as an anonymous viewer (as the report PDF executes GraphQL as its viewer), so
 *   the resolvers, the access rules and the serialisation are the API's own: nothing own-only or
 *   competitor-only can be in it, because GraphQL does not give it to an anonymous viewer.
 * - **Named by its content.** The hash is the SHA-256 of the body's bytes, so every process (and
 *   every replica) with the same code and data names the same snapshot the same way.
 * - **Made once per version.** The edition's `result_version` moves in the transaction of any
 *   change of its published results (a correction, a company's rename: the published_sections and
 *   company_result_version migrations). Each process keeps the current snapshot of each edition
 *   under the version it read before making it (read first, as published-sections.ts does, so a
 *   snapshot is never taken for newer than it is), and makes a new one only when the version moved.
 * - **Old snapshots keep answering.** Every body made is stored (result_list_snapshot) and its URL
 *   answers it for good, though only the newest is current: see snapshotBody.
 */

/**
 * Every field of a result row, as the contract names them, but `uncertainty.tiedWith` (the names
 * of the class members statistically tied with a participant: the report's overview shows them,
 * the list does not). Changing it changes every hash, which is as it should be.
 */
export const SNAPSHOT_QUERY = `query ResultListSnapshot($year: Int!) {
  resultList(year: $year) {
    rank
    classRank
    total
    className
    company {
      slug
      name
    }
    uncertainty {
      standardError
      low
      high
      rankLow
      rankHigh
      classRankLow
      classRankHigh
    }
  }
}`;
const SNAPSHOT_DOCUMENT = parse(SNAPSHOT_QUERY);

export interface Snapshot {
  year: number;
  hash: string;
  /** The JSON text of a ResultListSnapshot, as served. */
  body: Buffer;
}

/**
 * Bodies kept in memory for serving, by year and hash: an edition's list is about 50 KB at 192
 * participants, so this holds every edition's current snapshot and the few before corrections.
 */
const MEMORY_BYTES = 16 * 2 ** 20;

const hashOf = (body: Buffer) => createHash('sha256').update(body).digest('hex').slice(0, SNAPSHOT_HASH_LENGTH);
const codeOf = (error: GraphQLError): string | undefined =>
  error.originalError instanceof DomainError ? error.originalError.code : (error.extensions['code'] as string | undefined);

/** The snapshots of one server process. */
export class ResultListSnapshots {
  /** Each published edition's current snapshot, by edition id, with the result version it was made at. */
  private readonly current = new Map<number, { version: number; snapshot: Snapshot }>();
  /** Snapshots being made, by edition and version: a burst of first requests after a correction makes one. */
  private readonly making = new Map<string, Promise<Snapshot | null>>();
  private readonly bodies = new LRUCache<string, Snapshot>({ maxSize: MEMORY_BYTES, sizeCalculation: (s) => s.body.length + 64 });

  constructor(
    private readonly db: Pick<Database, 'orm' | 'sql'>,
    private readonly schema: GraphQLSchema,
  ) {}

  /**
   * The current snapshot of a published edition, made if its result version moved since the last
   * one; null for a year without an edition or one not published. One SQL statement (the
   * edition's status and version) when the snapshot is already made.
   */
  async currentSnapshot(year: number): Promise<Snapshot | null> {
    const [edition] = await rows<{ id: number; published: boolean; version: number }>(
      this.db.sql,
      `select e.id, e.status = 'PUBLISHED' as published, coalesce(v.version, 0) as version
       from edition e left join result_version v on v.edition_id = e.id where e.year = $1`,
      [year],
    );
    if (!edition?.published) return null;
    const known = this.current.get(edition.id);
    if (known?.version === edition.version) return known.snapshot;
    const key = `${edition.id}:${edition.version}`;
    let pending = this.making.get(key);
    if (!pending) {
      pending = this.make(year, edition.id, edition.version).finally(() => this.making.delete(key));
      this.making.set(key, pending);
    }
    return pending;
  }

  /**
   * A snapshot by its URL's year and hash: from memory, else as stored, else the current one if
   * it has that hash (made by another process whose store failed, say); null when there is none.
   * An old snapshot answers too: its URL was sent as immutable, so a CDN or browser may still hold
   * it, and the origin answering otherwise would make what a reader gets depend on which cache it
   * went through. Nothing in it is secret (it was the public list), and the pointer says which
   * snapshot is current. Editions are never unpublished or deleted in the product; done by hand,
   * the stored rows go with the edition (on delete cascade) and the memory with a restart, and a
   * CDN's copies need a purge.
   */
  async snapshotBody(year: number, hash: string): Promise<Snapshot | null> {
    const key = `${year}.${hash}`;
    const remembered = this.bodies.get(key);
    if (remembered) return remembered;
    const [stored] = await rows<{ body: string }>(
      this.db.sql,
      `select s.body from result_list_snapshot s join edition e on e.id = s.edition_id
       where e.year = $1 and e.status = 'PUBLISHED' and s.hash = $2`,
      [year, hash],
    );
    if (stored) return this.remember({ year, hash, body: Buffer.from(stored.body) });
    const current = await this.currentSnapshot(year);
    return current?.hash === hash ? current : null;
  }

  /** Executes SNAPSHOT_QUERY as the anonymous viewer and stores the body under its hash. */
  private async make(year: number, editionId: number, version: number): Promise<Snapshot | null> {
    const result = await execute({
      schema: this.schema,
      document: SNAPSHOT_DOCUMENT,
      contextValue: createContext(this.db, { viewer: { kind: 'anonymous' } }),
      variableValues: { year },
    });
    // Unpublished since the version was read: no snapshot, as for any unpublished edition.
    if (result.errors?.some((e) => codeOf(e) === ErrorCode.NotFound)) return null;
    if (result.errors?.length) throw result.errors[0]!.originalError ?? result.errors[0]!;
    const content: ResultListSnapshot = { year, resultList: (result.data as { resultList: unknown[] }).resultList };
    const body = Buffer.from(JSON.stringify(content));
    const snapshot = this.remember({ year, hash: hashOf(body), body });
    await this.store(editionId, version, snapshot);
    const known = this.current.get(editionId);
    if (!known || known.version <= version) this.current.set(editionId, { version, snapshot });
    return snapshot;
  }

  /**
   * Keeps the body for later requests of its URL, in this process and for every other (by hash).
   * A body already stored stays as it is (the same bytes, first made at an older version). Where
   * it cannot be stored (a read-only replica), this process still serves it and the failure is
   * logged once.
   */
  private async store(editionId: number, version: number, snapshot: Snapshot): Promise<void> {
    try {
      await this.db.sql.query(
        `insert into result_list_snapshot (edition_id, hash, version, body) values ($1, $2, $3, $4)
         on conflict (edition_id, hash) do nothing`,
        [editionId, snapshot.hash, version, snapshot.body.toString('utf8')],
      );
    } catch (e) {
      storeFailed('Result list snapshots', e);
    }
  }

  private remember(snapshot: Snapshot): Snapshot {
    this.bodies.set(`${snapshot.year}.${snapshot.hash}`, snapshot);
    return snapshot;
  }
}
