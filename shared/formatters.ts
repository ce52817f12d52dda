/**
 * Intl formatters are costly to create (15–21 ms for a list of 300 visits when made per row)
 * and cheap to reuse: one per locale and options object, made on first use. Pass options
 * declared once (module constants), not literals: the cache is keyed by the object.
 */
const numbers = new WeakMap<Intl.NumberFormatOptions, Map<string, Intl.NumberFormat>>();
const dates = new WeakMap<Intl.DateTimeFormatOptions, Map<string, Intl.DateTimeFormat>>();

/** Loket's two languages as Intl locales: Indonesian unless English was chosen. */
export function intlLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : 'id-ID';
}

function cached<O extends object, F>(
  cache: WeakMap<O, Map<string, F>>,
  options: O,
  locale: string,
  make: () => F,
): F {
  let byLocale = cache.get(options);
  if (!byLocale) cache.set(options, (byLocale = new Map()));
  let f = byLocale.get(locale);
  if (!f) byLocale.set(locale, (f = make()));
  return f;
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached(numbers, options, locale, () => new Intl.NumberFormat(intlLocale(locale), options));
}

export function dateTimeFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  return cached(dates, options, locale, () => new Intl.DateTimeFormat(intlLocale(locale), options));
}

export const ONE_DECIMAL: Intl.NumberFormatOptions = { maximumFractionDigits: 1 };
export const TWO_DECIMALS: Intl.NumberFormatOptions = {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
};
