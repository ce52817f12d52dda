import type { LoketBridge } from '../../../shared/api/bridge';
import type { ApiResult } from '../../../shared/api/errors';
import type { WindowKind } from '../../../shared/domain/station-kinds';

declare global {
  interface Window {
    loket?: LoketBridge;
  }
}

const LAUNCH_TOKEN_KEY = 'loket.launchToken';
/** The survey display's session, handed over the same way as the launch token. */
export const DISPLAY_TOKEN_KEY = 'loket.display';
/** The staff member's session in this tab. */
export const SESSION_KEY = 'loket.session';

/** The session a window of this kind calls with: a staff session, or its display session. */
export function sessionTokenFor(kind: WindowKind): string | undefined {
  return sessionStorage.getItem(kind === 'staff' ? SESSION_KEY : DISPLAY_TOKEN_KEY) ?? undefined;
}

/**
 * Why the browser-mode host cannot be used from this tab, as opposed to a host that is down:
 * opened without the launch URL's token, a token from an earlier run of Loket, or an address
 * the host does not answer to (421/403).
 */
export type HostAccessProblem = 'no-token' | 'token-rejected' | 'wrong-address';

/** What a failed call carries in `error.message` when it never reached the core. */
export const TRANSPORT_FAILURES = ['NETWORK', 'LAUNCH_TOKEN', 'WRONG_ADDRESS'] as const;
export type TransportFailure = (typeof TRANSPORT_FAILURES)[number];

let accessProblem: HostAccessProblem | null = null;
const accessListeners = new Set<(problem: HostAccessProblem) => void>();

function reportAccessProblem(problem: HostAccessProblem): void {
  accessProblem = problem;
  for (const listener of accessListeners) listener(problem);
}

export function hostAccessProblem(): HostAccessProblem | null {
  return accessProblem;
}

export function onHostAccessProblem(listener: (problem: HostAccessProblem) => void): () => void {
  accessListeners.add(listener);
  return () => accessListeners.delete(listener);
}

/** Keeps the fragment's tokens for this tab; true when the fragment carried any. */
function takeFragmentTokens(): boolean {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const token = fragment.get('token');
  const display = fragment.get('display');
  if (token) sessionStorage.setItem(LAUNCH_TOKEN_KEY, token);
  if (display) sessionStorage.setItem(DISPLAY_TOKEN_KEY, display);
  if (token || display)
    history.replaceState(history.state, '', window.location.pathname + window.location.search);
  return Boolean(token || display);
}

/**
 * Browser mode: the host printed a URL with the launch token in its fragment. Keep it for this
 * tab and take it out of the address bar so it is not shown or bookmarked.
 */
export function launchToken(): string {
  takeFragmentTokens();
  return sessionStorage.getItem(LAUNCH_TOKEN_KEY) ?? '';
}

const failure = (kind: TransportFailure): ApiResult<never> => ({
  ok: false,
  error: { code: 'INTERNAL', message: kind },
});

export type Transport = (
  method: string,
  input: unknown,
  sessionToken: string | undefined,
  locale: string,
) => Promise<ApiResult<unknown>>;

/**
 * The host's refusals that mean "not from here" rather than "not working"; null for any other
 * status. A 401 is only ever the launch token (the core answers its own refusals with 200).
 */
export function reportAccessRefusal(status: number, token: string): TransportFailure | null {
  if (status === 401) {
    reportAccessProblem(token === '' ? 'no-token' : 'token-rejected');
    return 'LAUNCH_TOKEN';
  }
  if (status === 421 || status === 403) {
    reportAccessProblem('wrong-address');
    return 'WRONG_ADDRESS';
  }
  return null;
}

let watchingFragment = false;

/** A new launch URL pasted into this tab changes only the fragment: start again with its token. */
function reloadOnNewLaunchUrl(): void {
  if (watchingFragment) return;
  watchingFragment = true;
  window.addEventListener('hashchange', () => {
    if (takeFragmentTokens()) window.location.reload();
  });
}

/** IPC through the preload bridge in Electron, HTTP on loopback in browser mode; screens never know which.
 * In browser mode the route names the window kind, and the host refuses what that kind may not call. */
export function pickTransport(windowKind: WindowKind = 'staff'): Transport {
  const bridge = window.loket;
  if (bridge) {
    return async (method, input, sessionToken) =>
      (await bridge.call(method, input, sessionToken)) as ApiResult<unknown>;
  }
  reloadOnNewLaunchUrl();
  const token = launchToken();
  // Without a token every call would be refused: say so before the first one.
  if (token === '') reportAccessProblem('no-token');
  return async (method, input, sessionToken, locale) => {
    let res: Response;
    try {
      res = await fetch(`/api/${windowKind}/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
          'X-Loket-Locale': locale,
          ...(sessionToken && { 'X-Loket-Session': sessionToken }),
        },
        body: JSON.stringify({ input }),
      });
    } catch {
      return failure('NETWORK');
    }
    if (!res.ok) return failure(reportAccessRefusal(res.status, token) ?? 'NETWORK');
    try {
      return (await res.json()) as ApiResult<unknown>;
    } catch {
      return failure('NETWORK');
    }
  };
}
