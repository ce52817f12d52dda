import { randomBytes } from 'node:crypto';
import { SKM_ELEMENTS } from '../../../shared/domain/skm';
import type { SurveyStatus } from '../../../shared/domain/survey';
import type { surveySubmissionSchema } from '../../../shared/domain/survey';
import { serviceDayOf } from '../../../shared/time';
import type { z } from 'zod';
import type { AuditLog } from '../audit';
import type { SessionStore } from '../auth/sessions';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';

type Submission = z.output<typeof surveySubmissionSchema>;

interface Ticket {
  visitId: number;
  officerId: number;
  startedAt: number | null;
}

export interface OfficerAlert {
  officerId: number;
  at: string;
}

const ELEMENT_COLUMNS = SKM_ELEMENTS.join(', ');
const TALLY_COLUMNS = SKM_ELEMENTS.flatMap((e) => [`${e}_sum`, `${e}_count`]).join(', ');

/**
 * The visitor-facing survey. The display never learns who the visitor is: it holds an opaque
 * ticket that only this process can map to a visit, and an answer is stored with the day, the
 * officer and the problem category, under a random id, with nothing that joins it to the visit.
 */
export class SurveyService {
  private readonly tickets = new Map<string, Ticket>();
  private readonly alerts: OfficerAlert[] = [];
  private readonly q;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly sessions: SessionStore,
    private readonly now: () => Date,
  ) {
    this.q = {
      pending: db.prepare<[number], { id: number }>(
        `SELECT id FROM visit WHERE officer_id = ? AND survey_ready_at IS NOT NULL
            AND id NOT IN (SELECT visit_id FROM visit_surveyed)
          ORDER BY survey_ready_at DESC LIMIT 1`,
      ),
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
        `INSERT INTO survey_response (id, service_day, officer_id, category, ${ELEMENT_COLUMNS},
           gender, age_group, education, occupation, comment)
         VALUES (${Array(5 + SKM_ELEMENTS.length + 4)
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
    return { displayToken: this.sessions.createDisplay(staffToken) };
  }

  /** What the display should show: the welcome screen, or a survey waiting to be filled. */
  current(officerId: number): { state: 'idle' } | { state: 'ready'; ticket: string } {
    const pending = this.q.pending.get(officerId);
    if (!pending) return { state: 'idle' };
    for (const [ticket, t] of this.tickets)
      if (t.visitId === pending.id) return { state: 'ready', ticket };
    const ticket = randomBytes(18).toString('base64url');
    this.tickets.set(ticket, { visitId: pending.id, officerId, startedAt: null });
    return { state: 'ready', ticket };
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
        this.q.insert.run(
          this.randomId(),
          day,
          t.officerId,
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
    this.tickets.delete(input.ticket);
  }

  /** For the officer's screen: whether the survey is waiting, being filled, or done — never the answers. */
  statusForVisit(visitId: number): SurveyStatus {
    const visit = this.q.visit.get(visitId);
    if (!visit) throw new AppError('NOT_FOUND');
    if (this.q.surveyed.get(visitId)) return 'finished';
    if (visit.survey_ready_at === null) return 'not_ready';
    for (const t of this.tickets.values())
      if (t.visitId === visitId && t.startedAt !== null) return 'in_progress';
    return 'ready';
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

  private ticket(officerId: number, ticket: string): Ticket {
    const t = this.tickets.get(ticket);
    if (!t || t.officerId !== officerId) throw new AppError('SURVEY_NOT_AVAILABLE');
    return t;
  }

  /** 48 random bits: a new row's place in the table says nothing about when it was written. */
  private randomId(): number {
    for (;;) {
      const id = randomBytes(6).readUIntBE(0, 6) + 1;
      if (!this.q.idTaken.get(id)) return id;
    }
  }
}
