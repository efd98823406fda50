import { graphql } from '@web/graphql/generated';

/** Staff: the managers' queries of an edition's responses, open ones first. */
export const ResponseQueriesDocument = graphql(`
  query ResponseQueries($year: Int!) {
    responseQueries(year: $year) {
      id
      status
      message
      reply
      askedAt
      askedBy
      decidedAt
      decidedBy
      inquiryId
      assignmentId
      channel
      company {
        slug
        name
      }
    }
  }
`);

export const RejectQueryDocument = graphql(`
  mutation RejectQuery($queryId: ID!, $reply: String!) {
    rejectQuery(queryId: $queryId, reply: $reply) {
      id
      status
      reply
      decidedAt
      decidedBy
    }
  }
`);

/** What a correction starts from: the response as it stands (found by id among the channel's responses) and its channel's questions. */
export const CorrectionSourceDocument = graphql(`
  query CorrectionSource($year: Int!, $companySlug: String!, $channel: Channel!, $after: String) {
    formQuestions(year: $year, channel: $channel) {
      code
      text
      kind
      min
      max
      options {
        code
        label
        notApplicable
      }
    }
    participation(year: $year, companySlug: $companySlug) {
      report {
        responses(channel: $channel, first: 100, after: $after) {
          pageInfo {
            endCursor
            hasNextPage
          }
          edges {
            node {
              id
              answers {
                questionCode
                optionCode
                value
              }
              comments {
                reception
                agent
                overall
              }
            }
          }
        }
      }
    }
  }
`);

/** Upholds a query through a correction of its response; `attempts: []` keeps the stored attempts. */
export const CorrectResponseDocument = graphql(`
  mutation CorrectResponse($assignmentId: ID!, $input: ResponseInput!, $reason: String!, $queryId: ID) {
    correctResponse(assignmentId: $assignmentId, input: $input, reason: $reason, queryId: $queryId) {
      id
      status
    }
  }
`);
