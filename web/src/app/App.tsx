import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './Layout';
import { Landing } from './Landing';
import { NotFoundPage } from './NotFoundPage';
import { SignInPage } from './session/SignInPage';
import { ResultListPage } from '../modules/result-list/components/ResultListPage';
import { ReportLayout } from '../modules/report/components/ReportLayout';

// Each chapter is its own chunk: a page loads only the code (and charts) it shows.
const Overview = lazy(() => import('../modules/report/chapters/overview/Overview'));
const Areas = lazy(() => import('../modules/report/chapters/areas/Areas'));
const Responses = lazy(() => import('../modules/report/chapters/responses/Responses'));
const Variation = lazy(() => import('../modules/report/chapters/variation/Variation'));
const Cx = lazy(() => import('../modules/report/chapters/cx/Cx'));
const Categories = lazy(() => import('../modules/report/chapters/categories/Categories'));
const Competitors = lazy(() => import('../modules/report/chapters/competitors/Competitors'));
const History = lazy(() => import('../modules/report/chapters/history/History'));
const Background = lazy(() => import('../modules/report/chapters/background/Background'));
const StaffOverview = lazy(() => import('../modules/staff/StaffOverview'));
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
        <Route path="rapport/:year/:company" element={<ReportLayout />}>
          <Route index element={<Overview />} />
          <Route path="omrader/:area" element={<Areas />} />
          <Route path="besvarelser" element={<Responses />} />
          <Route path="variasjon" element={<Variation />} />
          <Route path="cx" element={<Cx />} />
          <Route path="kategorier" element={<Categories />} />
          <Route path="konkurrenter" element={<Competitors />} />
          <Route path="historikk" element={<History />} />
          <Route path="bakgrunn" element={<Background />} />
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
