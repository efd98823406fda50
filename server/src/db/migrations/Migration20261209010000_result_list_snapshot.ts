import { Migration } from '@mikro-orm/migrations';

/**
 * The published snapshots of the result list (issue 20; modules/result-list/snapshot.service.ts):
 * the anonymous answer to `resultList(year)` as the exact bytes served at
 * `/snapshots/result-list/<year>.<hash>.json`, named by the SHA-256 of those bytes. A row is never
 * changed: a correction makes a new body, so a new row, and the old one keeps answering its URL
 * (the URL is sent as immutable, so a CDN or browser may hold it for a year anyway).
 *
 * Derived from the tables the result version follows, like `published_section`, so writing it
 * moves no `data_version` (db/tables.ts). Which snapshot is current is not stored: each server
 * process makes it once per result version, the same bytes everywhere, and finds it here by hash.
 */
export class Migration20261209010000_result_list_snapshot extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table result_list_snapshot (
  edition_id int not null references edition(id) on delete cascade,
  hash text not null check (hash ~ '^[0-9a-f]{16}$'),
  -- The edition's result version it was first made at: which correction it shows.
  version bigint not null,
  body text not null,
  created_at timestamptz not null default now(),
  primary key (edition_id, hash)
);
`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists result_list_snapshot;`);
  }
}
