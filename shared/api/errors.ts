import { z } from 'zod';

export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_METHOD',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'WINDOW_NOT_ALLOWED',
  'INVALID_CREDENTIALS',
  'LOCKED_OUT',
  'BUSY',
  'CURRENT_PIN_WRONG',
  'SETUP_ALREADY_DONE',
  'USERNAME_TAKEN',
  'LAST_ADMIN',
  'NOT_FOUND',
  'CONSENT_OUTDATED',
  'VISIT_ALREADY_CLOSED',
  'VISIT_STATE_CHANGED',
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
  'UPLOAD_STAGING_FULL',
  'ATTACHMENT_DAMAGED',
  'ATTACHMENT_TRAILING_DATA',
  'ATTACHMENT_IMAGE_TOO_LARGE',
  'ATTACHMENT_PDF_ACTIVE_CONTENT',
  'ATTACHMENT_PDF_ENCRYPTED',
  'ATTACHMENT_PDF_TOO_COMPLEX',
  'SURVEY_NOT_AVAILABLE',
  'HELPDESK_NOT_CONFIGURED',
  'HELPDESK_UNREACHABLE',
  'HELPDESK_AUTH',
  'HELPDESK_REJECTED',
  'HELPDESK_SETUP_INCOMPLETE',
  'HELPDESK_PROTOCOL',
  'DB_NEWER_VERSION',
  'DB_CORRUPT',
  'DB_DAMAGED',
  'DISK_FULL',
  'DATA_FOLDER_IN_USE',
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
