import { graphql } from '@web/graphql/generated';
import type { InsightChapterQuery } from '@web/graphql/generated/graphql';

/**
 * The insight chapter: the edition's key drivers of one outcome on one channel (staff and
 * buyers of that year's report), and the own report's improve-first list, whose weights are the
 * participant's (averaged over its channels, or the report's channel), and where it stands on
 * each performance: the quadrant sets that against the drivers' channel's weights.
 */
export const InsightDocument = graphql(`
  query InsightChapter($year: Int!, $companySlug: String!, $channel: Channel, $driverChannel: Channel!, $outcome: CxMeasure!) {
    keyDrivers(year: $year, outcome: $outcome, channel: $driverChannel) {
      inquiries
      rSquared
      drivers {
        questionCode
        weight
        low
        high
      }
    }
    participation(year: $year, companySlug: $companySlug) {
      report(channel: $channel) {
        total
        uncertainty {
          ...UncertaintyFigures
          tiedWith {
            slug
            name
          }
        }
        performances {
          code
          text
          shortLabel
          scored
          channels
        }
        improveFirst(outcome: $outcome) {
          questionCode
          score
          classScore
          weight
          priority
        }
        performanceImportance(outcome: $outcome) {
          questionCode
          score
          classScore
        }
      }
    }
  }
`);

export type InsightData = InsightChapterQuery;

/** What the comments of one area say: the distinctive words and the sentiment (own report only). */
export const CommentInsightDocument = graphql(`
  query CommentInsight($year: Int!, $companySlug: String!, $channel: Channel, $area: CommentArea!) {
    participation(year: $year, companySlug: $companySlug) {
      report(channel: $channel) {
        commentWords(area: $area) {
          ...CommentWordItem
        }
        commentSentiment {
          ...AreaSentimentItem
        }
      }
    }
  }
`);

export const CommentWordItemFragment = graphql(`
  fragment CommentWordItem on CommentWord {
    word
    term
    direction
    zScore
    ownCount
    classCount
  }
`);

export const AreaSentimentItemFragment = graphql(`
  fragment AreaSentimentItem on AreaSentiment {
    area
    mean
    comments
    classMean
  }
`);
