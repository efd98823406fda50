import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { canReadReport, canSeeEdition } from '../../access/policy.js';
import { Forbidden, NotFound } from '../../errors.js';
import { ReportType } from '../report/report.types.js';
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

  @FieldResolver(() => ReportType, { nullable: true, description: 'The report: for staff, the own company when bought, and chosen competitors (aggregates only). Otherwise FORBIDDEN.' })
  report(@Root() participation: ParticipationType, @Ctx() ctx: Context): ReportType {
    if (!canReadReport(ctx.viewer, participation.row)) {
      throw new Forbidden(`The report of ${participation.row.name} is not available to you.`);
    }
    return Object.assign(new ReportType(), { participation: participation.row });
  }
}
