import type { PersonRecord } from '../../../../shared/domain/privacy-request';
import { formatQueueNumber } from '../../../../shared/domain/queue';
import type { Db } from '../../db/open-database';
import { AppError } from '../../errors';

type Visit = PersonRecord['visits'][number];
type Case = PersonRecord['cases'][number];

interface VisitRow {
  id: number;
  service_day: string;
  queue_no: number;
  purpose: string;
  full_name: string;
  phone: string;
  email: string | null;
  institution: string | null;
  lpse: string | null;
  status: string;
  checked_in_at: string;
  checked_out_at: string | null;
  officer: string | null;
  consent_version: string;
  consent_at: string;
  notice_version: string | null;
  notice_delivery: string | null;
  notice_at: string | null;
  contact_consent_version: string | null;
  contact_consent_at: string | null;
}

interface CaseRow {
  id: number;
  case_code: string;
  visit_id: number;
  status: string;
  reporter_name: string;
  reporter_phone: string;
  reporter_email: string | null;
  reporter_institution: string | null;
  spse_user_id: string | null;
  package_code: string | null;
  application: string | null;
  category: string | null;
  description: string | null;
  solution: string | null;
  created_at: string;
  escalated_at: string | null;
  remote_id: string | null;
}

/**
 * Everything Loket holds about one person, gathered for their access request (Pasal 7): the
 * visits with what they gave each time, the cases with documents (names, not bytes), notes,
 * confirmations and what went to the helpdesk, and the trail of changes and views. Survey
 * answers carry no identity (migration 3) and so cannot be, and are not, part of it.
 */
export class PersonRecords {
  private readonly q;

  constructor(
    db: Db,
    private readonly now: () => Date,
  ) {
    this.q = {
      visitor: db.prepare<
        [number],
        {
          id: number;
          full_name: string;
          phone: string;
          email: string | null;
          institution: string | null;
          visitor_type: string | null;
          lpse: string | null;
          created_at: string;
          updated_at: string;
        }
      >(
        `SELECT id, full_name, phone, email, institution, visitor_type, lpse, created_at, updated_at
           FROM visitor WHERE id = ? AND anonymised_at IS NULL`,
      ),
      restriction: db.prepare<[number], { at: string; by: string }>(
        `SELECT r.restricted_at AS at, s.full_name AS by FROM processing_restriction r
           JOIN staff s ON s.id = r.restricted_by WHERE r.visitor_id = ?`,
      ),
      visits: db.prepare<[number], VisitRow>(
        `SELECT v.id, v.service_day, v.queue_no, v.purpose, v.full_name, v.phone, v.email,
                v.institution, v.lpse, v.status, v.checked_in_at, v.checked_out_at,
                s.full_name AS officer, v.consent_version, v.consent_at, v.notice_version,
                v.notice_delivery, v.notice_at, v.contact_consent_version, v.contact_consent_at
           FROM visit v LEFT JOIN staff s ON s.id = v.officer_id
          WHERE v.visitor_id = ? ORDER BY v.service_day, v.queue_no`,
      ),
      cases: db.prepare<[number], CaseRow>(
        `SELECT c.id, c.case_code, c.visit_id, c.status, c.reporter_name, c.reporter_phone,
                c.reporter_email, c.reporter_institution, c.spse_user_id, c.package_code,
                c.application, c.category, c.description, c.solution, c.created_at,
                c.escalated_at, l.remote_id
           FROM problem_case c JOIN visit v ON v.id = c.visit_id
           LEFT JOIN backend_link l ON l.case_id = c.id
          WHERE v.visitor_id = ? ORDER BY c.id`,
      ),
      documents: db.prepare<
        [number],
        { name: string; kind: string; mime: string; size: number; addedAt: string }
      >(
        `SELECT original_name AS name, kind, mime, size, added_at AS addedAt
           FROM attachment WHERE case_id = ? ORDER BY id`,
      ),
      notes: db.prepare<[number], { at: string; author: string; text: string }>(
        `SELECT n.at, s.full_name AS author, n.text FROM case_note n
           JOIN staff s ON s.id = n.author_id WHERE n.case_id = ? ORDER BY n.id`,
      ),
      confirmations: db.prepare<
        [number],
        { channel: string; confirmedAt: string; outcome: string; note: string | null }
      >(
        `SELECT channel, confirmed_at AS confirmedAt, outcome, note FROM confirmation
          WHERE case_id = ? ORDER BY id`,
      ),
      outbox: db.prepare<[number], { operation: string; state: string; at: string }>(
        `SELECT operation, state, updated_at AS at FROM outbox WHERE case_id = ? ORDER BY id`,
      ),
      audit: db.prepare<
        [string, string],
        {
          at: string;
          actor: string | null;
          action: string;
          entity: string;
          entityId: string | null;
        }
      >(
        `SELECT a.at, s.full_name AS actor, a.action, a.entity, a.entity_id AS entityId
           FROM audit a LEFT JOIN staff s ON s.id = a.actor_id
          WHERE a.entity = ? AND a.entity_id = ?`,
      ),
      reads: db.prepare<
        [string, string],
        {
          at: string;
          actor: string | null;
          action: string;
          entity: string;
          entityId: string | null;
        }
      >(
        `SELECT r.at, s.full_name AS actor, 'read:' || r.method AS action, r.entity,
                r.entity_id AS entityId
           FROM read_log r LEFT JOIN staff s ON s.id = r.staff_id
          WHERE r.entity = ? AND r.entity_id = ?`,
      ),
      requests: db.prepare<
        [number],
        { id: number; kind: string; receivedAt: string; outcome: string | null }
      >(
        `SELECT id, kind, received_at AS receivedAt, outcome FROM privacy_request
          WHERE visitor_id = ? ORDER BY received_at`,
      ),
    };
  }

