import type { ReportCut } from '../../../shared/domain/reports';
import { formatDayLong } from '../../../shared/time';
import { translate, type Locale } from '../../../shared/i18n/messages';

export type T = (key: string, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): T {
  return (key, params = {}) => translate(locale, key, params);
}

/** A stored code in the user's words; a code no catalog knows is shown as stored. */
function known(t: T, key: string, code: string): string {
  const label = t(key);
  return label === key ? code : label;
}

/** The label of a cut's value: officer and LPSE names as stored, codes translated. */
export function cutLabel(t: T, cut: ReportCut, key: string, label: string): string {
  if (key === '') return t(`reporting.none.${cut}`);
  switch (cut) {
    case 'officer':
    case 'lpse':
      return label;
    case 'category':
      return known(t, `categories.${key}`, key);
    case 'application':
      return known(t, `applications.${key}`, key);
    case 'visitor_type':
      return known(t, `visitorTypes.${key}`, key);
  }
}

export function periodLine(t: T, locale: Locale, from: string, to: string): string {
  return t('reporting.period', {
    from: formatDayLong(from, locale),
    to: formatDayLong(to, locale),
  });
}

export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** "Senin, 24 November 2026 09.30 WIB" for a UTC instant. */
export function wibDateTime(iso: string, locale: Locale): string {
  return `${new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
    timeZone: 'Asia/Jakarta',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso))} WIB`;
}
