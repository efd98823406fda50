import { graphql } from '@web/graphql/generated';

/** What the form starts from or shows: attempts, ticks and comments (no points). */
export const ResponseContentFragment = graphql(`
  fragment AssignmentResponseContent on ResponseContent {
    status
    savedAt
    attempts {
      at
      waitSeconds
      automaticReplyOnly
    }
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
`);

/** An observer's own assignment: what to do, when, and (while RETURNED) what to fix. Never points or other observers. */
export const ObserverAssignmentFragment = graphql(`
  fragment ObserverAssignment on Assignment {
    id
    year
    company {
      slug
      name
    }
    channel
    week
    status
    rolePlays {
      title
      description
    }
    contactWindows
    contact
    maxAttempts
    waitLimitSeconds
    returnNote
    returnQuestions
    returnQuestionTexts
    returnedAt
    form {
      ...AssignmentResponseContent
    }
  }
`);

/** The signed-in observer's assignments, every edition. */
export const MyAssignmentsDocument = graphql(`
  query MyAssignments {
    myAssignments {
      ...ObserverAssignment
    }
  }
`);

/** One assignment with its channel's questions, for the form. */
export const AssignmentFormDocument = graphql(`
  query AssignmentForm {
    myAssignments {
      ...ObserverAssignment
      questions {
        code
        text
        area
        kind
        min
        max
        options {
          code
          label
          notApplicable
        }
      }
    }
  }
`);

export const SaveResponseDraftDocument = graphql(`
  mutation SaveResponseDraft($assignmentId: ID!, $input: ResponseInput!) {
    saveResponseDraft(assignmentId: $assignmentId, input: $input) {
      id
      status
      form {
        savedAt
      }
    }
  }
`);

export const SubmitResponseDocument = graphql(`
  mutation SubmitResponse($assignmentId: ID!, $input: ResponseInput!, $idempotencyKey: String!) {
    submitResponse(assignmentId: $assignmentId, input: $input, idempotencyKey: $idempotencyKey) {
      ...ObserverAssignment
    }
  }
`);
