import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { requireObserver } from '../../access/policy.js';
import { assignmentsOf } from './assignment.service.js';
import { AssignmentType, ObserverAnswerType, ObserverResponseType } from './assignment.types.js';

@Resolver(() => AssignmentType)
export class AssignmentResolver {
  @Query(() => [AssignmentType], {
    description: 'The signed-in observer’s own assignments and responses (all editions, or one year). Observers only.',
  })
  myAssignments(@Ctx() ctx: Context, @Arg('year', () => Int, { nullable: true }) year: number | null): Promise<AssignmentType[]> {
    const observerId = requireObserver(ctx.viewer, 'Assignments are shown to the observer they belong to.');
    return assignmentsOf(ctx.sql, observerId, year ?? null);
  }
}

@Resolver(() => ObserverResponseType)
export class ObserverResponseResolver {
  @FieldResolver(() => [ObserverAnswerType], { description: 'The ticks in questionnaire order, without points.' })
  async answers(@Root() response: ObserverResponseType, @Ctx() ctx: Context): Promise<ObserverAnswerType[]> {
    // The same batched load as the report's responses; points are dropped here, not merely hidden.
    const answers = await ctx.loaders.answers.load(response.inquiryRowId);
    return answers.map(({ questionCode, questionText, optionCode, optionLabel, value }) => ({
      questionCode,
      questionText,
      optionCode,
      optionLabel,
      value,
    }));
  }
}
