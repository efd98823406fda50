import { Migration } from '@mikro-orm/migrations';

/**
 * Key drivers of a published edition (issue 19, domain.md "Uncertainty" → "Key drivers"): Johnson's
 * relative weights of the scored performances for one CX outcome on one channel, with their
 * participant-bootstrap intervals. Computed once per published edition (a bootstrap over the whole
 * edition takes seconds, not the milliseconds a report may) and kept here under the edition's
 * `result_version` and the code's fingerprint, as `published_section` is: a correction after
 * publication bumps the version and the analysis is computed again on the next read.
 */
export class Migration20261208010000_key_driver_analysis extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table key_driver_analysis (
  edition_id int not null references edition(id) on delete cascade,
  channel text not null check (channel in ('PHONE','EMAIL','CHAT','MESSENGER')),
  outcome text not null check (outcome in ('CSAT','NPS')),
  inquiries int not null check (inquiries >= 0),
  -- Null when there is no analysis (fewer than 10 inquiries per predictor, or no variation).
  r_squared double precision,
  -- [{ "questionCode", "weight", "low", "high" }], largest weight first.
  drivers jsonb not null,
  version bigint not null,
  fingerprint text not null,
  computed_at timestamptz not null default now(),
  primary key (edition_id, channel, outcome)
);
`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists key_driver_analysis;`);
  }
}
