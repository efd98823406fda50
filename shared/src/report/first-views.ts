import { SCORED_AREAS } from '../domain.js';

/**
 * A manager's first views of the own report: the dashboard's documents (by operation name) as
 * each page opens, un-narrowed, with exactly the variables the web app sends for them. The server
 * answers these ahead of time for every bought report of the newest published edition (results
 * day: every manager opens the own report at once), so a manager's first click is answered from
 * the response cache (server/src/graphql/warm-answers.ts). The variables must be the web's to the
 * letter (a variable left out and one sent as null are different requests): the chapters' tests
 * in web/ check their first request against this list.
 */
export interface FirstView {
  operationName: string;
  variables: Record<string, unknown>;
}

/** The first page of responses (the responses chapter's page size). */
export const RESPONSES_PAGE_SIZE = 10;

export function firstViews(report: { year: number; companySlug: string; className: string }): FirstView[] {
  const { year, companySlug, className } = report;
  const own = { year, companySlug };
  return [
    // The report page: its shell and the overview beside it, with the class's ranks.
    { operationName: 'ReportShell', variables: own },
    { operationName: 'OverviewChapter', variables: { ...own, own: true, narrowed: false } },
    { operationName: 'ClassRanks', variables: { year, className } },
    // Each chapter as the menu opens it.
    ...SCORED_AREAS.map((area) => ({ operationName: 'AreaChapter', variables: { ...own, area, own: true } })),
    { operationName: 'CategoriesChapter', variables: { ...own, own: true } },
    { operationName: 'CxChapter', variables: { ...own, own: true, narrowed: false } },
    { operationName: 'VariationChapter', variables: { ...own, own: true } },
    { operationName: 'HistoryChapter', variables: own },
    { operationName: 'CompetitorsChapter', variables: own },
    { operationName: 'BackgroundChapter', variables: own },
    { operationName: 'ResponseQuestions', variables: own },
    { operationName: 'ResponsesChapter', variables: { ...own, first: RESPONSES_PAGE_SIZE } },
  ];
}
