import { Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';

import type { Context } from '../../context.js';
import { canReadOwnReport, canSeeEdition, denial } from '../../access/policy.js';
import { CompanyType, ParticipationType, toParticipationType } from '../participation/participation.types.js';
import { participationLoaders } from '../participation/participation.loaders.js';
import type { ParticipationRow } from '../participation/participation.service.js';
import type DataLoader from 'dataloader';
import { reportLoaders, type ReportScope } from './report.loaders.js';
import { background, meanOf } from './report.service.js';
import {
  AreaScoreType, BackgroundType, BenchmarkEntryType, BenchmarkType, CategoryScoreType, ChannelTotalType, CxReportType,
  CxValuesType, HistoryEntryType, InquiryAreaScoreType, InquiryScoreType, ReportType, scopeOf,
} from './report.types.js';

/** Throws unless the viewer may see what belongs to the report's own company only. */
export function requireOwnReport(ctx: Context, report: ReportType, what: string): void {
  if (!canReadOwnReport(ctx.viewer, report.participation)) {
    throw denial(ctx.viewer, `${what} of ${report.participation.name} are shown only in its own report.`);
  }
}

/** The class members' rows, in one batched lookup. */
async function classMembers(ctx: Context, p: ParticipationRow): Promise<ParticipationRow[]> {
  const loaders = participationLoaders(ctx);
  const ids = await loaders.classMembers.load(p.classId);
  return (await loaders.byId.loadMany(ids)).filter((r): r is ParticipationRow => !(r instanceof Error));
}

/**
 * One section's scores of every class member as a benchmark: the members' sections load in
 * one batched statement, whatever the size of the class.
 */
async function classSectionBenchmark<T>(ctx: Context, report: ReportType, loader: DataLoader<ReportScope, T, string>, score: (section: T) => number | null): Promise<BenchmarkType> {
  const members = await classMembers(ctx, report.participation);
  const sections = await loader.loadMany(members.map((m) => ({ participationId: m.id, channel: null })));
  return benchmark(members.map((row, i) => {
    const section = sections[i];
    return { row, score: section === undefined || section instanceof Error ? null : score(section) };
  }));
}

/** Members with a score each, best first; the mean is the mean of participant scores. */
function benchmark(members: { row: ParticipationRow; score: number | null }[]): BenchmarkType {
  return {
    mean: meanOf(members.map((m) => m.score)),
    members: members
      .map((m) => ({ company: { slug: m.row.slug, name: m.row.name }, score: m.score }))
      .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.company.name.localeCompare(b.company.name, 'nb')),
  };
}

@Resolver(() => ReportType)
export class ReportResolver {
  @FieldResolver(() => CompanyType)
  company(@Root() report: ReportType): CompanyType {
    return { slug: report.participation.slug, name: report.participation.name };
  }

