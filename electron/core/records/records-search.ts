import { maskEmail, maskPhone } from '../../../shared/domain/phone';
import { formatQueueNumber } from '../../../shared/domain/queue';
import type { Role } from '../../../shared/domain/roles';
import type { FoundVisit, RecordsSearchResult } from '../../../shared/domain/records';
import type { ReceptionStatus, VisitStatus } from '../../../shared/domain/visit';
import type { CaseStatus } from '../../../shared/domain/case';
import { prefixEnd } from '../consultation/case-code';
import type { Db } from '../db/open-database';
import { buildVisitorSearchPlan } from '../reception/search-query';
import { matchesRow } from '../reception/search-terms';
import { recordScope, type RecordScope } from './record-scope';

/** A page of results: enough to spot the visit; more means "narrow the period or the words". */
export const PAGE = 50;
const FIRST_DAY = '0000-01-01';
const LAST_DAY = '9999-12-31';

const VISIT_COLUMNS = `v.id, v.service_day, v.queue_no, v.full_name, v.institution, v.phone,
       v.email, v.status, v.left_unserved, v.cancelled_at, v.checked_in_at, v.officer_id,
       s.full_name AS officer_name`;

/** Parameters: the visitor, the period. Each visitor's visits from (visitor_id, service_day). */
export const VISITS_OF_VISITOR_SQL = `SELECT ${VISIT_COLUMNS}
  FROM visit v LEFT JOIN staff s ON s.id = v.officer_id
 WHERE v.visitor_id = ? AND v.service_day BETWEEN ? AND ?
 ORDER BY v.service_day DESC, v.id DESC`;
/** Parameters: the period, the limit. Newest first along the (service_day, queue_no) index. */
export const VISITS_OF_PERIOD_SQL = `SELECT ${VISIT_COLUMNS}
  FROM visit v LEFT JOIN staff s ON s.id = v.officer_id
 WHERE v.service_day BETWEEN ? AND ?
 ORDER BY v.service_day DESC, v.queue_no DESC LIMIT ?`;
/** Parameters: the officer, the period, the limit. An officer's own visits, newest first. */
export const OFFICER_VISITS_SQL = `SELECT ${VISIT_COLUMNS}
  FROM visit v LEFT JOIN staff s ON s.id = v.officer_id
 WHERE v.officer_id = ? AND v.service_day BETWEEN ? AND ?
 ORDER BY v.service_day DESC, v.id DESC LIMIT ?`;
/**
 * The visits of cases open at the helpdesk (few), from migration 14's partial index: with a
 * DISTINCT, SQLite preferred walking every case by visit instead.
 */
export const OPEN_CASE_VISITS_SQL = `SELECT c.visit_id AS id FROM problem_case c
 WHERE c.status IN ('escalated', 'backend_resolved')`;
export const VISIT_SQL = `SELECT ${VISIT_COLUMNS}
  FROM visit v LEFT JOIN staff s ON s.id = v.officer_id WHERE v.id = ?`;
/** Parameters: a case-number prefix and its end: a range on the unique index of codes. */
export const CASES_BY_CODE_SQL = `SELECT visit_id FROM problem_case
 WHERE case_code >= ? AND case_code < ? ORDER BY case_code DESC LIMIT ${PAGE + 1}`;
export const CASES_BY_TICKET_SQL = `SELECT c.visit_id FROM backend_link l
  JOIN problem_case c ON c.id = l.case_id WHERE l.remote_id = ?`;
export const CASES_OF_VISIT_SQL = `SELECT c.id, c.case_code, c.status, c.officer_id, l.remote_id
  FROM problem_case c LEFT JOIN backend_link l ON l.case_id = c.id
 WHERE c.visit_id = ? ORDER BY c.id`;
/** Parameters: the period. How many visits a period holds, counted on its index. */
export const PERIOD_SIZE_SQL = `SELECT count(*) AS n FROM visit WHERE service_day BETWEEN ? AND ?`;
/**
 * Parameters: the period, the match spec (JSON). A short period's visits, newest first, each
 * checked against the words on what was recorded at that visit.
 */
export const PERIOD_MATCH_SQL = `SELECT ${VISIT_COLUMNS}
  FROM visit v LEFT JOIN staff s ON s.id = v.officer_id
 WHERE v.service_day BETWEEN ? AND ?
   AND loket_search_match(?, v.full_name, v.email, v.phone, v.institution)
 ORDER BY v.service_day DESC, v.queue_no DESC`;
/** The same for an officer's own visits (parameters: the officer first). */
export const OFFICER_PERIOD_MATCH_SQL = `SELECT ${VISIT_COLUMNS}
  FROM visit v LEFT JOIN staff s ON s.id = v.officer_id
 WHERE v.officer_id = ? AND v.service_day BETWEEN ? AND ?
   AND loket_search_match(?, v.full_name, v.email, v.phone, v.institution)
 ORDER BY v.service_day DESC, v.id DESC`;
