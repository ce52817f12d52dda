/**
 * Builds (once) a database of realistic visitors (realistic-people.ts) over five years of service
 * days, a fifth of the visits by a returning visitor. Not through the check-in call: at ~800
 * durable check-ins a second (checkin-throughput.ts) and a few hundred a second on a loaded
 * machine even in big transactions, a million would take 20–60 minutes. The rows are written with
 * the statements `VisitService.checkIn` uses (visitor, visit copied from it, its event and its
 * audit rows) in transactions of 50,000, at schema version 12 (kept as realistic-N-v12.sqlite,
 * the file open-large.ts upgrades); then a copy is opened at the latest version and the search
 * index built after start-up (db/deferred-builds.ts), as on a desk that upgrades. Both times
 * are printed.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../electron/core/db/open-database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../electron/core/db/migrations';
import { currentNotice } from '../shared/domain/privacy-notice';
import { SearchIndexBuilder } from '../electron/core/db/deferred-builds';
import { normalizeIndonesianPhone } from '../shared/domain/phone';
import { serviceMoment } from '../shared/time';
import { VISITOR_TYPES } from '../shared/domain/visitor-types';
import { RealisticPeople } from './realistic-people';

export const DATA_DIR = join(import.meta.dirname, '.data');
const FIRST_DAY = Date.UTC(2022, 0, 3, 2, 0, 0); // 09:00 WIB
export const YEARS = 5;
const RETURNING_SHARE = 0.2;

/** Named by schema version: a file upgraded by a newer checkout is not opened by an older one. */
export function realisticDbFile(visitors: number, version = LATEST_SCHEMA_VERSION): string {
  return join(DATA_DIR, `realistic-${visitors}-s${version}.sqlite`);
}

/** The same rows at schema version 12, as a desk that has not upgraded yet holds them. */
export function realisticV12File(visitors: number): string {
  return join(DATA_DIR, `realistic-${visitors}-v12.sqlite`);
}

const remove = (f: string) => {
  for (const x of [f, `${f}-wal`, `${f}-shm`]) rmSync(x, { force: true });
};

