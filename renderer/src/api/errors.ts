import i18next from 'i18next';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ApiError } from '../../../shared/api/errors';

/** The error line to show for a failed call, in the screen's language. */
export function errorText(error: ApiError): string {
  if (error.message === 'NETWORK') return i18next.t('errors.NETWORK');
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
