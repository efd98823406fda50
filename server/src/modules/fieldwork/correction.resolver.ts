import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { accessOf, Needs, requireReport, underGrantOf } from '../../access/grant.js';
import { denial, managedCompanyId, requireStaff } from '../../access/policy.js';
import { NotFound, quote } from '../../errors.js';
import { ResponseType } from '../inquiry/response.types.js';
import { ReportType } from '../report/report.types.js';
import { openReport } from '../report/open-report.js';
import { findParticipation } from '../participation/participation.service.js';
import { FieldworkAssignmentType } from './planning.types.js';
import { correctResponse, queryResponse, rejectQuery, responseQueries, type QueryRow } from './correction.service.js';
import { ReportCorrectionType, ResponseQueryCaseType } from './correction.types.js';
import { assignmentIdOf, serialIdOf } from './response.store.js';
import { FormQuestionType, formQuestions, ResponseInputType, ResponseQueryType, toResponseInput } from './response.types.js';
import { ChannelEnum } from '../../graphql/enums.js';
import type { Channel } from '@ksp/shared';
import { reread } from './review.resolver.js';

const STAFF_ONLY = 'Only staff correct responses and decide queries.';
const actorOf = (ctx: Context) => (ctx.viewer.kind === 'user' ? ctx.viewer.userId : 0);

const queryIdOf = (value: string) => serialIdOf(value, 'Det finnes ingen henvendelse');

const asQuery = (q: QueryRow): ResponseQueryType => ({
  id: q.id,
  status: q.status,
  message: q.message,
  reply: q.reply,
  askedAt: q.askedAt,
  decidedAt: q.decidedAt,
});

@Resolver()
export class CorrectionResolver {
  @Mutation(() => FieldworkAssignmentType, {
    description:
      'Corrects a response of a published edition, audited (before, after, who, why); empty `attempts` keep the stored ones. ' +
      'With `queryId`, upholds that open query of the response, `reason` its reply. Staff only.',
  })
  async correctResponse(
    @Ctx() ctx: Context,
    @Arg('assignmentId', () => ID) assignmentId: string,
    @Arg('input', () => ResponseInputType) input: ResponseInputType,
    @Arg('reason', () => String) reason: string,
    @Arg('queryId', () => ID, { nullable: true }) queryId: string | null | undefined,
  ): Promise<FieldworkAssignmentType> {
    requireStaff(ctx.viewer, STAFF_ONLY);
    const id = assignmentIdOf(assignmentId);
    await correctResponse(ctx.em, id, toResponseInput(input), reason, actorOf(ctx), queryId ? queryIdOf(queryId) : null);
    return reread(ctx, id);
  }

  @Query(() => [ResponseQueryCaseType], { description: 'The managers’ queries of an edition’s responses, open ones first. Staff only.' })
  responseQueries(@Ctx() ctx: Context, @Arg('year', () => Int) year: number): Promise<ResponseQueryCaseType[]> {
    requireStaff(ctx.viewer, STAFF_ONLY);
    return responseQueries(ctx.sql, year);
  }

  @Query(() => [FormQuestionType], {
    description:
      'The questions of an edition’s form for one channel, with their options (no points): what a correction is made with. Staff only.',
  })
  async formQuestions(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    @Arg('channel', () => ChannelEnum) channel: Channel,
  ): Promise<FormQuestionType[]> {
    requireStaff(ctx.viewer, STAFF_ONLY);
    const [edition] = (await ctx.sql.query<{ id: number }>(`select id from edition where year = $1`, [year])).rows;
    if (!edition) throw new NotFound(`There is no edition ${year}.`);
    return formQuestions(await ctx.loaders.questionnaire(edition.id), channel);
  }

  @Mutation(() => ResponseQueryCaseType, {
    description: 'Rejects an open query with a reply the manager reads on the response. Staff only.',
  })
  rejectQuery(
    @Ctx() ctx: Context,
    @Arg('queryId', () => ID) queryId: string,
    @Arg('reply', () => String) reply: string,
  ): Promise<ResponseQueryCaseType> {
    requireStaff(ctx.viewer, STAFF_ONLY);
    return rejectQuery(ctx.em, queryIdOf(queryId), reply, actorOf(ctx));
  }

  @Mutation(() => ResponseQueryType, {
    description:
      'A manager’s query of one own response of a published edition, within the edition’s deadline (default 14 days after publication). ' +
      'The own report only; one open query per response.',
  })
  async queryResponse(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    @Arg('companySlug', () => String) companySlug: string,
    @Arg('inquiryId', () => ID) inquiryId: string,
    @Arg('message', () => String) message: string,
  ): Promise<ResponseQueryType> {
    const refused = 'Only the company’s own manager can query its responses.';
    const row = await findParticipation(ctx.sql, year, companySlug.trim().toLowerCase());
    if (!row) throw new NotFound(`${quote(companySlug)} is not a participant of ${year}.`);
    // The own report, opened through the policy like every other path to it; staff answer queries, they do not ask them.
    const report = requireReport(ctx.viewer, openReport(ctx, row, { channel: null, area: null }), refused);
    if (accessOf(report) !== 'OWN' || managedCompanyId(ctx.viewer) !== row.companyId) throw denial(ctx.viewer, refused);
    const query = await queryResponse(ctx.em, row.id, inquiryId, message, actorOf(ctx));
    return underGrantOf(asQuery(query), report);
  }
}

@Resolver(() => ResponseType)
export class ResponseQueriesResolver {
  @FieldResolver(() => [ResponseQueryType], { description: 'The manager’s queries of this response and their outcome, oldest first.' })
  @Needs('OWN')
  async queries(@Root() response: ResponseType, @Ctx() ctx: Context): Promise<ResponseQueryType[]> {
    return (await ctx.loaders.responseQueries.load(response.inquiryRowId)).map(asQuery);
  }
}

@Resolver(() => ReportType)
export class ReportCorrectionsResolver {
  @FieldResolver(() => [ReportCorrectionType], {
    description: 'Corrections of the report’s responses after publication, newest first. Own report only.',
  })
  @Needs('OWN')
  corrections(@Root() report: ReportType, @Ctx() ctx: Context): Promise<ReportCorrectionType[]> {
    return ctx.loaders.corrections.load(report.participation.id);
  }
}