/**
 * Up to this many visits in the period, checking each is cheaper than walking the visitors
 * the words match (thousands of "siti"s, most without a visit in a short period): about a year.
 */
const PERIOD_SCAN_MAX = 20_000;
/** Parameters: the FTS5 query. The visitor index in recency order (reception's search). */
export const PERSON_SQL = `SELECT r.visitor_id AS id
  FROM visitor_search AS s JOIN visitor_recency AS r ON r.seq = s.rowid
 WHERE visitor_search MATCH ? ORDER BY s.rowid DESC`;
/** The same for a shortened prefix, each candidate checked against the whole words. */
export const PERSON_CANDIDATES_SQL = `SELECT v.id
  FROM visitor_search AS s JOIN visitor_recency AS r ON r.seq = s.rowid
  JOIN visitor AS v ON v.id = r.visitor_id
 WHERE visitor_search MATCH ? AND loket_search_match(?, v.full_name, v.email, v.phone, v.institution)
 ORDER BY s.rowid DESC`;

interface VisitRow {
  id: number;
  service_day: string;
  queue_no: number;
  full_name: string;
  institution: string | null;
  phone: string;
  email: string | null;
  status: VisitStatus;
  left_unserved: number;
  cancelled_at: string | null;
  checked_in_at: string;
  officer_id: number | null;
  officer_name: string | null;
}
interface CaseRow {
  id: number;
  case_code: string;
  status: CaseStatus;
  officer_id: number;
  remote_id: string | null;
}

const CASE_CODE = /^ks-[0-9a-z-]*$/i;
const TICKET = /^(?:#|tiket\s*#?|ticket\s*#?)\s*([0-9a-z-]+)$/i;
/** Digits too few for a phone number are a ticket number, or a phone's ending. */
const SHORT_NUMBER = /^\d{1,7}$/;

export interface SearchCaller {
  staffId: number;
  roles: readonly Role[];
}

/**
 * "Cari arsip": past visits and cases found from one detail the visitor remembers (case or
 * ticket number, name, phone, e-mail, institution) and a period, as far as the caller may see
 * them (record-scope.ts). Names, phones and e-mails go through reception's visitor index.
 */
export class RecordsSearch {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      ofVisitor: db.prepare<[number, string, string], VisitRow>(VISITS_OF_VISITOR_SQL),
      ofPeriod: db.prepare<[string, string, number], VisitRow>(VISITS_OF_PERIOD_SQL),
      ofOfficer: db.prepare<[number, string, string, number], VisitRow>(OFFICER_VISITS_SQL),
      openCaseVisits: db.prepare<[], { id: number }>(OPEN_CASE_VISITS_SQL),
      visit: db.prepare<[number], VisitRow>(VISIT_SQL),
      byCode: db.prepare<[string, string], { visit_id: number }>(CASES_BY_CODE_SQL),
      byTicket: db.prepare<[string], { visit_id: number }>(CASES_BY_TICKET_SQL),
      cases: db.prepare<[number], CaseRow>(CASES_OF_VISIT_SQL),
      person: db.prepare<[string], { id: number }>(PERSON_SQL),
      candidates: db.prepare<[string, string], { id: number }>(PERSON_CANDIDATES_SQL),
      periodSize: db.prepare<[string, string], { n: number }>(PERIOD_SIZE_SQL),
      periodMatch: db.prepare<[string, string, string], VisitRow>(PERIOD_MATCH_SQL),
      officerPeriodMatch: db.prepare<[number, string, string, string], VisitRow>(
        OFFICER_PERIOD_MATCH_SQL,
      ),
    };
  }

  search(caller: SearchCaller, input: { query: string; from?: string; to?: string }) {
    const scope = recordScope(caller.staffId, caller.roles);
    const from = input.from ?? FIRST_DAY;
    const to = input.to ?? LAST_DAY;
    const inPeriod = (v: VisitRow) => v.service_day >= from && v.service_day <= to;
    const text = input.query.trim();
    const page = new Page(scope, (v) => this.q.cases.all(v.id));

    if (text === '') {
      this.byPeriod(scope, from, to, page);
      return page.result('period');
    }
    if (CASE_CODE.test(text)) {
      const prefix = text.toUpperCase();
      for (const { visit_id } of this.q.byCode.all(prefix, prefixEnd(prefix))) {
        const v = this.q.visit.get(visit_id);
        if (v && inPeriod(v)) page.offer(v);
      }
      return page.result('case_code');
    }
    const ticket = TICKET.exec(text)?.[1];
    if (ticket !== undefined) {
      this.byTicket(ticket, inPeriod, page);
      return page.result('ticket');
    }
    const shortNumber = SHORT_NUMBER.test(text);
    if (shortNumber) this.byTicket(text, inPeriod, page);
    this.byPerson(scope, text, from, to, page);
    return page.result(shortNumber ? 'ticket_or_phone' : 'person');
  }

  private byTicket(ticket: string, inPeriod: (v: VisitRow) => boolean, page: Page): void {
    for (const { visit_id } of this.q.byTicket.all(ticket)) {
      const v = this.q.visit.get(visit_id);
      if (v && inPeriod(v)) page.offer(v);
    }
  }

  private byPerson(scope: RecordScope, text: string, from: string, to: string, page: Page) {
    const plan = buildVisitorSearchPlan(text);
    if (plan === null) return;
    const spec = JSON.stringify(plan.spec);
    if (!scope.allVisits && (from !== FIRST_DAY || to !== LAST_DAY)) {
      // An officer sees their own visits and open cases' visits: read only those.
      const rows = this.q.officerPeriodMatch.all(scope.staffId, from, to, spec);
      for (const id of new Set(this.q.openCaseVisits.all().map((r) => r.id))) {
        const v = this.q.visit.get(id);
        if (v && v.service_day >= from && v.service_day <= to && matchesRow(plan.spec, v))
          rows.push(v);
      }
      rows.sort((a, b) => b.service_day.localeCompare(a.service_day) || b.id - a.id);
      for (const v of rows) page.offer(v);
      return;
    }
    if (from !== FIRST_DAY || to !== LAST_DAY) {
      if (this.q.periodSize.get(from, to)!.n <= PERIOD_SCAN_MAX) {
        for (const v of this.q.periodMatch.iterate(from, to, spec)) {
          page.offer(v);
          if (page.full()) break;
        }
        return;
      }
    }
    const visitors =
      plan.shortened === null
        ? this.q.person.iterate(plan.prefix)
        : this.q.candidates.iterate(plan.shortened, JSON.stringify(plan.spec));
    for (const { id } of visitors) {
      for (const v of this.q.ofVisitor.all(id, from, to)) page.offer(v);
      // Breaking out of the loop ends the statement's iteration.
      if (page.full()) break;
    }
  }

  private byPeriod(scope: RecordScope, from: string, to: string, page: Page): void {
    if (scope.allVisits) {
      for (const v of this.q.ofPeriod.all(from, to, PAGE + 1)) page.offer(v);
      return;
    }
    const rows = this.q.ofOfficer.all(scope.staffId, from, to, PAGE + 1);
    const seen = new Set(rows.map((v) => v.id));
    for (const id of new Set(this.q.openCaseVisits.all().map((r) => r.id))) {
      const v = seen.has(id) ? undefined : this.q.visit.get(id);
      if (v && v.service_day >= from && v.service_day <= to) rows.push(v);
    }
    rows.sort((a, b) => b.service_day.localeCompare(a.service_day) || b.id - a.id);
    for (const v of rows) page.offer(v);
  }
}

