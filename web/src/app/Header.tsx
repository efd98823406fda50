import { useId } from 'react';
import { Link, NavLink, useLocation, useMatch, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { LanguageSwitch } from './LanguageSwitch';
import { useMe } from './session/useMe';
import { LogoutDocument } from './session/documents';
import { useClientReset } from './session/ClientReset';
import { useEditions } from '../modules/result-list/hooks/useEditions';
import { reportPath, signInPath, staffOverviewPath } from './paths';
import { operationsPath } from '../modules/operations/paths';
import { assignmentsPath } from '../modules/assignments/paths';

/** The path that shows the same view in another edition. */
export function pathForEdition(pathname: string, search: string, year: number, classNames: readonly string[] = []): string {
  const report = /^\/rapport\/[^/]+\/([^/]+)(\/.*)?$/.exec(pathname);
  if (report) {
    // A single response belongs to one edition: go back to the list of the other one.
    const rest = (report[2] ?? '').replace(/^\/besvarelser\/.+$/, '/besvarelser');
    return `/rapport/${year}/${report[1]}${rest}${search}`;
  }
  if (pathname.startsWith('/oversikt/')) return staffOverviewPath(year);
  if (pathname.startsWith('/drift/')) return operationsPath(year);
  if (pathname.startsWith('/resultater/')) {
    // Keep the chosen class where the other edition has it too.
    const klasse = new URLSearchParams(search).get('klasse');
    return klasse && classNames.includes(klasse)
      ? `/resultater/${year}?${new URLSearchParams({ klasse }).toString()}`
      : `/resultater/${year}`;
  }
  return `/resultater/${year}`;
}

/** Title, the signed-in user and company, the edition picker, sign-in/out and the language switch. */
export function Header() {
  const { t } = useTranslation();
  const { me } = useMe();
  const { editions } = useEditions();
  const location = useLocation();
  const navigate = useNavigate();
  const resetClient = useClientReset();
  const [{ fetching: signingOut }, logout] = useMutation(LogoutDocument);
  const editionId = useId();
  const reportMatch = useMatch('/rapport/:year/*');
  const listMatch = useMatch('/resultater/:year');
  const overviewMatch = useMatch('/oversikt/:year');
  const operationsMatch = useMatch('/drift/:year/*');
  const yearMatch = reportMatch ?? listMatch ?? overviewMatch ?? operationsMatch;
  // The observer's pages list every edition's assignments: a picked edition would change nothing there.
  const onAssignments = useMatch(`${assignmentsPath}/*`);
  const currentYear = yearMatch?.params.year ?? (editions?.find((e) => e.status === 'PUBLISHED') ?? editions?.[0])?.year.toString();
  const ownReport = me?.company && me.participations.find((p) => p.reportPurchased);
  // Operations are about the edition being run: the newest one not yet published, while there is one.
  const operationsYear = operationsMatch?.params.year ?? editions?.find((e) => e.status !== 'PUBLISHED')?.year.toString() ?? currentYear;

  const signOut = async () => {
    await logout({});
    resetClient();
    void navigate('/', { replace: true });
  };

  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <div className="site-header__brand">
          <Link to="/" className="site-header__title">
            {t('app.title')}
          </Link>
          <p className="site-header__tagline">{t('app.tagline')}</p>
        </div>
        <nav className="site-nav" aria-label={t('nav.main')}>
          <NavLink to={currentYear ? `/resultater/${currentYear}` : '/'}>{t('nav.results')}</NavLink>
          {me?.role === 'STAFF' && currentYear && <NavLink to={staffOverviewPath(currentYear)}>{t('nav.overview')}</NavLink>}
          {me?.role === 'STAFF' && operationsYear && <NavLink to={operationsPath(operationsYear)}>{t('nav.operations')}</NavLink>}
          {me?.role === 'OBSERVER' && <NavLink to={assignmentsPath}>{t('nav.myAssignments')}</NavLink>}
          {ownReport && me?.company && (
            <NavLink to={reportPath(ownReport.year, me.company.slug)} end={false}>
              {t('nav.myReport')}
            </NavLink>
          )}
        </nav>
        <div className="site-header__tools">
          {editions && editions.length > 0 && !onAssignments && (
            <div className="header-field">
              <label htmlFor={editionId}>{t('header.edition')}</label>
              <select
                id={editionId}
                value={currentYear ?? ''}
                onChange={(e) => {
                  const year = Number(e.target.value);
                  const classNames = editions.find((ed) => ed.year === year)?.classNames ?? [];
                  void navigate(pathForEdition(location.pathname, location.search, year, classNames));
                }}
              >
                {currentYear && !editions.some((e) => String(e.year) === currentYear) && <option value={currentYear}>{currentYear}</option>}
                {editions.map((e) => (
                  <option key={e.year} value={String(e.year)}>
                    {e.status === 'PUBLISHED' ? e.name : `${e.name} (${t(`resultList.editionStatus.${e.status}`)})`}
                  </option>
                ))}
              </select>
            </div>
          )}
          {me ? (
            <div className="user-box">
              <span className="user-box__who">
                <span className="user-box__company">{me.company?.name ?? (me.role === 'STAFF' ? t('header.staff') : '')}</span>
                <span className="user-box__email">{me.email}</span>
              </span>
              <button type="button" className="button button--on-dark" onClick={() => void signOut()} disabled={signingOut}>
                {signingOut ? t('header.signingOut') : t('header.signOut')}
              </button>
            </div>
          ) : (
            me === null &&
            location.pathname !== '/logg-inn' && (
              <Link className="button button--on-dark" to={signInPath(location.pathname + location.search)}>
                {t('header.signIn')}
              </Link>
            )
          )}
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}
