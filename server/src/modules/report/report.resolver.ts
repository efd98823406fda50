import { Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';

import { loadAll, type Context } from '../../context.js';
import { accessOf, grantOf, Needs, requireNeed, totalFigure, underGrantOf, type TotalFigure } from '../../access/grant.js';
import { reportAbilities } from '../../access/abilities.js';
import { CompanyType, ParticipationType, toParticipationType } from '../participation/participation.types.js';
import type { ParticipationRow } from '../participation/participation.service.js';
import { background } from './report.service.js';
import { classSectionBenchmark } from './class-benchmark.js';
import { openReport } from './open-report.js';
import { UncertaintyType } from './uncertainty.types.js';
import {
  AreaScoreType,
  BackgroundType,
  BenchmarkEntryType,
  BenchmarkType,
  CategoryScoreType,
  ChannelTotalType,
  CxReportType,
  CxValuesType,
  HistoryEntryType,
  InquiryAreaScoreType,
  InquiryScoreType,
  LikeForLikeType,
  ReportAbilitiesType,
  ReportType,
  scopeOf,
} from './report.types.js';

// Thin resolvers: what each field may give is declared with @Needs and enforced from the
// report's grant (access/grant.ts), never checked here again.

/**
 * A report's total, handed to the grant rules as a figure of that report (access/grant.ts
 * `totalFigure`): un-narrowed it is public, narrowed to a channel a cell under the report's own grant.
 */
async function totalOf(ctx: Context, report: ReportType): Promise<TotalFigure> {
  return totalFigure(report, await ctx.loaders.sections.totals.load(scopeOf(report)));
}

async function areasOf(ctx: Context, report: ReportType): Promise<AreaScoreType[]> {
  const areas = await ctx.loaders.sections.areas.load(scopeOf(report));
  return areas.filter((a) => !report.area || a.area === report.area).map((a) => ({ ...a, report }));
}

/** The company's participations in earlier editions, newest first. */
async function earlierParticipations(ctx: Context, p: ParticipationRow): Promise<ParticipationRow[]> {
  const { earlierIds, participation } = ctx.loaders;
  return loadAll(participation, await earlierIds.load(p.id));
}

/**
 * The report's edition against the previous edition the company took part in (the newest earlier
 * one the viewer may see, as in `history`), like for like. Both editions' figures go into it, so
 * both must be readable as the own report: the field's grant covers this edition, the previous
 * one's own grant is asked here. Null when the company took part in no earlier edition.
 */
async function likeForLikeOf(ctx: Context, report: ReportType): Promise<LikeForLikeType | null> {
  for (const p of await earlierParticipations(ctx, report.participation)) {
    const previous = openReport(ctx, p, { channel: report.channel, area: null });
    if (!previous) continue;
    requireNeed(ctx.viewer, grantOf(previous)!, 'OWN', 'The like-for-like comparison');
    const pair = await ctx.loaders.likeForLike.load({
      previous: { participationId: p.id, editionId: p.editionId, year: p.year },
      current: { participationId: report.participation.id, editionId: report.participation.editionId },
      channel: report.channel,
    });
    return Object.assign(new LikeForLikeType(), {
      previousYear: pair.previousYear,
      previousTotal: pair.previousTotal,
      total: pair.total,
      commonQuestions: pair.common.length,
      questionnaireChanged: pair.questionnaireChanged,
      addedQuestions: pair.added,
      removedQuestions: pair.removed,
      changedQuestions: pair.changed,
    });
  }
  return null;
}

@Resolver(() => ReportType)
export class ReportResolver {
  @FieldResolver(() => CompanyType)
  @Needs('PUBLIC')
  company(@Root() report: ReportType): CompanyType {
    return { slug: report.participation.slug, name: report.participation.name };
  }

  @FieldResolver(() => Int, { description: 'The edition year.' })
  @Needs('PUBLIC')
  year(@Root() report: ReportType): number {
    return report.participation.year;
  }

  @FieldResolver(() => ReportAbilitiesType, {
    description: 'What the viewer may do with this report (chapters, competitors, downloads), decided by the server’s policy.',
  })
  @Needs('PUBLIC')
  abilities(@Root() report: ReportType, @Ctx() ctx: Context): ReportAbilitiesType {
    return reportAbilities(ctx.viewer, report.participation, accessOf(report));
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Points earned of possible points over all approved inquiries, in percent (as on the result list).',
  })
  @Needs('PUBLIC')
  total(@Root() report: ReportType, @Ctx() ctx: Context) {
    return totalOf(ctx, report);
  }

  @FieldResolver(() => UncertaintyType, {
    description:
      'How sure the total (as on the result list, never narrowed to a channel) and its ranks are: public, as the total is (domain.md "Uncertainty").',
  })
  @Needs('PUBLIC')
  uncertainty(@Root() report: ReportType, @Ctx() ctx: Context): Promise<UncertaintyType> {
    return ctx.loaders.sections.uncertainty.load({ participationId: report.participation.id, channel: null });
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      "The company's total in the previous year's edition, if it took part and that edition is visible. Narrowed to a channel, that edition's rules apply " +
      '(FORBIDDEN unless its report may be read).',
  })
  @Needs('AGGREGATE')
  async lastYearTotal(@Root() report: ReportType, @Ctx() ctx: Context) {
    const previous = (await earlierParticipations(ctx, report.participation)).find((p) => p.year === report.participation.year - 1);
    const past = previous && openReport(ctx, previous, { channel: report.channel, area: null });
    return past ? totalOf(ctx, past) : null;
  }

  @FieldResolver(() => [ChannelTotalType])
  @Needs('AGGREGATE')
  async byChannel(@Root() report: ReportType, @Ctx() ctx: Context) {
    return (await ctx.loaders.sections.totals.load(scopeOf(report))).byChannel;
  }

  @FieldResolver(() => [AreaScoreType], { description: 'The four areas (or the one the report is narrowed to).' })
  @Needs('AGGREGATE')
  areas(@Root() report: ReportType, @Ctx() ctx: Context): Promise<AreaScoreType[]> {
    return areasOf(ctx, report);
  }

  @FieldResolver(() => [CategoryScoreType])
  @Needs('AGGREGATE')
  async categories(@Root() report: ReportType, @Ctx() ctx: Context): Promise<CategoryScoreType[]> {
    return (await ctx.loaders.sections.categories.load(scopeOf(report))).map((c) => ({ ...c, report }));
  }

  @FieldResolver(() => CxReportType)
  @Needs('AGGREGATE')
  async cx(@Root() report: ReportType, @Ctx() ctx: Context): Promise<CxReportType> {
    return { ...(await ctx.loaders.sections.cx.load(scopeOf(report))), report };
  }

  @FieldResolver(() => [InquiryScoreType], {
    description: 'Every approved inquiry with its score. Own report only: a competitor gives FORBIDDEN.',
  })
  @Needs('OWN')
  inquiries(@Root() report: ReportType, @Ctx() ctx: Context) {
    return ctx.loaders.sections.inquiries.load(scopeOf(report));
  }

  @FieldResolver(() => [BenchmarkEntryType], {
    description: 'Every participant of the class with its total, best first (not split by channel): the public result list of the class.',
  })
  @Needs('AGGREGATE')
  async classBenchmark(@Root() report: ReportType, @Ctx() ctx: Context): Promise<BenchmarkEntryType[]> {
    const { members } = await classSectionBenchmark(ctx, report, ctx.loaders.sections.totals, (t) => t.total);
    return members.map((m) => ({ company: m.company, total: m.score }));
  }

  @FieldResolver(() => Float, { nullable: true, description: 'The mean of the class members’ totals.' })
  @Needs('AGGREGATE')
  async classMean(@Root() report: ReportType, @Ctx() ctx: Context): Promise<number | null> {
    return (await classSectionBenchmark(ctx, report, ctx.loaders.sections.totals, (t) => t.total)).mean;
  }

  @FieldResolver(() => BackgroundType, { description: 'Role plays, channels and the observers’ gender and age mix. Own report only.' })
  @Needs('OWN')
  background(@Root() report: ReportType, @Ctx() ctx: Context): Promise<BackgroundType> {
    return background(ctx.sql, report.participation.id, report.channel);
  }

  @FieldResolver(() => [ParticipationType], {
    description: 'The chosen competitors (konkurrent tier), side by side: ask for their report aggregates. Own report only.',
  })
  @Needs('OWN')
  async competitors(@Root() report: ReportType, @Ctx() ctx: Context): Promise<ParticipationType[]> {
    const { competitorIds, participation } = ctx.loaders;
    return (await loadAll(participation, await competitorIds.load(report.participation.id))).map(toParticipationType);
  }

  @FieldResolver(() => LikeForLikeType, {
    nullable: true,
    description:
      'This edition against the previous edition the company took part in, both totals on only the scored questions the two share; null when it ' +
      'took part in none before. Own report only, and only where the previous edition’s report may be read as the own (FORBIDDEN otherwise).',
  })
  @Needs('OWN')
  likeForLike(@Root() report: ReportType, @Ctx() ctx: Context): Promise<LikeForLikeType | null> {
    return likeForLikeOf(ctx, report);
  }

  @FieldResolver(() => [HistoryEntryType], {
    description:
      'The company in every earlier (visible) edition it took part in, newest first. Own report only; each entry follows its own edition’s rules.',
  })
  @Needs('OWN')
  async history(@Root() report: ReportType, @Ctx() ctx: Context): Promise<HistoryEntryType[]> {
    return (await earlierParticipations(ctx, report.participation)).flatMap((p) => {
      // Each earlier edition's report is opened under its own grant, and the entry carries it.
      const past = openReport(ctx, p, { channel: report.channel, area: report.area });
      if (!past) return [];
      const entry = Object.assign(new HistoryEntryType(), {
        report: past,
        year: p.year,
        className: p.className,
        participation: toParticipationType(p),
      });
      return [underGrantOf(entry, past)];
    });
  }
}

