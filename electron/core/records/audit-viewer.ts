import type { AuditEntry, AuditFilter } from '../../../shared/domain/records';
import type { ExportedFile } from '../../../shared/domain/exported-file';
import { formatTimeWib, serviceDayOf } from '../../../shared/time';
import { translate, type Locale } from '../../../shared/i18n/messages';
import type { Db } from '../db/open-database';
import { csvCell } from '../reception/register-export';

export const AUDIT_PAGE = 50;
/** An export holds at most this many entries: a year of a busy desk, a few MB of CSV. */
export const AUDIT_EXPORT_MAX = 200_000;

const COLUMNS = `a.id, a.at, a.actor_id, s.full_name AS actor_name, a.action, a.entity,
       a.entity_id, a.detail`;
const PERIOD = 'a.at >= @from AND a.at < @to AND (a.at, a.id) < (@beforeAt, @beforeId)';
const ORDER = 'ORDER BY a.at DESC, a.id DESC LIMIT @limit';

/**
 * Newest first, one statement per filter so that each walks its own index (migration 20):
 * the period alone audit_at, a person audit_actor_at, an action audit_action_at.
 */
export const AUDIT_SQL = {
  period: `SELECT ${COLUMNS} FROM audit a LEFT JOIN staff s ON s.id = a.actor_id
    WHERE ${PERIOD} ${ORDER}`,
  actor: `SELECT ${COLUMNS} FROM audit a LEFT JOIN staff s ON s.id = a.actor_id
    WHERE a.actor_id = @actorId AND ${PERIOD} ${ORDER}`,
  action: `SELECT ${COLUMNS} FROM audit a LEFT JOIN staff s ON s.id = a.actor_id
    WHERE a.action = @action AND ${PERIOD} ${ORDER}`,
  both: `SELECT ${COLUMNS} FROM audit a INDEXED BY audit_actor_at
    LEFT JOIN staff s ON s.id = a.actor_id
    WHERE a.actor_id = @actorId AND a.action = @action AND ${PERIOD} ${ORDER}`,
} as const;
export const AUDIT_ACTIONS_SQL = 'SELECT action FROM audit_action ORDER BY action';

interface Row {
  id: number;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: string | null;
}
interface Params {
  from: string;
  to: string;
  beforeAt: string;
  beforeId: number;
  limit: number;
  actorId?: number;
  action?: string;
}

const WIB_OFFSET_MS = 7 * 3600_000;
/** The first instant (UTC) of a WIB service day. */
function dayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - WIB_OFFSET_MS).toISOString();
}
function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The audit trail read back: who did what to which record and when. */
export class AuditViewer {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      period: db.prepare<[Params], Row>(AUDIT_SQL.period),
      actor: db.prepare<[Params], Row>(AUDIT_SQL.actor),
      action: db.prepare<[Params], Row>(AUDIT_SQL.action),
      both: db.prepare<[Params], Row>(AUDIT_SQL.both),
      actions: db.prepare<[], { action: string }>(AUDIT_ACTIONS_SQL),
      staff: db.prepare<[], { id: number; full_name: string }>(
        'SELECT id, full_name FROM staff ORDER BY full_name',
      ),
    };
  }

  filters(): { actions: string[]; staff: { id: number; fullName: string }[] } {
    return {
      actions: this.q.actions.all().map((r) => r.action),
      staff: this.q.staff.all().map((s) => ({ id: s.id, fullName: s.full_name })),
    };
  }

  list(
    filter: AuditFilter,
    before?: { at: string; id: number },
  ): { entries: AuditEntry[]; next: { at: string; id: number } | null } {
    const rows = this.rows(filter, before, AUDIT_PAGE + 1);
    const page = rows.slice(0, AUDIT_PAGE);
    const last = page[page.length - 1];
    return {
      entries: page.map(toEntry),
      next: rows.length > AUDIT_PAGE && last ? { at: last.at, id: last.id } : null,
    };
  }

  csv(filter: AuditFilter, locale: Locale): ExportedFile {
    const t = (key: string) => translate(locale, key);
    const header = ['at', 'day', 'actor', 'action', 'entity', 'entityId', 'detail'].map((c) =>
      t(`audit.columns.${c}`),
    );
    const lines = [header.map(csvCell).join(',')];
    for (const r of this.rows(filter, undefined, AUDIT_EXPORT_MAX)) {
      lines.push(
        [
          r.at,
          `${serviceDayOf(new Date(r.at))} ${formatTimeWib(r.at, locale)}`,
          r.actor_name ?? t('audit.system'),
          r.action,
          r.entity,
          r.entity_id ?? '',
          r.detail ?? '',
        ]
          .map(csvCell)
          .join(','),
      );
    }
    const name = `audit-${filter.from ?? 'awal'}-${filter.to ?? serviceDayOf(new Date())}.csv`;
    return {
      fileName: name,
      mimeType: 'text/csv',
      // The BOM makes Excel read the file as UTF-8.
      base64: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8').toString('base64'),
    };
  }

  private rows(filter: AuditFilter, before: { at: string; id: number } | undefined, limit: number) {
    const params: Params = {
      from: filter.from ? dayStart(filter.from) : '',
      to: filter.to ? dayStart(nextDay(filter.to)) : '\uffff',
      beforeAt: before?.at ?? '\uffff',
      beforeId: before?.id ?? Number.MAX_SAFE_INTEGER,
      limit,
    };
    if (filter.actorId !== undefined) params.actorId = filter.actorId;
    if (filter.action !== undefined) params.action = filter.action;
    const statement =
      filter.actorId !== undefined && filter.action !== undefined
        ? this.q.both
        : filter.actorId !== undefined
          ? this.q.actor
          : filter.action !== undefined
            ? this.q.action
            : this.q.period;
    return statement.all(params);
  }
}

function toEntry(r: Row): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    detail: r.detail,
  };
}
