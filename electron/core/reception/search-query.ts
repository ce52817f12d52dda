/**
 * Turns what the receptionist types into an FTS5 query: every word must match as a prefix.
 * Input that looks like a phone number is collapsed to its digits so "+62 812-34" finds
 * "+6281234…" the way "0812 34" does.
 */
const PHONE_LIKE = /^[+\d\s\-().]+$/;
const MIN_LENGTH = 2;

export function buildVisitorSearchQuery(raw: string): string | null {
  const text = raw.trim().toLowerCase();
  if (text.length < MIN_LENGTH) return null;
  if (PHONE_LIKE.test(text)) {
    const digits = text.replace(/\D/g, '');
    return digits.length >= MIN_LENGTH ? `phone : "${digits}"*` : null;
  }
  const words = text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  const usable = words.filter((w) => w.length >= MIN_LENGTH);
  if (usable.length === 0) return null;
  // Quoted, so that FTS5 operators typed by a person (AND, NEAR, *, ") are just text.
  return usable.map((w) => `"${w.replaceAll('"', '""')}"*`).join(' ');
}
