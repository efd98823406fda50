import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { config, REPO_ROOT } from '../../config.js';
import DataLoader from 'dataloader';
import { LRUCache } from 'lru-cache';
import { storeFailed, type Sql } from '../../db/sql.js';
import type { ChannelFilter } from './report.read-model.js';

// A published edition never changes silently, so its report sections are computed once and
// then read from `published_section` (migration 20261125000000_published_sections): a report
// then reads a few stored rows instead of re-aggregating thousands of scored items. Unpublished
// editions are always computed live. What is stored is exactly what the read model returned
// (as JSON: numbers keep every digit), so stored and live answers are equal by construction;
// the cross-check tests run both paths.

/** A batched read model: sections of many participations, narrowed to a channel or not. */
export type SectionRead<T> = (sql: Sql, ids: number[], channel: ChannelFilter) => Promise<Map<number, T>>;

/** The code that computes sections, hashed: stored sections of other code are not used. */
const FINGERPRINT_SOURCES = ['server/src/modules/report', 'server/src/modules/insight', 'server/src/db/migrations', 'shared/src'];

function sourceFingerprint(): string {
  const hash = crypto.createHash('sha256');
  const visit = (rel: string) => {
    const full = path.join(REPO_ROOT, rel);
    if (fs.statSync(full).isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) if (!/\.test\.tsx?$/.test(name)) visit(path.join(rel, name));
    } else if (/\.tsx?$/.test(rel)) {
      hash.update(rel).update(fs.readFileSync(full));
    }
  };
  try {
    FINGERPRINT_SOURCES.forEach(visit);
  } catch {
    // Not run from the source tree: this process's sections are its own.
    hash.update(crypto.randomUUID());
  }
  return hash.digest('hex').slice(0, 16);
}

let fingerprint: string | undefined;
/** Names the code that computed a stored result (also used by the stored key-driver analyses). */
export const codeFingerprint = () => (fingerprint ??= sourceFingerprint());

interface Lookup {
  participation_id: number;
  section: string;
  channel: string;
  edition_id: number;
  published: boolean;
  version: number;
  value: unknown;
}

/** Finds the stored sections of (section, participation, channel) triples, current or not, and whether each edition is published. */
export type StoredLookup = (section: string, ids: number[], channel: ChannelFilter) => Promise<Lookup[]>;

/**
 * Stored sections this process has read, parsed and frozen, by (section, participation,
 * channel) with the version they were stored under. A stored section never changes under its
 * version, so the lookup asks the database to send a section's value only when the version
 * remembered here is not the current one: otherwise it comes from here. Parsing the stored JSON
 * of a report and its class, and collecting it again afterwards, was a large part of a computed
 * report's CPU (bench/RESULTS.md). Frozen, because every request shares the same objects.
 */
const remembered = new LRUCache<string, { version: number; value: unknown }>({
  // Sized by the JSON text's length (the parsed objects take a small multiple of it).
  maxSize: Math.max(1, config.KSP_SECTION_CACHE_MB * 2 ** 20),
});
const rememberedKey = (section: string, participationId: number, channel: string) => `${section}|${participationId}|${channel}`;

