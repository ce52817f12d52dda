import i18next from 'i18next';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ApiError } from '../../../shared/api/errors';
import { TRANSPORT_FAILURES, type TransportFailure } from './transport';

const isTransportFailure = (message: string): message is TransportFailure =>
  (TRANSPORT_FAILURES as readonly string[]).includes(message);

/** The error line to show for a failed call, in the screen's language. */
export function errorText(error: ApiError): string {
  // The call never reached the core: the host is down, or this tab may not use it.
  if (error.code === 'INTERNAL' && isTransportFailure(error.message)) {
    return i18next.t(`hostAccess.inline.${error.message}`);
  }
  return i18next.t(`errors.${error.code}`, { seconds: error.retryAfterSeconds ?? '' });
}

/** Puts the core's field errors next to the same fields the form would have flagged. */
export function applyFieldErrors<T extends FieldValues>(
  error: ApiError,
  setError: UseFormSetError<T>,
): void {
  for (const [path, key] of Object.entries(error.fields ?? {})) {
    setError(path as Path<T>, { type: 'server', message: key });
  }
}
