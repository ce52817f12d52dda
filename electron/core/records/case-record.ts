import { formatQueueNumber } from '../../../shared/domain/queue';
import type { CaseStatus } from '../../../shared/domain/case';
import type { CaseRecordView, TimelineEvent, TimelineKind } from '../../../shared/domain/records';
import type { TicketPhase } from '../../../shared/domain/ticket-phase';
import type { CaseService } from '../consultation/cases';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';

/** Parameters: the entity kind and its id. Both trails come from migration 1's entity index. */
export const TRAIL_SQL = `SELECT a.id, a.at, a.action, a.detail, s.full_name AS actor_name
  FROM audit a LEFT JOIN staff s ON s.id = a.actor_id
 WHERE a.entity = ? AND a.entity_id = ? ORDER BY a.id`;
export const VISIT_EVENTS_SQL = `SELECT e.id, e.at, e.kind, s.full_name AS actor_name
  FROM visit_event e LEFT JOIN staff s ON s.id = e.actor_id
 WHERE e.visit_id = ? ORDER BY e.at, e.id`;

interface CaseRow {
  id: number;
  case_code: string;
  visit_id: number;
  officer_id: number;
  officer_name: string;
  service_day: string;
  queue_no: number;
  escalated_at: string | null;
  backend_resolved_at: string | null;
  finished_at: string | null;
  remote_id: string | null;
  remote_url: string | null;
  remote_phase: TicketPhase | null;
  remote_status: string | null;
}
interface TrailRow {
  id: number;
  at: string;
  action: string;
  detail: string | null;
  actor_name: string | null;
}

/** Visit events that are timeline lines as they are; the rest of a visit's trail repeats them. */
const VISIT_KINDS: readonly string[] = [
  'checked_in',
  'called',
  'started',
  'no_show',
  'returned',
  'ended',
  'checked_out',
  'auto_closed',
  'survey_ready',
];
const VISIT_ACTIONS: Record<string, TimelineKind> = {
  'visit.correct': 'visit_corrected',
  'visit.cancel': 'visit_cancelled',
};
/** Case actions as lines; 'case.update' (every autosave of the form) is left out. */
const CASE_ACTIONS: Record<string, TimelineKind> = {
  'case.create': 'case_created',
  'case.takeOver': 'case_taken_over',
  'case.note': 'note_added',
  'case.attach': 'document_added',
  'case.detach': 'document_removed',
  'case.attachmentKind': 'document_kind_changed',
  'case.solve': 'solved',
  'case.escalate': 'escalated',
  'outbox.delivered': 'delivered',
  'case.pause': 'paused',
  'case.resume': 'resumed',
  'case.backendResolved': 'backend_resolved',
  'case.confirm': 'confirmed',
  'case.correct': 'case_corrected',
};

/** A case's whole record in one read: the form and a timeline of everything that happened. */
export class CaseRecords {
  private readonly q;

  constructor(
    db: Db,
    private readonly cases: CaseService,
  ) {
    this.q = {
      case: db.prepare<[number], CaseRow>(
        `SELECT c.id, c.case_code, c.visit_id, c.officer_id, s.full_name AS officer_name,
                v.service_day, v.queue_no, c.escalated_at, c.backend_resolved_at, c.finished_at,
                l.remote_id, l.remote_url, l.remote_phase, l.remote_status
           FROM problem_case c JOIN visit v ON v.id = c.visit_id
           JOIN staff s ON s.id = c.officer_id
           LEFT JOIN backend_link l ON l.case_id = c.id
          WHERE c.id = ?`,
      ),
      trail: db.prepare<[string, string], TrailRow>(TRAIL_SQL),
      visitEvents: db.prepare<
        [number],
        { id: number; at: string; kind: string; actor_name: string | null }
      >(VISIT_EVENTS_SQL),
      backendPauses: db.prepare<
        [number],
        { reason: string; started_at: string; ended_at: string | null }
      >(
        `SELECT reason, started_at, ended_at FROM sla_pause
          WHERE case_id = ? AND source = 'backend' ORDER BY id`,
      ),
      confirmations: db.prepare<
        [number],
        {
          channel: 'phone' | 'email';
          confirmed_at: string;
          outcome: 'accepted' | 'not_solved';
          note: string | null;
          officer_name: string;
        }
      >(
        `SELECT f.channel, f.confirmed_at, f.outcome, f.note, s.full_name AS officer_name
           FROM confirmation f JOIN staff s ON s.id = f.officer_id
          WHERE f.case_id = ? ORDER BY f.id`,
      ),
      note: db.prepare<[number, number], { text: string }>(
        'SELECT text FROM case_note WHERE id = ? AND case_id = ?',
      ),
      attachmentName: db.prepare<[number, string], { original_name: string }>(
        'SELECT original_name FROM attachment WHERE case_id = ? AND sha256 = ?',
      ),
    };
  }

