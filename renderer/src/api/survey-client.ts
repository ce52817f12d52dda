import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/errors';
import type { DisplayKind } from '../../../shared/domain/station-kinds';
import { DISPLAY_TOKEN_KEY as DISPLAY_KEY, pickTransport, type Transport } from './transport';

/** The display token arrived in the fragment of the display's URL, like the launch token. */
export function displayToken(): string | null {
  return sessionStorage.getItem(DISPLAY_KEY);
}

export function forgetDisplayToken(): void {
  sessionStorage.removeItem(DISPLAY_KEY);
}

export type DisplayApi = <M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  locale: string,
) => Promise<ApiResult<MethodOutput<M>>>;

/** Calls from a visitor-facing screen, with its display token: only its own methods exist for it. */
export function displayApi(kind: DisplayKind): DisplayApi {
  // Picked at the first call, not at import: the build renders the login page without a window.
  let transport: Transport | null = null;
  return async (method, input, locale) => {
    const token = sessionStorage.getItem(DISPLAY_KEY) ?? undefined;
    transport ??= pickTransport(kind);
    return (await transport(method, input, token, locale)) as ApiResult<
      MethodOutput<typeof method>
    >;
  };
}

/** Calls from the visitor-facing survey screen. */
export const surveyApi: DisplayApi = displayApi('survey');
