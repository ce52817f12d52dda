/**
 * Check-ins per second through the full dispatcher (zod validation, role check, one durable
 * transaction with queue number, audit row and search index) against raw better-sqlite3 inserts
 * of the same visitor and visit rows, one durable transaction each. Target: within 3x of raw.
 *
 * Run: npx tsx bench/checkin-throughput.ts
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createCore } from '../electron/core/core';
import { currentNotice } from '../shared/domain/privacy-notice';
import { normalizeIndonesianPhone } from '../shared/domain/phone';
import { RealisticPeople } from './realistic-people';

const COUNT = 3000;
const base = join(import.meta.dirname, '.data', 'checkin');
rmSync(base, { recursive: true, force: true });
mkdirSync(base, { recursive: true });

async function throughDispatcher(): Promise<number> {
  const core = createCore({ dataDir: join(base, 'core'), logError: (e) => console.error(e) });
  const ctx = { window: 'staff' as const };
  await core.dispatch(
    'setup.createFirstAdmin',
    { fullName: 'Bench', username: 'bench', pin: '135790' },
    ctx,
  );
  const login = (await core.dispatch('auth.login', { username: 'bench', pin: '135790' }, ctx)) as {
    ok: true;
    value: { sessionToken: string };
  };
  const people = new RealisticPeople(1);
  const inputs = Array.from({ length: COUNT }, () => {
    const p = people.person();
    return {
      ...p,
      purpose: 'Konsultasi SPSE',
      noticeVersion: currentNotice().version,
      noticeDelivery: 'read_out' as const,
    };
  });
  const t0 = performance.now();
  for (const input of inputs) {
    const r = await core.dispatch('visit.checkIn', input, {
      ...ctx,
      sessionToken: login.value.sessionToken,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  const rate = COUNT / ((performance.now() - t0) / 1000);
  core.close();
  return rate;
}

function raw(synchronous: 'FULL' | 'NORMAL'): number {
  // The same schema, written straight with prepared statements, no validation, audit or index.
  const db = new Database(join(base, `raw-${synchronous}.sqlite`));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec(`CREATE TABLE visitor (id INTEGER PRIMARY KEY, full_name TEXT NOT NULL, phone TEXT NOT NULL, email TEXT,
             institution TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT;
           CREATE TABLE visit (id INTEGER PRIMARY KEY, visitor_id INTEGER NOT NULL REFERENCES visitor (id),
             service_day TEXT NOT NULL, queue_no INTEGER NOT NULL, purpose TEXT NOT NULL, full_name TEXT NOT NULL,
             phone TEXT NOT NULL, checked_in_at TEXT NOT NULL, consent_version TEXT NOT NULL, consent_at TEXT NOT NULL,
             UNIQUE (service_day, queue_no)) STRICT;`);
  const insertVisitor = db.prepare(
    'INSERT INTO visitor (full_name, phone, email, institution, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertVisit = db.prepare(
    'INSERT INTO visit (visitor_id, service_day, queue_no, purpose, full_name, phone, checked_in_at, consent_version, consent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const people = new RealisticPeople(1);
  const rows = Array.from({ length: COUNT }, () => {
    const p = people.person();
    return { ...p, phone: normalizeIndonesianPhone(p.phone) ?? '' };
  });
  const checkIn = db.transaction((p: (typeof rows)[number], i: number) => {
    const at = new Date().toISOString();
    const id = insertVisitor.run(
      p.fullName,
      p.phone,
      p.email,
      p.institution,
      at,
      at,
    ).lastInsertRowid;
    insertVisit.run(id, '2026-11-24', i + 1, 'Konsultasi SPSE', p.fullName, p.phone, at, 'v1', at);
  });
  const t0 = performance.now();
  rows.forEach((p, i) => checkIn.immediate(p, i));
  const rate = COUNT / ((performance.now() - t0) / 1000);
  db.close();
  return rate;
}

const full = raw('FULL');
const normal = raw('NORMAL');
const dispatcher = await throughDispatcher();
console.log(`check-ins (${COUNT}, one durable transaction each):`);
console.log(`  raw better-sqlite3, synchronous=FULL:    ${full.toFixed(0)} /s`);
console.log(`  full dispatcher, synchronous=FULL:       ${dispatcher.toFixed(0)} /s`);
console.log(
  `  ratio raw / dispatcher:                  ${(full / dispatcher).toFixed(2)}x  (target within 3x)`,
);
console.log(`  (context) raw, synchronous=NORMAL:       ${normal.toFixed(0)} /s`);
rmSync(base, { recursive: true, force: true });
