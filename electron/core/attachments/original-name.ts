/**
 * The name the user's file had, kept only as a label (files are stored by their SHA-256): refused
 * when it could mislead a person or a filesystem later — paths, control, format and bidi
 * characters, look-alike slashes, reserved device names, or a length no filesystem keeps.
 */
export const MAX_NAME_UTF8_BYTES = 255;

/**
 * Controls (Cc), format characters (Cf: bidi controls, zero-width characters, the BOM, U+061C)
 * and the line/paragraph separators: invisible, or they reorder or break what the officer reads.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
/**
 * Characters that read as a path separator or a drive colon. Fullwidth and small forms become
 * the real one under NFKC; these have no compatibility mapping and are named one by one.
 */
const LOOKALIKE_SEPARATORS = /[\u2044\u2215\u2216\u2571\u2572\u29F5\u29F8\u29F9\u2236]/u;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

export function cleanOriginalName(raw: string): string | null {
  const name = raw.normalize('NFC').trim();
  // Checked as it would be read: ／ is "/" and ‥ is ".." once compatibility forms are folded.
  const folded = name.normalize('NFKC');
  if (name === '' || folded === '.' || folded === '..') return null;
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_UTF8_BYTES) return null;
  if (/[/\\:]/.test(folded) || LOOKALIKE_SEPARATORS.test(folded)) return null;
  if (INVISIBLE.test(folded)) return null;
  if (RESERVED.test(folded)) return null;
  return name;
}
