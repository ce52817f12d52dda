import { en } from './en';
import { id, type Messages } from './id';

export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'id';

export const catalogs: Record<Locale, Messages> = { id, en };

/**
 * Validation messages travel as keys, some with one parameter ("validation.tooLong:500"),
 * so that the form and the core speak the same codes and each side renders its own locale.
 */
export function splitMessageKey(key: string): { key: string; params: Record<string, string> } {
  const colon = key.indexOf(':');
  if (colon < 0) return { key, params: {} };
  return { key: key.slice(0, colon), params: { max: key.slice(colon + 1) } };
}

function lookup(catalog: Messages, path: string): string | undefined {
  let node: unknown = catalog;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** A plain translator for code outside React (the core's error messages, exports). */
export function translate(
  locale: Locale,
  rawKey: string,
  params: Record<string, string | number> = {},
): string {
  const { key, params: keyParams } = splitMessageKey(rawKey);
  const template = lookup(catalogs[locale], key) ?? lookup(catalogs[DEFAULT_LOCALE], key) ?? rawKey;
  const all: Record<string, string | number> = { ...keyParams, ...params };
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(all[name] ?? ''));
}
