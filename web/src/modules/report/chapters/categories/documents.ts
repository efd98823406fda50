import { graphql } from '@web/graphql/generated';

export const CategoriesDocument = graphql(`
  query CategoriesChapter($year: Int!, $companySlug: String!, $channel: Channel, $own: Boolean!) {
    participation(year: $year, companySlug: $companySlug) {
      report(channel: $channel) {
        categories {
          category
          score
          byChannel {
            channel
            score
          }
          classBenchmark @include(if: $own) {
            mean
          }
        }
      }
    }
  }
`);
