import type { ExportedFile } from '../../../../shared/domain/exported-file';
import type {
  PersonRecord,
  PrivacyRequest,
  RequestOutcome,
} from '../../../../shared/domain/privacy-request';
import type { Locale } from '../../../../shared/i18n/messages';
import type { AuditLog } from '../../audit';
import type { Db } from '../../db/open-database';
import { BreachExport, type BreachScope } from '../breach-export';
import { PersonCorrection, type Correction } from './person-correction';
import { personRecordPdf } from './person-pdf';
import { PersonRecords } from './person-record';
import { RequestRegister, type NewRequest } from './request-register';
import { Restrictions } from './restriction';

/**
 * The supervisor's desk for visitors' requests: each action on a person runs in one transaction
 * with its audit entry and, when it serves a registered request, a note on that request's trail.
 */
export class PrivacyDesk {
  readonly register: RequestRegister;
  readonly records: PersonRecords;
  readonly restrictions: Restrictions;
  private readonly correction: PersonCorrection;
  private readonly breach: BreachExport;
  private readonly stationList;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    now: () => Date,
  ) {
    this.register = new RequestRegister(db, audit, now);
    this.records = new PersonRecords(db, now);
    this.restrictions = new Restrictions(db, audit, now);
    this.correction = new PersonCorrection(db, audit, now);
    this.breach = new BreachExport(db, now);
    this.stationList = db.prepare<[], { id: number; name: string; kind: string }>(
      'SELECT id, name, kind FROM station ORDER BY name, id',
    );
  }

  registerRequest(actorId: number, r: NewRequest): PrivacyRequest {
    return this.register.register(actorId, r);
  }

  answer(
    actorId: number,
    requestId: number,
    outcome: RequestOutcome,
    text: string,
  ): PrivacyRequest {
    return this.register.answer(actorId, requestId, outcome, text);
  }

  person(visitorId: number): PersonRecord {
    return this.records.collect(visitorId);
  }

  async exportPerson(
    actorId: number,
    visitorId: number,
    format: 'json' | 'pdf',
    locale: Locale,
    requestId?: number,
  ): Promise<ExportedFile> {
    const record = this.records.collect(visitorId);
    const base = `data-pribadi-${visitorId}-${record.generatedAt.slice(0, 10)}`;
    const file: ExportedFile =
      format === 'json'
        ? {
            fileName: `${base}.json`,
            mimeType: 'application/json',
            base64: Buffer.from(JSON.stringify(record, null, 2), 'utf8').toString('base64'),
          }
        : {
            fileName: `${base}.pdf`,
            mimeType: 'application/pdf',
            base64: (await personRecordPdf(record, locale)).toString('base64'),
          };
    this.db.transaction(() => {
      this.register.noteServed(actorId, requestId, 'privacy.exportPerson');
      this.audit.record({
        actorId,
        action: 'privacy.exportPerson',
        entity: 'visitor',
        entityId: visitorId,
        detail: { format, requestId: requestId ?? null },
      });
    })();
    return file;
  }

  correct(
    actorId: number,
    visitorId: number,
    fields: Correction,
    requestId?: number,
  ): PersonRecord {
    this.db
      .transaction(() => {
        this.register.noteServed(actorId, requestId, 'privacy.correctPerson');
        this.correction.apply(actorId, visitorId, fields, requestId);
      })
      .immediate();
    return this.records.collect(visitorId);
  }

  restrict(actorId: number, visitorId: number, restricted: boolean, requestId?: number): void {
    this.db
      .transaction(() => {
        this.register.noteServed(
          actorId,
          requestId,
          restricted ? 'privacy.restrict' : 'privacy.liftRestriction',
        );
        this.restrictions.set(actorId, visitorId, restricted, requestId);
      })
      .immediate();
  }

  breachScopes(): { id: number; name: string; kind: string }[] {
    return this.stationList.all();
  }

  breachExport(
    actorId: number,
    scope: BreachScope,
    format: 'csv' | 'json',
    locale: Locale,
  ): ExportedFile {
    const file = this.breach.file(scope, format, locale);
    this.audit.record({
      actorId,
      action: 'privacy.breachExport',
      entity: 'register',
      entityId: `${scope.from}..${scope.to}`,
      detail: { format, stationId: scope.stationId ?? null },
    });
    return file;
  }
}
