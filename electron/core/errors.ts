import type { ErrorCode } from '../../shared/api/errors';

/** An expected refusal: the dispatcher turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: { fields?: Record<string, string>; retryAfterSeconds?: number } = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}
