import { graphql } from '@web/graphql/generated';

/** Staff: an edition's status, settings and status history, for its operations page. */
export const EditionOperationsDocument = graphql(`
  query EditionOperations($year: Int!) {
    edition(year: $year) {
      year
      name
      status
      settings {
        weeks
        inquiriesPerParticipant
        channelKeys {
          channel
          key
        }
        waitLimits {
          channel
          waitSeconds
          attempts
        }
        minQualityScore
        minCellSize
        thirdChannel
      }
      events {
        at
        fromStatus
        toStatus
        by
        note
      }
    }
  }
`);

export const CreateEditionDocument = graphql(`
  mutation CreateEdition($input: CreateEditionInput!) {
    createEdition(input: $input) {
      year
      name
      status
    }
  }
`);

export const UpdateEditionSettingsDocument = graphql(`
  mutation UpdateEditionSettings($year: Int!, $input: EditionSettingsInput!) {
    updateEditionSettings(year: $year, input: $input) {
      year
    }
  }
`);

export const SetEditionStatusDocument = graphql(`
  mutation SetEditionStatus($year: Int!, $status: EditionStatus!) {
    setEditionStatus(year: $year, status: $status) {
      year
      status
    }
  }
`);
