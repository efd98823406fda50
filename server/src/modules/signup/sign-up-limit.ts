import type { Knex } from '@mikro-orm/postgresql';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyRequests } from '../../errors.js';

/**
 * Anyone may sign up, so one address may send only so many sign-ups (accepted or refused) an
 * hour: plenty for an office signing up a few companies and fixing typos, too few to fill the
 * staff's queue. Counted in PostgreSQL beside the sign-in limits (table `login_limit`, its own
 * key prefix), so a restart does not reset it.
 */
export const SIGN_UP_LIMIT = { attempts: 20, windowSeconds: 3600, blockSeconds: 3600 } as const;

const limiters = new WeakMap<Knex, RateLimiterPostgres>();
function limiterFor(knex: Knex): RateLimiterPostgres {
  let found = limiters.get(knex);
  if (!found) {
    found = new RateLimiterPostgres({
      storeClient: knex,
      storeType: 'knex',
      tableName: 'login_limit',
      tableCreated: true,
      keyPrefix: 'signup',
      points: SIGN_UP_LIMIT.attempts,
      duration: SIGN_UP_LIMIT.windowSeconds,
      blockDuration: SIGN_UP_LIMIT.blockSeconds,
    });
    limiters.set(knex, found);
  }
  return found;
}

/** Counts one sign-up attempt from `address`; TOO_MANY_REQUESTS (in Norwegian: the form shows it) past the limit. */
export async function countSignUpAttempt(knex: Knex, address: string): Promise<void> {
  try {
    await limiterFor(knex).consume(address);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error; // the database failed: not a limit
    const minutes = Math.max(1, Math.ceil(error.msBeforeNext / 60_000));
    throw new TooManyRequests(
      `For mange påmeldinger fra denne adressen. Prøv igjen om ${minutes} ${minutes === 1 ? 'minutt' : 'minutter'}.`,
    );
  }
}
