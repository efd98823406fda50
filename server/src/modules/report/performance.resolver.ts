import { Arg, Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { BadInput } from '../../errors.js';
import { Needs } from '../../access/grant.js';
import { classSectionBenchmark } from './class-benchmark.js';
import { AreaScoreType, ReportType, scopeOf } from './report.types.js';
import {
  AreaSpreadType,
  ChannelSpreadType,
  PerformanceSpreadType,
  PerformanceType,
  SpreadType,
  VariationType,
} from './performance.types.js';

// Performances and variation are aggregates (a konkurrent manager may read a chosen
// competitor's); what each field needs of the report's grant is declared on it.

const inArea =
  (report: ReportType) =>
  <T extends { area: string }>(row: T) =>
    !report.area || row.area === report.area;

@Resolver(() => ReportType)
export class PerformanceResolver {
  @FieldResolver(() => [PerformanceType], {
    description:
      'Score and answer distribution per question (performance), in questionnaire order; unscored questions give a distribution only. ' +
      'Narrowed to the report’s area, and to the questions of its channel.',
  })
  @Needs('AGGREGATE')
  async performances(@Root() report: ReportType, @Ctx() ctx: Context): Promise<PerformanceType[]> {
    return (await ctx.loaders.sections.performances.load(scopeOf(report))).filter(inArea(report)).map((p) => ({ ...p, report }));
  }

  @FieldResolver(() => VariationType, { description: 'How much the results vary from inquiry to inquiry (aggregates only).' })
  @Needs('AGGREGATE')
  variation(@Root() report: ReportType): VariationType {
    return Object.assign(new VariationType(), { report });
  }
}

@Resolver(() => AreaScoreType)
export class AreaPerformanceResolver {
  @FieldResolver(() => [PerformanceType], { description: 'The questions of this area with their scores and answer distributions.' })
  @Needs('AGGREGATE')
  async performances(@Root() area: AreaScoreType, @Ctx() ctx: Context): Promise<PerformanceType[]> {
    const report = area.report;
    return (await ctx.loaders.sections.performances.load(scopeOf(report)))
      .filter((p) => p.area === area.area)
      .map((p) => ({ ...p, report }));
  }
}

@Resolver(() => PerformanceType)
export class PerformanceClassResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'The class figure beside the performance: the mean of the class members’ scores on it (not split by channel). Own report only.',
  })
  @Needs('OWN')
  async classScore(@Root() performance: PerformanceType, @Ctx() ctx: Context): Promise<number | null> {
    const byCode = (all: Omit<PerformanceType, 'report'>[]) => all.find((p) => p.code === performance.code)?.score ?? null;
    return (await classSectionBenchmark(ctx, performance.report, ctx.loaders.sections.performances, byCode)).mean;
  }
}

@Resolver(() => VariationType)
export class VariationResolver {
  @FieldResolver(() => SpreadType, {
    description:
      'The spread of the inquiry scores: all approved inquiries, an unanswered one scoring 0. Not narrowed by area, like `total`.',
  })
  @Needs('AGGREGATE')
  async total(@Root() variation: VariationType, @Ctx() ctx: Context): Promise<SpreadType> {
    return (await ctx.loaders.sections.inquirySpreads.load(scopeOf(variation.report))).total;
  }

  @FieldResolver(() => [ChannelSpreadType], { description: 'The spread of the inquiry scores on each channel that has inquiries.' })
  @Needs('AGGREGATE')
  async byChannel(@Root() variation: VariationType, @Ctx() ctx: Context): Promise<ChannelSpreadType[]> {
    return (await ctx.loaders.sections.inquirySpreads.load(scopeOf(variation.report))).byChannel;
  }

  @FieldResolver(() => [AreaSpreadType], {
    description: "The spread of the inquiries' area scores, for the four areas (or the one the report is narrowed to).",
  })
  @Needs('AGGREGATE')
  async areas(@Root() variation: VariationType, @Ctx() ctx: Context): Promise<AreaSpreadType[]> {
    return (await ctx.loaders.sections.areaSpreads.load(scopeOf(variation.report))).filter(inArea(variation.report));
  }

  @FieldResolver(() => [PerformanceSpreadType], {
    description:
      'The scored questions whose result varies most between inquiries (population standard deviation of points as a percentage of the maximum), ' +
      'most first, equal ones by code.',
  })
  @Needs('AGGREGATE')
  async widestPerformances(
    @Root() variation: VariationType,
    @Ctx() ctx: Context,
    @Arg('limit', () => Int, { defaultValue: 5, description: 'How many, at most.' }) limit: number,
  ): Promise<PerformanceSpreadType[]> {
    if (!Number.isInteger(limit) || limit < 0) throw new BadInput(`limit must be 0 or more, got ${limit}.`);
    const all = await ctx.loaders.sections.performanceSpreads.load(scopeOf(variation.report));
    return all.filter(inArea(variation.report)).slice(0, limit);
  }
}
