import { z } from 'zod';
import { isMethodName, methodsForWindow } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/errors';
import type { WindowKind } from '../../shared/domain/roles';
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
