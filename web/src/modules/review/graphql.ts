import { graphql } from '@web/graphql/generated';

/** A response as the reviewer reads it: who, where, when, what looks odd, the response itself and its history. */
export const ReviewedAssignmentFragment = graphql(`
  fragment ReviewedAssignment on FieldworkAssignment {
    id
    company {
      slug
      name
    }
    className
    channel
    week
    observer {
      id
      gender
      ageBand
    }
    status
    events {
      at
      action
      by
      note
      questions
    }
    review {
      submittedAt
      returnNote
      returnQuestions
      returnedAt
      overdue
      flags {
        flag
        message
      }
      response {
        status
        attempts {
          at
          waitSeconds
          automaticReplyOnly
        }
        answers {
          questionCode
          questionText
          optionCode
          optionLabel
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
`);

/** Staff: the responses waiting for review, oldest submission first. */
export const ReviewQueueDocument = graphql(`
  query ReviewQueue($year: Int!) {
    reviewQueue(year: $year) {
      ...ReviewedAssignment
    }
  }
`);

/** Staff: the responses back with their observers, oldest return first. */
export const ReturnedResponsesDocument = graphql(`
  query ReturnedResponses($year: Int!) {
    returnedResponses(year: $year) {
      ...ReviewedAssignment
    }
  }
`);

/** Staff: how many responses wait for review, for the link on the edition's operations page. */
export const ReviewQueueCountDocument = graphql(`
  query ReviewQueueCount($year: Int!) {
    reviewQueue(year: $year) {
      id
    }
  }
`);

export const ApproveResponsesDocument = graphql(`
  mutation ApproveResponses($assignmentIds: [ID!]!) {
    approveResponses(assignmentIds: $assignmentIds) {
      id
      status
    }
  }
`);

export const ReturnResponseDocument = graphql(`
  mutation ReturnResponse($assignmentId: ID!, $note: String!, $questionCodes: [String!]) {
    returnResponse(assignmentId: $assignmentId, note: $note, questionCodes: $questionCodes) {
      id
      status
    }
  }
`);
