import { graphql } from '@web/graphql/generated';

/** This edition and every earlier one the company took part in (totals and areas), each against the one before it like for like. */
export const HistoryDocument = graphql(`
  query HistoryChapter($year: Int!, $companySlug: String!) {
    participation(year: $year, companySlug: $companySlug) {
      className
      report {
        year
        total
        uncertainty {
          low
          high
        }
        areas {
          area
          score
        }
        likeForLike {
          ...LikeForLikeFigures
        }
        history {
          year
          className
          total
          uncertainty {
            low
            high
          }
          areas {
            area
            score
          }
          likeForLike {
            ...LikeForLikeFigures
          }
        }
      }
    }
  }
`);

/** An edition against the one before it, like for like: the same fields on the report and on each history entry. */
export const LikeForLikeFiguresFragment = graphql(`
  fragment LikeForLikeFigures on LikeForLike {
    previousYear
    previousTotal
    total
    commonQuestions
    questionnaireChanged
    addedQuestions
    removedQuestions
    changedQuestions
  }
`);
