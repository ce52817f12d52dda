import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/api/errors';
import { catalogs, translate } from '../../shared/i18n/messages';
import { APPLICATIONS, CATEGORIES, DOCUMENT_KINDS, TICKET_TYPES } from '../../shared/domain/case';
import { STORED_VISITOR_TYPES } from '../../shared/domain/visitor-types';
import { PAUSE_REASONS } from '../../shared/domain/sla';

function keysOf(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe('message catalogs', () => {
  it('English has exactly the Indonesian keys', () => {
    expect(keysOf(catalogs.en).sort()).toEqual(keysOf(catalogs.id).sort());
  });

  it('every error code has a message in both locales', () => {
    for (const code of ERROR_CODES) {
      expect(keysOf(catalogs.id)).toContain(`errors.${code}`);
      expect(translate('id', `errors.${code}`)).not.toBe(`errors.${code}`);
    }
  });

  it('renders keys that carry a parameter', () => {
    expect(translate('id', 'validation.tooLong:500')).toBe(
      'Terlalu panjang: maksimal 500 karakter.',
    );
    expect(translate('en', 'errors.LOCKED_OUT', { seconds: 30 })).toBe(
      'Too many wrong PINs. Try again in 30 seconds.',
    );
  });
});

/** Every value a list may hold, stored or offered, is shown by its label from this group. */
const LABELLED_LISTS: [group: string, values: readonly string[]][] = [
  ['visitorTypes', STORED_VISITOR_TYPES],
  ['applications', APPLICATIONS],
  ['categories', CATEGORIES],
  ['documentKinds', DOCUMENT_KINDS],
  ['ticketTypes', TICKET_TYPES],
  ['followup.reasons', PAUSE_REASONS],
];

/**
 * English words an Indonesian screen must not carry, and jargon the desk's officers do not use
 * ("eskalasi": LKPP's standard says "diteruskan kepada Helpdesk"; "jam 1x24": the time is
 * "penghitungan waktu 1 × 24 jam").
 */
const NOT_INDONESIAN =
  /\b(check[- ]?(in|out)|supervisor|back ?end|scan|register|root|upload|download|submit|loading|cancel|ticket|clock|password|user|error|support|anonim|\w*eskalasi|jam 1x24|1x24)\b/i;
/** The service's own names (LKPP's and LPSE Support's), which stay as they are. */
const SERVICE_TERMS = [/LPSE Support/g, /User ID SPSE/g, /Helpdesk/gi, /Kode error/gi];

function valuesOf(node: unknown, prefix = ''): [key: string, text: string][] {
  if (typeof node === 'string') return [[prefix, node]];
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([k, v]) => valuesOf(v, prefix ? `${prefix}.${k}` : k));
}

describe('the wording of the catalogs', () => {
  it("labels every value of every list, today's and the legacy ones, in both locales", () => {
    const missing: string[] = [];
    for (const [group, values] of LABELLED_LISTS) {
      for (const value of values) {
        for (const locale of ['id', 'en'] as const) {
          const key = `${group}.${value}`;
          if (translate(locale, key) === key || !keysOf(catalogs[locale]).includes(key)) {
            missing.push(`${locale}: ${key}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("leaves no English in the Indonesian catalog but the service's own terms", () => {
    const english = valuesOf(catalogs.id)
      .map(([key, text]) => [key, SERVICE_TERMS.reduce((s, term) => s.replace(term, ''), text)])
      .filter(([, text]) => NOT_INDONESIAN.test(text!))
      .map(([key, text]) => `${key}: ${text}`);
    expect(english).toEqual([]);
  });
});
