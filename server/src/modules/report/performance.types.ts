import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { Area, Category, Channel, ScoredArea } from '@ksp/shared';
import { AreaEnum, CategoryEnum, ChannelEnum, ScoredAreaEnum } from '../../graphql/enums.js';
import type { ReportType } from './report.types.js';
import { Needs } from '../../access/grant.js';

// Chapter 2 of the participant report (score per performance, per channel) and the
// variation between inquiries. Aggregates, each declaring what it needs of the report's grant
// (access/grant.ts): figures over inquiries are CELLs (withheld from a competitor over a small
// cell); order statistics of inquiry scores (min, quartiles, max) are single inquiries' scores,
// so OWN.

@ObjectType('OptionShare', { description: 'How often an option was chosen, of all answers to its question.' })
export class OptionShareType {
  basis!: number;
  @Field(() => String) @Needs('AGGREGATE') code!: string;
  @Field(() => String) @Needs('AGGREGATE') label!: string;
  @Field(() => Int, { nullable: true, description: 'The points of the option; null for an unscored question and for "not applicable".' })
  @Needs('AGGREGATE')
  points!: number | null;
  @Field(() => Boolean, { description: 'Choosing it drops the question out of earned and possible points.' })
  @Needs('AGGREGATE')
  notApplicable!: boolean;
  @Field(() => Int, { nullable: true }) @Needs('CELL') count!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Percent of the answers to the question ("not applicable" counted as its own option); null without answers.',
  })
  @Needs('CELL')
  share!: number | null;
}

@ObjectType('PerformanceChannel')
export class PerformanceChannelType {
  basis!: number;
  @Field(() => ChannelEnum) @Needs('AGGREGATE') channel!: Channel;
  @Field(() => Float, { nullable: true }) @Needs('CELL') score!: number | null;
  @Field(() => Int, { nullable: true }) @Needs('CELL') answers!: number;
}

@ObjectType('Performance', {
  description:
    'One question of the questionnaire (a performance, prestasjon) with its score and answer distribution. CX scales are in `cx`.',
})
export class PerformanceType {
  /** Its scored answers ("not applicable" dropped), or all answers when unscored. */
  basis!: number;
  report!: ReportType;
  @Field(() => String) @Needs('AGGREGATE') code!: string;
  @Field(() => String) @Needs('AGGREGATE') text!: string;
  @Field(() => String, {
    description:
      'A few words naming the question in charts (questionnaire.json `shortLabel`); the text where the questionnaire gives none.',
  })
  @Needs('AGGREGATE')
  shortLabel!: string;
  @Field(() => AreaEnum) @Needs('AGGREGATE') area!: Area;
  @Field(() => [CategoryEnum]) @Needs('AGGREGATE') categories!: Category[];
  @Field(() => [ChannelEnum], { description: 'The channels the question applies to.' }) @Needs('AGGREGATE') channels!: Channel[];
  @Field(() => Boolean, { description: 'Whether the question carries points; an unscored one has a distribution only.' })
  @Needs('AGGREGATE')
  scored!: boolean;
  @Field(() => Int, { nullable: true, description: 'The weight: the points of the best option; null when unscored.' })
  @Needs('AGGREGATE')
  maxPoints!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'Points earned of possible points over the answered inquiries where it applies and was not "not applicable", in percent; null when unscored or without basis.',
  })
  @Needs('CELL')
  score!: number | null;
  @Field(() => Int, { nullable: true, description: 'Answers in answered inquiries, "not applicable" included.' })
  @Needs('CELL')
  answers!: number;
  @Field(() => [OptionShareType], { description: 'Every option, in questionnaire order, with its share of the answers.' })
  @Needs('AGGREGATE')
  options!: OptionShareType[];
  @Field(() => [PerformanceChannelType], { description: 'Score and answers on each channel that has answers.' })
  @Needs('AGGREGATE')
  byChannel!: PerformanceChannelType[];
}

@ObjectType('Spread', {
  description:
    'The spread of a set of scores: quartiles as PostgreSQL percentile_cont, population standard deviation. Values are null when count is 0.',
})
export class SpreadType {
  basis!: number;
  @Field(() => Int, { nullable: true }) @Needs('CELL') count!: number;
  @Field(() => Float, { nullable: true, description: 'One inquiry’s score: own report only.' }) @Needs('OWN') min!: number | null;
  @Field(() => Float, { nullable: true, description: 'Own report only.' }) @Needs('OWN') q1!: number | null;
  @Field(() => Float, { nullable: true, description: 'Own report only.' }) @Needs('OWN') median!: number | null;
  @Field(() => Float, { nullable: true, description: 'Own report only.' }) @Needs('OWN') q3!: number | null;
  @Field(() => Float, { nullable: true, description: 'One inquiry’s score: own report only.' }) @Needs('OWN') max!: number | null;
  @Field(() => Float, { nullable: true }) @Needs('CELL') mean!: number | null;
  @Field(() => Float, { nullable: true }) @Needs('CELL') stdDev!: number | null;
}

@ObjectType('ChannelSpread')
export class ChannelSpreadType {
  @Field(() => ChannelEnum) @Needs('AGGREGATE') channel!: Channel;
  @Field(() => SpreadType) @Needs('AGGREGATE') spread!: SpreadType;
}

@ObjectType('AreaSpread', {
  description: "The spread of the inquiries' area scores: RESPONSE_TIME over all inquiries, the other areas over answered ones.",
})
export class AreaSpreadType {
  @Field(() => ScoredAreaEnum) @Needs('AGGREGATE') area!: ScoredArea;
  @Field(() => SpreadType) @Needs('AGGREGATE') spread!: SpreadType;
  @Field(() => [ChannelSpreadType]) @Needs('AGGREGATE') byChannel!: ChannelSpreadType[];
}

@ObjectType('PerformanceSpread', { description: 'A scored question and how much its result varies between inquiries.' })
export class PerformanceSpreadType {
  basis!: number;
  @Field(() => String) @Needs('AGGREGATE') code!: string;
  @Field(() => String) @Needs('AGGREGATE') text!: string;
  @Field(() => String, { description: 'A few words naming the question in charts; the text where the questionnaire gives none.' })
  @Needs('AGGREGATE')
  shortLabel!: string;
  @Field(() => AreaEnum) @Needs('AGGREGATE') area!: Area;
  @Field(() => Float, { nullable: true, description: 'The performance score (as in `performances`).' }) @Needs('CELL') score!:
    number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Population standard deviation of the points of each inquiry as a percentage of the maximum.',
  })
  @Needs('CELL')
  stdDev!: number | null;
  @Field(() => Int, { nullable: true, description: 'The answers behind it: answered inquiries, "not applicable" left out.' })
  @Needs('CELL')
  answers!: number;
}

/** The variation section: its root is the report, each field is computed only when asked for. */
@ObjectType('Variation', {
  description: 'Delivery variation (leveransevariasjon): how much the results differ from inquiry to inquiry. Aggregates only.',
})
export class VariationType {
  report!: ReportType;
}
