import { z } from 'zod';
import {
  backupCountsSchema,
  backupListEntrySchema,
  backupSettingsInputSchema,
  backupSettingsSchema,
  backupStatusSchema,
  backupSummarySchema,
} from '../../domain/backup';
import { method, STAFF_WINDOW, empty, type MethodSpec } from './method';

const ADMIN = ['admin'] as const;

/** Which backup: in the configured folder, or (a new PC) a folder and passphrase typed in. */
const chosenFolder = {
  folder: z.string().trim().max(1000).optional(),
  passphrase: z.string().max(200).optional(),
};
const setId = z.string().regex(/^\d{8}T\d{6}Z-[0-9a-f]{6}$/, 'validation.invalid');

export const backupMethods = {
  'backup.settings': method({
    input: empty,
    output: backupSettingsSchema,
    access: ADMIN,
    windows: STAFF_WINDOW,
  }),
  'backup.saveSettings': method({
    input: backupSettingsInputSchema,
    output: backupSettingsSchema,
    access: ADMIN,
    windows: STAFF_WINDOW,
    changes: ['settings', 'storage'],
  }),
  'backup.runNow': method({
    input: empty,
    output: backupSummarySchema,
    access: ADMIN,
    windows: STAFF_WINDOW,
    changes: ['storage'],
  }),
  /** For every staff screen's warning: is the last good backup older than the admin's limit? */
  'backup.status': method({
    input: empty,
    output: backupStatusSchema,
    access: 'staff',
    windows: STAFF_WINDOW,
    poll: true,
  }),
  'backup.list': method({
    input: z.object(chosenFolder).strict(),
    output: z.array(backupListEntrySchema),
    access: ADMIN,
    windows: STAFF_WINDOW,
  }),
  'backup.inspect': method({
    input: z.object({ ...chosenFolder, id: setId }).strict(),
    output: z.object({ summary: backupSummarySchema, current: backupCountsSchema }),
    access: ADMIN,
    windows: STAFF_WINDOW,
  }),
  /** Checks the whole backup, then the core restarts on it; the replaced data is kept aside. */
  'backup.restore': method({
    input: z.object({ ...chosenFolder, id: setId, confirm: z.literal(true) }).strict(),
    output: z.object({
      summary: backupSummarySchema,
      asideFolder: z.string(),
      restarting: z.boolean(),
    }),
    access: ADMIN,
    windows: STAFF_WINDOW,
  }),
} as const satisfies Record<string, MethodSpec>;
