import { randomBytes } from 'node:crypto';
import { formatQueueNumber } from '../../../shared/domain/queue';
import { SKM_ELEMENTS } from '../../../shared/domain/skm';
import type { SurveyStatus } from '../../../shared/domain/survey';
import type { surveySubmissionSchema } from '../../../shared/domain/survey';
import { serviceDayOf } from '../../../shared/time';
import { serviceMonthOf } from '../../../shared/domain/survey-privacy';
import type { z } from 'zod';
import type { AuditLog } from '../audit';
import type { SessionStore } from '../auth/sessions';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import { isOffered, mayFinish, offerWindow } from './survey-expiry';
import { TicketBook, type Ticket } from './ticket-book';

type Submission = z.output<typeof surveySubmissionSchema>;

export interface OfficerAlert {
  officerId: number;
  at: string;
}

/** At most this many waiting surveys are offered on one screen at a time. */
export const MAX_OFFERED = 10;

/**
 * The officer's surveys still offered, oldest hand-over first. Polled every 2 s by every survey
 * screen: the range on (officer_id, survey_ready_at) keeps it to the last 30 minutes of
 * hand-overs however long the visit history grows.
 */
export const PENDING_SQL = `SELECT v.id, v.queue_no, v.survey_ready_at FROM visit v
   WHERE v.officer_id = ? AND v.survey_ready_at > ? AND v.survey_ready_at >= ?
     AND NOT EXISTS (SELECT 1 FROM visit_surveyed s WHERE s.visit_id = v.id)
   ORDER BY v.survey_ready_at, v.id LIMIT ${MAX_OFFERED}`;

/** How many of the officer's offered surveys were handed over before this one. */
export const AHEAD_SQL = `SELECT count(*) AS n FROM visit v
   WHERE v.officer_id = ? AND v.survey_ready_at > ? AND v.survey_ready_at >= ?
     AND (v.survey_ready_at < ? OR (v.survey_ready_at = ? AND v.id < ?))
     AND NOT EXISTS (SELECT 1 FROM visit_surveyed s WHERE s.visit_id = v.id)`;

export interface OfferedSurvey {
  ticket: string;
  /** The queue number the survey is for, shown on the screen: never a name. */
  queueLabel: string;
}

export type CurrentSurveys =
  { state: 'idle'; pending: [] } | { state: 'ready'; pending: OfferedSurvey[] };

export interface SurveyStatusView {
  status: SurveyStatus;
  /** For a waiting survey: how many of the officer's surveys were handed over before it. */
  ahead?: number;
}

const ELEMENT_COLUMNS = SKM_ELEMENTS.join(', ');
const TALLY_COLUMNS = SKM_ELEMENTS.flatMap((e) => [`${e}_sum`, `${e}_count`]).join(', ');

/**
 * The visitor-facing survey. The display never learns who the visitor is: it holds an opaque
 * ticket that only this process can map to a visit, and an answer is stored with its month and
 * the problem category, under a random id, with nothing that joins it to the visit (issue 14.5:
 * day + officer + category let an audit name the visitor). The day and officer live in the tally.
 */
