import DataLoader from 'dataloader';
import type { Sql } from '../../db/sql.js';
import * as service from './participation.service.js';

function byIdLoader<T>(
  sql: Sql,
  name: string,
  read: (sql: Sql, ids: number[]) => Promise<Map<number, T>>,
  empty?: T,
): DataLoader<number, T> {
  return new DataLoader<number, T>(async (ids) => {
    const found = await read(sql, [...ids]);
    return ids.map((id) => found.get(id) ?? empty ?? new Error(`${name}: nothing for ${id}`));
  });
}

/**
 * A request's batched lookups of participations and their relations (part of `ctx.loaders`,
 * context.ts), one statement per kind per request. The relations give participation ids: load
 * them through `participation`.
 */
export function createParticipationLoaders(sql: Sql) {
  return {
    participation: byIdLoader(sql, 'participation', service.participationsByIds),
    /** The chosen competitors of a participation, in the order it chose them. */
    competitorIds: byIdLoader(sql, 'competitorIds', service.competitorIds, []),
    /** The same company's participations in earlier editions, newest first. */
    earlierIds: byIdLoader(sql, 'earlierIds', service.earlierParticipationIds, []),
    /** The participations of a class (by class id). */
    classMemberIds: byIdLoader(sql, 'classMemberIds', service.classMemberIds, []),
  };
}
