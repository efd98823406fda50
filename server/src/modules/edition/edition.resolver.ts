import { Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { EditionStatus } from '@ksp/shared';
import { EditionStatusEnum } from '../../graphql/enums.js';
import type { Context } from '../../context.js';
import { listEditions } from './edition.service.js';

@ObjectType('Edition', { description: "One year's survey, e.g. KSP 2024." })
export class EditionType {
  @Field(() => Int) year!: number;
  @Field(() => String) name!: string;
  @Field(() => EditionStatusEnum) status!: EditionStatus;
  @Field(() => Int) inquiriesPerParticipant!: number;
  @Field(() => [String], { description: 'The industry classes of the edition, alphabetically.' }) classNames!: string[];
}

@Resolver(() => EditionType)
export class EditionResolver {
  @Query(() => [EditionType], { description: 'Editions the viewer may see, newest first: the published ones, and all for staff.' })
  editions(@Ctx() ctx: Context): Promise<EditionType[]> {
    return listEditions(ctx.sql, ctx.viewer);
  }
}
