import { graphql } from '@web/graphql/generated';
import type { AreaChapterQuery } from '@web/graphql/generated/graphql';

/** One area: its score against the class, per channel, and its performances per channel. */
export const AreaDocument = graphql(`
  query AreaChapter($year: Int!, $companySlug: String!, $channel: Channel, $area: ScoredArea!, $own: Boolean!) {
    participation(year: $year, companySlug: $companySlug) {
      report(channel: $channel, area: $area) {
        areas {
          area
          score
          byChannel {
            channel
            score
          }
          classBenchmark @include(if: $own) {
            mean
            members {
              company {
                slug
                name
              }
              score
            }
          }
        }
        performances {
          code
          text
          shortLabel
          scored
          score
          classScore @include(if: $own)
          maxPoints
          answers
          byChannel {
            channel
            score
            answers
          }
        }
      }
    }
  }
`);

/** On demand: the answer distribution of the area's performances. */
export const DistributionDocument = graphql(`
  query PerformanceDistribution($year: Int!, $companySlug: String!, $channel: Channel, $area: ScoredArea!) {
    participation(year: $year, companySlug: $companySlug) {
      report(channel: $channel, area: $area) {
        performances {
          code
          text
          answers
          options {
            code
            label
            points
            notApplicable
            count
            share
          }
        }
      }
    }
  }
`);

/** The area chapter's report, and the parts of it the chapter's components receive. */
export type AreaReport = NonNullable<NonNullable<AreaChapterQuery['participation']>['report']>;
export type AreaScore = AreaReport['areas'][number];
export type AreaPerformance = AreaReport['performances'][number];
export type AreaClassBenchmark = NonNullable<AreaScore['classBenchmark']>;
