import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/core/db/open-database';
import {
  COLUMN_WIPES,
  NOT_PERSONAL,
  PERSONAL_FIELDS,
  PURPOSES,
  fieldsOf,
  setClause,
} from '../../../electron/core/privacy/personal-data';
import { tempDir } from '../../helpers/temp-core';

const db = openDatabase(join(tempDir(), 'catalogue.sqlite'));
afterAll(() => db.close());

/** Every column that can hold text (TEXT, BLOB, untyped), as "table.column". */
function textColumns(d: Db): string[] {
  const tables = d
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all();
  return tables.flatMap(({ name }) =>
    d
      .prepare<[string], { name: string; type: string; hidden: number }>(
        'SELECT name, type, hidden FROM pragma_table_xinfo(?)',
      )
      .all(name)
      .filter(
        (c) => c.hidden === 0 && !['INTEGER', 'REAL', 'NUMERIC'].includes(c.type.toUpperCase()),
      )
      .map((c) => `${name}.${c.name}`),
  );
}

/** The text columns neither list accounts for: empty when the catalogue is complete. */
function unaccounted(d: Db): string[] {
  const known = new Set([
    ...PERSONAL_FIELDS.map((f) => `${f.table}.${f.column}`),
    ...NOT_PERSONAL.map((f) => `${f.table}.${f.column}`),
  ]);
  const wholeTables = new Set(PERSONAL_FIELDS.filter((f) => f.column === '*').map((f) => f.table));
  return textColumns(d).filter((c) => !known.has(c) && !wholeTables.has(c.split('.')[0]!));
}

describe('the catalogue of personal data', () => {
  it('accounts for every text column of the schema, as personal or as not personal with a reason', () => {
    expect(unaccounted(db)).toEqual([]);
  });

  it('fails for a column added without an entry, so retention and erasure cannot forget it', () => {
    const other = openDatabase(join(tempDir(), 'catalogue-new-column.sqlite'));
    other.exec('ALTER TABLE visit ADD COLUMN companion_name TEXT');
    expect(unaccounted(other)).toEqual(['visit.companion_name']);
    other.close();
  });

  it('names only columns that exist, each once, in one list only', () => {
    const columns = new Set(textColumns(db));
    const entries = [...PERSONAL_FIELDS, ...NOT_PERSONAL]
      .filter((f) => f.column !== '*')
      .map((f) => `${f.table}.${f.column}`);
    expect(entries.filter((e) => !columns.has(e))).toEqual([]);
    expect(entries.length).toBe(new Set(entries).size);
  });

  it('builds a valid wipe statement for every table and purpose with plain fields', () => {
    for (const purpose of PURPOSES) {
      const tables = new Set(
        PERSONAL_FIELDS.filter((f) => f.purpose === purpose).map((f) => f.table),
      );
      for (const table of tables) {
        if (fieldsOf(table, purpose, COLUMN_WIPES).length === 0) continue;
        expect(() =>
          db.prepare(`UPDATE ${table} SET ${setClause(table, purpose)} WHERE 0`),
        ).not.toThrow();
      }
    }
  });

  it('covers what issue 14 names: purpose, description, solution, SPSE user ID, notes, confirmations, outbox, documents', () => {
    const personal = new Set(PERSONAL_FIELDS.map((f) => `${f.table}.${f.column}`));
    for (const c of [
      'visit.purpose',
      'problem_case.description',
      'problem_case.solution',
      'problem_case.spse_user_id',
      'case_note.text',
      'confirmation.note',
      'outbox.payload',
      'attachment.original_name',
      'visitor_search.*',
      'audit.detail',
    ]) {
      expect(personal, c).toContain(c);
    }
  });
});
