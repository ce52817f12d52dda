import { z } from 'zod';

export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_METHOD',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'WINDOW_NOT_ALLOWED',
  'INVALID_CREDENTIALS',
  'LOCKED_OUT',
  'SETUP_ALREADY_DONE',
  'USERNAME_TAKEN',
  'LAST_ADMIN',
  'NOT_FOUND',
  'CONSENT_OUTDATED',
  'VISIT_ALREADY_CLOSED',
  'VISIT_STATE_CHANGED',
  'VISIT_NOT_YOURS',
  'CASE_NOT_YOURS',
  'CASE_CLOSED',
  'CASE_INCOMPLETE',
  'DOCUMENTS_MISSING',
  'CASE_ALREADY_PAUSED',
  'CASE_NOT_PAUSED',
  'CASE_PAUSED_BY_BACKEND',
  'CASE_NOT_ESCALATED',
  'CASE_NOT_RESOLVED',
  'SURVEY_ALREADY_DONE',
  'SCANNER_BUSY',
  'ATTACHMENT_EMPTY',
  'ATTACHMENT_TOO_LARGE',
  'ATTACHMENT_CASE_TOO_LARGE',
  'ATTACHMENT_TYPE_NOT_ALLOWED',
  'ATTACHMENT_NAME_INVALID',
  'SURVEY_NOT_AVAILABLE',
  'DB_NEWER_VERSION',
  'DB_CORRUPT',
  'INTERNAL',
] as const;
export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const apiErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** Field path ("phone", "consentGiven") → message key, for VALIDATION. */
  fields: z.record(z.string(), z.string()).optional(),
  retryAfterSeconds: z.number().int().optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
