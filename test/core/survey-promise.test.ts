import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-database';
import { translate } from '../../shared/i18n/messages';
import { tempDir } from '../helpers/temp-core';

/**
 * The invitation promises "Jawaban Anda tidak dikaitkan dengan nama atau kontak Anda" and no
 * longer "anonim": an answer still carries the day, the officer and the category, which on a
 * quiet day can point to one visit. This keeps the promise that is made true.
 */
describe("the survey invitation's promise", () => {
  it('is what the stored answers allow: no column joins an answer to a visit, a name or a contact', () => {
    const db = openDatabase(join(tempDir(), 'survey-promise.sqlite'));
    const columns = (table: string) =>
      db
        .prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)')
        .all(table)
        .map((c) => c.name);
    for (const table of ['survey_response', 'survey_tally']) {
      expect(columns(table).length).toBeGreaterThan(0);
      expect(
        columns(table).filter((c) => /visit|visitor|name|phone|email|contact/.test(c)),
      ).toEqual([]);
    }
    // That a visit was surveyed is kept apart, and nothing else with it.
    expect(columns('visit_surveyed')).toEqual(['visit_id']);
    db.close();
    expect(translate('id', 'survey.invite')).toContain(
      'Jawaban Anda tidak dikaitkan dengan nama atau kontak Anda.',
    );
    expect(translate('id', 'survey.invite')).not.toMatch(/anonim/i);
  });
});
