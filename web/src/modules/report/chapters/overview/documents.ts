import { graphql } from '@web/graphql/generated';
import type { ClassRanksQuery, OverviewChapterQuery } from '@web/graphql/generated/graphql';

/**
 * The overview: totals, the class, the channels, and what the short reading needs. Fields that
 * belong to the own report only are asked with `own`, so a competitor's overview still loads.
 * Narrowed to a channel, the own figures over all channels come too (`allChannels`): the channel
 * is read against them, since the class benchmark is not split by channel.
 */
export const OverviewDocument = graphql(`
  query OverviewChapter($year: Int!, $companySlug: String!, $channel: Channel, $own: Boolean!, $narrowed: Boolean!) {
    participation(year: $year, companySlug: $companySlug) {
      allChannels: report @include(if: $narrowed) {
        total
        lastYearTotal
        areas {
          area
          score
        }
        performances {
          code
          score
        }
      }
      report(channel: $channel) {
        corrections @include(if: $own) {
          at
          inquiryId
          reason
        }
        total
        lastYearTotal
        classMean
        byChannel {
          channel
          total
        }
        classBenchmark {
          company {
            slug
            name
          }
          total
        }
        areas {
          area
          score
          classBenchmark @include(if: $own) {
            mean
          }
        }
        performances {
          code
          text
          scored
          score
          classScore @include(if: $own)
        }
        improveFirst(outcome: NPS) @include(if: $own) {
          questionCode
          score
          classScore
        }
        variation {
          byChannel {
            channel
            spread {
              stdDev
              count
            }
          }
        }
      }
    }
  }
`);

/**
 * The public ranks: the class's result list carries both the overall rank and the class rank;
 * the whole list's length is the "of N" of the overall rank.
 */
export const ClassRanksDocument = graphql(`
  query ClassRanks($year: Int!, $className: String!) {
    resultList(year: $year, className: $className) {
      rank
      classRank
      total
      company {
        slug
      }
      uncertainty {
        ...UncertaintyFigures
        tiedWith {
          slug
          name
        }
      }
    }
    everyone: resultList(year: $year) {
      rank
    }
  }
`);

/** The overview's report, the own figures over all channels (narrowed only), and the ranks, as the chapter's parts receive them. */
export type OverviewReport = NonNullable<NonNullable<OverviewChapterQuery['participation']>['report']>;
export type OverviewAllChannels = NonNullable<OverviewChapterQuery['participation']>['allChannels'];
export type ClassRanks = ClassRanksQuery;
