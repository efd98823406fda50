import { Arg, Ctx, FieldResolver, Float, Int, Query, Resolver, Root } from 'type-graphql';
import type { Channel, ScoredArea } from '@ksp/shared';
import type { Context } from '../../context.js';
import { canReadReport, canSeeEdition, denial } from '../../access/policy.js';
import { NotFound } from '../../errors.js';
import { ChannelEnum, ScoredAreaEnum } from '../../graphql/enums.js';
import { ReportType } from '../report/report.types.js';
import { reportLoaders } from '../report/report.loaders.js';
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
      throw new NotFound(`No participation of "${companySlug}" in a published edition ${year}.`);
    }
    return toParticipationType(row);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'The total as on the public result list.' })
  async total(@Root() participation: ParticipationType, @Ctx() ctx: Context): Promise<number | null> {
    return (await reportLoaders(ctx).totals.load({ participationId: participation.row.id, channel: null })).total;
  }

  @FieldResolver(() => ReportType, {
    nullable: true,
    description: 'The report: for staff, the own company when bought, and chosen competitors (aggregates only). Otherwise FORBIDDEN. '
      + '`channel` narrows every section to that channel, `area` narrows the areas and performances to one area.',
  })
  report(
    @Root() participation: ParticipationType,
    @Ctx() ctx: Context,
    @Arg('channel', () => ChannelEnum, { nullable: true }) channel: Channel | null,
    @Arg('area', () => ScoredAreaEnum, { nullable: true }) area: ScoredArea | null,
  ): ReportType {
    if (!canReadReport(ctx.viewer, participation.row)) {
      throw denial(ctx.viewer, `The report of ${participation.row.name} is not available to you.`);
    }
    return Object.assign(new ReportType(), { participation: participation.row, channel: channel ?? null, area: area ?? null });
  }
}
