import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { requireStaff } from '../../access/policy.js';
import { NotFound, quote } from '../../errors.js';
import { assignObserver, fieldworkAssignments, planEditionFieldwork, planningOverview } from './planning.service.js';
import { serialIdOf } from './response.store.js';
import { FieldworkAssignmentType, FieldworkPlanType, PlanningOverviewType } from './planning.types.js';

const STAFF_ONLY = 'Only staff can plan the fieldwork.';

/** The staff's user id: requireStaff has passed, so the viewer is a signed-in user. */
const actorOf = (ctx: Context) => (ctx.viewer.kind === 'user' ? ctx.viewer.userId : 0);

@Resolver()
export class PlanningResolver {
  @Mutation(() => FieldworkPlanType, {
    description:
      'Plans the edition’s fieldwork (PLANNING or FIELDWORK only): keeps started and hand-set assignments, replaces the other planned ones. Staff only.',
  })
  planFieldwork(@Ctx() ctx: Context, @Arg('year', () => Int) year: number): Promise<FieldworkPlanType> {
    requireStaff(ctx.viewer, STAFF_ONLY);
    return planEditionFieldwork(ctx.em, year, actorOf(ctx));
  }

  @Query(() => [FieldworkAssignmentType], {
    description: 'An edition’s assignments (or one participant’s), with their events. Staff only.',
  })
  async fieldworkAssignments(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    @Arg('companySlug', () => String, { nullable: true }) companySlug: string | null | undefined,
  ): Promise<FieldworkAssignmentType[]> {
    requireStaff(ctx.viewer, STAFF_ONLY);
    const result = await fieldworkAssignments(ctx.sql, year, { companySlug: companySlug ?? null });
    if (!result)
      throw new NotFound(companySlug ? `${quote(companySlug)} is not a participant of ${year}.` : `There is no edition ${year}.`);
    return result;
  }

  @Query(() => PlanningOverviewType, { description: 'The fieldwork plan per participant: split, staffing, shortfalls. Staff only.' })
  async planningOverview(@Ctx() ctx: Context, @Arg('year', () => Int) year: number): Promise<PlanningOverviewType> {
    requireStaff(ctx.viewer, STAFF_ONLY);
    const overview = await planningOverview(ctx.sql, year);
    if (!overview) throw new NotFound(`There is no edition ${year}.`);
    return overview;
  }

  @Mutation(() => FieldworkAssignmentType, {
    description:
      'Gives a planned assignment to another observer by hand; refused (BAD_USER_INPUT, extensions.rules) when a rule is broken or the work has started. Staff only.',
  })
  async assignObserver(
    @Ctx() ctx: Context,
    @Arg('assignmentId', () => ID) assignmentId: string,
    @Arg('observerId', () => String) observerId: string,
  ): Promise<FieldworkAssignmentType> {
    requireStaff(ctx.viewer, STAFF_ONLY);
    const id = serialIdOf(assignmentId, 'There is no assignment');
    await assignObserver(ctx.em, id, observerId.trim(), actorOf(ctx));
    const [year] = (
      await ctx.sql.query<{ year: number }>(
        `select e.year from assignment a join participation p on p.id = a.participation_id join edition e on e.id = p.edition_id where a.id = $1`,
        [id],
      )
    ).rows.map((r) => r.year);
    const [assignment] = (await fieldworkAssignments(ctx.sql, year!, { assignmentId: id })) ?? [];
    return assignment!;
  }
}
