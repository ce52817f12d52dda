import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open-database';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { tempDir } from '../../helpers/temp-core';

const PAGE_COUNT_VERSION = 6;

describe('migration: the page count of an attachment', () => {
  it('keeps attachments made before it, with no count, and refuses a count below one', () => {
    const file = join(tempDir(), 'pages.sqlite');
    const before = openDatabase(
      file,
      MIGRATIONS.filter((m) => m.version < PAGE_COUNT_VERSION),
    );
    before.pragma('foreign_keys = OFF');
    before
      .prepare(
        `INSERT INTO attachment (case_id, sha256, original_name, mime, size, source, kind, added_at, added_by)
         VALUES (1, ?, 'NIB.pdf', 'application/pdf', 10, 'file', 'business_licence', 'x', 1)`,
      )
      .run('a'.repeat(64));
    before.close();

    // Up to this migration only: the row above has no case (foreign keys were off to write it),
    // and a later migration that copies the table rightly refuses such an orphan.
    const db = openDatabase(
      file,
      MIGRATIONS.filter((m) => m.version <= PAGE_COUNT_VERSION),
    );
    db.pragma('foreign_keys = OFF');
    expect(db.prepare('SELECT page_count FROM attachment').get()).toEqual({ page_count: null });
    const insert = db.prepare(
      `INSERT INTO attachment (case_id, sha256, original_name, mime, size, source, kind, page_count,
         added_at, added_by) VALUES (1, ?, 'x.pdf', 'application/pdf', 10, 'file', 'other', ?, 'x', 1)`,
    );
    expect(() => insert.run('b'.repeat(64), 0)).toThrow(/CHECK/);
    expect(() => insert.run('c'.repeat(64), 1.5)).toThrow();
    insert.run('d'.repeat(64), 12);
    expect(
      db.prepare('SELECT page_count FROM attachment WHERE sha256 = ?').get('d'.repeat(64)),
    ).toEqual({ page_count: 12 });
    db.close();
  });
});