  /** The case's officer, for the caller's scope (record-scope.ts), without reading the rest. */
  ownerOf(caseId: number): { officer_id: number; status: CaseStatus } {
    const view = this.cases.get(caseId);
    return { officer_id: view.officerId, status: view.status };
  }

  get(caseId: number): CaseRecordView {
    const c = this.q.case.get(caseId);
    if (!c) throw new AppError('NOT_FOUND');
    const view = this.cases.get(caseId);
    return {
      view,
      serviceDay: c.service_day,
      queueLabel: formatQueueNumber(c.queue_no),
      officerName: c.officer_name,
      escalatedAt: c.escalated_at,
      backendResolvedAt: c.backend_resolved_at,
      finishedAt: c.finished_at,
      ticket:
        c.remote_id === null
          ? null
          : {
              id: c.remote_id,
              url: c.remote_url,
              phase: c.remote_phase ?? 'in_progress',
              status: c.remote_status ?? '',
            },
      confirmations: this.q.confirmations.all(caseId).map((f) => ({
        channel: f.channel,
        confirmedAt: f.confirmed_at,
        outcome: f.outcome,
        note: f.note,
        officerName: f.officer_name,
      })),
      timeline: this.timeline(c),
    };
  }

  private timeline(c: CaseRow): TimelineEvent[] {
    const lines: (TimelineEvent & { order: number })[] = [];
    let order = 0;
    const add = (e: TimelineEvent) => lines.push({ ...e, order: order++ });
    for (const e of this.q.visitEvents.all(c.visit_id)) {
      if (VISIT_KINDS.includes(e.kind))
        add({ at: e.at, kind: e.kind as TimelineKind, actorName: e.actor_name, detail: null });
    }
    for (const a of this.q.trail.all('visit', String(c.visit_id))) {
      const kind = VISIT_ACTIONS[a.action];
      if (kind) add({ at: a.at, kind, actorName: a.actor_name, detail: changedFields(a.detail) });
    }
    // Before the trail: a ticket resolved while paused ends the pause in the same instant.
    for (const p of this.q.backendPauses.all(c.id)) {
      add({ at: p.started_at, kind: 'backend_paused', actorName: null, detail: p.reason });
      if (p.ended_at)
        add({ at: p.ended_at, kind: 'backend_resumed', actorName: null, detail: null });
    }
    for (const a of this.q.trail.all('case', c.case_code)) {
      const kind = CASE_ACTIONS[a.action];
      if (kind) add(this.caseLine(c, kind, a));
    }
    // Times first; within the same instant, the order things were written in.
    lines.sort((a, b) => a.at.localeCompare(b.at) || a.order - b.order);
    return lines.map((e) => ({
      at: e.at,
      kind: e.kind,
      actorName: e.actorName,
      detail: e.detail,
    }));
  }

  private caseLine(c: CaseRow, kind: TimelineKind, a: TrailRow): TimelineEvent {
    const d = (a.detail === null ? {} : JSON.parse(a.detail)) as Record<string, unknown>;
    const line = (k: TimelineKind, detail: string | null): TimelineEvent => ({
      at: a.at,
      kind: k,
      actorName: a.actor_name,
      detail,
    });
    if (d.redacted === true) return line(kind, null);
    switch (kind) {
      case 'note_added': {
        const note = typeof d.noteId === 'number' ? this.q.note.get(d.noteId, c.id) : undefined;
        return line(kind, note?.text ?? null);
      }
      case 'document_added':
      case 'document_removed':
      case 'document_kind_changed': {
        const sha = typeof d.sha256 === 'string' ? d.sha256 : '';
        return line(kind, this.q.attachmentName.get(c.id, sha)?.original_name ?? null);
      }
      case 'delivered':
        return d.operation === 'add_note'
          ? line('note_delivered', null)
          : line(kind, typeof d.ticket === 'string' ? d.ticket : null);
      case 'paused':
        return line(kind, typeof d.reason === 'string' ? d.reason : null);
      case 'backend_resolved':
        return line(d.phase === 'rejected' ? 'backend_rejected' : kind, null);
      case 'confirmed':
        return line(
          d.outcome === 'not_solved' ? 'confirmed_not_solved' : kind,
          typeof d.channel === 'string' ? d.channel : null,
        );
      case 'case_corrected':
        return line(kind, changedFields(a.detail));
      default:
        return line(kind, null);
    }
  }
}

/** The names of the fields a correction changed, e.g. "phone,email". */
function changedFields(detail: string | null): string | null {
  if (detail === null) return null;
  const d = JSON.parse(detail) as { changes?: Record<string, unknown>; reason?: unknown };
  if (typeof d.reason === 'string') return d.reason;
  return d.changes ? Object.keys(d.changes).join(',') : null;
}
