import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/errors';
import { DISPLAY_TOKEN_KEY as DISPLAY_KEY, pickTransport } from './transport';

const transport = pickTransport('survey');

/** The display token arrived in the fragment of the survey screen's URL, like the launch token. */
export function displayToken(): string | null {
  return sessionStorage.getItem(DISPLAY_KEY);
}

export function forgetDisplayToken(): void {
  sessionStorage.removeItem(DISPLAY_KEY);
}

/** Calls from the visitor-facing screen: only the survey methods exist for it. */
export async function surveyApi<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  locale: string,
): Promise<ApiResult<MethodOutput<M>>> {
  const token = sessionStorage.getItem(DISPLAY_KEY) ?? undefined;
  return (await transport(method, input, token, locale)) as ApiResult<MethodOutput<M>>;
}
