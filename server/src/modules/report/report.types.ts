import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { Category, Channel, Gender, InquiryStatus, ScoredArea } from '@ksp/shared';
import { CategoryEnum, ChannelEnum, GenderEnum, InquiryStatusEnum, ScoredAreaEnum } from '../../graphql/enums.js';
import { CompanyType, ParticipationType } from '../participation/participation.types.js';
import type { ParticipationRow } from '../participation/participation.service.js';
import type { ReportScope } from './report.loaders.js';

// Scores are percentages 0–100 at full precision; null where there is no basis (never 0).

/** The report root: whose report, and how it is narrowed. Field resolvers compute each section. */
@ObjectType('Report', { description: 'The participant report. Each field is computed only when asked for.' })
export class ReportType {
  participation!: ParticipationRow;
  @Field(() => ChannelEnum, { nullable: true, description: 'The channel the report is narrowed to, if any.' }) channel!: Channel | null;
  @Field(() => ScoredAreaEnum, { nullable: true, description: 'The area the report is narrowed to, if any.' }) area!: ScoredArea | null;
}

export const scopeOf = (report: ReportType): ReportScope => ({ participationId: report.participation.id, channel: report.channel });

@ObjectType('ChannelTotal')
export class ChannelTotalType {
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => Float, { nullable: true }) total!: number | null;
}

@ObjectType('ChannelScore')
export class ChannelScoreType {
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => Float, { nullable: true }) score!: number | null;
}

@ObjectType('BenchmarkMember')
export class BenchmarkMemberType {
  @Field(() => CompanyType) company!: CompanyType;
  @Field(() => Float, { nullable: true }) score!: number | null;
}

@ObjectType('Benchmark', { description: 'Every participant of the class with its score (not split by channel), best first, and the class mean (mean of participant scores).' })
export class BenchmarkType {
  @Field(() => Float, { nullable: true }) mean!: number | null;
  @Field(() => [BenchmarkMemberType]) members!: BenchmarkMemberType[];
}

@ObjectType('AreaScore')
export class AreaScoreType {
  report!: ReportType;
  @Field(() => ScoredAreaEnum) area!: ScoredArea;
  @Field(() => Float, { nullable: true, description: 'RESPONSE_TIME over all inquiries, the other areas over answered ones.' }) score!: number | null;
  @Field(() => [ChannelScoreType]) byChannel!: ChannelScoreType[];
}

@ObjectType('CategoryScore')
export class CategoryScoreType {
  report!: ReportType;
  @Field(() => CategoryEnum) category!: Category;
  @Field(() => Float, { nullable: true }) score!: number | null;
  @Field(() => [ChannelScoreType]) byChannel!: ChannelScoreType[];
}

@ObjectType('CxValues', { description: 'The international CX questions over answered inquiries, each on its own scale.' })
export class CxValuesType {
  @Field(() => Float, { nullable: true, description: 'CSAT mean, 1–5.' }) csatMean!: number | null;
  @Field(() => Float, { nullable: true, description: 'Share of CSAT answers 4 or 5, in percent.' }) csatTop2Share!: number | null;
  @Field(() => Float, { nullable: true, description: 'CES mean, 1–7.' }) cesMean!: number | null;
  @Field(() => Float, { nullable: true, description: 'Net Promoter Score, −100 to 100.' }) nps!: number | null;
  @Field(() => Float, { nullable: true, description: 'VES(1) mean, 1–7.' }) ves1Mean!: number | null;
  @Field(() => Float, { nullable: true, description: 'VES(2) mean, 1–7.' }) ves2Mean!: number | null;
}

@ObjectType('NpsDistribution', { description: 'NPS answers: detractors 0–6, passives 7–8, promoters 9–10.' })
export class NpsDistributionType {
  @Field(() => Int) detractors!: number;
  @Field(() => Int) passives!: number;
  @Field(() => Int) promoters!: number;
  @Field(() => Int) count!: number;
}

@ObjectType('ChannelCx')
export class ChannelCxType extends CxValuesType {
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => NpsDistributionType) npsDistribution!: NpsDistributionType;
}

@ObjectType('CxReport')
export class CxReportType extends CxValuesType {
  report!: ReportType;
  @Field(() => NpsDistributionType) npsDistribution!: NpsDistributionType;
  @Field(() => [ChannelCxType]) byChannel!: ChannelCxType[];
}

@ObjectType('InquiryScore', { description: 'One approved inquiry and its own score.' })
export class InquiryScoreType {
  @Field(() => ID) id!: string;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => InquiryStatusEnum) status!: InquiryStatus;
  @Field(() => Float, { nullable: true }) score!: number | null;
}

@ObjectType('InquiryAreaScore', { description: "One inquiry's score within an area." })
export class InquiryAreaScoreType {
  @Field(() => ID) id!: string;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => Float, { nullable: true }) score!: number | null;
}

@ObjectType('BenchmarkEntry')
export class BenchmarkEntryType {
  @Field(() => CompanyType) company!: CompanyType;
  @Field(() => Float, { nullable: true }) total!: number | null;
}

@ObjectType('RolePlay')
export class RolePlayType {
  @Field(() => String) title!: string;
  @Field(() => String) description!: string;
}

@ObjectType('ChannelCount')
export class ChannelCountType {
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => Int) count!: number;
}

@ObjectType('GenderCount')
export class GenderCountType {
  @Field(() => GenderEnum) gender!: Gender;
  @Field(() => Int) count!: number;
}

@ObjectType('AgeBandCount')
export class AgeBandCountType {
  @Field(() => String, { description: '18–29, 30–39, 40–49, 50–59 or 60+ (age in the edition year).' }) band!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('Background', { description: 'How the company was examined: role plays, channels, and the observers (gender and age only).' })
export class BackgroundType {
  @Field(() => [RolePlayType]) rolePlays!: RolePlayType[];
  @Field(() => [ChannelEnum]) channels!: Channel[];
  @Field(() => [ChannelCountType]) inquiriesByChannel!: ChannelCountType[];
  @Field(() => Int) unanswered!: number;
  @Field(() => [GenderCountType]) observerGenders!: GenderCountType[];
  @Field(() => [AgeBandCountType]) observerAgeBands!: AgeBandCountType[];
}

@ObjectType('HistoryEntry', { description: 'The company in an earlier edition: its total and area scores, part of the own report.' })
export class HistoryEntryType {
  @Field(() => Int) year!: number;
  @Field(() => String) className!: string;
  @Field(() => Float, { nullable: true }) total!: number | null;
  @Field(() => [AreaScoreType], { description: 'Area scores of that edition. Deeper detail (class benchmarks, inquiries) follows that edition’s own report rules.' })
  areas!: AreaScoreType[];
  @Field(() => ParticipationType, { description: 'That participation: its full report where the viewer may read it.' })
  participation!: ParticipationType;
}