function remember(key: string, version: number, value: unknown, bytes: number): void {
  if (config.KSP_SECTION_CACHE_MB <= 0 || bytes > remembered.maxSize / 4) return;
  remembered.set(key, { version, value: deepFreeze(value) }, { size: Math.max(1, bytes) });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * One statement for any mix of sections, participations and channel filters. A report asks for a
 * dozen sections; looked up one statement each, PostgreSQL planned the same lookup a dozen times a
 * report, most of a computed report's SQL time (bench/RESULTS.md, "Where the time goes").
 */
async function lookUp(sql: Sql, keys: readonly { section: string; participationId: number; channel: ChannelFilter }[]): Promise<Lookup[]> {
  const known = keys.map((k) => remembered.get(rememberedKey(k.section, k.participationId, k.channel ?? ''))?.version ?? null);
  const found = (
    await sql.query<Lookup & { fresh: boolean; bytes: number | null }>(
      `/* published sections */
       select p.id as participation_id, k.section, k.channel, p.edition_id, e.status = 'PUBLISHED' as published,
              coalesce(v.version, 0) as version,
              s.version = coalesce(v.version, 0) and s.fingerprint = $4 as fresh,
              case when s.version = coalesce(v.version, 0) and s.fingerprint = $4 and s.version is distinct from k.known then s.value end as value,
              case when s.version = coalesce(v.version, 0) and s.fingerprint = $4 and s.version is distinct from k.known then octet_length(s.value::text) end as bytes
       from unnest($1::int[], $2::text[], $3::text[], $5::bigint[]) k(participation_id, section, channel, known)
       join participation p on p.id = k.participation_id
       join edition e on e.id = p.edition_id
       left join result_version v on v.edition_id = p.edition_id
       left join published_section s on s.participation_id = p.id and s.section = k.section and s.channel = k.channel`,
      [keys.map((k) => k.participationId), keys.map((k) => k.section), keys.map((k) => k.channel ?? ''), codeFingerprint(), known],
      { name: 'published-sections' },
    )
  ).rows;
  for (const r of found) {
    if (!r.fresh) continue;
    const key = rememberedKey(r.section, r.participation_id, r.channel);
    if (r.value === null) r.value = remembered.get(key)?.value ?? null;
    else remember(key, r.version, r.value, r.bytes ?? 1);
  }
  return found;
}

/** Looks up each call on its own (outside a request: publication, the CLI, tests). */
export const lookUpNow =
  (sql: Sql): StoredLookup =>
  (section, ids, channel) =>
    lookUp(
      sql,
      ids.map((participationId) => ({ section, participationId, channel })),
    );

/**
 * A request's lookup: every section's lookup asked in the same tick (the sections of a report
 * resolve side by side) becomes one statement.
 */
export function batchedLookup(sql: Sql): StoredLookup {
  const key = (k: { section: string; participationId: number; channel: ChannelFilter }) =>
    rememberedKey(k.section, k.participationId, k.channel ?? '');
  const loader = new DataLoader<{ section: string; participationId: number; channel: ChannelFilter }, Lookup | null, string>(
    async (keys) => {
      const found = new Map((await lookUp(sql, keys)).map((r) => [rememberedKey(r.section, r.participation_id, r.channel), r]));
      return keys.map((k) => found.get(key(k)) ?? null);
    },
    { cacheKeyFn: key, cache: false },
  );
  return async (section, ids, channel) =>
    (await loader.loadMany(ids.map((participationId) => ({ section, participationId, channel })))).filter(
      (r): r is Lookup => r !== null && !(r instanceof Error),
    );
}

/** A section read that stored sections answer first; `lookup` batches a request's lookups. */
export type StoredRead<T> = (sql: Sql, ids: number[], channel: ChannelFilter, lookup?: StoredLookup) => Promise<Map<number, T>>;

/**
 * `read`, stored for published editions under `section`: stored sections that are current are
 * returned as they are, the others computed by `read` and stored for the next reader.
 *
 * The version is read before computing (in the lookup), and a change bumps it in the same
 * transaction as the data: a section is never stored under a version newer than the data it
 * was computed from, so a stored section whose version is its edition's current one is right.
 */
export function stored<T>(section: string, read: SectionRead<T>): StoredRead<T> {
  return async (sql, ids, channel, lookup = lookUpNow(sql)) => {
    const found = await lookup(section, ids, channel);
    const result = new Map<number, T>();
    for (const r of found) if (r.published && r.value !== null) result.set(r.participation_id, r.value as T);
    const missing = ids.filter((id) => !result.has(id));
    if (missing.length === 0) return result;

    const computed = await read(sql, missing, channel);
    // In participation order, so concurrent readers storing overlapping sets lock rows in the
    // same order and cannot deadlock.
    const toStore = found
      .filter((r) => r.published && computed.has(r.participation_id))
      .sort((a, b) => a.participation_id - b.participation_id);
    if (toStore.length > 0) await store(sql, section, channel, toStore, computed);
    for (const [id, value] of computed) result.set(id, value);
    return result;
  };
}

/**
 * Stores computed sections under the version read before computing them. Storing only saves
 * later work: where it cannot be done (a read-only replica, say) the answer stands and the
 * failure is logged once.
 */
async function store<T>(sql: Sql, section: string, channel: ChannelFilter, toStore: Lookup[], computed: Map<number, T>): Promise<void> {
  try {
    await sql.query(
      `insert into published_section (participation_id, section, channel, edition_id, version, fingerprint, value)
       select s.participation_id, $1, $2, s.edition_id, s.version, $3, s.value
       from json_to_recordset($4::json) as s(participation_id int, edition_id int, version bigint, value json)
       on conflict (participation_id, section, channel) do update
         set edition_id = excluded.edition_id, version = excluded.version, fingerprint = excluded.fingerprint, value = excluded.value
         where published_section.version <= excluded.version`,
      [
        section,
        channel ?? '',
        codeFingerprint(),
        JSON.stringify(
          toStore.map((r) => ({
            participation_id: r.participation_id,
            edition_id: r.edition_id,
            version: r.version,
            value: computed.get(r.participation_id),
          })),
        ),
      ],
    );
  } catch (e) {
    storeFailed('Published sections', e, 'they are computed on each request');
  }
}
