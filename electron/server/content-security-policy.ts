/**
 * One strict policy for the renderer, whichever host serves it (Electron's app:// protocol or
 * the browser-mode HTTP host): only our own scripts and styles, no eval, no framing, API calls
 * only to our own origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