@Resolver(() => HistoryEntryType)
export class HistoryEntryResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description: 'The total as on that year’s result list; narrowed to a channel, only where that edition’s report may be read.',
  })
  @Needs('PUBLIC')
  total(@Root() entry: HistoryEntryType, @Ctx() ctx: Context) {
    return totalOf(ctx, entry.report);
  }

  @FieldResolver(() => UncertaintyType, {
    description: 'How sure that year’s total and ranks are (public, as on that year’s result list).',
  })
  @Needs('PUBLIC')
  uncertainty(@Root() entry: HistoryEntryType, @Ctx() ctx: Context): Promise<UncertaintyType> {
    return ctx.loaders.sections.uncertainty.load({ participationId: entry.report.participation.id, channel: null });
  }

  @FieldResolver(() => LikeForLikeType, {
    nullable: true,
    description:
      'That edition against the edition the company took part in before it, both totals on only the scored questions the two share; null for ' +
      'the first. Only where both editions’ reports may be read as the own (FORBIDDEN otherwise).',
  })
  @Needs('OWN')
  likeForLike(@Root() entry: HistoryEntryType, @Ctx() ctx: Context): Promise<LikeForLikeType | null> {
    return likeForLikeOf(ctx, entry.report);
  }

  @FieldResolver(() => [AreaScoreType], {
    nullable: true,
    description: 'The area scores of that edition, where its report may be read (null and FORBIDDEN otherwise).',
  })
  @Needs('AGGREGATE')
  areas(@Root() entry: HistoryEntryType, @Ctx() ctx: Context): Promise<AreaScoreType[]> {
    return areasOf(ctx, entry.report);
  }
}

