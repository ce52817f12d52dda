import type { z } from 'zod';
import { contract, isMethodName, type MethodName } from '../../shared/api/contract';
import type { MethodSpec } from '../../shared/api/methods/method';
import type { ApiResult } from '../../shared/api/errors';
import { DEFAULT_LOCALE, translate, type Locale } from '../../shared/i18n/messages';
import type { WindowKind } from '../../shared/domain/station-kinds';
import type { CallContext, Dispatch } from '../core/api/dispatcher';
import { AppError } from '../core/errors';
import { failure, type HubCalls } from './hub-calls';

/** Where a station sends a call: decided by the method's spec (`runsAt`), not by a list here. */
export function routeOf(method: string): 'local' | 'hub' | 'unknown' {
  if (!isMethodName(method)) return 'unknown';
  return (contract[method] as MethodSpec).runsAt === 'local' ? 'local' : 'hub';
}

export const LOCAL_METHODS: readonly MethodName[] = (Object.keys(contract) as MethodName[]).filter(
  (m) => routeOf(m) === 'local',
);

export interface LocalCall {
  window: WindowKind;
  sessionToken: string | undefined;
  locale: Locale;
}

export type LocalHandler = (input: unknown, call: LocalCall) => Promise<unknown> | unknown;

function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    if (fields[path]) continue;
    const known = issue.message.startsWith('validation.');
    fields[path] = known ? issue.message : 'validation.invalid';
  }
  return fields;
}

/**
 * The station host's dispatch: a method that runs locally is checked against its spec (window,
 * input, output) and answered here; every other known method goes to the hub, which decides
 * access. Unknown names never leave the PC.
 */
export function createStationDispatch(
  local: Readonly<Partial<Record<MethodName, LocalHandler>>>,
  calls: HubCalls,
  logError: (err: unknown) => void = (err) => console.error(err),
): Dispatch {
  return async (method, rawInput, ctx: CallContext): Promise<ApiResult<unknown>> => {
    const locale = ctx.locale ?? DEFAULT_LOCALE;
    const route = routeOf(method);
    if (route === 'unknown' || !isMethodName(method)) return failure(locale, 'UNKNOWN_METHOD');
    const spec: MethodSpec = contract[method];
    if (route === 'hub') {
      return calls.call(ctx.window, method, rawInput, {
        sessionToken: ctx.sessionToken,
        locale,
      });
    }
    if (!(spec.windows as readonly WindowKind[]).includes(ctx.window)) {
      return failure(locale, 'WINDOW_NOT_ALLOWED');
    }
    const handler = local[method];
    if (!handler) return failure(locale, 'UNKNOWN_METHOD');
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'VALIDATION',
          message: translate(locale, 'errors.VALIDATION'),
          fields: fieldErrors(parsed.error),
        },
      };
    }
    try {
      const value: unknown = await handler(parsed.data, {
        window: ctx.window,
        sessionToken: ctx.sessionToken,
        locale,
      });
      return { ok: true, value: spec.output.parse(value) };
    } catch (err) {
      if (err instanceof HubAnswer) return err.result;
      if (err instanceof AppError) {
        return {
          ok: false,
          error: {
            code: err.code,
            message: translate(locale, `errors.${err.code}`, {
              seconds: err.details.retryAfterSeconds ?? '',
            }),
            ...err.details,
          },
        };
      }
      logError(err);
      return failure(locale, 'INTERNAL');
    }
  };
}

/** A hub refusal met inside a local method (the hub's own message), passed through unchanged. */
export class HubAnswer extends Error {
  constructor(readonly result: ApiResult<never>) {
    super(result.ok ? 'ok' : result.error.code);
    this.name = 'HubAnswer';
  }
}
