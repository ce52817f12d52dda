import { z } from 'zod';
import { isMethodName, methodsForWindow } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/errors';
import type { PushEvent } from '../../shared/api/push-events';
import {
  DISPLAY_KINDS,
  type DisplayKind,
  WINDOW_KIND_SPECS,
  type WindowKind,
} from '../../shared/domain/station-kinds';
import { visibleTo } from '../server/push-stream';
import { translate, type Locale } from '../../shared/i18n/messages';
import type { Dispatch } from '../core/api/dispatcher';

/** The one message a window sends over IPC; anything else is refused before the core sees it. */
export const ipcCallSchema = z
  .object({
    method: z.string().max(100),
    input: z.unknown(),
    sessionToken: z.string().max(200).optional(),
  })
  .strict();

function refuse(locale: Locale, code: 'WINDOW_NOT_ALLOWED' | 'VALIDATION'): ApiResult<never> {
  return { ok: false, error: { code, message: translate(locale, `errors.${code}`) } };
}

export function isMethodAllowedForWindow(kind: WindowKind, method: string): boolean {
  return isMethodName(method) && methodsForWindow(kind).includes(method);
}

/** Validates an IPC call, checks the window's allow-list, then hands it to the core. */
export async function handleIpcCall(
  dispatch: Dispatch,
  windowKind: WindowKind | undefined,
  raw: unknown,
  locale: Locale,
): Promise<ApiResult<unknown>> {
  const parsed = ipcCallSchema.safeParse(raw);
  if (!parsed.success) return refuse(locale, 'VALIDATION');
  if (windowKind === undefined || !isMethodAllowedForWindow(windowKind, parsed.data.method)) {
    return refuse(locale, 'WINDOW_NOT_ALLOWED');
  }
  return dispatch(parsed.data.method, parsed.data.input, {
    window: windowKind,
    sessionToken: parsed.data.sessionToken,
    locale,
  });
}

/** "Open a display on the second screen": which kind, with the display token it was given. */
export const openDisplaySchema = z
  .object({
    kind: z.custom<DisplayKind>((v) => (DISPLAY_KINDS as readonly unknown[]).includes(v)),
    displayToken: z.string().max(200),
  })
  .strict();

/** The page a window of this kind loads (its renderer entry), with an optional fragment. */
export function pageFor(kind: WindowKind, fragment?: string): string {
  const entry: string = WINDOW_KIND_SPECS[kind].entry;
  const page = entry === '/' ? 'index.html' : entry.slice(1);
  return fragment ? `${page}#${fragment}` : page;
}

/** Visitor-facing windows are always kiosks; the staff window only when the desk says so. */
export function isKiosk(kind: WindowKind, deskKiosk: boolean): boolean {
  return deskKiosk || !WINDOW_KIND_SPECS[kind].staffLogin;
}

/** Which windows get an event, and what of it: each as its kind may hear it. */
export function pushTargets(
  windows: Iterable<readonly [number, WindowKind]>,
  event: PushEvent,
): { id: number; event: PushEvent }[] {
  const targets: { id: number; event: PushEvent }[] = [];
  for (const [id, kind] of windows) {
    const visible = visibleTo(kind, event);
    if (visible) targets.push({ id, event: visible });
  }
  return targets;
}
