import { normalizeIndonesianPhone } from '../../../../shared/domain/phone';
import type { AuditLog } from '../../audit';
import type { Db } from '../../db/open-database';
import { AppError } from '../../errors';

export interface Correction {
  fullName?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  institution?: string | undefined;
}

interface Current {
  full_name: string;
  phone: string;
  email: string | null;
  institution: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A correction at the person's request (Pasal 6, answered within 3 × 24 h, Pasal 30): the
 * visitor's details and the snapshots taken of them on every past visit and case reporter, in
 * one transaction. The values before are kept in the audit trail, so nothing is lost.
 */
export class PersonCorrection {
  private readonly q;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {
    this.q = {
      current: db.prepare<[number], Current>(
        `SELECT full_name, phone, email, institution FROM visitor
          WHERE id = ? AND anonymised_at IS NULL`,
      ),
      visitor: db.prepare<[string, string, string | null, string | null, string, number]>(
        `UPDATE visitor SET full_name = ?, phone = ?, email = ?, institution = ?, updated_at = ?
          WHERE id = ?`,
      ),
      visits: db.prepare<[string, string, string | null, string | null, number]>(
        `UPDATE visit SET full_name = ?, phone = ?, email = ?, institution = ? WHERE visitor_id = ?`,
      ),
      cases: db.prepare<[string, string, string | null, string | null, string, number]>(
        `UPDATE problem_case SET reporter_name = ?, reporter_phone = ?, reporter_email = ?,
           reporter_institution = ?, updated_at = ?
          WHERE visit_id IN (SELECT id FROM visit WHERE visitor_id = ?)`,
      ),
    };
  }

  /** Call inside the transaction that also notes the request it serves. */
  apply(actorId: number, visitorId: number, c: Correction, requestId?: number): void {
    const before = this.q.current.get(visitorId);
    if (!before) {
      throw new AppError('NOT_FOUND', { fields: { visitorId: 'validation.personNotFound' } });
    }
    const after: Current = {
      full_name: c.fullName ?? before.full_name,
      phone: before.phone,
      email: before.email,
      institution: c.institution === undefined ? before.institution : c.institution,
    };
    if (c.phone !== undefined && c.phone !== '') {
      const phone = normalizeIndonesianPhone(c.phone);
      if (phone === null) {
        throw new AppError('VALIDATION', { fields: { 'fields.phone': 'validation.phoneInvalid' } });
      }
      after.phone = phone;
    }
    if (c.email !== undefined) {
      const email = c.email.trim().toLowerCase();
      if (email !== '' && !EMAIL.test(email)) {
        throw new AppError('VALIDATION', { fields: { 'fields.email': 'validation.emailInvalid' } });
      }
      after.email = email === '' ? null : email;
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const k of ['full_name', 'phone', 'email', 'institution'] as const) {
      if (before[k] !== after[k]) changes[k] = { from: before[k], to: after[k] };
    }
    if (Object.keys(changes).length === 0) return;
    const at = this.now().toISOString();
    const { full_name, phone, email, institution } = after;
    this.q.visitor.run(full_name, phone, email, institution, at, visitorId);
    const visits = this.q.visits.run(full_name, phone, email, institution, visitorId).changes;
    const cases = this.q.cases.run(full_name, phone, email, institution, at, visitorId).changes;
    this.audit.record({
      actorId,
      action: 'privacy.correctPerson',
      entity: 'visitor',
      entityId: visitorId,
      detail: { requestId: requestId ?? null, changes, visits, cases },
    });
  }
}
