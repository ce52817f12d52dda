import { OPEN_AT_HELPDESK_STATUSES } from '../../../shared/domain/case';
import type { AuditLog } from '../audit';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import { wipeFreedPages } from './freed-pages';
import { mentionMatcher, type Identity, type MentionMatcher } from './mentions';
import { ERASED_MARKER, PERSONAL_FIELDS, type PersonalField } from './personal-data';
import type { ReleasedFiles } from './released-files';
import { PersonalDataWiper } from './wipe';

export interface ErasureRequest {
  visitorId: number;
  reason: string;
  /** Required when a case of theirs is still open at the helpdesk: why it is erased anyway. */
  overrideOpenCaseReason?: string | undefined;
}

export interface ErasureSummary {
  visitorId: number;
  erasedAt: string;
  /** Erased before: nothing was done this time. */
  alreadyErased: boolean;
  visits: number;
  cases: number;
  notesRedacted: number;
  confirmations: number;
  documents: number;
  filesDeleted: number;
  /** Deliveries to the helpdesk not made yet, withdrawn: nothing more is sent for them. */
  outboxWithdrawn: number;
  /** Their name, phone or e-mail found in other records' free text and replaced. */
  mentionsRedacted: number;
  /** The codes of their cases open at the helpdesk that the override reason covers. */
  openCasesOverridden: string[];
  /** Whether the freed database pages and the WAL were wiped at once (see freed-pages.ts). */
  freedPagesWiped: boolean;
}

/** Rows read per step of the mention scan, between which other requests are served. */
const SCAN_CHUNK = 20_000;

const FREE_TEXT = PERSONAL_FIELDS.filter((f) => f.freeText);

/**
 * Erasing a person (UU 27/2022 Pasal 8, issue 14 item 3): every catalogued field of their visits,
 * cases, notes (redacted on record), confirmations, documents (rows and files), the outbox; their
 * name, phone and e-mail wherever free text repeats them; then the freed pages. Refused while a
 * case of theirs is open at the helpdesk, unless the supervisor records why.
 */
