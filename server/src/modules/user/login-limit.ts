import type { Knex } from '@mikro-orm/postgresql';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyRequests } from '../../errors.js';

/**
 * How fast someone may guess passwords. Failed sign-ins are counted twice:
 * - per account and address (e-mail + client IP): 5 failures in a row block that pair for
 *   15 minutes; a successful sign-in starts the count again. Guessing one password is slow,
 *   and the real user on another address is not locked out by an attacker.
 * - per address, any e-mail: 50 failures within an hour block the address for an hour. This
 *   stops trying one password on many accounts, and is high enough for an office behind one IP.
 */
export const LOGIN_LIMITS = {
  perAccount: { failures: 5, windowSeconds: 24 * 3600, blockSeconds: 15 * 60 },
  perAddress: { failures: 50, windowSeconds: 3600, blockSeconds: 3600 },
} as const;

interface Limiters {
  byAccount: RateLimiterPostgres;
  byAddress: RateLimiterPostgres;
}

/**
 * The counters live in PostgreSQL (table `login_limit`, created by a migration), so a restart
 * or a second server process does not reset them. They run on the ORM's connection pool (its
 * knex instance: the library borrows a connection per statement and gives it back). One pair
 * of limiters per pool.
 */
const limiters = new WeakMap<Knex, Limiters>();
function limitersFor(knex: Knex): Limiters {
  let found = limiters.get(knex);
  if (!found) {
    const store = { storeClient: knex, storeType: 'knex', tableName: 'login_limit', tableCreated: true } as const;
    const { perAccount, perAddress } = LOGIN_LIMITS;
    found = {
      byAccount: new RateLimiterPostgres({
        ...store,
        keyPrefix: 'account',
        points: perAccount.failures,
        duration: perAccount.windowSeconds,
        blockDuration: perAccount.blockSeconds,
      }),
      byAddress: new RateLimiterPostgres({
        ...store,
        keyPrefix: 'address',
        points: perAddress.failures,
        duration: perAddress.windowSeconds,
        blockDuration: perAddress.blockSeconds,
      }),
    };
    limiters.set(knex, found);
  }
  return found;
}

export interface LoginAttempt {
  email: string;
  address: string;
}

/**
 * Runs one sign-in attempt under the limits; `attempt` returns null when the password is wrong.
 *
 * Every attempt counts first, in one atomic upsert per counter, so parallel guesses cannot
 * slip past a check-then-count gap: the sixth attempt after five failures finds the count above
 * the limit, the library blocks the key and we answer TOO_MANY_REQUESTS without checking the
 * password. A success clears the account counter and takes its own count back from the address.
 */
export async function withLoginLimits<T>(knex: Knex, who: LoginAttempt, attempt: () => Promise<T | null>): Promise<T | null> {
  const { byAccount, byAddress } = limitersFor(knex);
  const accountKey = `${who.email.trim().toLowerCase().slice(0, 320)} ${who.address}`;
  const counted = await Promise.allSettled([byAccount.consume(accountKey), byAddress.consume(who.address)]);
  let waitMs = -1;
  for (const c of counted) {
    if (c.status === 'fulfilled') continue;
    if (!(c.reason instanceof RateLimiterRes)) throw c.reason; // the database failed: not a limit
    waitMs = Math.max(waitMs, c.reason.msBeforeNext);
  }
  if (waitMs >= 0) {
    const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
    throw new TooManyRequests(`Too many failed sign-ins. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`);
  }
  const result = await attempt();
  if (result !== null) await Promise.all([byAccount.delete(accountKey), byAddress.reward(who.address, 1)]);
  return result;
}
