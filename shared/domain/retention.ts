import { z } from 'zod';

/** The period promised in the processing notice, per purpose, unless the administrator sets another. */
export const DEFAULT_RETENTION_YEARS = 2;
export const MAX_RETENTION_YEARS = 30;

const years = z
  .number({ error: 'validation.invalid' })
  .int({ error: 'validation.invalid' })
  .min(1, { error: 'validation.invalid' })
  .max(MAX_RETENTION_YEARS, { error: 'validation.invalid' });

/**
 * How long each purpose keeps personal data, in calendar years, counted per visit (guest book)
 * and per case from its end (cases, documents). Statistics stay whatever the period.
 */
export const retentionSettingsSchema = z
  .object({ guestBookYears: years, casesYears: years, documentsYears: years })
  .strict();
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;
