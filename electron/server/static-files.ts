import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { windowKindOfPath } from '../../shared/domain/station-kinds';

/** index.html with the login form already rendered in it (scripts/prerender-pages.ts). */
export const LOGIN_PAGE = 'login.html';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ogg': 'audio/ogg',
};

/**
 * The build's assets/ carry their content's hash in their names: a browser may keep them (and
 * the compiled code it made of them) for good. The pages and the voice clips are asked again.
 */
export function cacheControlFor(path: string): string {
  return path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Maps a request path to a file inside rootDir, or null when it would leave it. Paths without
 * an extension are the single-page app's routes and get index.html.
 */
export function resolveStaticPath(rootDir: string, requestPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  // A drive letter or stream name (C:, file:stream) must never reach Windows' path resolution.
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.includes(':')) return null;
  const root = resolve(rootDir);
  const relative = decoded === '/' || extname(decoded) === '' ? '/index.html' : decoded;
  const full = resolve(root, `.${relative}`);
  return full.startsWith(root + sep) ? full : null;
}

/**
 * The file's bytes, or null when it is missing or not a regular file: a device (Windows' COM1,
 * CON) or a FIFO would block the read or answer with something that is not the renderer.
 */
export async function readStaticFile(file: string): Promise<Buffer<ArrayBuffer> | null> {
  try {
    return (await stat(file)).isFile() ? await readFile(file) : null;
  } catch {
    return null;
  }
}

/**
 * Whether the host's first screen for a new staff page is the login form: an administrator
 * exists. (Not the first administrator's creation; a host that cannot tell says no.)
 */
export type StartsAtLogin = () => Promise<boolean>;

/**
 * The bytes to answer a request for `file` with. The staff page (index.html at a staff address,
 * not the survey's or the board's) is the pre-rendered login page when the host starts there,
 * and the empty one when it does not or the build has no login page.
 */
export async function readPage(
  rootDir: string,
  requestPath: string,
  file: string,
  startsAtLogin?: StartsAtLogin,
): Promise<Buffer<ArrayBuffer> | null> {
  const root = resolve(rootDir);
  const staffPage =
    file === resolve(root, 'index.html') &&
    windowKindOfPath(requestPath.split('?')[0] ?? '/') === 'staff';
  if (staffPage && startsAtLogin && (await startsAtLogin())) {
    const login = await readStaticFile(resolve(root, LOGIN_PAGE));
    if (login) return login;
  }
  return readStaticFile(file);
}
