import { Migration } from '@mikro-orm/migrations';

/**
 * Counters of failed sign-ins (`modules/user/login-limit.ts`), kept in the database so a
 * restart does not wipe a block. The columns are the ones rate-limiter-flexible's
 * RateLimiterPostgres reads and writes (`key`, `points`, `expire` in epoch milliseconds);
 * `key` is text rather than its varchar(255), as it holds an e-mail address and an IP address.
 */
export class Migration20261123010000_login_limits extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table login_limit (
  key text primary key,
  points integer not null default 0,
  expire bigint
);
create index login_limit_expire_idx on login_limit(expire);
`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists login_limit;');
  }
}
