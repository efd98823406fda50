import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { MAX_SEARCH_LENGTH } from '@ksp/shared';
import type { Context } from '../../context.js';
import { requireStaff } from '../../access/policy.js';
import { BadInput, NotFound } from '../../errors.js';
import { poolEdition, poolPage, poolSummary } from './observer.read-model.js';
import { ObserverPoolSummaryType, ObserverPoolType } from './observer.types.js';

/** The largest page of the pool (`observers(first:)`). */
export const MAX_POOL_PAGE = 100;

@Resolver(() => ObserverPoolType)
export class ObserverPoolResolver {
  @Query(() => ObserverPoolType, {
    description:
      'The observer pool seen for an edition: search by id, name or region (accents and æøå folded), filter by quality and availability, paged by offset. Staff only.',
  })
  async observers(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    // Omitted nullable arguments arrive as undefined: each is read with `?? null`.
    @Arg('search', () => String, { nullable: true }) searchArg: string | null | undefined,
    @Arg('passesQuality', () => Boolean, { nullable: true, description: 'true: only those passing; false: only those failing.' })
    passesQualityArg: boolean | null | undefined,
    @Arg('availableInWeek', () => Int, { nullable: true, description: 'Only observers available in this ISO week of the edition year.' })
    availableInWeekArg: number | null | undefined,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
  ): Promise<ObserverPoolType> {
    requireStaff(ctx.viewer, 'Only staff can see the observer pool.');
    const search = searchArg ?? null;
    const passesQuality = passesQualityArg ?? null;
    const availableInWeek = availableInWeekArg ?? null;
    if (first < 1 || first > MAX_POOL_PAGE)
      throw new BadInput(`first must be 1 to ${MAX_POOL_PAGE}.`, { reason: 'OUT_OF_RANGE', field: 'first' });
    if (offset < 0) throw new BadInput('offset must be 0 or more.', { reason: 'OUT_OF_RANGE', field: 'offset' });
    if (availableInWeek !== null && (availableInWeek < 1 || availableInWeek > 53))
      throw new BadInput('availableInWeek must be an ISO week, 1 to 53.', { reason: 'OUT_OF_RANGE', field: 'availableInWeek' });
    if (search !== null && search.length > MAX_SEARCH_LENGTH)
      throw new BadInput(`The search is longer than ${MAX_SEARCH_LENGTH} characters.`, { reason: 'TOO_LONG', field: 'search' });
    const edition = await poolEdition(ctx.sql, year);
    if (!edition) throw new NotFound(`There is no edition ${year}.`);
    const page = await poolPage(ctx.sql, edition, { search, passesQuality, availableInWeek, first, offset });
    return {
      edition,
      total: page.total,
      items: page.observers,
      fieldworkWeeks: edition.fieldworkWeeks,
      minQualityScore: edition.minQualityScore,
    };
  }

  @FieldResolver(() => ObserverPoolSummaryType, { description: 'The whole pool for the edition (one statement, only when asked).' })
  summary(@Root() pool: ObserverPoolType, @Ctx() ctx: Context): Promise<ObserverPoolSummaryType> {
    return poolSummary(ctx.sql, pool.edition);
  }
}
