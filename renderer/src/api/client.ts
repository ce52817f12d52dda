import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/errors';
import { pickTransport, SESSION_KEY, type Transport } from './transport';

let chosen: Transport | null = null;
let locale = 'id';
let onSessionLost: () => void = () => {};

/**
 * Picks IPC or HTTP for this page (and reports a missing launch token) when the page starts,
 * not at import: the login page is also rendered at build time, where there is no window.
 */
export function connectApi(): Transport {
  return (chosen ??= pickTransport());
}

export function setApiLocale(next: string): void {
  locale = next;
}

export function setSessionToken(token: string | null): void {
  if (token === null) sessionStorage.removeItem(SESSION_KEY);
  else sessionStorage.setItem(SESSION_KEY, token);
}

/**
 * This tab is becoming the visitor's survey: it must not keep the staff session, or the visitor
 * would be on the staff screens as the officer after pressing Back.
 */
export function forgetStaffSession(): void {
  sessionStorage.removeItem(SESSION_KEY);
}

export function hasSession(): boolean {
  return sessionStorage.getItem(SESSION_KEY) !== null;
}

export function onUnauthenticated(handler: () => void): void {
  onSessionLost = handler;
}

export async function api<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): Promise<ApiResult<MethodOutput<M>>> {
  const result = await connectApi()(
    method,
    input,
    sessionStorage.getItem(SESSION_KEY) ?? undefined,
    locale,
  );
  if (!result.ok && result.error.code === 'UNAUTHENTICATED') {
    setSessionToken(null);
    onSessionLost();
  }
  return result as ApiResult<MethodOutput<M>>;
}
