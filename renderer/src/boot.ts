import { SESSION_KEY } from './api/transport';
import { PRERENDERED_ATTRIBUTE } from './prerendered';
import './styles.css';

/** Resolves once the browser has painted a frame: after requestAnimationFrame, a task later. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * The page's entry. When its HTML already holds the login form, the browser paints it and
 * lets the user start typing before the half-megabyte of React, the forms and the messages is
 * evaluated; the build preloads those scripts (scripts/prerender-pages.ts), so they are in
 * hand by then.
 */
async function boot(): Promise<void> {
  const root = document.getElementById('root');
  if (root?.hasAttribute(PRERENDERED_ATTRIBUTE)) {
    // A reload of a signed-in tab goes straight back to its screen: showing the login form
    // meanwhile would look as if the session had been lost.
    if (sessionStorage.getItem(SESSION_KEY) !== null) {
      root.removeAttribute(PRERENDERED_ATTRIBUTE);
      root.replaceChildren();
    } else await afterPaint();
  }
  await import('./main');
}

void boot();