export class SurveyService {
  private readonly tickets = new TicketBook();
  private readonly alerts: OfficerAlert[] = [];
  private readonly q;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly sessions: SessionStore,
    private readonly now: () => Date,
  ) {
    this.q = {
      pending: db.prepare<
        [number, string, string],
        { id: number; queue_no: number; survey_ready_at: string }
      >(PENDING_SQL),
      ahead: db.prepare<[number, string, string, string, string, number], { n: number }>(AHEAD_SQL),
      visit: db.prepare<
        [number],
        { id: number; officer_id: number | null; survey_ready_at: string | null }
      >('SELECT id, officer_id, survey_ready_at FROM visit WHERE id = ?'),
      surveyed: db.prepare<[number], { visit_id: number }>(
        'SELECT visit_id FROM visit_surveyed WHERE visit_id = ?',
      ),
      markSurveyed: db.prepare<[number]>('INSERT INTO visit_surveyed (visit_id) VALUES (?)'),
      category: db.prepare<[number], { category: string | null }>(
        'SELECT category FROM problem_case WHERE visit_id = ? AND category IS NOT NULL ORDER BY id LIMIT 1',
      ),
      idTaken: db.prepare<[number], { id: number }>('SELECT id FROM survey_response WHERE id = ?'),
      insert: db.prepare(
        `INSERT INTO survey_response (id, service_month, category, ${ELEMENT_COLUMNS},
           gender, age_group, education, occupation, comment)
         VALUES (${Array(3 + SKM_ELEMENTS.length + 5)
           .fill('?')
           .join(', ')})`,
      ),
      tally: db.prepare(
        `INSERT INTO survey_tally (service_day, officer_id, category, respondents, ${TALLY_COLUMNS})
         VALUES (?, ?, ?, 1, ${SKM_ELEMENTS.map(() => '?, ?').join(', ')})
         ON CONFLICT (service_day, officer_id, category) DO UPDATE SET
           respondents = respondents + 1,
           ${SKM_ELEMENTS.map((e) => `${e}_sum = ${e}_sum + excluded.${e}_sum, ${e}_count = ${e}_count + excluded.${e}_count`).join(',\n           ')}`,
      ),
    };
  }

  /** A display for the visitor's screen, bound to the officer's session that opened it. */
  openDisplay(officerId: number, staffToken: string | undefined): { displayToken: string } {
    if (!staffToken) throw new AppError('UNAUTHENTICATED');
    this.audit.record({
      actorId: officerId,
      action: 'survey.openDisplay',
      entity: 'staff',
      entityId: officerId,
    });
    return { displayToken: this.sessions.createDisplay(staffToken, 'survey') };
  }

  /** What the display should show: the welcome screen, or the surveys waiting, oldest first. */
  current(officerId: number): CurrentSurveys {
    this.sweep();
    const w = offerWindow(this.now());
    const rows = this.q.pending.all(officerId, w.after, w.dayStart);
    if (rows.length === 0) return { state: 'idle', pending: [] };
    return {
      state: 'ready',
      pending: rows.map((r) => ({
        ticket: this.tickets.issue(r.id, officerId, r.survey_ready_at),
        queueLabel: formatQueueNumber(r.queue_no),
      })),
    };
  }

  started(officerId: number, ticket: string): void {
    const t = this.ticket(officerId, ticket);
    t.startedAt ??= this.now().getTime();
  }

  submit(officerId: number, input: Submission): void {
    const t = this.ticket(officerId, input.ticket);
    this.db
      .transaction(() => {
        if (this.q.surveyed.get(t.visitId)) throw new AppError('SURVEY_ALREADY_DONE');
        this.q.markSurveyed.run(t.visitId);
        const day = serviceDayOf(this.now());
        const category = this.q.category.get(t.visitId)?.category ?? null;
        const answers = SKM_ELEMENTS.map((e) => input.answers[e] ?? null);
        // The answer keeps its month only; the day and the officer go into the tally alone.
        this.q.insert.run(
          this.randomId(),
          serviceMonthOf(day),
          category,
          ...answers,
          input.profile?.gender ?? null,
          input.profile?.ageGroup ?? null,
          input.profile?.education ?? null,
          input.profile?.occupation ?? null,
          input.comment ?? null,
        );
        this.q.tally.run(
          day,
          t.officerId,
          category ?? '',
          ...answers.flatMap((a) => (a === null ? [0, 0] : [a, 1])),
        );
      })
      .immediate();
    this.tickets.drop(input.ticket);
  }

  /** For the officer's screen: whether the survey is waiting, being filled, done or expired — never the answers. */
  statusForVisit(visitId: number): SurveyStatusView {
    const visit = this.q.visit.get(visitId);
    if (!visit) throw new AppError('NOT_FOUND');
    if (this.q.surveyed.get(visitId)) return { status: 'finished' };
    const readyAt = visit.survey_ready_at;
    if (readyAt === null) return { status: 'not_ready' };
    this.sweep();
    if (this.tickets.forVisit(visitId)?.startedAt != null) return { status: 'in_progress' };
    const now = this.now();
    if (!isOffered(readyAt, now) || visit.officer_id === null) return { status: 'expired' };
    const w = offerWindow(now);
    const ahead = this.q.ahead.get(
      visit.officer_id,
      w.after,
      w.dayStart,
      readyAt,
      readyAt,
      visitId,
    );
    return { status: 'ready', ahead: ahead?.n ?? 0 };
  }

  /** How many tickets this process holds: the pending surveys of the last half hour, no more. */
  get heldTickets(): number {
    return this.tickets.size;
  }

  callOfficer(officerId: number): void {
    this.alerts.push({ officerId, at: this.now().toISOString() });
  }

  /** Alerts for this officer since they last looked; reading them clears them. */
  takeAlerts(officerId: number): OfficerAlert[] {
    const mine = this.alerts.filter((a) => a.officerId === officerId);
    for (const a of mine) this.alerts.splice(this.alerts.indexOf(a), 1);
    return mine;
  }

  /** A ticket still alive: offered, or started a short while ago; the dead ones are forgotten. */
  private ticket(officerId: number, ticket: string): Ticket {
    this.sweep();
    const t = this.tickets.get(ticket);
    if (!t || t.officerId !== officerId) throw new AppError('SURVEY_NOT_AVAILABLE');
    return t;
  }

  private sweep(): void {
    const now = this.now();
    this.tickets.sweep(
      (t) => isOffered(t.readyAt, now) || (t.startedAt !== null && mayFinish(t.startedAt, now)),
    );
  }

  /** 48 random bits: a new row's place in the table says nothing about when it was written. */
  private randomId(): number {
    for (;;) {
      const id = randomBytes(6).readUIntBE(0, 6) + 1;
      if (!this.q.idTaken.get(id)) return id;
    }
  }
}
