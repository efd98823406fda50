import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <div>
            <Link to="/" className="site-header__title">
              {t('app.title')}
            </Link>
            <p className="site-header__tagline">{t('app.tagline')}</p>
          </div>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="container" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
