import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { reportPath, signInPath } from './paths';
import { useMe } from './session/useMe';

/**
 * A view the viewer may not open: says so in words, offers sign-in when nobody is signed in,
 * and a manager's way back to the own report. A page heading unless it sits inside a page.
 * `notBought` (the year of the company's own participation whose report was not bought): the
 * manager is told why and how to get the report, rather than a generic refusal.
 */
export function NoAccess({ signedIn, level = 1, notBought }: { signedIn: boolean; level?: 1 | 2; notBought?: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { me } = useMe();
  const own = me?.company ? me.participations.find((p) => p.reportPurchased) : undefined;
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <section className="notice notice--info no-access" aria-labelledby="no-access-heading">
      {notBought !== undefined ? (
        <>
          <Heading id="no-access-heading">{t('noAccess.notBoughtTitle')}</Heading>
          <p>{t('noAccess.notBought', { year: notBought })}</p>
          <p>{t('noAccess.notBoughtHow')}</p>
        </>
      ) : (
        <>
          <Heading id="no-access-heading">{t('noAccess.title')}</Heading>
          <p>{signedIn ? t('noAccess.signedIn') : t('noAccess.signedOut')}</p>
        </>
      )}
      <p className="actions">
        {!signedIn && (
          <Link className="button button--primary" to={signInPath(location.pathname + location.search)}>
            {t('noAccess.signIn')}
          </Link>
        )}
        {own && me?.company && (
          <Link className="button button--primary" to={reportPath(own.year, me.company.slug)}>
            {t('nav.myReport')}
          </Link>
        )}
        <Link className="button" to="/">
          {t('noAccess.toResults')}
        </Link>
      </p>
    </section>
  );
}
