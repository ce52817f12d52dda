import type { z } from 'zod';
import { serviceDayOf } from '../../../shared/time';

/**
 * Unsent form input, kept so that a reload or an ended session does not lose what the
 * receptionist typed. It holds personal data, so it lives in sessionStorage (this window only,
 * gone when the window closes), is tied to the service day it was typed on, and is removed on a
 * successful submit and on an explicit logout.
 */
const PREFIX = 'loket.draft.';

interface Stored {
  day: string;
  value: unknown;
}

export function loadDraft<S extends z.ZodType>(screen: string, schema: S): z.infer<S> | null {
  const raw = sessionStorage.getItem(PREFIX + screen);
  if (raw === null) return null;
  try {
    const stored = JSON.parse(raw) as Stored;
    if (stored.day !== serviceDayOf(new Date())) {
      clearDraft(screen); // typed on an earlier day: the visitor is long gone
      return null;
    }
    const parsed = schema.safeParse(stored.value);
    return parsed.success ? parsed.data : null;
  } catch {
    clearDraft(screen);
    return null;
  }
}

export function saveDraft(screen: string, value: unknown): void {
  const stored: Stored = { day: serviceDayOf(new Date()), value };
  try {
    sessionStorage.setItem(PREFIX + screen, JSON.stringify(stored));
  } catch {
    // A full or disabled storage only costs the convenience of the draft.
  }
}

export function clearDraft(screen: string): void {
  sessionStorage.removeItem(PREFIX + screen);
}

/** On an explicit logout: the next person at the desk must not see the last one's input. */
export function clearAllDrafts(): void {
  for (const key of Object.keys(sessionStorage)) {
    if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
  }
}
