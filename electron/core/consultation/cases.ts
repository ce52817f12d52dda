import {
  type AttachmentSource,
  completenessErrors,
  missingDocumentKinds,
  requiredDocumentKinds,
  type CaseStatus,
  type CaseView,
  type Category,
  type DocumentKind,
} from '../../../shared/domain/case';
import type { caseFormSchema } from '../../../shared/domain/case';
import type { StoredVisitorType as VisitorType } from '../../../shared/domain/visitor-types';
import { VISITOR_TYPES } from '../../../shared/domain/visitor-types';
import { serviceDayOf } from '../../../shared/time';
import type { z } from 'zod';
import type { AuditLog } from '../audit';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import { caseCodePrefix, formatCaseCode, prefixEnd } from './case-code';

type CaseFormValues = z.output<typeof caseFormSchema>;

interface CaseRow {
  id: number;
  case_code: string;
  visit_id: number;
  officer_id: number;
  status: CaseStatus;
  reporter_name: string;
  reporter_phone: string;
  reporter_email: string | null;
  reporter_institution: string | null;
  reporter_type: VisitorType | null;
  spse_role: string | null;
  lpse: string | null;
  application: string | null;
  category: string | null;
  ticket_type: string | null;
  package_code: string | null;
  spse_user_id: string | null;
  error_code: string | null;
  description: string | null;
  solution: string | null;
  missing_documents_reason: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  visit_purpose: string;
  visit_lpse: string | null;
}

/**
 * Parameters: a day's case-code prefix and its end (case-code.ts). A range, not `LIKE 'p%'`:
 * LIKE is case-insensitive, so SQLite cannot use the unique index of codes and counted the day's
 * cases by reading every case ever written.
 */
export const CASES_OF_DAY_SQL =
  'SELECT count(*) AS n FROM problem_case WHERE case_code >= ? AND case_code < ?';

export type { CaseView };

const FORM_COLUMNS = {
  spseRole: 'spse_role',
  lpse: 'lpse',
  application: 'application',
  category: 'category',
  ticketType: 'ticket_type',
  packageCode: 'package_code',
  spseUserId: 'spse_user_id',
  errorCode: 'error_code',
  description: 'description',
} as const;