/** Collects visible visits once each, up to a page and one more (to tell there are more). */
class Page {
  private readonly visits = new Map<number, FoundVisit>();
  private overflow = false;

  constructor(
    private readonly scope: RecordScope,
    private readonly casesOf: (v: VisitRow) => CaseRow[],
  ) {}

  full(): boolean {
    return this.overflow;
  }

  offer(v: VisitRow): void {
    if (this.visits.has(v.id) || this.overflow) return;
    const cases = this.casesOf(v).filter((c) => this.scope.seesCase(c));
    if (!this.scope.allVisits && v.officer_id !== this.scope.staffId && cases.length === 0) return;
    if (this.visits.size === PAGE) {
      this.overflow = true;
      return;
    }
    this.visits.set(v.id, {
      visitId: v.id,
      serviceDay: v.service_day,
      queueLabel: formatQueueNumber(v.queue_no),
      fullName: v.full_name,
      institution: v.institution,
      phoneMasked: maskPhone(v.phone),
      emailMasked: v.email === null ? null : maskEmail(v.email),
      status: statusOf(v),
      checkedInAt: v.checked_in_at,
      officerName: v.officer_name,
      cases: cases.map((c) => ({
        caseId: c.id,
        caseCode: c.case_code,
        status: c.status,
        ticketId: c.remote_id,
        canOpen: this.scope.opensCase(c),
      })),
    });
  }

  result(readAs: RecordsSearchResult['readAs']): RecordsSearchResult {
    return { readAs, visits: [...this.visits.values()], more: this.overflow };
  }
}

function statusOf(v: VisitRow): ReceptionStatus {
  if (v.cancelled_at !== null) return 'cancelled';
  return v.status === 'done' && v.left_unserved === 1 ? 'left_unserved' : v.status;
}
