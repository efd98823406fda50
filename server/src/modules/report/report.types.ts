import { Field, Float, ID, ObjectType } from 'type-graphql';
import type { Category, Channel, InquiryStatus, ScoredArea } from '@ksp/shared';
import { CategoryEnum, ChannelEnum, InquiryStatusEnum, ScoredAreaEnum } from '../../graphql/enums.js';
import { CompanyType } from '../participation/participation.types.js';
import type { ParticipationRow } from '../participation/participation.service.js';

// Scores are percentages 0–100 at full precision; null where there is no basis (never 0).

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

@ObjectType('AreaScore')
export class AreaScoreType {
  @Field(() => ScoredAreaEnum) area!: ScoredArea;
  @Field(() => Float, { nullable: true, description: 'RESPONSE_TIME over all inquiries, the other areas over answered ones.' }) score!: number | null;
  @Field(() => [ChannelScoreType]) byChannel!: ChannelScoreType[];
}

@ObjectType('CategoryScore')
export class CategoryScoreType {
  @Field(() => CategoryEnum) category!: Category;
  @Field(() => Float, { nullable: true }) score!: number | null;
  @Field(() => [ChannelScoreType]) byChannel!: ChannelScoreType[];
}

@ObjectType('CxMeasures', { description: 'The international CX questions over answered inquiries, each on its own scale.' })
export class CxMeasuresType {
  @Field(() => Float, { nullable: true, description: 'CSAT mean, 1–5.' }) csatMean!: number | null;
  @Field(() => Float, { nullable: true, description: 'Share of CSAT answers 4 or 5, in percent.' }) csatTop2Share!: number | null;
  @Field(() => Float, { nullable: true, description: 'CES mean, 1–7.' }) cesMean!: number | null;
  @Field(() => Float, { nullable: true, description: 'Net Promoter Score, −100 to 100.' }) nps!: number | null;
  @Field(() => Float, { nullable: true, description: 'VES(1) mean, 1–7.' }) ves1Mean!: number | null;
  @Field(() => Float, { nullable: true, description: 'VES(2) mean, 1–7.' }) ves2Mean!: number | null;
}

@ObjectType('InquiryScore', { description: 'One approved inquiry and its own score.' })
export class InquiryScoreType {
  @Field(() => ID) id!: string;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => InquiryStatusEnum) status!: InquiryStatus;
  @Field(() => Float, { nullable: true }) score!: number | null;
}

@ObjectType('BenchmarkEntry')
export class BenchmarkEntryType {
  @Field(() => CompanyType) company!: CompanyType;
  @Field(() => Float, { nullable: true }) total!: number | null;
}

@ObjectType('Report', { description: 'The participant report. Each field is computed only when asked for.' })
export class ReportType {
  participation!: ParticipationRow;
}
