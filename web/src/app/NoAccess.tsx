import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { signInPath } from './paths';

/** A view the viewer may not open: says so in words, offers sign-in when nobody is signed in. */
export function NoAccess({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <section className="notice notice--info no-access" aria-labelledby="no-access-heading">
      <h2 id="no-access-heading">{t('noAccess.title')}</h2>
      <p>{signedIn ? t('noAccess.signedIn') : t('noAccess.signedOut')}</p>
      <p className="actions">
        {!signedIn && (
          <Link className="button button--primary" to={signInPath(location.pathname + location.search)}>
            {t('noAccess.signIn')}
          </Link>
        )}
        <Link className="button" to="/">
          {t('noAccess.toResults')}
        </Link>
      </p>
    </section>
  );
}
