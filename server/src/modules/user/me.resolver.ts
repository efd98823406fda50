import { Arg, Ctx, Field, FieldResolver, Float, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { EditionStatus, Tier } from '@ksp/shared';
import type { Context } from '../../context.js';
import { managedCompanyId, requireStaff, seesCompetitors } from '../../access/policy.js';
import { EditionStatusEnum, TierEnum } from '../../graphql/enums.js';
import { CompanyType } from '../participation/participation.types.js';
import { EditionType } from '../edition/edition.resolver.js';
import { editionByYear, listEditions } from '../edition/edition.service.js';
import { SignedInUserType } from './user.resolver.js';
import { readSection } from '../report/report.loaders.js';
import { editionParticipants, ownParticipations, viewerOf } from './me.service.js';

@ObjectType('OwnParticipation', {
  description:
    'The own company in one edition the viewer may see: what the web needs to offer the right views. The server still decides every request.',
})
export class OwnParticipationType {
  @Field(() => Int) year!: number;
  @Field(() => String) editionName!: string;
  @Field(() => EditionStatusEnum) editionStatus!: EditionStatus;
  @Field(() => String) className!: string;
  @Field(() => TierEnum) tier!: Tier;
  @Field(() => Boolean) reportPurchased!: boolean;
  @Field(() => [CompanyType], {
    description: 'The chosen competitors whose aggregates the viewer may open: konkurrent tier with the report bought; otherwise empty.',
  })
  competitors!: CompanyType[];
}

@ObjectType('EditionParticipant', { description: 'A participant of an edition as staff sees it (the edition overview).' })
export class EditionParticipantType {
  @Field(() => CompanyType) company!: CompanyType;
  @Field(() => String) className!: string;
  @Field(() => TierEnum) tier!: Tier;
  @Field(() => Boolean) reportPurchased!: boolean;
  @Field(() => Float, {
    nullable: true,
    description:
      'The total score (pooled points, all channels), as the report and the result list have it; null without approved inquiries.',
  })
  total!: number | null;
  @Field(() => [CompanyType], { description: 'The chosen competitors (konkurrent tier), in choice order.' })
  competitors!: CompanyType[];
}

/**
 * `me`: who is signed in and what the web may offer them. The fields read the user from the
 * root (also right after `login`, before the session cookie comes back) and ask the policy.
 */
@Resolver(() => SignedInUserType)
export class MeResolver {
  @Query(() => SignedInUserType, { nullable: true, description: 'The signed-in user, or null.' })
  me(@Ctx() ctx: Context): SignedInUserType | null {
    return ctx.viewer.kind === 'user' ? { id: ctx.viewer.userId, role: ctx.viewer.role } : null;
  }

  @FieldResolver(() => String)
  async email(@Root() root: SignedInUserType, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.user(root.id))?.email ?? '';
  }

  @FieldResolver(() => CompanyType, { nullable: true, description: 'The company a manager is bound to; null for others.' })
  async company(@Root() root: SignedInUserType, @Ctx() ctx: Context): Promise<CompanyType | null> {
    const row = await ctx.loaders.user(root.id);
    return row?.companySlug && row.companyName ? { slug: row.companySlug, name: row.companyName } : null;
  }

  @FieldResolver(() => [EditionType], {
    description: 'The editions the user may open, newest first: the published ones, and for staff every edition with its status.',
  })
  async editions(@Root() root: SignedInUserType, @Ctx() ctx: Context): Promise<EditionType[]> {
    const row = await ctx.loaders.user(root.id);
    return row ? listEditions(ctx.sql, viewerOf(row)) : [];
  }

  @FieldResolver(() => [OwnParticipationType], {
    description: "A manager's own company in every published edition it took part in, newest first; empty for others.",
  })
  async participations(@Root() root: SignedInUserType, @Ctx() ctx: Context): Promise<OwnParticipationType[]> {
    const row = await ctx.loaders.user(root.id);
    const viewer = row && viewerOf(row);
    const companyId = viewer ? managedCompanyId(viewer) : null;
    if (!viewer || companyId === null) return [];
    const found = await ownParticipations(ctx.sql, viewer, companyId);
    // The competitors it may open, by the competitor rule the report grants follow (policy.seesCompetitors).
    return found.map((p) => ({ ...p, competitors: seesCompetitors(p) ? p.competitors : [] }));
  }
}

@Resolver(() => EditionParticipantType)
export class EditionParticipantsResolver {
  @Query(() => [EditionParticipantType], {
    description:
      'Every participant of an edition with class, tier and report purchase, by class and name. Staff only: others get FORBIDDEN.',
  })
  async editionParticipants(@Arg('year', () => Int) year: number, @Ctx() ctx: Context): Promise<EditionParticipantType[]> {
    requireStaff(ctx.viewer, 'Only staff can list the participants of an edition.');
    await editionByYear(ctx.sql, ctx.viewer, year); // NOT_FOUND for an unknown year
    // Two statements whatever the number of participants: the participants, then every total
    // at once through the report's own totals section (stored for published editions), so the
    // overview shows the very figure each dashboard shows.
    const participants = await editionParticipants(ctx.sql, year);
    const totals = await readSection('totals')(
      ctx.sql,
      participants.map((p) => p.participationId),
      null,
    );
    return participants.map(({ participationId, ...p }) => ({ ...p, total: totals.get(participationId)?.total ?? null }));
  }
}
