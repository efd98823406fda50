import { Arg, Ctx, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { requireStaff } from '../../access/policy.js';
import { ContactPointInput, ContactPointType, toContactPointTypes } from './contact-points.types.js';
import { setContactPoints } from './contact-points.service.js';

@Resolver()
export class ContactPointsResolver {
  @Mutation(() => [ContactPointType], {
    description:
      'Staff: replaces how observers reach a participant (an empty value removes one), while the edition is in PLANNING or ' +
      'FIELDWORK (else `extensions.rule` NOT_PLANNING_OR_FIELDWORK). Each for one of the participation’s channels; bad ones give ' +
      'BAD_USER_INPUT with `extensions.fields` (`contactPoints.PHONE` …). Answers with the participant’s contact points.',
  })
  async setContactPoints(
    @Arg('year', () => Int) year: number,
    @Arg('companySlug', () => String) companySlug: string,
    @Arg('contactPoints', () => [ContactPointInput]) contactPoints: ContactPointInput[],
    @Ctx() ctx: Context,
  ): Promise<ContactPointType[]> {
    requireStaff(ctx.viewer, 'Contact points are corrected by staff.');
    return toContactPointTypes(await setContactPoints(ctx.em, year, companySlug, contactPoints));
  }
}