  @FieldResolver(() => Int, { description: 'The edition year.' })
  year(@Root() report: ReportType): number {
    return report.participation.year;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Points earned of possible points over all approved inquiries, in percent (as on the result list).' })
  async total(@Root() report: ReportType, @Ctx() ctx: Context) {
    return (await reportLoaders(ctx).totals.load(scopeOf(report))).total;
  }

  @FieldResolver(() => Float, { nullable: true, description: "The company's total in the previous year's edition, if it took part and that edition is visible." })
  async lastYearTotal(@Root() report: ReportType, @Ctx() ctx: Context) {
    const loaders = participationLoaders(ctx);
    const earlier = await loaders.byId.loadMany(await loaders.earlier.load(report.participation.id));
    const previous = earlier.find((p): p is ParticipationRow => !(p instanceof Error) && p.year === report.participation.year - 1);
    if (!previous || !canSeeEdition(ctx.viewer, previous.editionStatus)) return null;
    return (await reportLoaders(ctx).totals.load({ participationId: previous.id, channel: report.channel })).total;
  }

  @FieldResolver(() => [ChannelTotalType])
  async byChannel(@Root() report: ReportType, @Ctx() ctx: Context) {
    return (await reportLoaders(ctx).totals.load(scopeOf(report))).byChannel;
  }

  @FieldResolver(() => [AreaScoreType], { description: 'The four areas (or the one the report is narrowed to).' })
  async areas(@Root() report: ReportType, @Ctx() ctx: Context): Promise<AreaScoreType[]> {
    const areas = await reportLoaders(ctx).areas.load(scopeOf(report));
    return areas.filter((a) => !report.area || a.area === report.area).map((a) => ({ ...a, report }));
  }

  @FieldResolver(() => [CategoryScoreType])
  async categories(@Root() report: ReportType, @Ctx() ctx: Context): Promise<CategoryScoreType[]> {
    return (await reportLoaders(ctx).categories.load(scopeOf(report))).map((c) => ({ ...c, report }));
  }

  @FieldResolver(() => CxReportType)
  async cx(@Root() report: ReportType, @Ctx() ctx: Context): Promise<CxReportType> {
    return { ...(await reportLoaders(ctx).cx.load(scopeOf(report))), report };
  }

  @FieldResolver(() => [InquiryScoreType], { description: 'Every approved inquiry with its score. Own company only: a competitor gives FORBIDDEN.' })
  inquiries(@Root() report: ReportType, @Ctx() ctx: Context) {
    requireOwnReport(ctx, report, 'Single inquiries');
    return reportLoaders(ctx).inquiries.load(scopeOf(report));
  }

  @FieldResolver(() => [BenchmarkEntryType], { description: 'Every participant of the class with its total, best first (not split by channel): the public result list of the class.' })
  async classBenchmark(@Root() report: ReportType, @Ctx() ctx: Context): Promise<BenchmarkEntryType[]> {
    const { members } = await classSectionBenchmark(ctx, report, reportLoaders(ctx).totals, (t) => t.total);
    return members.map((m) => ({ company: m.company, total: m.score }));
  }

  @FieldResolver(() => Float, { nullable: true, description: 'The mean of the class members’ totals.' })
  async classMean(@Root() report: ReportType, @Ctx() ctx: Context): Promise<number | null> {
    return meanOf((await this.classBenchmark(report, ctx)).map((m) => m.total));
  }

  @FieldResolver(() => BackgroundType, { description: 'Role plays, channels and the observers’ gender and age mix. Own company only.' })
  background(@Root() report: ReportType, @Ctx() ctx: Context): Promise<BackgroundType> {
    requireOwnReport(ctx, report, 'The background');
    return background(ctx.sql, report.participation.id, report.channel);
  }

  @FieldResolver(() => [ParticipationType], { description: 'The chosen competitors (konkurrent tier), side by side: ask for their report aggregates. Own company only.' })
  async competitors(@Root() report: ReportType, @Ctx() ctx: Context): Promise<ParticipationType[]> {
    requireOwnReport(ctx, report, 'The chosen competitors');
    const loaders = participationLoaders(ctx);
    const rows = await loaders.byId.loadMany(await loaders.competitors.load(report.participation.id));
    return rows.filter((r): r is ParticipationRow => !(r instanceof Error)).map(toParticipationType);
  }

  @FieldResolver(() => [HistoryEntryType], { description: 'The company in every earlier (visible) edition it took part in, newest first: totals and area scores. Own company only.' })
  async history(@Root() report: ReportType, @Ctx() ctx: Context): Promise<HistoryEntryType[]> {
    requireOwnReport(ctx, report, 'The history');
    const loaders = participationLoaders(ctx);
    const earlier = (await loaders.byId.loadMany(await loaders.earlier.load(report.participation.id)))
      .filter((r): r is ParticipationRow => !(r instanceof Error) && canSeeEdition(ctx.viewer, r.editionStatus));
    const scopes = earlier.map((p) => ({ participationId: p.id, channel: report.channel }));
    const [totals, areas] = await Promise.all([reportLoaders(ctx).totals.loadMany(scopes), reportLoaders(ctx).areas.loadMany(scopes)]);
    return earlier.map((p, i) => {
      // The past edition's own report root: deeper fields on its areas judge access by that edition.
      const past = Object.assign(new ReportType(), { participation: p, channel: report.channel, area: report.area });
      const pastAreas = areas[i] instanceof Error ? [] : (areas[i] as Omit<AreaScoreType, 'report'>[]);
      return {
        year: p.year, className: p.className, participation: toParticipationType(p),
        total: totals[i] instanceof Error ? null : (totals[i] as { total: number | null }).total,
        areas: pastAreas.filter((a) => !report.area || a.area === report.area).map((a) => ({ ...a, report: past })),
      };
    });
  }
}

@Resolver(() => AreaScoreType)
export class AreaScoreResolver {
  @FieldResolver(() => BenchmarkType, { description: "Every class member's score in this area and the class mean. Own report only." })
  async classBenchmark(@Root() area: AreaScoreType, @Ctx() ctx: Context): Promise<BenchmarkType> {
    requireOwnReport(ctx, area.report, 'Class benchmarks by area');
    return classSectionBenchmark(ctx, area.report, reportLoaders(ctx).areas, (areas) => areas.find((a) => a.area === area.area)?.score ?? null);
  }

  @FieldResolver(() => [InquiryAreaScoreType], { description: "Each inquiry's score in this area. Own company only." })
  async inquiries(@Root() area: AreaScoreType, @Ctx() ctx: Context): Promise<InquiryAreaScoreType[]> {
    requireOwnReport(ctx, area.report, 'Single inquiries');
    return (await reportLoaders(ctx).inquiryAreas.load(scopeOf(area.report))).filter((i) => i.area === area.area);
  }
}

@Resolver(() => CategoryScoreType)
export class CategoryScoreResolver {
  @FieldResolver(() => BenchmarkType, { description: "Every class member's score in this category and the class mean. Own report only." })
  async classBenchmark(@Root() category: CategoryScoreType, @Ctx() ctx: Context): Promise<BenchmarkType> {
    requireOwnReport(ctx, category.report, 'Class benchmarks by category');
    return classSectionBenchmark(ctx, category.report, reportLoaders(ctx).categories, (categories) => categories.find((c) => c.category === category.category)?.score ?? null);
  }
}

@Resolver(() => CxReportType)
export class CxReportResolver {
  @FieldResolver(() => CxValuesType, { description: 'The class means of the participants’ CX values. Own report only.' })
  async classMean(@Root() cx: CxReportType, @Ctx() ctx: Context): Promise<CxValuesType> {
    requireOwnReport(ctx, cx.report, 'Class CX values');
    const loader = reportLoaders(ctx).cx;
    const mean = async (key: keyof CxValuesType) => (await classSectionBenchmark(ctx, cx.report, loader, (v) => v[key])).mean;
    return {
      csatMean: await mean('csatMean'), csatTop2Share: await mean('csatTop2Share'), cesMean: await mean('cesMean'),
      nps: await mean('nps'), ves1Mean: await mean('ves1Mean'), ves2Mean: await mean('ves2Mean'),
    };
  }
}

