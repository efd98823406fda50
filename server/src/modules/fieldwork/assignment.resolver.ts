import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { requireObserver } from '../../access/policy.js';
import { NotFound } from '../../errors.js';
import { assignmentsOf } from './assignment.service.js';
import { AssignmentType, ObserverAnswerType, ObserverResponseType } from './assignment.types.js';
import { saveDraft, submitResponse } from './form.service.js';
import { assignmentIdOf } from './response.store.js';
import type { ResponseInput } from '@ksp/shared';
import {
  FormQuestionType,
  formQuestions,
  responseContent,
  ResponseContentType,
  ResponseInputType,
  toResponseInput,
} from './response.types.js';

const OWN_ONLY = 'Assignments are shown to the observer they belong to.';

/** The signed-in observer's user id and observer id (requireObserver has passed). */
function observerOf(ctx: Context) {
  const observerId = requireObserver(ctx.viewer, OWN_ONLY);
  return { observerId, userId: ctx.viewer.kind === 'user' ? ctx.viewer.userId : 0 };
}

async function ownAssignment(ctx: Context, observerId: number, id: number): Promise<AssignmentType> {
  const [assignment] = await assignmentsOf(ctx.sql, observerId, null, id);
  if (!assignment) throw new NotFound(`Det finnes intet oppdrag ${id}.`);
  return assignment;
}

@Resolver(() => AssignmentType)
export class AssignmentResolver {
  @Query(() => [AssignmentType], {
    description: 'The signed-in observer’s own assignments and responses (all editions, or one year). Observers only.',
  })
  myAssignments(@Ctx() ctx: Context, @Arg('year', () => Int, { nullable: true }) year: number | null): Promise<AssignmentType[]> {
    return assignmentsOf(ctx.sql, observerOf(ctx).observerId, year ?? null);
  }

  @Mutation(() => AssignmentType, {
    description: 'Keeps what the observer has typed so far (not checked against the rules until submitted). Own assignments only.',
  })
  async saveResponseDraft(
    @Ctx() ctx: Context,
    @Arg('assignmentId', () => ID) assignmentId: string,
    @Arg('input', () => ResponseInputType) input: ResponseInputType,
  ): Promise<AssignmentType> {
    const { observerId } = observerOf(ctx);
    const id = assignmentIdOf(assignmentId);
    await saveDraft(ctx.em, observerId, id, toResponseInput(input));
    return ownAssignment(ctx, observerId, id);
  }

  @Mutation(() => AssignmentType, {
    description:
      'Submits the response for review; refused whole (BAD_USER_INPUT, extensions.rules and extensions.fields) when a fieldwork rule is broken. ' +
      'Idempotent by key: the same key again makes no second response. Own assignments only.',
  })
  async submitResponse(
    @Ctx() ctx: Context,
    @Arg('assignmentId', () => ID) assignmentId: string,
    @Arg('input', () => ResponseInputType) input: ResponseInputType,
    @Arg('idempotencyKey', () => String) idempotencyKey: string,
  ): Promise<AssignmentType> {
    const viewer = observerOf(ctx);
    const id = assignmentIdOf(assignmentId);
    await submitResponse(ctx.em, viewer, id, toResponseInput(input), idempotencyKey);
    return ownAssignment(ctx, viewer.observerId, id);
  }

  @FieldResolver(() => ResponseContentType, {
    nullable: true,
    description: 'What the form starts from: the saved draft, else the submitted response; null before anything is typed.',
  })
  async form(@Root() assignment: AssignmentType, @Ctx() ctx: Context): Promise<ResponseContentType | null> {
    if (assignment.draft) {
      return responseContent(assignment.draft.input as ResponseInput, assignment.draft.savedAt);
    }
    if (assignment.inquiryRowId === null) return null;
    const stored = await ctx.loaders.storedResponse.load(assignment.inquiryRowId);
    return stored && responseContent(stored, null);
  }

  @FieldResolver(() => [String], {
    description: 'The texts of returnQuestions, in the same order: the list of assignments names them as the form does.',
  })
  async returnQuestionTexts(@Root() assignment: AssignmentType, @Ctx() ctx: Context): Promise<string[]> {
    if (assignment.returnQuestions.length === 0) return [];
    const questionnaire = await ctx.loaders.questionnaire(assignment.editionId);
    return assignment.returnQuestions.map((code) => questionnaire.find((q) => q.code === code)?.text ?? code);
  }

  @FieldResolver(() => [FormQuestionType], { description: 'The questions of the form for the assignment’s channel, without points.' })
  async questions(@Root() assignment: AssignmentType, @Ctx() ctx: Context): Promise<FormQuestionType[]> {
    return formQuestions(await ctx.loaders.questionnaire(assignment.editionId), assignment.channel);
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
