import { graphql } from '@web/graphql/generated';

/** Staff: the edition's plan per participant (split, staffing per week, the latest plan's shortfalls). */
export const PlanningOverviewDocument = graphql(`
  query PlanningOverview($year: Int!) {
    planningOverview(year: $year) {
      year
      status
      fieldworkWeeks
      inquiriesPerParticipant
      plannedAt
      plannedBy
      assigned
      unassigned
      participants {
        company {
          slug
          name
        }
        className
        channels
        split {
          channel
          target
          staffed
        }
        weeks {
          week
          staffed
        }
        target
        staffed
        shortfalls {
          channel
          week
          missing
          planned
          rules
          reason
        }
      }
    }
  }
`);

/** An assignment as the plan shows it: its observer's id, gender and age band (never the name). */
export const PlannedAssignmentFragment = graphql(`
  fragment PlannedAssignment on FieldworkAssignment {
    id
    company {
      slug
    }
    channel
    week
    observer {
      id
      gender
      ageBand
    }
    status
  }
`);

/** Staff: every assignment of the edition. */
export const FieldworkAssignmentsDocument = graphql(`
  query FieldworkAssignments($year: Int!) {
    fieldworkAssignments(year: $year) {
      ...PlannedAssignment
    }
  }
`);

export const PlanFieldworkDocument = graphql(`
  mutation PlanFieldwork($year: Int!) {
    planFieldwork(year: $year) {
      assigned
      unassigned
      planned
      kept
    }
  }
`);

export const AssignObserverDocument = graphql(`
  mutation AssignObserver($assignmentId: ID!, $observerId: String!) {
    assignObserver(assignmentId: $assignmentId, observerId: $observerId) {
      ...PlannedAssignment
    }
  }
`);
