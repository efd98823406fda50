import { graphql } from '@web/graphql/generated';

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
    $question: String
    $option: String
    $from: String
    $to: String
    $attempts: Int
    $orderBy: ResponseOrder
  ) {
    participation(year: $year, companySlug: $companySlug) {
      report {
        responses(
          channel: $channel
          status: $status
          minScore: $minScore
          maxScore: $maxScore
          search: $search
          first: $first
          after: $after
          question: $question
          option: $option
          from: $from
          to: $to
          attempts: $attempts
          orderBy: $orderBy
        ) {
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
    queries {
      ...ResponseQueryDetail
    }
  }
`);

export const ResponseQueryDetailFragment = graphql(`
  fragment ResponseQueryDetail on ResponseQuery {
    id
    status
    message
    reply
    askedAt
    decidedAt
  }
`);

/** A manager's query of one own response (after publication, within the edition's deadline). */
export const QueryResponseDocument = graphql(`
  mutation QueryResponse($year: Int!, $companySlug: String!, $inquiryId: ID!, $message: String!) {
    queryResponse(year: $year, companySlug: $companySlug, inquiryId: $inquiryId, message: $message) {
      ...ResponseQueryDetail
    }
  }
`);

/** The questions a response can be filtered by, with their options: the questionnaire's choice questions. */
export const ResponseQuestionsDocument = graphql(`
  query ResponseQuestions($year: Int!, $companySlug: String!) {
    participation(year: $year, companySlug: $companySlug) {
      report {
        performances {
          code
          text
          area
          options {
            code
            label
          }
        }
      }
    }
  }
`);
