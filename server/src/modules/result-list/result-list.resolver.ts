import { Arg, Ctx, Field, Float, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { CompanyType } from '../participation/participation.types.js';
import { UncertaintyType } from '../report/uncertainty.types.js';
import { resultList } from './result-list.service.js';

@ObjectType('ResultRow', { description: 'One line of the public result list.' })
export class ResultRowType {
  @Field(() => Int, { description: 'Rank over all participants; equal totals at 2 decimals share a rank.' }) rank!: number;
  @Field(() => Int, { description: 'Rank within the class.' }) classRank!: number;
  @Field(() => Float, { description: 'Points earned of possible points, in percent, at full precision.' }) total!: number;
  @Field(() => CompanyType) company!: CompanyType;
  @Field(() => String) className!: string;
  @Field(() => UncertaintyType, { description: 'How sure the total and the ranks are: the 95 % interval and the rank intervals.' })
  uncertainty!: UncertaintyType;
}

@Resolver(() => ResultRowType)
export class ResultListResolver {
  @Query(() => [ResultRowType], { description: 'The result list of a published edition, best first; optionally one class.' })
  resultList(
    @Arg('year', () => Int) year: number,
    @Arg('className', () => String, { nullable: true }) className: string | null,
    @Ctx() ctx: Context,
  ): Promise<ResultRowType[]> {
    return resultList(ctx.sql, ctx.viewer, year, className);
  }
}
