import { graphql } from '@web/graphql/generated';

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
