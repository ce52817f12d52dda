import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-database';
import {
  LATEST_SCHEMA_VERSION,
  MIGRATIONS,
  type Migration,
} from '../../electron/core/db/migrations';
import { AppError } from '../../electron/core/errors';
import { AHEAD_SQL, PENDING_SQL } from '../../electron/core/survey/survey-service';
import { DUE_SQL } from '../../electron/core/sync/outbox-store';
import { VISITOR_SEARCH_SQL } from '../../electron/core/reception/visitors';
import { lpseSearchSql } from '../../electron/core/reference/lpse-directory';
import { tempDir } from '../helpers/temp-core';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function expectRefusal(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe(code);
    return;
  }
  throw new Error(`expected ${code}`);
}

describe('openDatabase', () => {
  it('creates a new database at the latest version with WAL and foreign keys', () => {
    const db = openDatabase(join(tempDir(), 'new.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    db.close();
  });

  it('declares every ordinary table STRICT', () => {
    const db = openDatabase(join(tempDir(), 'strict.sqlite'));
    const tables = db
      .prepare<[], { name: string; sql: string }>(
        `SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'
           AND name NOT LIKE 'visitor_search_%' AND name NOT LIKE 'visitor_pair_search_%'
           AND name NOT LIKE 'sqlite_%'`,
      )
      .all();
    expect(tables.length).toBeGreaterThanOrEqual(5);
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT/);
    db.close();
  });

  it('reopens an up-to-date database without changing it', () => {
    const file = join(tempDir(), 'again.sqlite');
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('applies all pending migrations in one transaction: a failure leaves nothing behind', () => {
    const file = join(tempDir(), 'atomic.sqlite');
    const broken: Migration[] = [
      ...MIGRATIONS,
      {
        version: LATEST_SCHEMA_VERSION + 1,
        name: 'good',
        sql: 'CREATE TABLE extra (x INTEGER) STRICT;',
      },
      {
        version: LATEST_SCHEMA_VERSION + 2,
        name: 'bad',
        sql: 'CREATE TABLE oops (x NOPE_TYPE) STRICT;',
      },
    ];
    expect(() => openDatabase(file, broken)).toThrow();
    const raw = new Database(file);
    expect(raw.pragma('user_version', { simple: true })).toBe(0);
    expect(
      raw.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name IN ('staff', 'extra')").get(),
    ).toEqual({ n: 0 });
    raw.close();
  });

  it('refuses a database written by a newer Loket and leaves the file untouched', () => {
    const file = join(tempDir(), 'newer.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE future (x INTEGER)');
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    const before = sha256(file);
    expectRefusal(() => openDatabase(file), 'DB_NEWER_VERSION');
    expect(sha256(file)).toBe(before);
  });

  it('refuses a file that is not a database and leaves it untouched', () => {
    const file = join(tempDir(), 'garbage.sqlite');
    writeFileSync(file, randomBytes(8192));
    const before = sha256(file);
    expectRefusal(() => openDatabase(file), 'DB_CORRUPT');
    expect(sha256(file)).toBe(before);
  });

  it('refuses a database whose first page is damaged and leaves it untouched', () => {
    const dir = tempDir();
    const good = join(dir, 'good.sqlite');
    openDatabase(good).close();
    const damaged = join(dir, 'damaged.sqlite');
    copyFileSync(good, damaged);
    const bytes = readFileSync(damaged);
    randomBytes(3000).copy(bytes, 100); // keep the 100-byte header, wreck the schema page
    writeFileSync(damaged, bytes);
    const before = sha256(damaged);
    expectRefusal(() => openDatabase(damaged), 'DB_CORRUPT');
    expect(sha256(damaged)).toBe(before);
  });
});

describe('migration 1: staff, audit, visitors, visits', () => {
  const db = openDatabase(
    join(tempDir(), 'm1.sqlite'),
    MIGRATIONS.filter((m) => m.version === 1),
  );
  const now = '2026-11-24T02:00:00.000Z';
  db.prepare(
    "INSERT INTO staff (username, full_name, pin_hash, created_at) VALUES ('a', 'A', 'x', ?)",
  ).run(now);

  it('keeps the audit trail append-only', () => {
    db.prepare("INSERT INTO audit (at, actor_id, action, entity) VALUES (?, 1, 'test', 'x')").run(
      now,
    );
    expect(() => db.prepare("UPDATE audit SET action = 'changed'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
  });

  it('refuses values of the wrong type and unknown roles or statuses', () => {
    expect(() =>
      db.prepare("INSERT INTO staff_role (staff_id, role) VALUES (1, 'janitor')").run(),
    ).toThrow();
    expect(() =>
      db
        .prepare(
          "INSERT INTO staff (username, full_name, pin_hash, created_at, active) VALUES ('b', 'B', 'x', ?, 'yes')",
        )
        .run(now),
    ).toThrow();
  });

  it('enforces one queue number per day and real visitors', () => {
    db.prepare(
      "INSERT INTO visitor (full_name, phone, created_at, updated_at) VALUES ('Budi', '+6281234567890', ?, ?)",
    ).run(now, now);
    const insert = db.prepare(
      `INSERT INTO visit (visitor_id, service_day, queue_no, purpose, full_name, phone, checked_in_at,
         consent_version, consent_at, checked_in_by) VALUES (?, '2026-11-24', ?, 'p', 'Budi', '+62', ?, 'v1', ?, 1)`,
    );
    insert.run(1, 1, now, now);
    expect(() => insert.run(1, 1, now, now)).toThrow(/UNIQUE/);
    expect(() => insert.run(999, 2, now, now)).toThrow(/FOREIGN KEY/);
  });

  it('indexes visitors for prefix search as they are written, changed and removed', () => {
    const match = (q: string) =>
      db
        .prepare<[string], { rowid: number }>(
          'SELECT rowid FROM visitor_search WHERE visitor_search MATCH ?',
        )
        .all(q);
    expect(match('"bud"*')).toEqual([{ rowid: 1 }]);
    expect(match('phone : "0812"*')).toEqual([{ rowid: 1 }]);
    expect(match('phone : "62812"*')).toEqual([{ rowid: 1 }]);
    db.prepare(
      "UPDATE visitor SET full_name = 'Agus', phone = '+6285711112222' WHERE id = 1",
    ).run();
    expect(match('"bud"*')).toEqual([]);
    expect(match('"agu"*')).toEqual([{ rowid: 1 }]);
    expect(match('phone : "0857"*')).toEqual([{ rowid: 1 }]);
  });
});

describe('migration 3: anonymous survey answers and daily tallies', () => {
  const db = openDatabase(
    join(tempDir(), 'm3.sqlite'),
    MIGRATIONS.filter((m) => m.version <= 3),
  );

  it('keeps answers on the 1–4 scale and one survey per visit', () => {
    const answer = db.prepare(
      "INSERT INTO survey_response (id, service_day, persyaratan) VALUES (?, '2026-11-24', ?)",
    );
    answer.run(7_123_456, 4);
    expect(() => answer.run(8, 5)).toThrow(/CHECK/);
    expect(() => answer.run(9, 0)).toThrow(/CHECK/);
    expect(() => db.prepare('INSERT INTO visit_surveyed (visit_id) VALUES (424242)').run()).toThrow(
      /FOREIGN KEY/,
    );
    const columns = db
      .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('survey_response')")
      .all()
      .map((c) => c.name);
    // Nothing that could line an answer up with a visit or a person.
    expect(columns).not.toContain('visit_id');
    expect(columns).not.toContain('created_at');
  });

  it('sums tallies under one key per day, officer and category', () => {
    const tally = db.prepare(
      "INSERT INTO survey_tally (service_day, officer_id, category, respondents) VALUES ('2026-11-24', 1, 'akun_login', 1)",
    );
    tally.run();
    expect(() => tally.run()).toThrow(/UNIQUE|PRIMARY KEY/);
  });
});

describe('migration 4: the backend ticket phase', () => {
  const file = join(tempDir(), 'm4.sqlite');
  const before = openDatabase(
    file,
    MIGRATIONS.filter((m) => m.version <= 3),
  );
  before.pragma('foreign_keys = OFF');
  const link = before.prepare(
    `INSERT INTO backend_link (case_id, remote_id, remote_status, stalled_reason, linked_at, last_seen_at)
     VALUES (?, ?, ?, ?, '2026-11-24T02:00:00.000Z', '2026-11-24T02:00:00.000Z')`,
  );
  const statuses = ['new', 'open', 'stalled', 'resolved', 'rejected', 'deleted', 'Menunggu Vendor'];
  statuses.forEach((status, i) =>
    link.run(i + 1, String(100 + i), status, status === 'stalled' ? 'development' : null),
  );
  before.close();
  const db = openDatabase(file);

  it("maps what RT said onto Loket's phases and keeps the backend's own word", () => {
    expect(
      db
        .prepare(
          'SELECT remote_status, remote_phase, pause_reason FROM backend_link ORDER BY case_id',
        )
        .all(),
    ).toEqual([
      { remote_status: 'new', remote_phase: 'new', pause_reason: null },
      { remote_status: 'open', remote_phase: 'in_progress', pause_reason: null },
      { remote_status: 'stalled', remote_phase: 'paused', pause_reason: 'development' },
      { remote_status: 'resolved', remote_phase: 'resolved', pause_reason: null },
      { remote_status: 'rejected', remote_phase: 'rejected', pause_reason: null },
      { remote_status: 'deleted', remote_phase: 'rejected', pause_reason: null },
      { remote_status: 'Menunggu Vendor', remote_phase: 'in_progress', pause_reason: null },
    ]);
  });

  it('refuses a phase Loket does not know', () => {
    expect(() =>
      db.prepare("UPDATE backend_link SET remote_phase = 'stalled' WHERE case_id = 1").run(),
    ).toThrow(/CHECK/);
  });
});

describe('migration 5: the per-case outbox index', () => {
  const file = join(tempDir(), 'm5.sqlite');
  openDatabase(
    file,
    MIGRATIONS.filter((m) => m.version <= 4),
  ).close();
  const db = openDatabase(file);

  it("claims the next entry from indexes only, never walking the outbox's history", () => {
    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN ${DUE_SQL}`).all('2026-11-24T02:00:00.000Z', 1) as {
        detail: string;
      }[]
    ).map((p) => p.detail);
    expect(plan.join('\n')).toContain('outbox_due');
    expect(plan.join('\n')).toContain('outbox_case');
    expect(plan.filter((d) => d.startsWith('SCAN'))).toEqual([]);
  });
});

describe('migration 8: the pending-survey index', () => {
  const plan = (db: ReturnType<typeof openDatabase>, sql: string, ...params: unknown[]) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
      (p) => p.detail,
    );
  const window = ['2026-11-24T01:30:00.000Z', '2026-11-23T17:00:00.000Z'];

  it("finds a survey screen's pending hand-overs by officer and time, never walking the visit history", () => {
    const db = openDatabase(join(tempDir(), 'm8.sqlite'));
    for (const [sql, params] of [
      [PENDING_SQL, [1, ...window]],
      [AHEAD_SQL, [1, ...window, '2026-11-24T02:00:00.000Z', '2026-11-24T02:00:00.000Z', 5]],
    ] as const) {
      const steps = plan(db, sql, ...params);
      expect(steps.join('\n')).toMatch(/SEARCH v USING (COVERING )?INDEX visit_survey_pending/);
      expect(steps.filter((d) => d.startsWith('SCAN') || d.includes('TEMP B-TREE'))).toEqual([]);
    }
    db.close();
  });

  it('was needed: without it the poll scans every visit', () => {
    const db = openDatabase(
      join(tempDir(), 'm7.sqlite'),
      MIGRATIONS.filter((m) => m.version < 8),
    );
    expect(plan(db, PENDING_SQL, 1, ...window).some((d) => d.startsWith('SCAN v'))).toBe(true);
    db.close();
  });
});

describe('migration 7: folded visitor search without anonymised visitors; unserved departures', () => {
  const file = join(tempDir(), 'm7.sqlite');
  const before = openDatabase(
    file,
    MIGRATIONS.filter((m) => m.version < 7),
  );
  const now = '2026-11-24T02:00:00.000Z';
  const addVisitor = before.prepare<[string, string, string | null]>(
    `INSERT INTO visitor (full_name, phone, created_at, updated_at, anonymised_at)
     VALUES (?, ?, '${now}', '${now}', ?)`,
  );
  addVisitor.run("Ja'far Shadiq", '+6281234567890', null); // 1
  addVisitor.run('(dianonimkan)', '', now); // 2: anonymised before this migration
  addVisitor.run('Ni Luh Putu', '+622129935577', null); // 3
  before.close();
  const db = openDatabase(file);
  const match = (q: string) =>
    db
      .prepare<[string], { rowid: number }>(
        // Since migration 13 the index is keyed by recency; read back which visitors it holds.
        `SELECT r.visitor_id AS rowid FROM visitor_search s
           JOIN visitor_recency r ON r.seq = s.rowid WHERE visitor_search MATCH ? ORDER BY rowid`,
      )
      .all(q)
      .map((r) => r.rowid);

  it('rebuilds the index of existing visitors in the folded form, with phone endings', () => {
    expect(match('"jafar"*')).toEqual([1]);
    expect(match('"niluh"*')).toEqual([3]);
    expect(match('"ni"* "luh"*')).toEqual([3]);
    expect(match('phone : "x0987"*')).toEqual([1]);
    expect(match('phone : "0812"*')).toEqual([1]);
  });

  it('removes anonymised visitors from the index, and removes a visitor when anonymised later', () => {
    expect(match('"dianonimkan"*')).toEqual([]);
    db.prepare(
      "UPDATE visitor SET full_name = '(dianonimkan)', phone = '', anonymised_at = ? WHERE id = 1",
    ).run(now);
    expect(match('"dianonimkan"*')).toEqual([]);
    expect(match('"jafar"*')).toEqual([]);
    db.prepare("UPDATE visitor SET full_name = 'Ni Luh Ayu' WHERE id = 3").run();
    expect(match('"niluh"*')).toEqual([3]);
    expect(match('"putu"*')).toEqual([]);
  });

  it('finds suggestions from the full-text index, never scanning the visitors', () => {
    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN ${VISITOR_SEARCH_SQL}`).all('"di"*', 8) as {
        detail: string;
      }[]
    ).map((p) => p.detail);
    expect(plan[0]).toMatch(/^SCAN s VIRTUAL TABLE INDEX/);
    expect(plan.join('\n')).toMatch(/SEARCH v USING INTEGER PRIMARY KEY/);
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
  });

  it('adds the unserved-departure flag to visits, 0 or 1', () => {
    const columns = db
      .prepare<[], { name: string; dflt_value: string | null }>(
        "SELECT name, dflt_value FROM pragma_table_info('visit') WHERE name = 'left_unserved'",
      )
      .all();
    expect(columns).toEqual([{ name: 'left_unserved', dflt_value: '0' }]);
  });
});

describe('migration 11: stations and pairing codes', () => {
  const db = openDatabase(
    join(tempDir(), 'm11.sqlite'),
    MIGRATIONS.filter((m) => m.version <= 11),
  );

  it('keeps one station per credential hash and only the four station kinds', () => {
    const insert = db.prepare(
      "INSERT INTO station (name, kind, credential_hash, paired_at) VALUES ('PC', ?, ?, '2026-12-02T00:00:00Z')",
    );
    insert.run('reception', 'h1');
    expect(() => insert.run('consultation', 'h1')).toThrow(/UNIQUE/);
    expect(() => insert.run('kiosk', 'h2')).toThrow(/CHECK/);
    expect(() => insert.run('survey', Buffer.from('h3'))).toThrow(
      /cannot store BLOB value in TEXT column/,
    );
  });

  it('finds a code by its hash with an index, and each hash once', () => {
    db.prepare(
      "INSERT INTO staff (username, full_name, pin_hash, created_at) VALUES ('a', 'A', 'x', '2026-12-02T00:00:00Z')",
    ).run();
    const code = db.prepare(
      "INSERT INTO pairing_code (code_hash, kind, created_by, created_at, expires_at) VALUES (?, 'display', 1, 'n', 'e')",
    );
    code.run('c1');
    expect(() => code.run('c1')).toThrow(/UNIQUE/);
    const plan = (
      db
        .prepare(
          'EXPLAIN QUERY PLAN SELECT id FROM pairing_code WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?',
        )
        .all('c1', 'n') as { detail: string }[]
    ).map((p) => p.detail);
    expect(plan.join('\n')).toContain('USING INDEX pairing_code_hash');
  });
});

describe('migration 12: the LPSE directory; old free-text LPSEs and old visitor types', () => {
  const file = join(tempDir(), 'm12.sqlite');
  const before = openDatabase(
    file,
    MIGRATIONS.filter((m) => m.version < 12),
  );
  const now = '2026-11-24T02:00:00.000Z';
  before
    .prepare(
      "INSERT INTO staff (username, full_name, pin_hash, created_at) VALUES ('a', 'A', 'x', ?)",
    )
    .run(now);
  const addVisitor = before.prepare<[string, string | null, string | null]>(
    `INSERT INTO visitor (full_name, phone, visitor_type, lpse, created_at, updated_at)
     VALUES (?, '+6281234567890', ?, ?, '${now}', '${now}')`,
  );
  // Three spellings of one seeded LPSE, one LPSE the directory does not list, and none.
  addVisitor.run('Budi', 'penyedia', 'LPSE Kab. Dompu'); // 1
  addVisitor.run('Sari', 'operator_lpse', 'Kabupaten Dompu'); // 2
  addVisitor.run('Agus', 'ppk', 'kab dompu'); // 3
  addVisitor.run('Wati', 'penyedia', 'LPSE Kota Bandung'); // 4
  addVisitor.run('Joko', null, null); // 5
  before
    .prepare(
      `INSERT INTO visit (visitor_id, service_day, queue_no, purpose, full_name, phone,
         visitor_type, lpse, checked_in_at, consent_version, consent_at, checked_in_by)
       SELECT id, '2026-11-24', id, 'p', full_name, phone, visitor_type, lpse, ?, 'v1', ?, 1
         FROM visitor`,
    )
    .run(now, now);
  before
    .prepare(
      `INSERT INTO problem_case (case_code, visit_id, officer_id, reporter_name, reporter_phone,
         reporter_type, spse_role, lpse, created_at, updated_at)
       SELECT 'KS-' || id, id, 1, full_name, phone, visitor_type, visitor_type, lpse, ?, ?
         FROM visit`,
    )
    .run(now, now);
  before
    .prepare(
      `INSERT INTO attachment (case_id, sha256, original_name, mime, size, source, kind, added_at,
         added_by, page_count) VALUES (1, ?, 'nib.pdf', 'application/pdf', 10, 'file',
         'business_licence', ?, 1, 2)`,
    )
    .run('a'.repeat(64), now);
  before.close();
  const db = openDatabase(file);
  const rows = (table: string) =>
    db
      .prepare<[], { lpse: string | null; listed: string | null; type: string | null }>(
        `SELECT t.lpse, l.name AS listed, ${table === 'problem_case' ? 'reporter_type' : 'visitor_type'} AS type
           FROM ${table} t LEFT JOIN lpse l ON l.id = t.lpse_id ORDER BY t.id`,
      )
      .all();

  it('maps every spelling of a listed LPSE to it, in visitors, visits and cases alike', () => {
    for (const table of ['visitor', 'visit', 'problem_case']) {
      expect(rows(table).map((r) => [r.lpse, r.listed])).toEqual([
        ['Kabupaten Dompu', 'Kabupaten Dompu'],
        ['Kabupaten Dompu', 'Kabupaten Dompu'],
        ['Kabupaten Dompu', 'Kabupaten Dompu'],
        ['LPSE Kota Bandung', null],
        [null, null],
      ]);
    }
  });

  it('keeps old visitor types as stored', () => {
    expect(rows('visitor').map((r) => r.type)).toEqual([
      'penyedia',
      'operator_lpse',
      'ppk',
      'penyedia',
      null,
    ]);
    expect(rows('problem_case').map((r) => r.type)).toEqual([
      'penyedia',
      'operator_lpse',
      'ppk',
      'penyedia',
      null,
    ]);
  });

  it('keeps attachments through the rebuild and takes the two new document kinds', () => {
    expect(db.prepare('SELECT id, kind, page_count FROM attachment').all()).toEqual([
      { id: 1, kind: 'business_licence', page_count: 2 },
    ]);
    const add = db.prepare(
      `INSERT INTO attachment (case_id, sha256, original_name, mime, size, source, kind, added_at,
         added_by) VALUES (1, ?, 'x.pdf', 'application/pdf', 10, 'file', ?, ?, 1)`,
    );
    add.run('b'.repeat(64), 'change_request_letter', now);
    add.run('c'.repeat(64), 'company_profile', now);
    expect(() => add.run('d'.repeat(64), 'selfie', now)).toThrow(/CHECK/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('gives every case so far the ticket type "permasalahan"', () => {
    expect(db.prepare('SELECT DISTINCT ticket_type FROM problem_case').all()).toEqual([
      { ticket_type: 'permasalahan' },
    ]);
  });

  it('matches an LPSE written later against the directory, and lets go of one no longer named', () => {
    db.prepare("UPDATE visitor SET lpse = 'pemkab dompu' WHERE id = 5").run();
    db.prepare("UPDATE visitor SET lpse = 'Kota Antah' WHERE id = 1").run();
    expect(rows('visitor').map((r) => [r.lpse, r.listed])[4]).toEqual([
      'Kabupaten Dompu',
      'Kabupaten Dompu',
    ]);
    expect(rows('visitor').map((r) => [r.lpse, r.listed])[0]).toEqual(['Kota Antah', null]);
  });

  it('finds LPSEs by the prefix of each word from the word index, never scanning', () => {
    for (const words of [0, 1, 3]) {
      const params = Array.from({ length: 2 * words }, (_, i) => (i % 2 ? 'kab\uffff' : 'kab'));
      const plan = (
        db.prepare(`EXPLAIN QUERY PLAN ${lpseSearchSql(words)}`).all(...params) as {
          detail: string;
        }[]
      ).map((p) => p.detail);
      expect(plan.filter((d) => /^SCAN (l|lpse_word)\b/.test(d))).toEqual([]);
      if (words > 0)
        expect(plan.join('\n')).toMatch(
          /SEARCH lpse_word USING PRIMARY KEY \(word>\? AND word<\?\)/,
        );
      expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
    }
  });
});

describe('the list of migrations', () => {
  it('numbers them 1, 2, 3… without a gap or a repeat, in order, so a new one cannot shadow another', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });
});