/** The Form Permohonan Permasalahan LPSE: one case per problem, several per visit. */
export class CaseService {
  private readonly q;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {
    this.q = {
      station: db.prepare<[], { value: string }>(
        "SELECT value FROM app_setting WHERE key = 'station_code'",
      ),
      visit: db.prepare<
        [number],
        {
          id: number;
          status: string;
          full_name: string;
          phone: string;
          email: string | null;
          institution: string | null;
          visitor_type: VisitorType | null;
          lpse: string | null;
          purpose: string;
          officer_id: number | null;
        }
      >(
        `SELECT id, status, full_name, phone, email, institution, visitor_type, lpse, purpose,
           officer_id FROM visit WHERE id = ?`,
      ),
      casesOfVisit: db.prepare<[number], { n: number }>(
        'SELECT count(*) AS n FROM problem_case WHERE visit_id = ?',
      ),
      countWithPrefix: db.prepare<[string, string], { n: number }>(CASES_OF_DAY_SQL),
      insert: db.prepare<
        [
          {
            code: string;
            visitId: number;
            officerId: number;
            name: string;
            phone: string;
            email: string | null;
            institution: string | null;
            type: string | null;
            role: string | null;
            lpse: string | null;
            description: string | null;
            at: string;
          },
        ]
      >(
        `INSERT INTO problem_case (case_code, visit_id, officer_id, reporter_name, reporter_phone,
           reporter_email, reporter_institution, reporter_type, spse_role, lpse, description,
           created_at, updated_at)
         VALUES (@code, @visitId, @officerId, @name, @phone, @email, @institution, @type, @role,
           @lpse, @description, @at, @at)`,
      ),
      one: db.prepare<[number], CaseRow>(
        `SELECT c.*, v.purpose AS visit_purpose, v.lpse AS visit_lpse
           FROM problem_case c JOIN visit v ON v.id = c.visit_id WHERE c.id = ?`,
      ),
      setOfficer: db.prepare<[number, number]>(
        'UPDATE problem_case SET officer_id = ? WHERE id = ?',
      ),
      draftsOfVisit: db.prepare<[number], { id: number; officer_id: number; case_code: string }>(
        "SELECT id, officer_id, case_code FROM problem_case WHERE visit_id = ? AND status = 'draft'",
      ),
      forVisit: db.prepare<[number], { id: number }>(
        'SELECT id FROM problem_case WHERE visit_id = ? ORDER BY id',
      ),
      drafts: db.prepare<[number], { id: number }>(
        "SELECT id FROM problem_case WHERE officer_id = ? AND status = 'draft' ORDER BY updated_at DESC",
      ),
      saveForm: db.prepare<
        [
          {
            id: number;
            spseRole: string | null;
            lpse: string | null;
            application: string | null;
            category: string | null;
            ticketType: string | null;
            packageCode: string | null;
            spseUserId: string | null;
            errorCode: string | null;
            description: string | null;
            at: string;
          },
        ]
      >(
        `UPDATE problem_case SET spse_role = @spseRole, lpse = @lpse, application = @application,
           category = @category, ticket_type = @ticketType, package_code = @packageCode,
           spse_user_id = @spseUserId, error_code = @errorCode, description = @description,
           updated_at = @at WHERE id = @id`,
      ),
      close: db.prepare<
        [{ id: number; status: string; solution: string | null; reason: string | null; at: string }]
      >(
        `UPDATE problem_case SET status = @status, solution = @solution,
           missing_documents_reason = @reason, closed_at = @at, updated_at = @at,
           escalated_at = CASE WHEN @status = 'escalated' THEN @at END WHERE id = @id`,
      ),
      notes: db.prepare<
        [number],
        {
          id: number;
          author_id: number;
          author_name: string;
          at: string;
          text: string;
          corrects_note_id: number | null;
        }
      >(
        `SELECT n.id, n.author_id, s.full_name AS author_name, n.at, n.text, n.corrects_note_id
           FROM case_note n JOIN staff s ON s.id = n.author_id WHERE n.case_id = ? ORDER BY n.id`,
      ),
      noteCase: db.prepare<[number], { case_id: number }>(
        'SELECT case_id FROM case_note WHERE id = ?',
      ),
      insertNote: db.prepare<[number, number, string, string, number | null, string | null]>(
        `INSERT INTO case_note (case_id, author_id, at, text, corrects_note_id, client_key)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      noteByKey: db.prepare<[string], { case_id: number }>(
        'SELECT case_id FROM case_note WHERE client_key = ?',
      ),
      attachments: db.prepare<
        [number],
        {
          id: number;
          sha256: string;
          original_name: string;
          mime: string;
          size: number;
          source: string;
          kind: DocumentKind;
          page_count: number | null;
          added_at: string;
        }
      >(
        `SELECT id, sha256, original_name, mime, size, source, kind, page_count, added_at
           FROM attachment WHERE case_id = ? ORDER BY id`,
      ),
      attachmentFor: db.prepare<[number, string], { id: number }>(
        'SELECT id FROM attachment WHERE case_id = ? AND sha256 = ?',
      ),
      caseBytes: db.prepare<[number], { total: number }>(
        'SELECT coalesce(sum(size), 0) AS total FROM attachment WHERE case_id = ?',
      ),
      insertAttachment: db.prepare<
        [
          {
            caseId: number;
            sha256: string;
            name: string;
            mime: string;
            size: number;
            source: string;
            kind: string;
            pageCount: number | null;
            at: string;
            by: number;
          },
        ]
      >(
        `INSERT INTO attachment (case_id, sha256, original_name, mime, size, source, kind,
           page_count, added_at, added_by)
         VALUES (@caseId, @sha256, @name, @mime, @size, @source, @kind, @pageCount, @at, @by)`,
      ),
      setPageCount: db.prepare<[number, number]>(
        'UPDATE attachment SET page_count = ? WHERE id = ? AND page_count IS NULL',
      ),
      attachmentOfCase: db.prepare<[number, number], { id: number; sha256: string }>(
        'SELECT id, sha256 FROM attachment WHERE id = ? AND case_id = ?',
      ),
      deleteAttachment: db.prepare<[number]>('DELETE FROM attachment WHERE id = ?'),
      setKind: db.prepare<[string, number]>('UPDATE attachment SET kind = ? WHERE id = ?'),
      outbox: db.prepare<[{ caseId: number; key: string; at: string }]>(
        `INSERT INTO outbox (case_id, operation, idempotency_key, next_attempt_at, created_at, updated_at)
         VALUES (@caseId, 'create_ticket', @key, @at, @at, @at)`,
      ),
    };
  }

  create(officerId: number, visitId: number): CaseView {
    return this.db
      .transaction(() => {
        const visit = this.q.visit.get(visitId);
        if (!visit) throw new AppError('NOT_FOUND');
        if (visit.status !== 'in_consultation') throw new AppError('VISIT_STATE_CHANGED');
        if (visit.officer_id !== officerId) throw new AppError('VISIT_NOT_YOURS');
        // The first problem starts from what the visitor told reception; the officer refines it.
        const firstOfVisit = this.q.casesOfVisit.get(visitId)!.n === 0;
        const at = this.now().toISOString();
        const station = this.q.station.get()!.value;
        const prefix = caseCodePrefix(station, serviceDayOf(this.now()));
        const sequence = this.q.countWithPrefix.get(prefix, prefixEnd(prefix))!.n + 1;
        const code = formatCaseCode(station, serviceDayOf(this.now()), sequence);
        const id = Number(
          this.q.insert.run({
            code,
            visitId,
            officerId,
            name: visit.full_name,
            phone: visit.phone,
            email: visit.email,
            institution: visit.institution,
            type: visit.visitor_type,
            // A type no form offers any more is left for the officer to choose anew.
            role: (VISITOR_TYPES as readonly string[]).includes(visit.visitor_type ?? '')
              ? visit.visitor_type
              : null,
            // Where the problem happened: most often the visitor's own LPSE, corrected if not.
            lpse: visit.lpse,
            description: firstOfVisit ? visit.purpose : null,
            at,
          }).lastInsertRowid,
        );
        this.audit.record({
          actorId: officerId,
          action: 'case.create',
          entity: 'case',
          entityId: code,
        });
        return this.get(id);
      })
      .immediate();
  }

  get(caseId: number): CaseView {
    const row = this.q.one.get(caseId);
    if (!row) throw new AppError('NOT_FOUND');
    return this.toView(row);
  }

  forVisit(visitId: number): CaseView[] {
    return this.q.forVisit.all(visitId).map((r) => this.get(r.id));
  }

  drafts(officerId: number): CaseView[] {
    return this.q.drafts.all(officerId).map((r) => this.get(r.id));
  }

  /** Autosave of the form as the officer types: each save is committed, so a crash loses nothing. */
  saveDraft(officerId: number, caseId: number, form: CaseFormValues): CaseView {
    return this.db
      .transaction(() => {
        this.writeForm(officerId, this.ownDraft(officerId, caseId), form);
        return this.get(caseId);
      })
      .immediate();
  }

  /** Writes the form's changed fields; the trail gets their names only. */
  private writeForm(officerId: number, before: CaseRow, form: CaseFormValues): void {
    const values = {
      spseRole: form.spseRole || null,
      lpse: form.lpse ?? null,
      application: form.application || null,
      category: form.category || null,
      // Not sent (an older screen): the ticket type stays as it was, "Permasalahan" by default.
      ticketType: form.ticketType === undefined ? before.ticket_type : form.ticketType || null,
      packageCode: form.packageCode || null,
      spseUserId: form.spseUserId ?? null,
      errorCode: form.errorCode ?? null,
      description: form.description ?? null,
    };
    const changed = (Object.keys(FORM_COLUMNS) as (keyof typeof FORM_COLUMNS)[]).filter(
      (k) => before[FORM_COLUMNS[k]] !== values[k],
    );
    if (changed.length === 0) return;
    this.q.saveForm.run({ id: before.id, ...values, at: this.now().toISOString() });
    // Field names only: the values are in the case itself, and autosave would flood the trail.
    this.audit.record({
      actorId: officerId,
      action: 'case.update',
      entity: 'case',
      entityId: before.case_code,
      detail: { fields: changed },
    });
  }

  /**
   * Appends a note. The screen sends a key of its own with each note: the same key again (a
   * double click, a retried request) returns the case with the first note instead of a copy.
   */
  addNote(
    authorId: number,
    caseId: number,
    text: string,
    correctsNoteId?: number,
    clientKey?: string,
  ): CaseView {
    return this.db
      .transaction(() => {
        const row = this.q.one.get(caseId);
        if (!row) throw new AppError('NOT_FOUND');
        assertOwner(row, authorId);
        if (clientKey !== undefined) {
          const earlier = this.q.noteByKey.get(clientKey);
          if (earlier?.case_id === caseId) return this.toView(row);
          if (earlier) {
            throw new AppError('VALIDATION', { fields: { clientKey: 'validation.invalid' } });
          }
        }
        if (
          correctsNoteId !== undefined &&
          this.q.noteCase.get(correctsNoteId)?.case_id !== caseId
        ) {
          throw new AppError('NOT_FOUND', { fields: { correctsNoteId: 'validation.invalid' } });
        }
        const noteId = Number(
          this.q.insertNote.run(
            caseId,
            authorId,
            this.now().toISOString(),
            text,
            correctsNoteId ?? null,
            clientKey ?? null,
          ).lastInsertRowid,
        );
        this.audit.record({
          actorId: authorId,
          action: 'case.note',
          entity: 'case',
          entityId: row.case_code,
          detail: { noteId },
        });
        return this.get(caseId);
      })
      .immediate();
  }

  /**
   * Records a stored file on a case. The same file twice is one attachment; the case's total is
   * capped. Only a draft takes documents: a closed case is a record.
   */
  attach(
    officerId: number,
    caseId: number,
    file: { sha256: string; size: number; mime: string; pageCount: number | null },
    meta: { originalName: string; kind: DocumentKind; source: AttachmentSource },
    maxCaseBytes: number,
  ): CaseView {
    return this.db
      .transaction(() => {
        const row = this.ownDraft(officerId, caseId);
        if (this.q.attachmentFor.get(caseId, file.sha256)) return this.toView(row);
        if (this.q.caseBytes.get(caseId)!.total + file.size > maxCaseBytes) {
          throw new AppError('ATTACHMENT_CASE_TOO_LARGE');
        }
        this.q.insertAttachment.run({
          caseId,
          sha256: file.sha256,
          name: meta.originalName,
          mime: file.mime,
          size: file.size,
          source: meta.source,
          kind: meta.kind,
          pageCount: file.pageCount,
          at: this.now().toISOString(),
          by: officerId,
        });
        this.audit.record({
          actorId: officerId,
          action: 'case.attach',
          entity: 'case',
          entityId: row.case_code,
          detail: { sha256: file.sha256, kind: meta.kind, source: meta.source },
        });
        return this.get(caseId);
      })
      .immediate();
  }

  /** The page count of a file attached before counts were kept, counted on its first preview. */
  recordPageCount(attachmentId: number, pageCount: number): void {
    this.q.setPageCount.run(pageCount, attachmentId);
  }

  changeAttachment(
    officerId: number,
    caseId: number,
    attachmentId: number,
    change: { kind: DocumentKind } | { remove: true },
  ): CaseView {
    return this.db
      .transaction(() => {
        const row = this.ownDraft(officerId, caseId);
        const attachment = this.q.attachmentOfCase.get(attachmentId, caseId);
        if (!attachment) throw new AppError('NOT_FOUND');
        if ('remove' in change) this.q.deleteAttachment.run(attachmentId);
        else this.q.setKind.run(change.kind, attachmentId);
        this.audit.record({
          actorId: officerId,
          action: 'remove' in change ? 'case.detach' : 'case.attachmentKind',
          entity: 'case',
          entityId: row.case_code,
          detail: { sha256: attachment.sha256, ...('kind' in change && { kind: change.kind }) },
        });
        return this.get(caseId);
      })
      .immediate();
  }

  /**
   * Closes the case solved on the spot. `form` is what the screen shows at the click, saved in
   * the same transaction: nothing typed since the last autosave is lost.
   */
  solve(officerId: number, caseId: number, solution: string, form?: CaseFormValues): CaseView {
    return this.closeAs(officerId, caseId, 'solved', { solution, reason: null, form });
  }

  /**
   * Escalation to the backend helpdesk: allowed when the required documents are attached or the
   * officer says why they are not. The form as shown, the case and its outbox entry are written
   * in one transaction.
   */
  escalate(
    officerId: number,
    caseId: number,
    missingDocumentsReason: string | undefined,
    form?: CaseFormValues,
  ): CaseView {
    return this.closeAs(officerId, caseId, 'escalated', {
      solution: null,
      reason: missingDocumentsReason ?? null,
      form,
    });
  }

  private closeAs(
    officerId: number,
    caseId: number,
    status: 'solved' | 'escalated',
    extra: { solution: string | null; reason: string | null; form: CaseFormValues | undefined },
  ): CaseView {
    return this.db
      .transaction(() => {
        if (extra.form) this.writeForm(officerId, this.ownDraft(officerId, caseId), extra.form);
        const row = this.ownDraft(officerId, caseId);
        const view = this.toView(row);
        const fields = completenessErrors({
          spseRole: (view.form.spseRole || undefined) as CaseFormValues['spseRole'],
          lpse: view.form.lpse || undefined,
          application: (view.form.application || undefined) as CaseFormValues['application'],
          category: (view.form.category || undefined) as CaseFormValues['category'],
          ticketType: (view.form.ticketType || undefined) as CaseFormValues['ticketType'],
          packageCode: view.form.packageCode || undefined,
          spseUserId: view.form.spseUserId || undefined,
          errorCode: view.form.errorCode || undefined,
          description: view.form.description || undefined,
        });
        if (Object.keys(fields).length > 0) throw new AppError('CASE_INCOMPLETE', { fields });
        if (status === 'escalated' && view.missingDocuments.length > 0 && !extra.reason) {
          throw new AppError('DOCUMENTS_MISSING', {
            fields: { missingDocumentsReason: 'validation.required' },
          });
        }
        const at = this.now().toISOString();
        this.q.close.run({
          id: caseId,
          status,
          solution: extra.solution,
          reason: status === 'escalated' && view.missingDocuments.length > 0 ? extra.reason : null,
          at,
        });
        if (status === 'escalated') this.q.outbox.run({ caseId, key: row.case_code, at });
        this.audit.record({
          actorId: officerId,
          action: `case.${status === 'solved' ? 'solve' : 'escalate'}`,
          entity: 'case',
          entityId: row.case_code,
        });
        return this.get(caseId);
      })
      .immediate();
  }

  /**
   * The caller's own draft: refuses a closed case (a solved or escalated form is a record) and
   * another officer's (a supervisor takes it over first).
   */
  private ownDraft(officerId: number, caseId: number): CaseRow {
    const row = this.q.one.get(caseId);
    if (!row) throw new AppError('NOT_FOUND');
    assertOwner(row, officerId);
    if (row.status !== 'draft') throw new AppError('CASE_CLOSED');
    return row;
  }

  /** Refuses a document change on a case that is not the caller's draft, before bytes move. */
  assertOwnDraft(officerId: number, caseId: number): void {
    this.ownDraft(officerId, caseId);
  }

  /** A supervisor takes over another officer's draft (the visit may have ended): audited. */
  takeOver(supervisorId: number, caseId: number): CaseView {
    return this.db
      .transaction(() => {
        const row = this.q.one.get(caseId);
        if (!row) throw new AppError('NOT_FOUND');
        if (row.status !== 'draft') throw new AppError('CASE_CLOSED');
        this.reassign(supervisorId, row);
        return this.get(caseId);
      })
      .immediate();
  }

  /** With a visit taken over, its open drafts go to the same supervisor. */
  takeOverDraftsOfVisit(supervisorId: number, visitId: number): void {
    for (const row of this.q.draftsOfVisit.all(visitId)) this.reassign(supervisorId, row);
  }

  private reassign(
    supervisorId: number,
    row: { id: number; officer_id: number; case_code: string },
  ): void {
    if (row.officer_id === supervisorId) return;
    this.q.setOfficer.run(supervisorId, row.id);
    this.audit.record({
      actorId: supervisorId,
      action: 'case.takeOver',
      entity: 'case',
      entityId: row.case_code,
      detail: { fromOfficerId: row.officer_id },
    });
  }

  private toView(row: CaseRow): CaseView {
    const attachments = this.q.attachments.all(row.id).map((a) => ({
      id: a.id,
      sha256: a.sha256,
      originalName: a.original_name,
      mime: a.mime,
      size: a.size,
      source: a.source,
      kind: a.kind,
      pageCount: a.page_count,
      addedAt: a.added_at,
    }));
    // The role on the form, as the officer corrected it, not the one reception recorded.
    const required = requiredDocumentKinds(row.spse_role, row.category as Category | null);
    return {
      caseId: row.id,
      caseCode: row.case_code,
      visitId: row.visit_id,
      visitPurpose: row.visit_purpose,
      officerId: row.officer_id,
      status: row.status,
      reporter: {
        name: row.reporter_name,
        phone: row.reporter_phone,
        email: row.reporter_email,
        institution: row.reporter_institution,
        type: row.reporter_type,
        lpse: row.visit_lpse,
      },
      form: {
        spseRole: row.spse_role ?? '',
        lpse: row.lpse ?? '',
        application: row.application ?? '',
        category: row.category ?? '',
        ticketType: row.ticket_type ?? '',
        packageCode: row.package_code ?? '',
        spseUserId: row.spse_user_id ?? '',
        errorCode: row.error_code ?? '',
        description: row.description ?? '',
      },
      solution: row.solution,
      missingDocumentsReason: row.missing_documents_reason,
      notes: this.q.notes.all(row.id).map((n) => ({
        id: n.id,
        authorId: n.author_id,
        authorName: n.author_name,
        at: n.at,
        text: n.text,
        correctsNoteId: n.corrects_note_id,
      })),
      attachments,
      requiredDocuments: required,
      missingDocuments: missingDocumentKinds(
        required,
        attachments.map((a) => a.kind),
      ),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      closedAt: row.closed_at,
    };
  }
}

function assertOwner(row: { officer_id: number }, officerId: number): void {
  if (row.officer_id !== officerId) throw new AppError('CASE_NOT_YOURS');
}
