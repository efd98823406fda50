import { Arg, Ctx, FieldResolver, Float, Int, Query, Resolver, Root } from 'type-graphql';
import type { Channel, ScoredArea, Tier } from '@ksp/shared';
import type { Context } from '../../context.js';
import { canSeeEdition, requireSubscription } from '../../access/policy.js';
import { requireReport } from '../../access/grant.js';
import { NotFound, quote } from '../../errors.js';
import { ChannelEnum, ScoredAreaEnum, TierEnum } from '../../graphql/enums.js';
import { ReportType } from '../report/report.types.js';
import { openReport } from '../report/open-report.js';
import { findParticipation } from './participation.service.js';
import { ParticipationType, toParticipationType } from './participation.types.js';

@Resolver(() => ParticipationType)
export class ParticipationResolver {
  @Query(() => ParticipationType, { nullable: true, description: 'A company in one edition. Unknown year or company gives NOT_FOUND.' })
  async participation(
    @Arg('year', () => Int) year: number,
    @Arg('companySlug', () => String) companySlug: string,
    @Ctx() ctx: Context,
  ): Promise<ParticipationType> {
    const row = await findParticipation(ctx.sql, year, companySlug.trim().toLowerCase());
    if (!row || !canSeeEdition(ctx.viewer, row.editionStatus)) {
      throw new NotFound(`No participation of ${quote(companySlug)} in a published edition ${year}.`);
    }
    return toParticipationType(row);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'The total as on the public result list.' })
  async total(@Root() participation: ParticipationType, @Ctx() ctx: Context): Promise<number | null> {
    return (await ctx.loaders.sections.totals.load({ participationId: participation.row.id, channel: null })).total;
  }

  @FieldResolver(() => TierEnum, {
    nullable: true,
    description: 'ENKEL or KONKURRENT: the participant’s business, shown to staff and its own managers (FORBIDDEN to others).',
  })
  tier(@Root() participation: ParticipationType, @Ctx() ctx: Context): Tier {
    requireSubscription(ctx.viewer, participation.row, `The tier of ${participation.row.name} is shown only to its own managers.`);
    return participation.row.tier;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Whether the report was bought: shown to staff and the company’s own managers (FORBIDDEN to others).',
  })
  reportPurchased(@Root() participation: ParticipationType, @Ctx() ctx: Context): boolean {
    requireSubscription(
      ctx.viewer,
      participation.row,
      `The report purchase of ${participation.row.name} is shown only to its own managers.`,
    );
    return participation.row.reportPurchased;
  }

  @FieldResolver(() => ReportType, {
    nullable: true,
    description:
      'The report: for staff, the own company when bought, and chosen competitors (aggregates only). Otherwise FORBIDDEN. ' +
      '`channel` narrows every section to that channel, `area` narrows the areas and performances to one area.',
  })
  report(
    @Root() participation: ParticipationType,
    @Ctx() ctx: Context,
    @Arg('channel', () => ChannelEnum, { nullable: true }) channel: Channel | null,
    @Arg('area', () => ScoredAreaEnum, { nullable: true }) area: ScoredArea | null,
  ): ReportType {
    const report = openReport(ctx, participation.row, { channel: channel ?? null, area: area ?? null });
    return requireReport(ctx.viewer, report, `The report of ${participation.row.name} is not available to you.`);
  }
}
