import { graphql } from '@web/graphql/generated';

export const BackgroundDocument = graphql(`
  query BackgroundChapter($year: Int!, $companySlug: String!) {
    participation(year: $year, companySlug: $companySlug) {
      report {
        background {
          channels
          rolePlays {
            title
            description
          }
          inquiriesByChannel {
            channel
            count
          }
          unanswered
          observerGenders {
            gender
            count
          }
          observerAgeBands {
            band
            count
          }
        }
      }
    }
  }
`);
