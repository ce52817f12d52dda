import { z } from 'zod';

export const BACKUP_DEFAULTS = {
  dailyAt: '17:30',
  onClose: true,
  keepDaily: 7,
  keepWeekly: 4,
  staleHours: 36,
} as const;

export const MIN_PASSPHRASE_LENGTH = 10;

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.backupTime');

/** What the admin sets: where, when, how many are kept, and when staff are warned. */
export const backupSettingsInputSchema = z.object({
  /** An absolute path on this PC: a USB disk, a second disk, a mounted network share. */
  folder: z.string().trim().min(1, 'validation.required').max(1000, 'validation.tooLong:1000'),
  /** Only when set or changed; never returned. */
  passphrase: z
    .string()
    .min(MIN_PASSPHRASE_LENGTH, 'validation.backupPassphraseShort')
    .max(200, 'validation.tooLong:200')
    .optional(),
  dailyAt: timeOfDay,
  onClose: z.boolean(),
  keepDaily: z
    .number()
    .int()
    .min(1, 'validation.backupKeepRange')
    .max(60, 'validation.backupKeepRange'),
  keepWeekly: z
    .number()
    .int()
    .min(0, 'validation.backupKeepRange')
    .max(52, 'validation.backupKeepRange'),
  staleHours: z
    .number()
    .int()
    .min(1, 'validation.backupStaleRange')
    .max(720, 'validation.backupStaleRange'),
});
export type BackupSettingsInput = z.infer<typeof backupSettingsInputSchema>;

export const backupCountsSchema = z.object({
  visitors: z.number().int(),
  visits: z.number().int(),
  cases: z.number().int(),
  documents: z.number().int(),
  surveyResponses: z.number().int(),
});
export type BackupCounts = z.infer<typeof backupCountsSchema>;

export const diskEncryptionSchema = z.enum(['encrypted', 'not_encrypted', 'unknown']);
export type DiskEncryption = z.infer<typeof diskEncryptionSchema>;

export const backupSettingsSchema = z.object({
  folder: z.string(),
  hasPassphrase: z.boolean(),
  /** A key is kept but it does not match the settings (restored from an older backup, say). */
  passphraseNeedsEntry: z.boolean(),
  dailyAt: z.string(),
  onClose: z.boolean(),
  keepDaily: z.number().int(),
  keepWeekly: z.number().int(),
  staleHours: z.number().int(),
  /** Whether the disk of the data folder is encrypted, where the OS tells. */
  dataDiskEncryption: diskEncryptionSchema,
  dataDir: z.string(),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export const backupTriggerSchema = z.enum(['manual', 'schedule', 'close']);

export const backupSummarySchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  finishedAt: z.string(),
  trigger: backupTriggerSchema,
  schemaVersion: z.number().int(),
  loketVersion: z.string(),
  counts: backupCountsSchema,
  databaseBytes: z.number().int(),
  documentFiles: z.number().int(),
  documentBytes: z.number().int(),
  /** Documents that this backup had to copy (the rest were in the backup folder already). */
  documentsCopied: z.number().int(),
  /** Referred to by the database but no longer in the document store (removed meanwhile). */
  documentsMissing: z.number().int(),
});
export type BackupSummary = z.infer<typeof backupSummarySchema>;

export const backupListEntrySchema = z.discriminatedUnion('readable', [
  z.object({ readable: z.literal(true), id: z.string(), summary: backupSummarySchema }),
  z.object({
    readable: z.literal(false),
    id: z.string(),
    createdAt: z.string().nullable(),
    problem: z.enum(['BACKUP_WRONG_PASSPHRASE', 'BACKUP_DAMAGED', 'BACKUP_NEWER_VERSION']),
  }),
]);
export type BackupListEntry = z.infer<typeof backupListEntrySchema>;

export const backupStatusSchema = z.object({
  configured: z.boolean(),
  running: z.boolean(),
  lastGood: z.object({ id: z.string(), at: z.string() }).nullable(),
  lastFailure: z.object({ at: z.string(), code: z.string() }).nullable(),
  staleHours: z.number().int(),
  /** Configured, and no good backup within the admin's limit: every staff screen warns. */
  stale: z.boolean(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;
