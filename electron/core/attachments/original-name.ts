/**
 * The name the user's file had, kept only as a label (files are stored by their SHA-256): refused
 * when it could mislead a person or a filesystem later — paths, control and bidi characters,
 * reserved device names, or a length no one can read.
 */
export const MAX_NAME_CODE_POINTS = 255;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200E\u200F]/;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

export function cleanOriginalName(raw: string): string | null {
  const name = raw.normalize('NFC').trim();
  if (name === '' || name === '.' || name === '..') return null;
  if ([...name].length > MAX_NAME_CODE_POINTS) return null;
  if (name.includes('/') || name.includes('\\') || name.includes(':')) return null;
  if (CONTROL.test(name)) return null;
  if (RESERVED.test(name)) return null;
  return name;
}
