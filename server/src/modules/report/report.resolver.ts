import { Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { canReadResponses } from '../../access/policy.js';
import { Forbidden } from '../../errors.js';
import {
  AreaScoreType, BenchmarkEntryType, CategoryScoreType, ChannelTotalType, CxMeasuresType, InquiryScoreType, ReportType,
} from './report.types.js';
import * as readModel from './report.read-model.js';
import { classBenchmark, lastYearTotal } from './report.service.js';

@Resolver(() => ReportType)
export class ReportResolver {
  private totals(report: ReportType, ctx: Context) {
    const id = report.participation.id;
    return ctx.memo(`totals:${id}`, () => readModel.totalWithChannels(ctx.sql, id));
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Points earned of possible points over all approved inquiries, in percent (as on the result list).' })
  async total(@Root() report: ReportType, @Ctx() ctx: Context) {
    return (await this.totals(report, ctx)).total;
  }

  @FieldResolver(() => Float, { nullable: true, description: "The company's total in the previous year's edition, if it took part and that edition is visible." })
  lastYearTotal(@Root() report: ReportType, @Ctx() ctx: Context) {
    return lastYearTotal(ctx.sql, ctx.viewer, report.participation);
  }

  @FieldResolver(() => [ChannelTotalType])
  async byChannel(@Root() report: ReportType, @Ctx() ctx: Context) {
    return (await this.totals(report, ctx)).byChannel;
  }

  @FieldResolver(() => [AreaScoreType])
  areas(@Root() report: ReportType, @Ctx() ctx: Context) {
    return readModel.areaScores(ctx.sql, report.participation.id);
  }

  @FieldResolver(() => [CategoryScoreType])
  categories(@Root() report: ReportType, @Ctx() ctx: Context) {
    return readModel.categoryScores(ctx.sql, report.participation.id);
  }

  @FieldResolver(() => CxMeasuresType)
  cx(@Root() report: ReportType, @Ctx() ctx: Context) {
    return readModel.cxMeasures(ctx.sql, report.participation.id);
  }

  @FieldResolver(() => [InquiryScoreType], { description: 'Every approved inquiry with its score. Own company only: a competitor gives FORBIDDEN.' })
  inquiries(@Root() report: ReportType, @Ctx() ctx: Context) {
    if (!canReadResponses(ctx.viewer, report.participation)) throw new Forbidden('Single inquiries are shown only in the own report.');
    return readModel.inquiryScores(ctx.sql, report.participation.id);
  }

  @FieldResolver(() => [BenchmarkEntryType], { description: "Every participant of the class with its total, best first (not split by channel)." })
  classBenchmark(@Root() report: ReportType, @Ctx() ctx: Context) {
    return classBenchmark(ctx.sql, report.participation);
  }
}