/** The rows at schema 12; built on first use (a few minutes for 1,000,000). */
export function ensureRealisticV12(visitors: number): string {
  const file = realisticV12File(visitors);
  if (existsSync(file)) return file;
  mkdirSync(DATA_DIR, { recursive: true });
  const partial = `${file}.building`;
  remove(partial);
  const t0 = performance.now();
  const db = openDatabase(
    partial,
    MIGRATIONS.filter((m) => m.version < 13),
  );
  db.pragma('synchronous = OFF'); // bulk load only
  // Version 12's search index is dropped by migration 13: not filling it saves a minute.
  db.exec(`DROP TRIGGER visitor_search_insert; DROP TRIGGER visitor_search_update;
    CREATE TRIGGER visitor_search_insert AFTER INSERT ON visitor WHEN 0 BEGIN SELECT 1; END;
    CREATE TRIGGER visitor_search_update AFTER UPDATE ON visitor WHEN 0 BEGIN SELECT 1; END;`);
  db.prepare(
    `INSERT INTO staff (username, full_name, pin_hash, created_at)
     VALUES ('bench', 'Bench', 'x', '2022-01-01T00:00:00Z')`,
  ).run();
  const q = {
    visitor: db.prepare<
      [string, string, string | null, string | null, string, string, string]
    >(`INSERT INTO visitor (full_name, phone, email, institution, visitor_type, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`),
    visit: db.prepare(
      `INSERT INTO visit (visitor_id, service_day, queue_no, purpose, checked_in_by,
         checked_in_at, consent_version, consent_at,
         full_name, phone, email, institution, visitor_type, lpse, status, checked_out_at)
       SELECT @visitorId, @serviceDay, @queueNo, @purpose, 1, @at, @consentVersion, @at,
              full_name, phone, email, institution, visitor_type, lpse, 'done', @at
         FROM visitor WHERE id = @visitorId`,
    ),
    event: db.prepare<[number, string]>(
      "INSERT INTO visit_event (visit_id, at, kind, actor_id) VALUES (?, ?, 'checked_in', 1)",
    ),
    audit: db.prepare<[string, string, string, string, string | null]>(
      'INSERT INTO audit (at, actor_id, action, entity, entity_id, detail) VALUES (?, 1, ?, ?, ?, ?)',
    ),
  };
  const people = new RealisticPeople(17);
  const consentVersion = currentNotice().version;
  const total = Math.round(visitors / (1 - RETURNING_SHARE));
  const days = YEARS * 365;
  let created = 0;
  let queueDay = '';
  let lastDay = -1;
  let queueNo = 0;
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const day = Math.floor((i / total) * days);
      const moment = new Date(FIRST_DAY + day * 86_400_000 + (i % 500) * 50_000);
      const at = moment.toISOString();
      if (day !== lastDay) {
        // The WIB day of the service hours, computed once a day.
        [lastDay, queueDay, queueNo] = [day, serviceMoment(moment).serviceDay, 0];
      }
      const serviceDay = queueDay;
      queueNo++;
      const mustCreate = visitors - created >= total - i;
      const returning =
        created >= visitors || (!mustCreate && created > 100 && people.random() < RETURNING_SHARE);
      let visitorId: number;
      if (returning) {
        // A returning visitor, more often a recent one, as at a real desk.
        visitorId = Math.max(1, created - Math.floor(people.random() ** 3 * created));
      } else {
        const p = people.person();
        visitorId = Number(
          q.visitor.run(
            p.fullName,
            normalizeIndonesianPhone(p.phone) ?? '',
            p.email || null,
            p.institution || null,
            VISITOR_TYPES[people.int(VISITOR_TYPES.length)]!,
            at,
            at,
          ).lastInsertRowid,
        );
        q.audit.run(at, 'visitor.create', 'visitor', String(visitorId), null);
        created++;
      }
      const visitId = Number(
        q.visit.run({
          visitorId,
          serviceDay,
          queueNo,
          purpose: 'Konsultasi SPSE',
          at,
          consentVersion,
        }).lastInsertRowid,
      );
      q.event.run(visitId, at);
      q.audit.run(at, 'visit.checkIn', 'visit', String(visitId), '{"queueLabel":"K-001"}');
    }
  });
  for (let i = 0; i < total; i += 50_000) {
    batch(i, Math.min(i + 50_000, total));
    if (process.env.BENCH_DEBUG)
      console.log(`  ${((performance.now() - t0) / 1000).toFixed(1)} s: ${i.toLocaleString('en')}`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(partial, file);
  remove(partial);
  console.log(
    `built ${created.toLocaleString('en')} visitors (${total.toLocaleString('en')} visits) at schema 12 in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  return file;
}

/**
 * The database with `visitors` visitors at a schema version (the latest unless said), its
 * search index built: as a desk of that release holds it.
 */
export function ensureRealisticDb(visitors: number, version = LATEST_SCHEMA_VERSION): string {
  const file = realisticDbFile(visitors, version);
  if (existsSync(file)) return file;
  const v12 = ensureRealisticV12(visitors);
  const partial = `${file}.building`;
  remove(partial);
  copyFileSync(v12, partial);
  const loaded = performance.now();
  // As on a desk that upgrades: the migrations at open, then the deferred index build.
  const upgraded = openDatabase(
    partial,
    MIGRATIONS.filter((m) => m.version <= version),
    { buildBudgetMs: 0 },
  );
  const migrated = performance.now();
  upgraded.pragma('synchronous = OFF');
  const builder = new SearchIndexBuilder(upgraded);
  let built = 0;
  while (!builder.step(1_000)) if (built === 0 && !builder.pending()) built = performance.now();
  if (built === 0) built = performance.now();
  const pairsBuilt = performance.now();
  // What a real installation's index looks like after months of small writes: merged.
  upgraded.exec("INSERT INTO visitor_search (visitor_search) VALUES ('optimize')");
  upgraded.exec("INSERT INTO visitor_pair_search (visitor_pair_search) VALUES ('optimize')");
  upgraded.pragma('wal_checkpoint(TRUNCATE)');
  upgraded.close();
  renameSync(partial, file);
  remove(partial);
  console.log(
    `upgraded to the latest schema: migrations ${(migrated - loaded).toFixed(0)} ms, deferred search index build ${((built - migrated) / 1000).toFixed(1)} s, then the old index freed and the pair index built ${((pairsBuilt - built) / 1000).toFixed(1)} s`,
  );
  return file;
}
