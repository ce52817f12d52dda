import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  catalogs,
  DEFAULT_LOCALE,
  LOCALES,
  splitMessageKey,
  type Locale,
} from '../../shared/i18n/messages';
import { setApiLocale } from './api/client';

const LOCALE_KEY = 'loket.locale';

/** The language chosen at this desk earlier, else the default. */
export function savedLocale(): Locale {
  const saved = localStorage.getItem(LOCALE_KEY);
  return (LOCALES as readonly string[]).includes(saved ?? '') ? (saved as Locale) : DEFAULT_LOCALE;
}

/** i18next with Loket's messages in `lng`: the page's, and the build's for the login page. */
export async function startI18n(lng: Locale): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { id: { translation: catalogs.id }, en: { translation: catalogs.en } },
    lng,
    fallbackLng: DEFAULT_LOCALE,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

/** The page starts in `lng`: the desk's language, or the one its pre-rendered HTML is in. */
export async function initI18n(lng: Locale = savedLocale()): Promise<void> {
  setApiLocale(lng);
  document.documentElement.lang = lng;
  await startI18n(lng);
}

export async function changeLocale(lng: Locale): Promise<void> {
  localStorage.setItem(LOCALE_KEY, lng);
  setApiLocale(lng);
  document.documentElement.lang = lng;
  await i18next.changeLanguage(lng);
}

/** Renders a message key as the core and the shared schemas produce them ("validation.tooLong:500"). */
export function translateKey(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  // Anything that is not one of our keys (a library's own English default) reads as "invalid".
  const { key, params } = splitMessageKey(
    raw.startsWith('validation.') ? raw : 'validation.invalid',
  );
  return i18next.t(key, params);
}
