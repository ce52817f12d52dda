/**
 * The mark the build leaves on `#root` of the page whose HTML already holds the login form
 * (scripts/prerender-pages.ts): the page hydrates it instead of rendering from nothing.
 */
export const PRERENDERED_ATTRIBUTE = 'data-prerendered';
export const PRERENDERED_LOGIN = 'login';
