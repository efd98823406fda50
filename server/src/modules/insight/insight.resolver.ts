import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import {
  belowClass,
  participantWeight,
  performanceImportance,
  type Channel,
  type ChannelWeights,
  type ImprovePerformance,
  type KeyDriverOutcome,
} from '@ksp/shared';
import type { Context } from '../../context.js';
import { Needs } from '../../access/grant.js';
import { canSeeKeyDrivers, denial } from '../../access/policy.js';
import { rows } from '../../db/sql.js';
import { NotFound } from '../../errors.js';
import { ChannelEnum } from '../../graphql/enums.js';
import { classSectionBenchmark } from '../report/class-benchmark.js';
import { ReportType, scopeOf } from '../report/report.types.js';
import { keyDrivers } from './key-drivers.read-model.js';
import { CxMeasureEnum, ImprovePerformanceType, KeyDriverAnalysisType } from './insight.types.js';

@Resolver()
export class KeyDriversResolver {
  @Query(() => KeyDriverAnalysisType, {
    nullable: true,
    description:
      'Johnson’s relative weights of the scored performances for a CX outcome on one channel of an edition (domain.md "Key drivers"). ' +
      'Staff, and managers whose report of that edition was bought; FORBIDDEN for others.',
  })
  async keyDrivers(
    @Arg('year', () => Int) year: number,
    @Arg('outcome', () => CxMeasureEnum) outcome: KeyDriverOutcome,
    @Arg('channel', () => ChannelEnum) channel: Channel,
    @Ctx() ctx: Context,
  ): Promise<KeyDriverAnalysisType | null> {
    const companyId = ctx.viewer.kind === 'user' ? ctx.viewer.companyId : null;
    const [edition] = await rows<{ id: number; status: 'PLANNING' | 'FIELDWORK' | 'REVIEW' | 'PUBLISHED'; ownPurchase: boolean }>(
      ctx.sql,
      `select e.id, e.status,
              exists (select 1 from participation p where p.edition_id = e.id and p.company_id = $2 and p.report_purchased) as "ownPurchase"
       from edition e where e.year = $1`,
      [year, companyId],
    );
    const message = `The key drivers of KSP ${year} are for staff and for participants who bought that year's report.`;
    // Which editions exist is no secret (the result lists name them).
    if (!edition) throw new NotFound(`No edition ${year}.`);
    if (!canSeeKeyDrivers(ctx.viewer, edition, edition.ownPurchase)) throw denial(ctx.viewer, message);
    return keyDrivers(ctx.sql, edition.id, channel, outcome);
  }
}

/**
 * Each scored performance of the report with its own score, its class figure (all channels) and
 * its key-driver weight for the participant: on the report's channel when narrowed, else averaged
 * over the channels it was contacted on, weighted by its inquiries there (domain.md "Improve first").
 */
async function importanceOf(ctx: Context, report: ReportType, outcome: KeyDriverOutcome): Promise<ImprovePerformance[]> {
  const p = report.participation;
  const own = (await ctx.loaders.sections.performances.load(scopeOf(report))).filter((x) => x.scored);
  const totals = await ctx.loaders.sections.totals.load({ participationId: p.id, channel: null });
  const contacted: { channel: Channel; inquiries: number }[] = report.channel
    ? [{ channel: report.channel, inquiries: 1 }]
    : totals.byChannel.filter((c) => c.basis > 0).map((c) => ({ channel: c.channel, inquiries: c.basis }));
  const channels: ChannelWeights[] = await Promise.all(
    contacted.map(async (c) => {
      const analysis = await keyDrivers(ctx.sql, p.editionId, c.channel, outcome);
      return { ...c, weights: new Map((analysis?.drivers ?? []).map((d) => [d.questionCode, d.weight])) };
    }),
  );
  const gaps = await Promise.all(
    own.map(async (perf) => ({
      questionCode: perf.code,
      score: perf.score,
      classScore: (
        await classSectionBenchmark(
          ctx,
          report,
          ctx.loaders.sections.performances,
          (all) => all.find((x) => x.code === perf.code)?.score ?? null,
        )
      ).mean,
    })),
  );
  return performanceImportance(gaps, (code) => participantWeight(code, channels));
}

@Resolver(() => ReportType)
export class ReportImproveFirstResolver {
  @FieldResolver(() => [ImprovePerformanceType], {
    description:
      'The performances below their class figure, ordered by (classScore − score) × key-driver weight, largest first (domain.md "Improve first"). ' +
      'Narrowed to a channel: that channel’s weight and own score (the class figure stays all-channel). Own report only.',
  })
  @Needs('OWN')
  async improveFirst(
    @Root() report: ReportType,
    @Arg('outcome', () => CxMeasureEnum) outcome: KeyDriverOutcome,
    @Ctx() ctx: Context,
  ): Promise<ImprovePerformanceType[]> {
    return belowClass(await importanceOf(ctx, report, outcome));
  }

  @FieldResolver(() => [ImprovePerformanceType], {
    description:
      'Every scored performance with a weight, its own score and class figure, as improveFirst computes them, above the class too ' +
      '(priority then negative): the importance × performance quadrant. Own report only.',
  })
  @Needs('OWN')
  performanceImportance(
    @Root() report: ReportType,
    @Arg('outcome', () => CxMeasureEnum) outcome: KeyDriverOutcome,
    @Ctx() ctx: Context,
  ): Promise<ImprovePerformanceType[]> {
    return importanceOf(ctx, report, outcome);
  }
}
