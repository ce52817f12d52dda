import { DEFAULT_SERVICE_HOURS, type CountingRules } from '../../../shared/domain/sla-counting';
import { reportSettingsSchema, type ReportSettings } from '../../../shared/domain/reports';
import type { AuditLog } from '../audit';
import type { Db } from '../db/open-database';

const KEY = 'report_settings';
export const DEFAULT_WAIT_TARGET_MINUTES = 30;

const stored = reportSettingsSchema.omit({ holidays: true });

/**
 * The counting mode of the 1x24 target, the desk's service hours, the waiting-time target and the
 * holiday list: kept in the database, so every desk of a hub counts the same way.
 */
export class ReportSettingsStore {
  private readonly q;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog | null,
    private readonly now: () => Date,
  ) {
    this.q = {
      get: db.prepare<[string], { value: string }>('SELECT value FROM app_setting WHERE key = ?'),
      put: db.prepare<[string, string]>(
        'INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
      holidays: db.prepare<[], { day: string; name: string }>(
        'SELECT day, name FROM service_holiday ORDER BY day',
      ),
      clearHolidays: db.prepare('DELETE FROM service_holiday'),
      addHoliday: db.prepare<[string, string, number, string]>(
        'INSERT INTO service_holiday (day, name, added_by, added_at) VALUES (?, ?, ?, ?)',
      ),
    };
  }

  get(): ReportSettings {
    const row = this.q.get.get(KEY);
    const parsed = row ? stored.safeParse(JSON.parse(row.value)) : null;
    const base = parsed?.success
      ? parsed.data
      : {
          countingMode: 'calendar' as const,
          serviceHours: DEFAULT_SERVICE_HOURS,
          waitTargetMinutes: DEFAULT_WAIT_TARGET_MINUTES,
        };
    return { ...base, holidays: this.q.holidays.all() };
  }

  rules(): CountingRules {
    const s = this.get();
    return {
      mode: s.countingMode,
      hours: s.serviceHours,
      holidays: new Set(s.holidays.map((h) => h.day)),
    };
  }

  save(settings: ReportSettings, actorId: number): void {
    const at = this.now().toISOString();
    const before = this.get();
    this.db
      .transaction(() => {
        const { holidays, ...rest } = settings;
        this.q.put.run(KEY, JSON.stringify(rest));
        this.q.clearHolidays.run();
        // One entry per day: the last name given for a day wins.
        const byDay = new Map(holidays.map((h) => [h.day, h.name]));
        for (const [day, name] of byDay) this.q.addHoliday.run(day, name, actorId, at);
        this.audit?.record({
          actorId,
          action: 'report.saveSettings',
          entity: 'report_settings',
          detail: {
            before: { ...before, holidays: before.holidays.length },
            after: { ...rest, holidays: byDay.size },
          },
        });
      })
      .immediate();
  }
}
