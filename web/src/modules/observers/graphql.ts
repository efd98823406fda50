import { graphql } from '../../graphql/generated';

/** Staff only: one page of the observer pool seen for an edition, and the whole pool's summary. */
export const ObserverPoolDocument = graphql(`
  query ObserverPool($year: Int!, $search: String, $passesQuality: Boolean, $availableInWeek: Int, $first: Int, $offset: Int) {
    observers(
      year: $year
      search: $search
      passesQuality: $passesQuality
      availableInWeek: $availableInWeek
      first: $first
      offset: $offset
    ) {
      total
      fieldworkWeeks
      minQualityScore
      summary {
        observers
        passingQuality
        weeks {
          week
          available
          availablePassing
        }
      }
      items {
        id
        name
        gender
        ageBand
        region
        qualityScore
        passesQuality
        availability {
          week
          available
        }
        conflicts {
          company {
            slug
            name
          }
          reasons
        }
        assignments
      }
    }
  }
`);
