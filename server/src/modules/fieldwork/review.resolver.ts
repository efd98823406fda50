import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { QuestionDef } from '@ksp/shared';
import type { Context } from '../../context.js';
import { requireStaff } from '../../access/policy.js';
import { NotFound } from '../../errors.js';
import { fieldworkAssignments } from './planning.service.js';
import { FieldworkAssignmentType } from './planning.types.js';
import { assignmentIdOf } from './response.store.js';
import { approveResponses, returnResponse, reviewList, yearOfAssignment, type ReviewedAssignment } from './review.service.js';
import type { ReviewResponseType } from './review.types.js';

const STAFF_ONLY = 'Only staff review responses.';

/** The staff's user id: requireStaff has passed, so the viewer is a signed-in user. */
const actorOf = (ctx: Context) => (ctx.viewer.kind === 'user' ? ctx.viewer.userId : 0);

/** The reviewer's words for each tick: the question's text and the option's label. */
function reviewResponse(a: ReviewedAssignment, questions: QuestionDef[]): ReviewResponseType | null {
  if (!a.response) return null;
  const byCode = new Map(questions.map((q) => [q.code, q]));
  return {
    status: a.response.status,
    attempts: a.response.attempts.map((t) => ({
      at: t.at,
      waitSeconds: t.waitSeconds ?? null,
      automaticReplyOnly: Boolean(t.automaticReplyOnly),
    })),
    answers: a.response.answers.map((t) => {
      const q = byCode.get(t.questionCode);
      return {
        questionCode: t.questionCode,
        questionText: q?.text ?? t.questionCode,
        optionCode: t.optionCode ?? null,
        optionLabel: q?.options?.find((o) => o.code === t.optionCode)?.label ?? null,
        value: t.value ?? null,
      };
    }),
    comments: a.response.comments,
  };
}

async function withReview(ctx: Context, year: number, list: ReviewedAssignment[] | null): Promise<FieldworkAssignmentType[]> {
  if (!list) throw new NotFound(`There is no edition ${year}.`);
  if (list.length === 0) return [];
  const [{ id }] = (await ctx.sql.query<{ id: number }>(`select id from edition where year = $1`, [year])).rows as [{ id: number }];
  const questions = await ctx.loaders.questionnaire(id);
  return list.map((a) => ({
    ...a,
    review: {
      submittedAt: a.submittedAt,
      returnNote: a.returnNote,
      returnQuestions: a.returnQuestions,
      returnedAt: a.returnedAt,
      overdue: a.overdue,
      flags: a.flags,
      response: reviewResponse(a, questions),
    },
  }));
}

@Resolver()
export class ReviewResolver {
  @Query(() => [FieldworkAssignmentType], {
    description: 'Submitted responses waiting for review, oldest submission first, with the response and its flags. Staff only.',
  })
  async reviewQueue(@Ctx() ctx: Context, @Arg('year', () => Int) year: number): Promise<FieldworkAssignmentType[]> {
    requireStaff(ctx.viewer, STAFF_ONLY);
    return withReview(ctx, year, await reviewList(ctx.sql, year, 'SUBMITTED'));
  }

  @Query(() => [FieldworkAssignmentType], {
    description:
      'Responses returned to their observers and not yet resubmitted, oldest return first; `review.overdue` after 3 days. Staff only.',
  })
  async returnedResponses(@Ctx() ctx: Context, @Arg('year', () => Int) year: number): Promise<FieldworkAssignmentType[]> {
    requireStaff(ctx.viewer, STAFF_ONLY);
    return withReview(ctx, year, await reviewList(ctx.sql, year, 'RETURNED'));
  }

  @Mutation(() => FieldworkAssignmentType, { description: 'Approves a submitted response: it counts from now on. Staff only.' })
  async approveResponse(@Ctx() ctx: Context, @Arg('assignmentId', () => ID) assignmentId: string): Promise<FieldworkAssignmentType> {
    requireStaff(ctx.viewer, STAFF_ONLY);
    const id = assignmentIdOf(assignmentId);
    await approveResponses(ctx.em, [id], actorOf(ctx));
    return reread(ctx, id);
  }

  @Mutation(() => [FieldworkAssignmentType], {
    description: 'Approves several submitted responses at once, all or none (each must be SUBMITTED). Staff only.',
  })
  async approveResponses(
    @Ctx() ctx: Context,
    @Arg('assignmentIds', () => [ID]) assignmentIds: string[],
  ): Promise<FieldworkAssignmentType[]> {
    requireStaff(ctx.viewer, STAFF_ONLY);
    const ids = assignmentIds.map(assignmentIdOf);
    await approveResponses(ctx.em, ids, actorOf(ctx));
    return Promise.all(ids.map((id) => reread(ctx, id)));
  }

  @Mutation(() => FieldworkAssignmentType, {
    description: 'Returns a submitted response to its observer with a note (required) and, optionally, the questions to fix. Staff only.',
  })
  async returnResponse(
    @Ctx() ctx: Context,
    @Arg('assignmentId', () => ID) assignmentId: string,
    @Arg('note', () => String) note: string,
    @Arg('questionCodes', () => [String], { nullable: true }) questionCodes: string[] | null | undefined,
  ): Promise<FieldworkAssignmentType> {
    requireStaff(ctx.viewer, STAFF_ONLY);
    const id = assignmentIdOf(assignmentId);
    await returnResponse(ctx.em, id, note, questionCodes ?? [], actorOf(ctx));
    return reread(ctx, id);
  }
}

/** An assignment as the planning and review pages show it, after a change. */
export async function reread(ctx: Context, id: number): Promise<FieldworkAssignmentType> {
  const year = await yearOfAssignment(ctx.sql, id);
  const [assignment] = (await fieldworkAssignments(ctx.sql, year, { assignmentId: id })) ?? [];
  if (!assignment) throw new NotFound(`Det finnes intet oppdrag ${id}.`);
  return assignment;
}
