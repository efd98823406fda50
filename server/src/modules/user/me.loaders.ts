import type { Sql } from '../../db/sql.js';
import { userById, type UserRow } from './me.service.js';

/** A request's loaders of the signed-in user (part of `ctx.loaders`, context.ts). */
export function createUserLoaders(sql: Sql) {
  const users = new Map<number, Promise<UserRow | undefined>>();
  return {
    /** The user row, read once per request however many fields of `me` ask. */
    user(id: number): Promise<UserRow | undefined> {
      let found = users.get(id);
      if (!found) users.set(id, (found = userById(sql, id)));
      return found;
    },
  };
}
