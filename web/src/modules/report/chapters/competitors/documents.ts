import { graphql } from '@web/graphql/generated';

/** The own aggregates and each chosen competitor's, side by side. Never a competitor's tier. */
export const CompetitorsDocument = graphql(`
  query CompetitorsChapter($year: Int!, $companySlug: String!, $channel: Channel) {
    participation(year: $year, companySlug: $companySlug) {
      report(channel: $channel) {
        ...CompetitorFigures
        competitors {
          company {
            slug
            name
          }
          report(channel: $channel) {
            ...CompetitorFigures
          }
        }
      }
    }
  }
`);

export const CompetitorFiguresFragment = graphql(`
  fragment CompetitorFigures on Report {
    total
    byChannel {
      channel
      total
    }
    areas {
      area
      score
    }
    categories {
      category
      score
    }
    cx {
      csatMean
      csatTop2Share
      cesMean
      nps
      ves1Mean
      ves2Mean
      csatAnswers
      cesAnswers
      npsAnswers
      ves1Answers
      ves2Answers
    }
  }
`);
