import type { Readable } from 'node:stream';
import { z } from 'zod';
import { apiErrorSchema, type ApiResult, type ErrorCode } from '../../shared/api/errors';
import {
  contractId,
  LAN_HEADERS,
  LAN_PATHS,
  lanRefusalSchema,
} from '../../shared/api/lan-protocol';
import type { WindowKind } from '../../shared/domain/station-kinds';
import { translate, type Locale } from '../../shared/i18n/messages';
import { HubTransportError, pinnedRequest, type HubPin, type HubResponse } from './hub-client';
import type { HubLinkTracker } from './hub-link';
import { LOKET_VERSION, sideToUpdate } from './version';

const apiResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: apiErrorSchema }),
]);

export interface HubCallsOptions {
  pin: HubPin;
  credential: string;
  link: HubLinkTracker;
  /** A call without an answer for this long counts as unreachable (a scan may take a while). */
  callTimeoutMs?: number;
  uploadTimeoutMs?: number;
}

export interface CallHeaders {
  sessionToken?: string | undefined;
  locale: Locale;
}

export function failure(locale: Locale, code: ErrorCode, params: Record<string, string> = {}) {
  return {
    ok: false as const,
    error: { code, message: translate(locale, `errors.${code}`, params) },
  };
}

/**
 * Calls to the hub on the station's behalf, and what their answers mean for the link. Nothing
 * here is retried: a call whose answer was lost may have been carried out on the hub, and a
 * second send would check a visitor in twice. The caller says HUB_UNREACHABLE, the form keeps
 * its input, and the screen reloads from the hub after it comes back (resync).
 */
export class HubCalls {
  constructor(private readonly options: HubCallsOptions) {}

  /** What this station answers itself while the hub is refused or incompatible. */
  localRefusal(locale: Locale): ApiResult<never> | null {
    const link = this.options.link.current();
    if (link.state === 'incompatible') return this.versionMismatch(locale, link.hubVersion ?? '?');
    if (this.options.link.isFinallyRefused()) {
      return failure(
        locale,
        link.code === 'STATION_UNKNOWN' ? 'STATION_UNKNOWN' : 'STATION_REVOKED',
      );
    }
    return null;
  }

  async call(
    window: WindowKind,
    method: string,
    input: unknown,
    headers: CallHeaders,
  ): Promise<ApiResult<unknown>> {
    const refused = this.localRefusal(headers.locale);
    if (refused) return refused;
    const body = Buffer.from(JSON.stringify({ input: input ?? {} }));
    const answer = await this.send(headers, {
      method: 'POST',
      path: `${LAN_PATHS.api}${window}/${encodeURIComponent(method)}`,
      headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
      body,
      timeoutMs: this.options.callTimeoutMs ?? 120_000,
    });
    return answer;
  }

  /** Streams a file's bytes to the hub's staging; the answer is `{ uploadId }` or a refusal. */
  upload(body: Readable, headers: CallHeaders): Promise<ApiResult<unknown>> {
    const refused = this.localRefusal(headers.locale);
    if (refused) return Promise.resolve(refused);
    return this.send(headers, {
      method: 'POST',
      path: LAN_PATHS.upload,
      headers: { 'content-type': 'application/octet-stream' },
      body,
      timeoutMs: this.options.uploadTimeoutMs ?? 300_000,
    });
  }

  /** Headers every authenticated LAN request carries. */
  authHeaders(headers: CallHeaders): Record<string, string> {
    return {
      authorization: `Bearer ${this.options.credential}`,
      [LAN_HEADERS.contract]: contractId(),
      [LAN_HEADERS.locale]: headers.locale,
      ...(headers.sessionToken !== undefined && { [LAN_HEADERS.session]: headers.sessionToken }),
    };
  }

  private async send(
    headers: CallHeaders,
    req: Parameters<typeof pinnedRequest>[1],
  ): Promise<ApiResult<unknown>> {
    let response: HubResponse;
    try {
      response = await pinnedRequest(this.options.pin, {
        ...req,
        headers: { ...req.headers, ...this.authHeaders(headers) },
      });
    } catch (err) {
      return this.transportFailure(err, headers.locale);
    }
    return this.interpret(response, headers.locale);
  }

  transportFailure(err: unknown, locale: Locale): ApiResult<never> {
    if (err instanceof HubTransportError && err.kind === 'certMismatch') {
      this.options.link.refused('HUB_CERT_MISMATCH');
      return failure(locale, 'HUB_CERT_MISMATCH');
    }
    this.options.link.unreachable();
    return failure(locale, 'HUB_UNREACHABLE');
  }

  /** A hub's answer: an ApiResult (200), or a refusal before its core (non-200). */
  interpret(response: HubResponse, locale: Locale): ApiResult<unknown> {
    let json: unknown;
    try {
      json = JSON.parse(response.body.toString('utf8'));
    } catch {
      json = null;
    }
    if (response.status === 200) {
      const result = apiResultSchema.safeParse(json);
      if (!result.success) return failure(locale, 'INTERNAL');
      this.options.link.connected();
      return result.data as ApiResult<unknown>;
    }
    const refusal = lanRefusalSchema.safeParse(json);
    const code = refusal.success ? refusal.data.error.code : null;
    if (response.status === 409 || code === 'VERSION_MISMATCH') {
      const hubVersion = refusal.success ? (refusal.data.hub?.version ?? '?') : '?';
      this.options.link.incompatible(sideToUpdate(LOKET_VERSION, hubVersion), hubVersion);
      return this.versionMismatch(locale, hubVersion);
    }
    if (code === 'STATION_REVOKED' || code === 'STATION_UNKNOWN') {
      this.options.link.refused(code);
      return failure(locale, code);
    }
    // The hub is there and answered; its own refusal (a window not allowed, too large…) stands.
    this.options.link.connected();
    if (refusal.success) return { ok: false, error: refusal.data.error };
    return failure(locale, 'INTERNAL');
  }

  versionMismatch(locale: Locale, hubVersion: string): ApiResult<never> {
    const side = sideToUpdate(LOKET_VERSION, hubVersion);
    return failure(locale, 'VERSION_MISMATCH', {
      stationVersion: LOKET_VERSION,
      hubVersion,
      side: translate(locale, `station.side.${side}`),
    });
  }
}
