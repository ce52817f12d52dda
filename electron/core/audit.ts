import type { Db } from './db/open-database';

export interface AuditEntry {
  actorId: number | null;
  action: string;
  entity: string;
  entityId?: string | number;
  detail?: Record<string, unknown>;
}

/** Append-only (the table's triggers refuse UPDATE and DELETE). Call inside the write's transaction. */
export class AuditLog {
  private readonly insert;

  constructor(
    db: Db,
    private readonly now: () => Date,
  ) {
    this.insert = db.prepare(
      'INSERT INTO audit (at, actor_id, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  record(e: AuditEntry): void {
    this.insert.run(
      this.now().toISOString(),
      e.actorId,
      e.action,
      e.entity,
      e.entityId === undefined ? null : String(e.entityId),
      e.detail === undefined ? null : JSON.stringify(e.detail),
    );
  }
}
