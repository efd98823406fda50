import { graphql } from '@web/graphql/generated';

/**
 * Delivery variation. Order statistics (each one inquiry's score) and the single inquiries
 * are the own report's only: they are asked with `own`, a competitor gets the aggregates.
 */
export const VariationDocument = graphql(`
  query VariationChapter($year: Int!, $companySlug: String!, $channel: Channel, $own: Boolean!) {
    participation(year: $year, companySlug: $companySlug) {
      report(channel: $channel) {
        variation {
          total {
            ...SpreadAggregates
            ...SpreadOrder @include(if: $own)
          }
          byChannel {
            channel
            spread {
              ...SpreadAggregates
              ...SpreadOrder @include(if: $own)
            }
          }
          areas {
            area
            spread {
              ...SpreadAggregates
              ...SpreadOrder @include(if: $own)
            }
          }
          widestPerformances(limit: 8) {
            code
            text
            shortLabel
            area
            score
            stdDev
            answers
          }
        }
        inquiries @include(if: $own) {
          id
          channel
          score
        }
        areas @include(if: $own) {
          area
          inquiries {
            id
            score
          }
        }
      }
    }
  }
`);

export const SpreadAggregatesFragment = graphql(`
  fragment SpreadAggregates on Spread {
    count
    mean
    stdDev
  }
`);

export const SpreadOrderFragment = graphql(`
  fragment SpreadOrder on Spread {
    min
    q1
    median
    q3
    max
  }
`);