export class Erasure {
  private readonly q;
  private readonly wipe;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
    private readonly files: Pick<ReleasedFiles, 'removeNow'>,
  ) {
    this.wipe = new PersonalDataWiper(db);
    this.q = {
      visitor: db.prepare<
        [number],
        { id: number; full_name: string; phone: string; email: string | null }
      >('SELECT id, full_name, phone, email FROM visitor WHERE id = ?'),
      erasedBefore: db.prepare<[string], { at: string }>(
        `SELECT at FROM audit WHERE entity = 'visitor' AND entity_id = ?
            AND action = 'privacy.erasePerson' LIMIT 1`,
      ),
      visits: db.prepare<
        [number],
        { id: number; full_name: string; phone: string; email: string | null }
      >('SELECT id, full_name, phone, email FROM visit WHERE visitor_id = ?'),
      cases: db.prepare<
        [number],
        {
          id: number;
          case_code: string;
          status: string;
          reporter_name: string;
          reporter_phone: string;
          reporter_email: string | null;
        }
      >(
        `SELECT c.id, c.case_code, c.status, c.reporter_name, c.reporter_phone, c.reporter_email
           FROM visit v JOIN problem_case c ON c.visit_id = v.id WHERE v.visitor_id = ?`,
      ),
      history: db.prepare<[string], { detail: string }>(
        `SELECT detail FROM audit WHERE entity = 'visitor' AND entity_id = ?
            AND action = 'visitor.update' AND detail IS NOT NULL`,
      ),
      documents: db.prepare<[string], { n: number }>(
        'SELECT count(*) AS n FROM attachment WHERE case_id IN (SELECT value FROM json_each(?))',
      ),
      noteRedaction: db.prepare<[number, string, number]>(
        `INSERT INTO note_redaction (note_id, at, actor_id, reason) VALUES (?, ?, ?, 'erasure')`,
      ),
    };
  }

  async erase(actorId: number, request: ErasureRequest): Promise<ErasureSummary> {
    const person = this.lookUp(request);
    if ('summary' in person) return person.summary;
    const matcher = mentionMatcher(person.identity);
    // Read outside the write: other desks keep checking visitors in while the history is read.
    const candidates = matcher ? await this.scanMentions(matcher) : [];
    const at = this.now().toISOString();
    const result = this.db
      .transaction(() => {
        // Looked up again inside the write: a case may have been escalated meanwhile.
        const again = this.lookUp(request);
        if ('summary' in again) return again.summary;
        const { visitIds, cases } = again;
        const caseIds = cases.map((c) => c.id);
        const documents = this.q.documents.get(JSON.stringify(caseIds))?.n ?? 0;
        this.wipe.visits(visitIds, ERASED_MARKER, at);
        this.wipe.visitors([request.visitorId], ERASED_MARKER, at);
        const wiped = this.wipe.cases(caseIds, ERASED_MARKER, at, {
          actorId,
          reason: 'erasure',
        });
        const released = this.wipe.documents(caseIds, at);
        const mentionsRedacted = matcher
          ? this.redactMentions(matcher, candidates, actorId, at)
          : 0;
        const openCasesOverridden = again.open;
        const redact = (s: string | undefined) => (s && matcher ? matcher.redact(s).text : s);
        const summary: ErasureSummary = {
          visitorId: request.visitorId,
          erasedAt: at,
          alreadyErased: false,
          visits: visitIds.length,
          cases: caseIds.length,
          notesRedacted: wiped.notesRedacted,
          confirmations: wiped.confirmations,
          documents,
          filesDeleted: 0,
          outboxWithdrawn: wiped.outboxWithdrawn,
          mentionsRedacted,
          openCasesOverridden,
          freedPagesWiped: false,
        };
        // The reasons are free text too: the person's own name must not stay in the trail.
        this.audit.record({
          actorId,
          action: 'privacy.erasePerson',
          entity: 'visitor',
          entityId: request.visitorId,
          detail: {
            reason: redact(request.reason),
            ...(openCasesOverridden.length > 0 && {
              overrideOpenCaseReason: redact(request.overrideOpenCaseReason),
              openCases: openCasesOverridden,
            }),
            visits: summary.visits,
            cases: summary.cases,
            notesRedacted: summary.notesRedacted,
            documents,
            outboxWithdrawn: summary.outboxWithdrawn,
            mentionsRedacted,
          },
        });
        return { summary, released };
      })
      .immediate();
    if (!('released' in result)) return result;
    // After the commit: a crash before this leaves the files in released_file for the sweep.
    result.summary.filesDeleted = this.files.removeNow(result.released);
    result.summary.freedPagesWiped = wipeFreedPages(this.db);
    return result.summary;
  }

  private lookUp(request: ErasureRequest):
    | { summary: ErasureSummary }
    | {
        identity: Identity;
        visitIds: number[];
        cases: { id: number; case_code: string; status: string }[];
        open: string[];
      } {
    const visitor = this.q.visitor.get(request.visitorId);
    if (!visitor) throw new AppError('VISITOR_NOT_FOUND');
    const before = this.q.erasedBefore.get(String(request.visitorId));
    if (before) return { summary: nothingDone(request.visitorId, before.at) };
    const visits = this.q.visits.all(request.visitorId);
    const cases = this.q.cases.all(request.visitorId);
    const open = cases
      .filter((c) => OPEN_AT_HELPDESK_STATUSES.includes(c.status))
      .map((c) => c.case_code);
    if (open.length > 0 && !request.overrideOpenCaseReason) {
      throw new AppError('ERASURE_CASE_OPEN', {
        fields: { overrideOpenCaseReason: 'validation.required' },
      });
    }
    const identity: { names: string[]; phones: string[]; emails: string[] } = {
      names: [visitor.full_name, ...visits.map((v) => v.full_name)],
      phones: [visitor.phone, ...visits.map((v) => v.phone)],
      emails: [visitor.email ?? '', ...visits.map((v) => v.email ?? '')],
    };
    for (const c of cases) {
      identity.names.push(c.reporter_name);
      identity.phones.push(c.reporter_phone);
      identity.emails.push(c.reporter_email ?? '');
    }
    // Details they gave before and changed later: in the change history until it is redacted.
    for (const { detail } of this.q.history.all(String(request.visitorId))) {
      const changes = (JSON.parse(detail) as { changes?: Record<string, { from: unknown }> })
        .changes;
      const from = (field: string) => {
        const v = changes?.[field]?.from;
        return typeof v === 'string' ? [v] : [];
      };
      identity.names.push(...from('full_name'));
      identity.phones.push(...from('phone'));
      identity.emails.push(...from('email'));
    }
    return { identity, visitIds: visits.map((v) => v.id), cases, open };
  }

  /** Rows whose free text may mention the person, found by a cheap LIKE, chunk by chunk. */
  private async scanMentions(
    matcher: MentionMatcher,
  ): Promise<{ field: PersonalField; id: number }[]> {
    const found: { field: PersonalField; id: number }[] = [];
    for (const field of FREE_TEXT) {
      const col = field.column;
      const max =
        this.db
          .prepare<[], { m: number | null }>(`SELECT max(rowid) AS m FROM ${field.table}`)
          .get()?.m ?? 0;
      const scan = this.db.prepare<unknown[], { id: number }>(
        `SELECT rowid AS id FROM ${field.table} WHERE rowid > ? AND rowid <= ? AND ${col} IS NOT NULL
           AND (${matcher.hints.map(() => `instr(lower(${col}), ?) > 0`).join(' OR ')})`,
      );
      const hints = matcher.hints.map((h) => h.toLowerCase());
      for (let from = 0; from < max; from += SCAN_CHUNK) {
        for (const { id } of scan.all(from, from + SCAN_CHUNK, ...hints)) found.push({ field, id });
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    return found;
  }

  /** Inside the write: each candidate is read again and its mentions replaced. */
  private redactMentions(
    matcher: MentionMatcher,
    candidates: readonly { field: PersonalField; id: number }[],
    actorId: number,
    at: string,
  ): number {
    let total = 0;
    const statements = new Map<PersonalField, ReturnType<typeof this.fieldStatements>>();
    for (const { field, id } of candidates) {
      let q = statements.get(field);
      if (!q) statements.set(field, (q = this.fieldStatements(field)));
      const row = q.read.get(id);
      if (!row?.text) continue;
      const { text, count } = matcher.redact(row.text);
      if (count === 0) continue;
      total += count;
      if (field.wipe === 'auditRedaction') {
        q.write.run('{"redacted":true}', id);
        continue;
      }
      if (field.wipe === 'noteRedaction') this.q.noteRedaction.run(id, at, actorId);
      q.write.run(text, id);
    }
    return total;
  }

  private fieldStatements(field: PersonalField) {
    return {
      read: this.db.prepare<[number], { text: string | null }>(
        `SELECT ${field.column} AS text FROM ${field.table} WHERE rowid = ?`,
      ),
      write: this.db.prepare<[string, number]>(
        `UPDATE ${field.table} SET ${field.column} = ? WHERE rowid = ?`,
      ),
    };
  }
}

function nothingDone(visitorId: number, at: string): ErasureSummary {
  return {
    visitorId,
    erasedAt: at,
    alreadyErased: true,
    visits: 0,
    cases: 0,
    notesRedacted: 0,
    confirmations: 0,
    documents: 0,
    filesDeleted: 0,
    outboxWithdrawn: 0,
    mentionsRedacted: 0,
    openCasesOverridden: [],
    freedPagesWiped: false,
  };
}
