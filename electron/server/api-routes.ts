import { WINDOW_KINDS, type WindowKind } from '../../shared/domain/station-kinds';

/**
 * What an `/api/…` path asks for. The window kind comes from the route (one per kind of
 * WINDOW_KINDS), never from the page: a page cannot claim to be the staff window.
 *   /api/<kind>/<method>   a call            /api/events/<kind>  that kind's push stream
 *   /api/upload/staff      a file's bytes
 */
export type ApiRoute =
  | { type: 'call'; window: WindowKind; method: string }
  | { type: 'events'; window: WindowKind }
  | { type: 'upload' }
  /** A percent escape that does not decode: answered 400, as a malformed request. */
  | { type: 'malformed' }
  | { type: 'unknown' };

export const UPLOAD_PATH = '/api/upload/staff';
export const EVENTS_PREFIX = '/api/events/';

const isWindowKind = (s: string): s is WindowKind =>
  (WINDOW_KINDS as readonly string[]).includes(s);

function decodedSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The API route of a raw request path; null when the path is not under /api/ (a static file). */
export function apiRouteOf(path: string): ApiRoute | null {
  if (!path.startsWith('/api/')) return null;
  if (path === UPLOAD_PATH) return { type: 'upload' };
  const [first = '', rest = '', ...more] = path.slice('/api/'.length).split('/');
  if (more.length > 0 || rest === '') return { type: 'unknown' };
  if (first === 'events')
    return isWindowKind(rest) ? { type: 'events', window: rest } : { type: 'unknown' };
  if (!isWindowKind(first)) return { type: 'unknown' };
  const method = decodedSegment(rest);
  return method === null ? { type: 'malformed' } : { type: 'call', window: first, method };
}
