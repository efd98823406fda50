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
  responses: lazy(() => import('../modules/report/chapters/responses/Responses')),
  competitors: lazy(() => import('../modules/report/chapters/competitors/Competitors')),
  history: lazy(() => import('../modules/report/chapters/history/History')),
  background: lazy(() => import('../modules/report/chapters/background/Background')),
};
const StaffOverview = lazy(() => import('../modules/staff/StaffOverview'));
const ObserverPool = lazy(() => import('../modules/observers/ObserverPool'));
const PlanningPage = lazy(() => import('../modules/planning/PlanningPage'));
const Workshop = lazy(() => import('../modules/report/chapters/responses/Workshop'));

/** The routes (contract.md "Dashboard URLs"). Providers (urql, i18n, router) are set up by the caller. */
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Landing />} />
        <Route path="logg-inn" element={<SignInPage />} />
        <Route path="resultater/:year" element={<ResultListPage />} />
        <Route
          path="oversikt/:year"
          element={
            <Suspense fallback={null}>
              <StaffOverview />
            </Suspense>
          }
        />
        <Route
          path="drift/:year/observatorer"
          element={
            <Suspense fallback={null}>
              <ObserverPool />
            </Suspense>
          }
        />
        <Route
          path="drift/:year/planlegging"
          element={
            <Suspense fallback={null}>
              <PlanningPage />
            </Suspense>
          }
        />
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
