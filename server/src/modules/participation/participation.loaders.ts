import DataLoader from 'dataloader';
import type { Context } from '../../context.js';
import type { Sql } from '../../db/sql.js';
import * as service from './participation.service.js';

function byIdLoader<T>(ctx: Context, name: string, read: (sql: Sql, ids: number[]) => Promise<Map<number, T>>, empty?: T) {
  return ctx.loader(`participation:${name}`, () => new DataLoader<number, T>(async (ids) => {
    const found = await read(ctx.sql, [...ids]);
    return ids.map((id) => found.get(id) ?? empty ?? new Error(`${name}: nothing for ${id}`));
  }));
}

/** Batched lookups of participations and their relations, one statement per kind per request. */
export const participationLoaders = (ctx: Context) => ({
  byId: byIdLoader(ctx, 'byId', service.participationsByIds),
  competitors: byIdLoader(ctx, 'competitors', service.competitorIds, []),
  earlier: byIdLoader(ctx, 'earlier', service.earlierParticipationIds, []),
  classMembers: byIdLoader(ctx, 'classMembers', service.classMemberIds, []),
});
