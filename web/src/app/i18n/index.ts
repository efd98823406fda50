import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@ksp/shared/format/number';
import { nb } from './nb';
import { en } from './en';

export const LOCALES = ['nb', 'en'] as const satisfies readonly Locale[];
export const DEFAULT_LOCALE: Locale = 'nb';
export const LOCALE_STORAGE_KEY = 'ksp.locale';

export const resources = { nb: { translation: nb }, en: { translation: en } } as const;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language chosen earlier on this device, else bokmål. */
export function storedLocale(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE; // storage blocked (private mode, strict settings)
  }
}

function remember(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // not persisted; the choice still holds for this visit
  }
}

/**
 * A fresh i18next instance, initialised synchronously from the bundled resources.
 * Changing the language persists it and updates `<html lang>`.
 */
export function createI18n(locale: Locale = storedLocale()): I18n {
  const instance = i18next.createInstance();
  instance.use(initReactI18next);
  void instance.init({
    resources,
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  const apply = (lng: string): void => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
  };
  apply(instance.language);
  instance.on('languageChanged', (lng) => {
    apply(lng);
    if (isLocale(lng)) remember(lng);
  });
  return instance;
}
