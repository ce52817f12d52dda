import {
  DEFAULT_RETENTION_YEARS,
  retentionSettingsSchema,
  type RetentionSettings,
} from '../../../shared/domain/retention';
import type { AuditLog } from '../audit';
import type { Db } from '../db/open-database';

const KEYS = {
  guestBookYears: 'retention.guest_book_years',
  casesYears: 'retention.cases_years',
  documentsYears: 'retention.documents_years',
} as const satisfies Record<keyof RetentionSettings, string>;

/** The retention period of each purpose, in app_setting; unset means the promised two years. */
export class RetentionSettingsStore {
  private readonly q;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {
    this.q = {
      get: db.prepare<[string], { value: string }>('SELECT value FROM app_setting WHERE key = ?'),
      set: db.prepare<[string, string]>(
        'INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
    };
  }

  get(): RetentionSettings {
    const read = (key: string): number => {
      const value = Number(this.q.get.get(key)?.value);
      return Number.isInteger(value) && value > 0 ? value : DEFAULT_RETENTION_YEARS;
    };
    return {
      guestBookYears: read(KEYS.guestBookYears),
      casesYears: read(KEYS.casesYears),
      documentsYears: read(KEYS.documentsYears),
    };
  }

  save(actorId: number, input: RetentionSettings): RetentionSettings {
    const next = retentionSettingsSchema.parse(input);
    return this.db
      .transaction(() => {
        const before = this.get();
        for (const key of Object.keys(KEYS) as (keyof RetentionSettings)[]) {
          this.q.set.run(KEYS[key], String(next[key]));
        }
        this.audit.record({
          actorId,
          action: 'privacy.retentionSettings',
          entity: 'setting',
          entityId: 'retention',
          detail: { before, after: next },
        });
        return this.get();
      })
      .immediate();
  }
}
