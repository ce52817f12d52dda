import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/core/db/migrations';
import { openDatabase, type Db } from '../../electron/core/db/open-database';
import {
  CASES_EXPIRED_SQL,
  DOCUMENTS_EXPIRED_SQL,
  VISITS_EXPIRED_SQL,
} from '../../electron/core/privacy/retention';
import { RELEASED_DUE_SQL } from '../../electron/core/privacy/released-files';
import { wipeFreedPages } from '../../electron/core/privacy/freed-pages';
import { tempDir } from '../helpers/temp-core';

const AT = '2026-11-24T02:00:00.000Z';
const SHA = 'ab'.repeat(32);
let db: Db;
let file: string;

/** A desk at version 14: a live visitor, one anonymised (its terms only marked deleted), a case. */
function seedAt14(): void {
  const old = openDatabase(
    file,
    MIGRATIONS.filter((m) => m.version <= 14),
  );
  old.exec(`
    INSERT INTO staff (id, username, full_name, pin_hash, created_at) VALUES (1, 'siti', 'Siti', 'x', '${AT}');
    INSERT INTO visitor (id, full_name, phone, email, created_at, updated_at)
      VALUES (1, 'Bambang Pamungkas', '+6281299990000', 'bambang@contoh.id', '${AT}', '${AT}'),
             (2, 'Kurniawan Dwiyulianto', '+6281288887777', 'kurniawan@contoh.id', '${AT}', '${AT}');
    UPDATE visitor SET full_name = '(dianonimkan)', phone = '', email = NULL, anonymised_at = '${AT}'
      WHERE id = 2;
    INSERT INTO visit (id, visitor_id, service_day, queue_no, purpose, full_name, phone,
        checked_in_at, consent_version, consent_at, checked_in_by)
      VALUES (1, 1, '2026-11-24', 1, 'Konsultasi', 'Bambang Pamungkas', '+6281299990000',
        '${AT}', 'v1', '${AT}', 1);
    INSERT INTO problem_case (id, case_code, visit_id, officer_id, status, reporter_name,
        reporter_phone, created_at, updated_at) VALUES (1, 'KS-1', 1, 1, 'solved', 'Bambang',
        '', '${AT}', '${AT}');
    INSERT INTO case_note (id, case_id, author_id, at, text) VALUES (1, 1, 1, '${AT}', 'catatan');
    INSERT INTO attachment (id, case_id, sha256, original_name, mime, size, source, kind,
        added_at, added_by) VALUES (1, 1, '${SHA}', 'a.png', 'image/png', 10, 'file', 'other', '${AT}', 1);
  `);
  // At 14 the anonymised visitor's terms were only marked deleted: still in the file.
  expect(indexBytes(old)).toContain('kurniawan');
  old.close();
}

function indexBytes(d: Db): string {
  return d
    .prepare<[], { block: Buffer }>('SELECT block FROM visitor_search_data')
    .all()
    .map((r) => Buffer.from(r.block).toString('latin1'))
    .join('');
}

beforeAll(() => {
  file = join(tempDir(), 'v14.sqlite');
  seedAt14();
  db = openDatabase(file);
});
afterAll(() => db.close());

function plan(sql: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((p) => p.detail)
    .join('\n');
}

describe('migration 15: retention per visit and case, note redactions, released files', () => {
  it('keeps the live visitor findable and drops the terms an older anonymisation left in the index', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(
      db
        .prepare('SELECT rowid FROM visitor_search WHERE visitor_search MATCH \'"bambang"*\'')
        .all(),
    ).toHaveLength(1);
    const blocks = indexBytes(db);
    expect(blocks).toContain('bambang');
    expect(blocks).not.toContain('kurniawan');
    expect(() =>
      db
        .prepare("INSERT INTO visitor_search (visitor_search, rank) VALUES ('integrity-check', 0)")
        .run(),
    ).not.toThrow();
  });

  it("removes a visitor's terms from the index pages when they are anonymised", () => {
    db.prepare(
      `UPDATE visitor SET full_name = '(dianonimkan)', phone = '', email = NULL,
         anonymised_at = ? WHERE id = 1`,
    ).run(AT);
    expect(indexBytes(db)).not.toContain('bambang');
    expect(
      db
        .prepare("SELECT count(*) AS n FROM visitor_search WHERE visitor_search MATCH 'bam*'")
        .get(),
    ).toEqual({ n: 0 });
    expect(wipeFreedPages(db)).toBe(true);
  });

  it('lets a note change only with a redaction record, once per record, and never be deleted', () => {
    const redact = () => db.prepare("UPDATE case_note SET text = '(dihapus)' WHERE id = 1").run();
    expect(redact).toThrow(/append-only/);
    db.prepare(
      "INSERT INTO note_redaction (note_id, at, actor_id, reason) VALUES (1, ?, 1, 'erasure')",
    ).run(AT);
    expect(() =>
      db.prepare('UPDATE case_note SET author_id = 1, at = ? WHERE id = 1').run('x'),
    ).toThrow(/append-only/);
    redact();
    expect(db.prepare('SELECT text FROM case_note WHERE id = 1').get()).toEqual({
      text: '(dihapus)',
    });
    expect(db.prepare('SELECT applied FROM note_redaction').all()).toEqual([{ applied: 1 }]);
    expect(() => db.prepare("UPDATE case_note SET text = 'lagi' WHERE id = 1").run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM case_note WHERE id = 1').run()).toThrow(/append-only/);
  });

  it('records the file of a deleted attachment for the sweep', () => {
    db.prepare('DELETE FROM attachment WHERE id = 1').run();
    expect(db.prepare('SELECT sha256, released_at FROM released_file').all()).toEqual([
      { sha256: SHA, released_at: null },
    ]);
  });

  it('queues nothing for the helpdesk once a case is purged', () => {
    db.prepare('UPDATE problem_case SET purged_at = ? WHERE id = 1').run(AT);
    db.prepare(
      `INSERT INTO outbox (case_id, operation, idempotency_key, next_attempt_at, created_at, updated_at)
       VALUES (1, 'add_note', 'k', ?, ?, ?)`,
    ).run(AT, AT, AT);
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
  });

  it('finds what is past retention from partial indexes, never walking the history', () => {
    const visits = plan(VISITS_EXPIRED_SQL, '2024-11-24', 50);
    expect(visits).toMatch(
      /SEARCH visit USING (COVERING )?INDEX visit_retention \(service_day<\?\)/,
    );
    const cases = plan(CASES_EXPIRED_SQL, AT, 50);
    expect(cases).toMatch(/SEARCH problem_case USING INDEX problem_case_retention \(<expr><\?\)/);
    const documents = plan(DOCUMENTS_EXPIRED_SQL, AT, 50);
    expect(documents).toMatch(/USING INDEX problem_case_documents_retention \(<expr><\?\)/);
    const released = plan(RELEASED_DUE_SQL, AT, 50);
    expect(released).toMatch(/USING (COVERING )?INDEX released_file_at \(released_at<\?\)/);
    for (const p of [visits, cases, documents, released]) {
      expect(p).not.toMatch(/TEMP B-TREE/);
      expect(p).not.toMatch(/SCAN /);
    }
  });
});
