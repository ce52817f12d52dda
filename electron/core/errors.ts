import type { ErrorCode } from '../../shared/api/errors';
import { translate, type Locale } from '../../shared/i18n/messages';
import { serviceDayOf, formatTimeWib } from '../../shared/time';

/** An expected refusal: the dispatcher turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: { fields?: Record<string, string>; retryAfterSeconds?: number } = {},
    /** Filled into the message when a host prints it (the file, the other host's pid). */
    readonly params: Record<string, string> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

/** What a host prints (or shows in a dialog) when the core refuses to start. */
export function startRefusalMessage(err: unknown, locale: Locale): string {
  if (!(err instanceof AppError)) return translate(locale, 'errors.INTERNAL');
  const params: Record<string, string> = { ...err.params };
  if (err.code === 'DATA_FOLDER_IN_USE') {
    params.host = translate(locale, `dataFolder.hosts.${params.host ?? 'other'}`);
    const since = params.since ? new Date(params.since) : null;
    if (since && !Number.isNaN(since.getTime())) {
      params.since = `${serviceDayOf(since)} ${formatTimeWib(since.toISOString(), locale)}`;
    }
  }
  return translate(locale, `errors.${err.code}`, params);
}
