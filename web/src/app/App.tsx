import { lazy, Suspense, type ComponentType } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './Layout';
import { Landing } from './Landing';
import { NotFoundPage } from './NotFoundPage';
import { SignInPage } from './session/SignInPage';
import { ResultListPage } from '../modules/result-list/components/ResultListPage';
import { ReportLayout } from '../modules/report/components/ReportLayout';
import { CHAPTERS, chapterRoute, type Chapter } from './paths';

// Each chapter is its own chunk: a page loads only the code (and charts) it shows.
const CHAPTER_PAGES: Record<Chapter, ComponentType> = {
  overview: lazy(() => import('../modules/report/chapters/overview/Overview')),
  areas: lazy(() => import('../modules/report/chapters/areas/Areas')),
  categories: lazy(() => import('../modules/report/chapters/categories/Categories')),
  cx: lazy(() => import('../modules/report/chapters/cx/Cx')),
  variation: lazy(() => import('../modules/report/chapters/variation/Variation')),
  insight: lazy(() => import('../modules/insight/Insight')),
  responses: lazy(() => import('../modules/report/chapters/responses/Responses')),
  competitors: lazy(() => import('../modules/report/chapters/competitors/Competitors')),
  history: lazy(() => import('../modules/report/chapters/history/History')),
  background: lazy(() => import('../modules/report/chapters/background/Background')),
};

/**
 * The pages outside the report, each its own chunk, by path: the staff's operations of an edition
 * (`drift/…`), sign-up, the new manager's welcome and the observer's assignments (`oppdrag/…`). One line a page.
 */
const PAGES: Record<string, ComponentType> = {
  'oversikt/:year': lazy(() => import('../modules/staff/StaffOverview')),
  'pamelding/:year': lazy(() => import('../modules/signup/SignUpPage')),
  'velkommen/:token': lazy(() => import('../modules/signup/WelcomePage')),
  drift: lazy(() => import('../modules/operations/NewEdition')),
  'drift/:year': lazy(() => import('../modules/operations/EditionOperations')),
  'drift/:year/pameldinger': lazy(() => import('../modules/signup/SignUpsPage')),
  'drift/:year/observatorer': lazy(() => import('../modules/observers/ObserverPool')),
  'drift/:year/planlegging': lazy(() => import('../modules/planning/PlanningPage')),
  'drift/:year/henvendelser': lazy(() => import('../modules/operations/QueriesPage')),
  'drift/:year/kontroll': lazy(() => import('../modules/review/ReviewPage')),
  oppdrag: lazy(() => import('../modules/assignments/AssignmentsPage')),
  'oppdrag/:assignmentId': lazy(() => import('../modules/assignments/AssignmentFormPage')),
};
const Workshop = lazy(() => import('../modules/report/chapters/responses/Workshop'));

/** The routes (contract.md "Dashboard URLs"). Providers (urql, i18n, router) are set up by the caller. */
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Landing />} />
        <Route path="logg-inn" element={<SignInPage />} />
        <Route path="resultater/:year" element={<ResultListPage />} />
        {Object.entries(PAGES).map(([path, Page]) => (
          <Route
            key={path}
            path={path}
            element={
              <Suspense fallback={null}>
                <Page />
              </Suspense>
            }
          />
        ))}
        <Route path="rapport/:year/:company" element={<ReportLayout />}>
          {CHAPTERS.map((chapter) => {
            const Page = CHAPTER_PAGES[chapter];
            return chapter === 'overview' ? (
              <Route key={chapter} index element={<Page />} />
            ) : (
              <Route key={chapter} path={chapterRoute(chapter)} element={<Page />} />
            );
          })}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      {/* Workshop mode fills the screen: no site header, no chapter navigation. */}
      <Route
        path="rapport/:year/:company/besvarelser/:inquiryId"
        element={
          <Suspense fallback={null}>
            <Workshop />
          </Suspense>
        }
      />
    </Routes>
  );
}
