import { Route, Routes } from 'react-router';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { ResultListPage } from '../modules/result-list/components/ResultListPage';

/** The routes. Providers (urql, i18n, router) are set up by the caller: main.tsx or a test. */
export function App() {
  return (
    <Layout>
      <Routes>
        <Route path="/" element={<ResultListPage />} />
        <Route path="/resultater/:year" element={<ResultListPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}