  /** Whether the person is (still) identifiable here. */
  exists(visitorId: number): boolean {
    return this.q.visitor.get(visitorId) !== undefined;
  }

  collect(visitorId: number): PersonRecord {
    const v = this.q.visitor.get(visitorId);
    if (!v) throw new AppError('NOT_FOUND', { fields: { visitorId: 'validation.personNotFound' } });
    const visits = this.q.visits.all(visitorId).map(toVisit);
    const cases = this.q.cases.all(visitorId).map((c) => this.toCase(c));
    const requests = this.q.requests.all(visitorId);
    const keys: [string, string][] = [
      ['visitor', String(visitorId)],
      ...visits.map((x): [string, string] => ['visit', String(x.id)]),
      ...cases.map((c): [string, string] => ['case', c.caseCode]),
      ...requests.map((r): [string, string] => ['privacy_request', String(r.id)]),
    ];
    const readKeys: [string, string][] = [
      ['visitor', String(visitorId)],
      ...visits.map((x): [string, string] => ['visit', String(x.id)]),
      ...cases.map((c): [string, string] => ['case', String(c.id)]),
    ];
    const trail = [
      ...keys.flatMap(([e, id]) => this.q.audit.all(e, id)),
      ...readKeys.flatMap(([e, id]) => this.q.reads.all(e, id)),
    ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    return {
      visitor: {
        id: v.id,
        fullName: v.full_name,
        phone: v.phone,
        email: v.email,
        institution: v.institution,
        visitorType: v.visitor_type,
        lpse: v.lpse,
        createdAt: v.created_at,
        updatedAt: v.updated_at,
      },
      restricted: this.q.restriction.get(visitorId) ?? null,
      visits,
      cases,
      trail,
      requests,
      generatedAt: this.now().toISOString(),
    };
  }

  private toCase(c: CaseRow): Case {
    return {
      id: c.id,
      caseCode: c.case_code,
      visitId: c.visit_id,
      status: c.status,
      reporterName: c.reporter_name,
      reporterPhone: c.reporter_phone,
      reporterEmail: c.reporter_email,
      reporterInstitution: c.reporter_institution,
      spseUserId: c.spse_user_id,
      packageCode: c.package_code,
      application: c.application,
      category: c.category,
      description: c.description,
      solution: c.solution,
      createdAt: c.created_at,
      escalatedAt: c.escalated_at,
      ticket: c.remote_id,
      documents: this.q.documents.all(c.id),
      notes: this.q.notes.all(c.id),
      confirmations: this.q.confirmations.all(c.id),
      helpdesk: this.q.outbox.all(c.id),
    };
  }
}

function toVisit(r: VisitRow): Visit {
  const notice =
    r.notice_version !== null
      ? {
          version: r.notice_version,
          kind: 'notice' as const,
          delivery: r.notice_delivery,
          at: r.notice_at ?? r.consent_at,
        }
      : {
          version: r.consent_version,
          kind: 'consent' as const,
          delivery: null,
          at: r.consent_at,
        };
  return {
    id: r.id,
    serviceDay: r.service_day,
    queueLabel: formatQueueNumber(r.queue_no),
    purpose: r.purpose,
    fullName: r.full_name,
    phone: r.phone,
    email: r.email,
    institution: r.institution,
    lpse: r.lpse,
    status: r.status,
    checkedInAt: r.checked_in_at,
    checkedOutAt: r.checked_out_at,
    officer: r.officer,
    notice,
    contactConsent:
      r.contact_consent_version !== null && r.contact_consent_at !== null
        ? { version: r.contact_consent_version, at: r.contact_consent_at }
        : null,
  };
}
