import { ANONYMISED_MARKER, ERASED_MARKER } from './personal-data';

/** What identifies a person in free text: every name, phone and e-mail Loket held for them. */
export interface Identity {
  names: readonly string[];
  phones: readonly string[];
  emails: readonly string[];
}

export interface MentionMatcher {
  /** A few characters each mention contains, for a cheap `LIKE` before the exact match. */
  hints: string[];
  /** Replaces every mention by the marker; returns the text and how many were replaced. */
  redact(text: string): { text: string; count: number };
}

const SEPARATOR = String.raw`[\s\-.()/]*`;
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Shorter names would match inside other words and other people: only the full name counts. */
const MIN_NAME_LENGTH = 4;

/**
 * Mentions of a person: their full name as a whole (any case, any spacing), their e-mail, and
 * their phone however it is written (0812-3456-7890, +62 812…, 62812…).
 */
export function mentionMatcher(identity: Identity, marker = ERASED_MARKER): MentionMatcher | null {
  const patterns: string[] = [];
  const hints = new Set<string>();
  for (const raw of unique(identity.names)) {
    const name = raw.trim().replace(/\s+/g, ' ');
    if ([...name].length < MIN_NAME_LENGTH) continue;
    const words = name.split(' ').map(escapeRegex);
    patterns.push(String.raw`(?<![\p{L}\p{N}])${words.join(String.raw`\s+`)}(?![\p{L}\p{N}])`);
    // The whole name: a common first name alone would make every row a candidate.
    hints.add(name);
  }
  for (const email of unique(identity.emails)) {
    patterns.push(escapeRegex(email));
    hints.add(email);
  }
  for (const phone of unique(identity.phones)) {
    const nsn = phone.replace(/^\+62/, '').replace(/\D/g, '');
    if (nsn.length < 7) continue;
    const digits = [...nsn].join(SEPARATOR);
    patterns.push(String.raw`(?<!\d)(?:\+?62${SEPARATOR}|\(?0\)?${SEPARATOR})?${digits}(?!\d)`);
    hints.add(nsn.slice(-4));
  }
  if (patterns.length === 0) return null;
  const regex = new RegExp(patterns.map((p) => `(?:${p})`).join('|'), 'giu');
  return {
    hints: [...hints],
    redact: (text) => {
      let count = 0;
      const out = text.replace(regex, () => {
        count++;
        return marker;
      });
      return { text: out, count };
    },
  };
}

function unique(values: readonly string[]): string[] {
  return [
    ...new Set(
      values
        .map((v) => v.trim())
        .filter((v) => v !== '' && v !== ANONYMISED_MARKER && v !== ERASED_MARKER),
    ),
  ];
}
