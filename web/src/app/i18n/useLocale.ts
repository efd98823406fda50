import { useTranslation } from 'react-i18next';
import type { Locale } from '@ksp/shared/format/number';
import { DEFAULT_LOCALE, isLocale } from './index';

/** The current language as the shared formatters know it (`nb` | `en`). */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(lng) ? lng : DEFAULT_LOCALE;
}
