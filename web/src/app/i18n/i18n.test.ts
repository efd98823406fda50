import { afterEach, describe, expect, it } from 'vitest';
import { createI18n, LOCALE_STORAGE_KEY, storedLocale } from './index';
import { nb } from './nb';
import { en } from './en';

function keys(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

afterEach(() => localStorage.clear());

describe('i18n', () => {
  it('has every text in both languages, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(nb).sort());
    for (const [lang, res] of Object.entries({ nb, en })) {
      for (const key of keys(res)) {
        const text = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], res);
        expect(text, `${lang}: ${key}`).not.toBe('');
      }
    }
  });

  it('defaults to bokmål and ignores a stored value it does not know', () => {
    expect(storedLocale()).toBe('nb');
    localStorage.setItem(LOCALE_STORAGE_KEY, 'de');
    expect(storedLocale()).toBe('nb');
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    expect(storedLocale()).toBe('en');
  });

  it('sets <html lang> and remembers a change', async () => {
    const i18n = createI18n('nb');
    expect(document.documentElement.lang).toBe('nb');
    expect(i18n.t('resultList.count', { count: 192, formatted: '192' })).toBe('192 deltakere');
    await i18n.changeLanguage('en');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(i18n.t('resultList.count', { count: 1, formatted: '1' })).toBe('1 participant');
  });
});
