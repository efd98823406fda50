import { Field, Float, Int, ObjectType } from 'type-graphql';
import { CompanyType } from '../participation/participation.types.js';

/**
 * How sure a published total and its rank are (domain.md "Uncertainty"). Public, as the total it
 * reads is: the same type on the result list and on a report, where it is a grant boundary
 * (access/grant.ts GRANT_BOUNDARIES) that inherits no grant, as Company.
 */
@ObjectType('Uncertainty', {
  description:
    'How sure a published total and its rank are (domain.md "Uncertainty"). Null throughout for a participant with fewer than 2 approved inquiries.',
})
export class UncertaintyType {
  @Field(() => Float, { nullable: true, description: 'Standard error of the total (ratio estimator), in percentage points.' })
  standardError!: number | null;
  @Field(() => Float, { nullable: true, description: 'Low end of the 95 % interval of the total: total − 1.96 · SE, at least 0.' })
  low!: number | null;
  @Field(() => Float, { nullable: true, description: 'High end of the 95 % interval of the total: total + 1.96 · SE, at most 100.' })
  high!: number | null;
  @Field(() => Int, { nullable: true, description: 'Best rank over the edition the total allows: 1 + the participants surely ahead.' })
  rankLow!: number | null;
  @Field(() => Int, { nullable: true, description: 'Worst rank over the edition the total allows: P − the participants surely behind.' })
  rankHigh!: number | null;
  @Field(() => Int, { nullable: true, description: 'Best rank within the class.' })
  classRankLow!: number | null;
  @Field(() => Int, { nullable: true, description: 'Worst rank within the class.' })
  classRankHigh!: number | null;
  @Field(() => [CompanyType], {
    description: 'The class members statistically tied with this one (neither surely ahead nor surely behind), in no particular order.',
  })
  tiedWith!: CompanyType[];
}
