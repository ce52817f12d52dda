import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

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
