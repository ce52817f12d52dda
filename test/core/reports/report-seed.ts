import type { Db } from '../../../electron/core/db/open-database';

/** A UTC ISO instant from a WIB wall-clock time: "2026-11-02 09:00" → 2026-11-02T02:00:00.000Z. */
export const wib = (local: string) =>
  new Date(Date.parse(`${local.replace(' ', 'T')}:00+07:00`)).toISOString();

/**
 * Writes report rows straight into the tables, so that each test states exact times (a visit
 * over midnight WIB, a pause over a weekend) that the desk's own calls would stamp with "now".
 */
export class ReportSeed {
  private queue = new Map<string, number>();
  private visitorId: number;
  private caseNo = 0;
  private staffNo = 0;

  constructor(private readonly db: Db) {
    this.visitorId = Number(
      db
        .prepare(
          `INSERT INTO visitor (full_name, phone, created_at, updated_at)
           VALUES ('Nguyễn Văn An', '+6281234567890', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
        )
        .run().lastInsertRowid,
    );
  }

  officer(name: string): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO staff (username, full_name, pin_hash, created_at)
           VALUES (?, ?, 'x', '2026-01-01T00:00:00Z')`,
        )
        .run(`staff${++this.staffNo}`, name).lastInsertRowid,
    );
  }

  visit(v: {
    day: string;
    checkedIn: string;
    status?: 'waiting' | 'called' | 'in_consultation' | 'no_show' | 'done';
    leftUnserved?: boolean;
    officerId?: number | null;
    visitorType?: string | null;
    lpse?: string | null;
    events?: [kind: string, at: string][];
  }): number {
    const queueNo = (this.queue.get(v.day) ?? 0) + 1;
    this.queue.set(v.day, queueNo);
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO visit (visitor_id, service_day, queue_no, purpose, full_name, phone,
             visitor_type, lpse, status, officer_id, checked_in_at, consent_version, consent_at,
             checked_in_by, left_unserved)
           VALUES (?, ?, ?, 'konsultasi', 'Nguyễn Văn An', '+6281234567890', ?, ?, ?, ?, ?, 'v1', ?, 1, ?)`,
        )
        .run(
          this.visitorId,
          v.day,
          queueNo,
          v.visitorType ?? null,
          v.lpse ?? null,
          v.status ?? 'done',
          v.officerId ?? null,
          wib(v.checkedIn),
          wib(v.checkedIn),
          v.leftUnserved ? 1 : 0,
        ).lastInsertRowid,
    );
    const event = this.db.prepare('INSERT INTO visit_event (visit_id, at, kind) VALUES (?, ?, ?)');
    event.run(id, wib(v.checkedIn), 'checked_in');
    for (const [kind, at] of v.events ?? []) event.run(id, wib(at), kind);
    return id;
  }

  problem(c: {
    visitId: number;
    officerId: number;
    status: 'draft' | 'solved' | 'escalated' | 'backend_resolved' | 'closed';
    category?: string;
    application?: string;
    escalatedAt?: string;
    resolvedAt?: string;
    phase?: 'resolved' | 'rejected' | 'in_progress';
    ticket?: string;
  }): { id: number; code: string } {
    const code = `LKT-TEST-${String(++this.caseNo).padStart(4, '0')}`;
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO problem_case (case_code, visit_id, officer_id, status, reporter_name,
             reporter_phone, category, application, created_at, updated_at, escalated_at,
             backend_resolved_at)
           VALUES (?, ?, ?, ?, 'Nguyễn Văn An', '+6281234567890', ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          code,
          c.visitId,
          c.officerId,
          c.status,
          c.category ?? null,
          c.application ?? null,
          '2026-01-01T00:00:00Z',
          '2026-01-01T00:00:00Z',
          c.escalatedAt ? wib(c.escalatedAt) : null,
          c.resolvedAt ? wib(c.resolvedAt) : null,
        ).lastInsertRowid,
    );
    if (c.ticket)
      this.db
        .prepare(
          `INSERT INTO backend_link (case_id, remote_id, remote_status, linked_at, last_seen_at, remote_phase)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          c.ticket,
          c.phase ?? 'in_progress',
          wib('2026-01-01 00:00'),
          wib('2026-01-01 00:00'),
          c.phase ?? 'in_progress',
        );
    return { id, code };
  }

  pause(caseId: number, reason: string, from: string, to: string | null): void {
    this.db
      .prepare(
        `INSERT INTO sla_pause (case_id, reason, source, started_at, ended_at) VALUES (?, ?, 'officer', ?, ?)`,
      )
      .run(caseId, reason, wib(from), to === null ? null : wib(to));
  }

  confirmation(caseId: number, outcome: 'accepted' | 'not_solved', at: string): void {
    this.db
      .prepare(
        `INSERT INTO confirmation (case_id, channel, confirmed_at, outcome, officer_id, recorded_at)
         VALUES (?, 'phone', ?, ?, 1, ?)`,
      )
      .run(caseId, wib(at), outcome, wib(at));
  }
}
