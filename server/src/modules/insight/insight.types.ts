import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { KEY_DRIVER_OUTCOMES } from '@ksp/shared';
import { Needs } from '../../access/grant.js';

export const CxMeasureEnum = Object.fromEntries(KEY_DRIVER_OUTCOMES.map((v) => [v, v])) as {
  [K in (typeof KEY_DRIVER_OUTCOMES)[number]]: K;
};
registerEnumType(CxMeasureEnum, { name: 'CxMeasure', description: 'A CX outcome that key drivers explain: CSAT (1–5) or NPS (0–10).' });

@ObjectType('KeyDriver', { description: 'One scored performance’s share of the outcome’s explained variance (Johnson’s relative weight).' })
export class KeyDriverType {
  @Field(() => String) questionCode!: string;
  @Field(() => Float, { description: 'Share of R² (0–1); the weights of an analysis sum to its rSquared.' }) weight!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Lower end of the weight’s 95 % interval (2.5th percentile of a bootstrap that resamples participants, seeded).',
  })
  low!: number | null;
  @Field(() => Float, { nullable: true, description: 'Upper end of the weight’s 95 % interval (97.5th percentile of the same bootstrap).' })
  high!: number | null;
}

@ObjectType('KeyDriverAnalysis', {
  description:
    'Key drivers of a CX outcome on one channel of an edition, over its answered inquiries with that outcome. ' +
    'With fewer than 10 inquiries per predictor there is no analysis: rSquared is null and drivers empty.',
})
export class KeyDriverAnalysisType {
  @Field(() => Int, { description: 'The answered inquiries on the channel that have the outcome.' }) inquiries!: number;
  @Field(() => Float, { nullable: true, description: 'Share of the outcome’s variance the scored performances explain together (0–1).' })
  rSquared!: number | null;
  @Field(() => [KeyDriverType], { description: 'Largest weight first.' }) drivers!: KeyDriverType[];
}

@ObjectType('ImprovePerformance', {
  description: 'A performance below its class figure, with the key-driver weight that makes closing the gap pay. Own report only.',
})
@Needs('OWN')
export class ImprovePerformanceType {
  @Field(() => String) questionCode!: string;
  @Field(() => Float, { description: 'Own score on the performance (0–100; on the report’s channel when narrowed).' }) score!: number;
  @Field(() => Float, { description: 'The class figure: mean of the class members’ scores on it, all channels (0–100).' })
  classScore!: number;
  @Field(() => Float, {
    description: 'Key-driver weight: averaged over the participant’s channels weighted by its inquiries (the channel’s, when narrowed).',
  })
  weight!: number;
  @Field(() => Float, { description: '(classScore − score) × weight; the list is ordered by it, largest first.' }) priority!: number;
}
