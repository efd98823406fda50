import { Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from './session/useMe';
import { pickEdition, useEditions } from '../modules/result-list/hooks/useEditions';
import { ResultListPage } from '../modules/result-list/components/ResultListPage';
import { reportPath, staffOverviewPath } from './paths';
import { assignmentsPath } from '../modules/assignments/paths';

/**
 * `/`: a manager lands on the own dashboard of the newest edition (when its report was
 * bought), staff on the overview of the newest published edition (one being planned has no
 * results yet; the header's "Drift" link leads to it), an observer on the own assignments, everyone
 * else on the result list.
 */
export function Landing() {
  const { t } = useTranslation();
  const { me } = useMe();
  const { editions } = useEditions();

  if (me === undefined) {
    return (
      <p className="notice" role="status">
        {t('landing.loading')}
      </p>
    );
  }
  if (me?.role === 'STAFF') {
    const newest = editions && pickEdition(editions, undefined);
    if (!newest) {
      return (
        <p className="notice" role="status">
          {t('landing.loading')}
        </p>
      );
    }
    return <Navigate to={staffOverviewPath(newest.year)} replace />;
  }
  if (me?.role === 'OBSERVER') return <Navigate to={assignmentsPath} replace />;
  const own = me?.role === 'MANAGER' && me.company ? me.participations[0] : undefined;
  if (me?.company && own?.reportPurchased) return <Navigate to={reportPath(own.year, me.company.slug)} replace />;
  return <ResultListPage />;
}