@Resolver(() => AreaScoreType)
export class AreaScoreResolver {
  @FieldResolver(() => BenchmarkType, { description: "Every class member's score in this area and the class mean. Own report only." })
  @Needs('OWN')
  classBenchmark(@Root() area: AreaScoreType, @Ctx() ctx: Context): Promise<BenchmarkType> {
    return classSectionBenchmark(
      ctx,
      area.report,
      ctx.loaders.sections.areas,
      (areas) => areas.find((a) => a.area === area.area)?.score ?? null,
    );
  }

  @FieldResolver(() => [InquiryAreaScoreType], { description: "Each inquiry's score in this area. Own report only." })
  @Needs('OWN')
  async inquiries(@Root() area: AreaScoreType, @Ctx() ctx: Context): Promise<InquiryAreaScoreType[]> {
    return (await ctx.loaders.sections.inquiryAreas.load(scopeOf(area.report))).filter((i) => i.area === area.area);
  }
}

@Resolver(() => CategoryScoreType)
export class CategoryScoreResolver {
  @FieldResolver(() => BenchmarkType, { description: "Every class member's score in this category and the class mean. Own report only." })
  @Needs('OWN')
  classBenchmark(@Root() category: CategoryScoreType, @Ctx() ctx: Context): Promise<BenchmarkType> {
    return classSectionBenchmark(
      ctx,
      category.report,
      ctx.loaders.sections.categories,
      (categories) => categories.find((c) => c.category === category.category)?.score ?? null,
    );
  }
}

@Resolver(() => CxReportType)
export class CxReportResolver {
  @FieldResolver(() => CxValuesType, { description: 'The class means of the participants’ CX values. Own report only.' })
  @Needs('OWN')
  async classMean(@Root() cx: CxReportType, @Ctx() ctx: Context): Promise<CxValuesType> {
    const loader = ctx.loaders.sections.cx;
    const mean = async (key: keyof Omit<CxValuesType, 'basis'>) =>
      (await classSectionBenchmark(ctx, cx.report, loader, (v) => v[key])).mean;
    return {
      csatMean: await mean('csatMean'),
      csatTop2Share: await mean('csatTop2Share'),
      cesMean: await mean('cesMean'),
      nps: await mean('nps'),
      ves1Mean: await mean('ves1Mean'),
      ves2Mean: await mean('ves2Mean'),
      // Not a cell of this participation: only the own report reaches class means, and any
      // other grant would find no basis and withhold them.
      basis: 0,
    };
  }
}
