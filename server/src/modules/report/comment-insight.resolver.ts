import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { COMMENT_AREAS, type CommentArea } from '@ksp/shared/insight/comment-areas';
import { commentSentiment } from '@ksp/shared/insight/sentiment';
import type { Context } from '../../context.js';
import { Needs } from '../../access/grant.js';
import { CommentAreaEnum } from '../../graphql/enums.js';
import { ResponseType } from '../inquiry/response.types.js';
import { ReportType, scopeOf } from './report.types.js';
import { AreaSentimentType, CommentSentimentsType, CommentWordType } from './comment-insight.types.js';

@Resolver(() => ReportType)
export class CommentInsightResolver {
  @FieldResolver(() => [CommentWordType], {
    description:
      'The words that set the comments of an area apart from the rest of the class: up to 10 used more (largest z first), then up to 10 used ' +
      'less (most negative first), per area. Without `area`, the area the report is narrowed to, else every comment area in turn. ' +
      'Over the approved, answered inquiries (of the report’s channel, if narrowed). Own report only.',
  })
  @Needs('OWN')
  async commentWords(
    @Root() report: ReportType,
    @Ctx() ctx: Context,
    @Arg('area', () => CommentAreaEnum, { nullable: true }) area: CommentArea | null,
  ): Promise<CommentWordType[]> {
    const words = await ctx.loaders.sections.commentWords.load(scopeOf(report));
    const narrowed = COMMENT_AREAS.find((a) => a === report.area);
    const areas = area ? [area] : narrowed ? [narrowed] : COMMENT_AREAS;
    return areas.flatMap((a) => words[a].map((w) => ({ ...w, area: a })));
  }

  @FieldResolver(() => [AreaSentimentType], {
    description: 'The sentiment of the comments per area (reception, agent, overall), own and the class’s. Own report only.',
  })
  @Needs('OWN')
  commentSentiment(@Root() report: ReportType, @Ctx() ctx: Context): Promise<AreaSentimentType[]> {
    return ctx.loaders.sections.commentSentiment.load(scopeOf(report));
  }
}

@Resolver(() => ResponseType)
export class ResponseSentimentResolver {
  @FieldResolver(() => CommentSentimentsType, { description: 'A sentiment reading of each comment (docs/insight-comments.md).' })
  @Needs('OWN')
  sentiment(@Root() response: ResponseType): CommentSentimentsType {
    return {
      reception: commentSentiment(response.comments.reception).score,
      agent: commentSentiment(response.comments.agent).score,
      overall: commentSentiment(response.comments.overall).score,
    };
  }
}
