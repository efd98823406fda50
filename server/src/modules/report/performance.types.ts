import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { Area, Category, Channel, ScoredArea } from '@ksp/shared';
import { AreaEnum, CategoryEnum, ChannelEnum, ScoredAreaEnum } from '../../graphql/enums.js';
import type { ReportType } from './report.types.js';

// Chapter 2 of the participant report (score per performance, per channel) and the
// variation between inquiries. Aggregates only: allowed wherever the report is.

@ObjectType('OptionShare', { description: 'How often an option was chosen, of all answers to its question.' })
export class OptionShareType {
  @Field(() => String) code!: string;
  @Field(() => String) label!: string;
  @Field(() => Int, { nullable: true, description: 'The points of the option; null for an unscored question and for "not applicable".' }) points!: number | null;
  @Field(() => Boolean, { description: 'Choosing it drops the question out of earned and possible points.' }) notApplicable!: boolean;
  @Field(() => Int) count!: number;
  @Field(() => Float, { nullable: true, description: 'Percent of the answers to the question ("not applicable" counted as its own option); null without answers.' }) share!: number | null;
}

@ObjectType('PerformanceChannel')
export class PerformanceChannelType {
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => Float, { nullable: true }) score!: number | null;
  @Field(() => Int) answers!: number;
}

@ObjectType('Performance', { description: 'One question of the questionnaire (a performance, prestasjon) with its score and answer distribution. CX scales are in `cx`.' })
export class PerformanceType {
  @Field(() => String) code!: string;
  @Field(() => String) text!: string;
  @Field(() => AreaEnum) area!: Area;
  @Field(() => [CategoryEnum]) categories!: Category[];
  @Field(() => [ChannelEnum], { description: 'The channels the question applies to.' }) channels!: Channel[];
  @Field(() => Boolean, { description: 'Whether the question carries points; an unscored one has a distribution only.' }) scored!: boolean;
  @Field(() => Int, { nullable: true, description: 'The weight: the points of the best option; null when unscored.' }) maxPoints!: number | null;
  @Field(() => Float, { nullable: true, description: 'Points earned of possible points over the answered inquiries where it applies and was not "not applicable", in percent; null when unscored or without basis.' }) score!: number | null;
  @Field(() => Int, { description: 'Answers in answered inquiries, "not applicable" included.' }) answers!: number;
  @Field(() => [OptionShareType], { description: 'Every option, in questionnaire order, with its share of the answers.' }) options!: OptionShareType[];
  @Field(() => [PerformanceChannelType], { description: 'Score and answers on each channel that has answers.' }) byChannel!: PerformanceChannelType[];
}

@ObjectType('Spread', { description: 'The spread of a set of scores: quartiles as PostgreSQL percentile_cont, population standard deviation. Values are null when count is 0.' })
export class SpreadType {
  @Field(() => Int) count!: number;
  @Field(() => Float, { nullable: true }) min!: number | null;
  @Field(() => Float, { nullable: true }) q1!: number | null;
  @Field(() => Float, { nullable: true }) median!: number | null;
  @Field(() => Float, { nullable: true }) q3!: number | null;
  @Field(() => Float, { nullable: true }) max!: number | null;
  @Field(() => Float, { nullable: true }) mean!: number | null;
  @Field(() => Float, { nullable: true }) stdDev!: number | null;
}

@ObjectType('ChannelSpread')
export class ChannelSpreadType {
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => SpreadType) spread!: SpreadType;
}

@ObjectType('AreaSpread', { description: "The spread of the inquiries' area scores: RESPONSE_TIME over all inquiries, the other areas over answered ones." })
export class AreaSpreadType {
  @Field(() => ScoredAreaEnum) area!: ScoredArea;
  @Field(() => SpreadType) spread!: SpreadType;
  @Field(() => [ChannelSpreadType]) byChannel!: ChannelSpreadType[];
}

@ObjectType('PerformanceSpread', { description: 'A scored question and how much its result varies between inquiries.' })
export class PerformanceSpreadType {
  @Field(() => String) code!: string;
  @Field(() => String) text!: string;
  @Field(() => AreaEnum) area!: Area;
  @Field(() => Float, { nullable: true, description: 'The performance score (as in `performances`).' }) score!: number | null;
  @Field(() => Float, { nullable: true, description: 'Population standard deviation of the points of each inquiry as a percentage of the maximum.' }) stdDev!: number | null;
  @Field(() => Int, { description: 'The answers behind it: answered inquiries, "not applicable" left out.' }) answers!: number;
}

/** The variation section: its root is the report, each field is computed only when asked for. */
@ObjectType('Variation', { description: 'Delivery variation (leveransevariasjon): how much the results differ from inquiry to inquiry. Aggregates only.' })
export class VariationType {
  report!: ReportType;
}
