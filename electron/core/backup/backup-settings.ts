import { z } from 'zod';
import { BACKUP_DEFAULTS } from '../../../shared/domain/backup';
import type { Db } from '../db/open-database';

/** What every staff screen's backup warning reads on its poll: one row by its key. */
export const BACKUP_SETTING_SQL = 'SELECT value FROM app_setting WHERE key = ?';
const SETTINGS_KEY = 'backup_settings';
const STATE_KEY = 'backup_state';

const storedSettingsSchema = z.object({
  folder: z.string(),
  dailyAt: z.string(),
  onClose: z.boolean(),
  keepDaily: z.number().int(),
  keepWeekly: z.number().int(),
  staleHours: z.number().int(),
  /** The kept key's check value: tells whether the key in the secret store is this setting's. */
  keyCheck: z.string().nullable(),
});
export type StoredBackupSettings = z.infer<typeof storedSettingsSchema>;

const stateSchema = z.object({
  lastGood: z.object({ id: z.string(), at: z.string(), folder: z.string() }).nullable(),
  lastAttemptAt: z.string().nullable(),
  lastFailure: z.object({ at: z.string(), code: z.string() }).nullable(),
});
export type BackupState = z.infer<typeof stateSchema>;

const DEFAULT_SETTINGS: StoredBackupSettings = {
  folder: '',
  ...BACKUP_DEFAULTS,
  keyCheck: null,
};
const EMPTY_STATE: BackupState = { lastGood: null, lastAttemptAt: null, lastFailure: null };

/** The backup settings and the outcome of the last runs, as JSON rows of app_setting. */
export class BackupSettingsStore {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      get: db.prepare<[string], { value: string }>(BACKUP_SETTING_SQL),
      set: db.prepare<[string, string]>(
        'INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
    };
  }

  private read<T>(key: string, schema: z.ZodType<T>, fallback: T): T {
    const row = this.q.get.get(key);
    if (!row) return fallback;
    try {
      const parsed = schema.safeParse(JSON.parse(row.value));
      return parsed.success ? parsed.data : fallback;
    } catch {
      return fallback;
    }
  }

  settings(): StoredBackupSettings {
    return this.read(SETTINGS_KEY, storedSettingsSchema, DEFAULT_SETTINGS);
  }

  saveSettings(s: StoredBackupSettings): void {
    this.q.set.run(SETTINGS_KEY, JSON.stringify(s));
  }

  state(): BackupState {
    return this.read(STATE_KEY, stateSchema, EMPTY_STATE);
  }

  saveState(s: BackupState): void {
    this.q.set.run(STATE_KEY, JSON.stringify(s));
  }
}
