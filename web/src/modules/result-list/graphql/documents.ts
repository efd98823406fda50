import { gql } from 'urql';
import type { EditionStatus } from '@ksp/shared/domain';

// The documents this page sends, and the shapes they return (schema.graphql on the server).

export interface EditionSummary {
  year: number;
  name: string;
  status: EditionStatus;
  classNames: string[];
}

export interface EditionsData {
  editions: EditionSummary[];
}

/** What the viewer may see (publicly: published editions), newest first. */
export const EditionsQuery = gql<EditionsData, Record<string, never>>`
  query Editions {
    editions {
      year
      name
      status
      classNames
    }
  }
`;

export interface ResultRow {
  rank: number;
  classRank: number;
  /** Percent of possible points (0–100), full precision. */
  total: number;
  className: string;
  company: { slug: string; name: string };
}

export interface ResultListData {
  resultList: ResultRow[];
}

export interface ResultListVariables {
  year: number;
  className?: string;
}

export const ResultListQuery = gql<ResultListData, ResultListVariables>`
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
    }
  }
`;
