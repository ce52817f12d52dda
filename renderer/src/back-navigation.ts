import { z } from 'zod';

/**
 * Browser mode has one page: the browser's Back button would leave Loket (to a blank tab or the
 * page before). Each screen the user opens gets a history entry, so Back moves between Loket's
 * screens; below the first one sits a guard entry that puts the user back where they were.
 * The entries are made on a user's press: Chromium skips entries a page adds on its own.
 */
const entrySchema = z.object({
  loket: z.enum(['guard', 'screen']),
  screen: z.string().nullable(),
});
type Entry = z.infer<typeof entrySchema>;

let currentScreen: string | null = null;
const listeners = new Set<(screen: string) => void>();

function entryOf(state: unknown): Entry | null {
  const parsed = entrySchema.safeParse(state);
  return parsed.success ? parsed.data : null;
}

const screenEntry = (screen: string | null): Entry => ({ loket: 'screen', screen });

function installGuard(): void {
  if (entryOf(history.state)?.loket === 'screen') return; // this tab has one from before a reload
  history.replaceState({ loket: 'guard', screen: null } satisfies Entry, '');
  history.pushState(screenEntry(currentScreen), '');
}

export function keepBackInsideLoket(): void {
  // Back reached the guard of an earlier load (before a reload): stay.
  if (entryOf(history.state)?.loket === 'guard') history.pushState(screenEntry(null), '');
  const onFirstPress = () => {
    window.removeEventListener('pointerdown', onFirstPress, true);
    window.removeEventListener('keydown', onFirstPress, true);
    installGuard();
  };
  window.addEventListener('pointerdown', onFirstPress, true);
  window.addEventListener('keydown', onFirstPress, true);
  window.addEventListener('popstate', (event) => {
    const entry = entryOf(event.state);
    if (entry === null) return;
    if (entry.loket === 'guard') {
      history.pushState(screenEntry(currentScreen), '');
      return;
    }
    if (entry.screen === null || entry.screen === currentScreen) return;
    currentScreen = entry.screen;
    for (const listener of listeners) listener(entry.screen);
  });
}

/**
 * The app shows this screen now. A new screen after another gets its own entry, so Back returns
 * to the one before; the first screen after a login takes over the entry it is shown in.
 */
export function showScreen(screen: string): void {
  if (screen === currentScreen) return; // Back or Forward brought us here
  currentScreen = screen;
  const entry = entryOf(history.state);
  if (entry?.loket !== 'screen') return; // the guard, once made, starts at this screen
  if (entry.screen === null) history.replaceState(screenEntry(screen), '');
  else history.pushState(screenEntry(screen), '');
}

/** Back (or Forward) arrived at a screen's entry; returns the unsubscribe. */
export function onBackToScreen(listener: (screen: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
