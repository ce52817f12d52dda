import type { ApiResult } from '../../../shared/api/errors';

/** What the Electron preload exposes; absent in browser mode. */
export interface LoketBridge {
  call(method: string, input: unknown, sessionToken?: string): Promise<unknown>;
  /** Hands a file's bytes to the host; resolves to `{ ok, value: { uploadId } }` or an error. */
  upload(bytes: ArrayBuffer, sessionToken?: string): Promise<unknown>;
  /** Opens the survey on a second display; false when there is none. */
  openSurveyWindow(displayToken: string): Promise<boolean>;
  /** Turns this window into the survey: the main process then allows it only survey methods. */
  enterSurveyMode(): Promise<void>;
  /** Turns it back after a staff login; resolves to the login's result. */
  leaveSurveyMode(username: string, pin: string): Promise<unknown>;
}

declare global {
  interface Window {
    loket?: LoketBridge;
  }
}

const LAUNCH_TOKEN_KEY = 'loket.launchToken';
/** The survey display's session, handed over the same way as the launch token. */
export const DISPLAY_TOKEN_KEY = 'loket.display';

/**
 * Browser mode: the host printed a URL with the launch token in its fragment. Keep it for this
 * tab and take it out of the address bar so it is not shown or bookmarked.
 */
export function launchToken(): string {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const token = fragment.get('token');
  const display = fragment.get('display');
  if (token) sessionStorage.setItem(LAUNCH_TOKEN_KEY, token);
  if (display) sessionStorage.setItem(DISPLAY_TOKEN_KEY, display);
  if (token || display)
    history.replaceState(null, '', window.location.pathname + window.location.search);
  return sessionStorage.getItem(LAUNCH_TOKEN_KEY) ?? '';
}

const networkError = (): ApiResult<never> => ({
  ok: false,
  error: { code: 'INTERNAL', message: 'NETWORK' },
});

export type Transport = (
  method: string,
  input: unknown,
  sessionToken: string | undefined,
  locale: string,
) => Promise<ApiResult<unknown>>;

/** IPC through the preload bridge in Electron, HTTP on loopback in browser mode; screens never know which.
 * In browser mode the route names the window kind, and the host refuses what that kind may not call. */
export function pickTransport(windowKind: 'staff' | 'survey' = 'staff'): Transport {
  const bridge = window.loket;
  if (bridge) {
    return async (method, input, sessionToken) =>
      (await bridge.call(method, input, sessionToken)) as ApiResult<unknown>;
  }
  const token = launchToken();
  return async (method, input, sessionToken, locale) => {
    try {
      const res = await fetch(`/api/${windowKind}/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
          'X-Loket-Locale': locale,
          ...(sessionToken && { 'X-Loket-Session': sessionToken }),
        },
        body: JSON.stringify({ input }),
      });
      if (!res.ok) return networkError();
      return (await res.json()) as ApiResult<unknown>;
    } catch {
      return networkError();
    }
  };
}
