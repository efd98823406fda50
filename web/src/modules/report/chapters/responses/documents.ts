import { graphql } from '../../../../graphql/generated';

/** A page of responses with the observer's ticks and comments, filtered as the URL says. */
export const ResponsesDocument = graphql(`
  query ResponsesChapter(
    $year: Int!
    $companySlug: String!
    $channel: Channel
    $status: InquiryStatus
    $minScore: Float
    $maxScore: Float
    $search: String
    $first: Int
    $after: String
  ) {
    participation(year: $year, companySlug: $companySlug) {
      report {
        responses(channel: $channel, status: $status, minScore: $minScore, maxScore: $maxScore, search: $search, first: $first, after: $after) {
          totalCount
          pageInfo {
            endCursor
            hasNextPage
          }
          edges {
            node {
              ...ResponseDetail
            }
          }
        }
      }
    }
  }
`);

export const ResponseDetailFragment = graphql(`
  fragment ResponseDetail on Response {
    id
    channel
    status
    contactedAt
    waitSeconds
    attempts
    score
    observer {
      gender
      ageBand
    }
    comments {
      reception
      agent
      overall
    }
    highlights {
      reception
      agent
      overall
    }
    answers {
      questionCode
      questionText
      area
      optionLabel
      value
      points
      maxPoints
      notApplicable
    }
  }
`);
