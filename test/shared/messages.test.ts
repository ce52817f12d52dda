import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/api/errors';
import { catalogs, translate } from '../../shared/i18n/messages';

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
