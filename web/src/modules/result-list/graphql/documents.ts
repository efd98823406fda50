import { graphql } from '@web/graphql/generated';
import type { EditionsQuery as EditionsData, ResultListQuery as ResultListData } from '@web/graphql/generated/graphql';

// The documents this page sends; their result types are generated from schema.graphql (`pnpm codegen`).

/** What the viewer may see (publicly: published editions), newest first. */
export const EditionsQuery = graphql(`
  query Editions {
    editions {
      year
      name
      status
      classNames
    }
  }
`);

export const ResultListQuery = graphql(`
  query ResultList($year: Int!, $className: String) {
    resultList(year: $year, className: $className) {
      rank
      classRank
      total
      className
      company {
        slug
        name
      }
      uncertainty {
        ...UncertaintyFigures
      }
    }
  }
`);

export type EditionSummary = EditionsData['editions'][number];
export type ResultRow = ResultListData['resultList'][number];

/** Last year's public totals, to show each company's change (the public list of that edition). */
export const LastYearTotalsQuery = graphql(`
  query LastYearTotals($year: Int!) {
    resultList(year: $year) {
      total
      company {
        slug
      }
    }
  }
`);

/** How sure a total and its ranks are: the same figures on the result list and the overview. */
export const UncertaintyFiguresFragment = graphql(`
  fragment UncertaintyFigures on Uncertainty {
    low
    high
    rankLow
    rankHigh
    classRankLow
    classRankHigh
  }
`);
