import 'reflect-metadata';
import path from 'node:path';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { REPO_ROOT } from '../config.js';
import { EditionResolver } from '../modules/edition/edition.resolver.js';
import { EditionSetupResolver } from '../modules/edition/edition-setup.resolver.js';
import { ResultListResolver } from '../modules/result-list/result-list.resolver.js';
import { ParticipationResolver } from '../modules/participation/participation.resolver.js';
import { ContactPointsResolver } from '../modules/participation/contact-points.resolver.js';
import {
  AreaScoreResolver,
  CategoryScoreResolver,
  CxReportResolver,
  HistoryEntryResolver,
  ReportResolver,
} from '../modules/report/report.resolver.js';
import { UserResolver } from '../modules/user/user.resolver.js';
import { EditionParticipantsResolver, MeResolver } from '../modules/user/me.resolver.js';
import { AssignmentResolver, ObserverResponseResolver } from '../modules/fieldwork/assignment.resolver.js';
import {
  AreaPerformanceResolver,
  PerformanceClassResolver,
  PerformanceResolver,
  VariationResolver,
} from '../modules/report/performance.resolver.js';
import { enforceGrants } from '../access/grant.js';
import { withheldCells } from '../modules/report/report.loaders.js';
import { ResponseAnswersResolver, ResponseResolver } from '../modules/inquiry/response.resolver.js';
import { ParticipationWelcomeResolver, SignUpResolver } from '../modules/signup/sign-up.resolver.js';
import { ObserverPoolResolver } from '../modules/observer/observer.resolver.js';
import { ReviewResolver } from '../modules/fieldwork/review.resolver.js';
import { CorrectionResolver, ReportCorrectionsResolver, ResponseQueriesResolver } from '../modules/fieldwork/correction.resolver.js';
import { PlanningResolver } from '../modules/fieldwork/planning.resolver.js';
import { KeyDriversResolver, ReportImproveFirstResolver } from '../modules/insight/insight.resolver.js';
import { CommentInsightResolver, ResponseSentimentResolver } from '../modules/report/comment-insight.resolver.js';

export const SCHEMA_FILE = path.join(REPO_ROOT, 'schema.graphql');

/** The schema, with every field under a report guarded by the report's grant (access/grant.ts). */
export async function createSchema(): Promise<GraphQLSchema> {
  return enforceGrants(
    await buildSchema({
      resolvers: [
        EditionResolver,
        EditionSetupResolver,
        ResultListResolver,
        ParticipationResolver,
        ContactPointsResolver,
        ReportResolver,
        HistoryEntryResolver,
        AreaScoreResolver,
        CategoryScoreResolver,
        CxReportResolver,
        PerformanceResolver,
        AreaPerformanceResolver,
        PerformanceClassResolver,
        VariationResolver,
        UserResolver,
        MeResolver,
        EditionParticipantsResolver,
        ResponseResolver,
        ResponseAnswersResolver,
        AssignmentResolver,
        ObserverResponseResolver,
        SignUpResolver,
        ParticipationWelcomeResolver,
        ObserverPoolResolver,
        PlanningResolver,
        ReviewResolver,
        CorrectionResolver,
        ResponseQueriesResolver,
        ReportCorrectionsResolver,
        KeyDriversResolver,
        ReportImproveFirstResolver,
        CommentInsightResolver,
        ResponseSentimentResolver,
      ],
      validate: false,
    }),
    withheldCells,
  );
}

/** The committed schema.graphql: sorted, so it changes only when the API does. */
export function schemaText(schema: GraphQLSchema): string {
  return `# Generated from the server code by \`pnpm schema\`. Do not edit: a test fails when it drifts.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
