import type { ExportedFile } from '../../../shared/domain/exported-file';
import { formatPhoneNational } from '../../../shared/domain/phone';
import { translate, type Locale } from '../../../shared/i18n/messages';
import type { Db } from '../db/open-database';
import { csvCell } from '../reception/register-export';

export interface BreachScope {
  from: string;
  to: string;
  stationId?: number | undefined;
}

interface Affected {
  visitor_id: number;
  full_name: string;
  phone: string;
  email: string | null;
  institution: string | null;
  visits: number;
  first_day: string | null;
  last_day: string | null;
  cases: number;
  documents: number;
}

const PERSON = `SELECT p.visitor_id, x.full_name, x.phone, x.email, x.institution,
    (SELECT count(*) FROM visit v WHERE v.visitor_id = p.visitor_id
        AND v.service_day BETWEEN @from AND @to) AS visits,
    (SELECT min(service_day) FROM visit v WHERE v.visitor_id = p.visitor_id
        AND v.service_day BETWEEN @from AND @to) AS first_day,
    (SELECT max(service_day) FROM visit v WHERE v.visitor_id = p.visitor_id
        AND v.service_day BETWEEN @from AND @to) AS last_day,
    (SELECT count(*) FROM problem_case c JOIN visit v ON v.id = c.visit_id
      WHERE v.visitor_id = p.visitor_id) AS cases,
    (SELECT count(*) FROM attachment a JOIN problem_case c ON c.id = a.case_id
       JOIN visit v ON v.id = c.visit_id WHERE v.visitor_id = p.visitor_id) AS documents
  FROM people p JOIN visitor x ON x.id = p.visitor_id AND x.anonymised_at IS NULL
  ORDER BY x.full_name, p.visitor_id`;

/**
 * Everyone whose data the desk held for the period's visits, read through the index of visits by
 * day (never the whole history). Parameters: @from, @to (service days).
 */
export const AFFECTED_BY_PERIOD_SQL = `WITH people AS (
    SELECT DISTINCT visitor_id FROM visit WHERE service_day BETWEEN @from AND @to)
  ${PERSON}`;

/**
 * Everyone whose details were viewed through one paired station in the period (a stolen or
 * misused station), from the read log's station index. Parameters: @station, @since, @until.
 */
export const AFFECTED_BY_STATION_SQL = `WITH people AS (
    SELECT DISTINCT visitor_id FROM (
      SELECT CAST(r.entity_id AS INTEGER) AS visitor_id FROM read_log r
       WHERE r.station_id = @station AND r.at >= @since AND r.at < @until AND r.entity = 'visitor'
      UNION
      SELECT v.visitor_id FROM read_log r JOIN visit v ON v.id = CAST(r.entity_id AS INTEGER)
       WHERE r.station_id = @station AND r.at >= @since AND r.at < @until AND r.entity = 'visit'
      UNION
      SELECT v.visitor_id FROM read_log r
        JOIN problem_case c ON c.id = CAST(r.entity_id AS INTEGER)
        JOIN visit v ON v.id = c.visit_id
       WHERE r.station_id = @station AND r.at >= @since AND r.at < @until AND r.entity = 'case'))
  ${PERSON}`;

/** The WIB day's first instant, in UTC. */
const wibStart = (day: string): string => new Date(`${day}T00:00:00+07:00`).toISOString();

/**
 * Who is affected by a breach of a period or a desk, for the written notice to them and to the
 * authority within 3 × 24 hours (Pasal 46): names and the channel to reach each one.
 */
export class BreachExport {
  private readonly q;

  constructor(
    db: Db,
    private readonly now: () => Date,
  ) {
    this.q = {
      byPeriod: db.prepare<[{ from: string; to: string }], Affected>(AFFECTED_BY_PERIOD_SQL),
      byStation: db.prepare<
        [{ from: string; to: string; station: number; since: string; until: string }],
        Affected
      >(AFFECTED_BY_STATION_SQL),
    };
  }

  affected(scope: BreachScope): Affected[] {
    if (scope.stationId === undefined) return this.q.byPeriod.all(scope);
    const until = new Date(Date.parse(wibStart(scope.to)) + 86_400_000).toISOString();
    return this.q.byStation.all({
      from: scope.from,
      to: scope.to,
      station: scope.stationId,
      since: wibStart(scope.from),
      until,
    });
  }

  file(scope: BreachScope, format: 'csv' | 'json', locale: Locale): ExportedFile {
    const people = this.affected(scope);
    const t = (k: string) => translate(locale, `privacy.breach.columns.${k}`);
    const name = `terdampak-${scope.from}-${scope.to}${scope.stationId ? `-stasiun-${scope.stationId}` : ''}`;
    if (format === 'json') {
      const body = {
        generatedAt: this.now().toISOString(),
        basis: translate(locale, 'privacy.breach.basis'),
        scope: { from: scope.from, to: scope.to, stationId: scope.stationId ?? null },
        count: people.length,
        people: people.map((p) => ({
          visitorId: p.visitor_id,
          fullName: p.full_name,
          phone: p.phone,
          email: p.email,
          institution: p.institution,
          notifyBy: p.email ? 'email' : 'phone',
          visitsInPeriod: p.visits,
          firstVisit: p.first_day,
          lastVisit: p.last_day,
          cases: p.cases,
          documents: p.documents,
        })),
      };
      return {
        fileName: `${name}.json`,
        mimeType: 'application/json',
        base64: Buffer.from(JSON.stringify(body, null, 2), 'utf8').toString('base64'),
      };
    }
    const header = [
      'fullName',
      'phone',
      'email',
      'institution',
      'notifyBy',
      'visits',
      'firstVisit',
      'lastVisit',
      'cases',
      'documents',
    ].map(t);
    const rows = people.map((p) => [
      p.full_name,
      formatPhoneNational(p.phone),
      p.email ?? '',
      p.institution ?? '',
      p.email ? 'email' : translate(locale, 'privacy.breach.byPhone'),
      String(p.visits),
      p.first_day ?? '',
      p.last_day ?? '',
      String(p.cases),
      String(p.documents),
    ]);
    const text = `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
    return {
      fileName: `${name}.csv`,
      mimeType: 'text/csv',
      base64: Buffer.from(text, 'utf8').toString('base64'),
    };
  }
}
