import { useTranslation } from 'react-i18next';
import { LOCALES } from './i18n';
import { useLocale } from './i18n/useLocale';

/** Two buttons, the current one pressed. Each names its language in that language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = useLocale();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LOCALES.map((locale) => (
        <button key={locale} type="button" lang={locale} aria-pressed={locale === current} onClick={() => void i18n.changeLanguage(locale)}>
          {t(`language.${locale}`)}
        </button>
      ))}
    </div>
  );
}
