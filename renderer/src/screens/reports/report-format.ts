import type { DurationStats, ReportCut } from '../../../../shared/domain/reports';

export function decimal(value: number | null, lang: string, digits = 1): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

export const pct = (value: number | null, lang: string) =>
  value === null ? '—' : `${decimal(value, lang)}%`;

export function statsText(
  t: (k: string, p?: Record<string, string>) => string,
  s: DurationStats,
  lang: string,
  key = 'reporting.stats',
): string {
  if (s.count === 0) return t('reporting.noData');
  return t(key, {
    mean: decimal(s.mean, lang),
    median: decimal(s.median, lang),
    p90: decimal(s.p90, lang),
    max: decimal(s.max, lang),
  });
}

/** A cut's value as people say it: names as stored, codes through the catalog. */
export function cutValue(
  t: (k: string) => string,
  cut: ReportCut,
  key: string,
  label: string,
): string {
  if (key === '') return t(`reporting.none.${cut}`);
  const catalog =
    cut === 'category'
      ? 'categories'
      : cut === 'application'
        ? 'applications'
        : cut === 'visitor_type'
          ? 'visitorTypes'
          : null;
  if (!catalog) return label;
  const text = t(`${catalog}.${key}`);
  return text === `${catalog}.${key}` ? key : text;
}
