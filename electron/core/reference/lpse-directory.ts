import { lpseKey, lpseWords, type LpseEntry, type UnlistedLpse } from '../../../shared/domain/lpse';
import type { Statement } from 'better-sqlite3';
import type { AuditLog } from '../audit';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';

/** How many LPSEs the combobox lists at a time. */
export const LPSE_SEARCH_LIMIT = 12;
/** Words of a query that count; the rest of a long query does not narrow it further. */
const MAX_QUERY_WORDS = 4;

interface LpseRow {
  id: number;
  name: string;
  spse_path: string | null;
  active: number;
}

/**
 * The search as the receptionist types: every word of the query is a prefix of some word of the
 * LPSE (its name or its path), each looked up as a range on lpse_word's key.
 */
export function lpseSearchSql(words: number): string {
  const conditions = Array.from(
    { length: words },
    () => 'AND l.id IN (SELECT lpse_id FROM lpse_word WHERE word >= ? AND word < ?)',
  );
  return `SELECT l.id, l.name, l.spse_path, l.active FROM lpse l
    WHERE l.active = 1 ${conditions.join(' ')}
    ORDER BY l.name LIMIT ${LPSE_SEARCH_LIMIT}`;
}

/** The LPSE directory the administrator keeps; visitors' and cases' LPSEs point into it. */
export class LpseDirectory {
  private readonly q;
  private readonly searches = new Map<number, Statement<string[], LpseRow>>();

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {
    this.q = {
      all: db.prepare<[], LpseRow>('SELECT id, name, spse_path, active FROM lpse ORDER BY name'),
      one: db.prepare<[number], LpseRow>(
        'SELECT id, name, spse_path, active FROM lpse WHERE id = ?',
      ),
      byKey: db.prepare<[string], { id: number }>('SELECT id FROM lpse WHERE name_key = ?'),
      byPath: db.prepare<[string], { id: number }>('SELECT id FROM lpse WHERE spse_path = ?'),
      insert: db.prepare<[string, string, string | null, number, string, string]>(
        `INSERT INTO lpse (name, name_key, spse_path, active, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      update: db.prepare<[string, string, string | null, number, string, number]>(
        `UPDATE lpse SET name = ?, name_key = ?, spse_path = ?, active = ?, updated_at = ?
          WHERE id = ?`,
      ),
      dropWords: db.prepare<[number]>('DELETE FROM lpse_word WHERE lpse_id = ?'),
      addWord: db.prepare<[string, number]>(
        'INSERT OR IGNORE INTO lpse_word (word, lpse_id) VALUES (?, ?)',
      ),
      // Rewriting the name makes the schema's triggers match it against the directory again.
      relistVisitors: db.prepare<[string]>(
        `UPDATE visitor SET lpse = lpse
          WHERE lpse_id IS NULL AND lpse IS NOT NULL AND loket_lpse_key(lpse) = ?`,
      ),
      relistVisits: db.prepare<[string]>(
        `UPDATE visit SET lpse = lpse
          WHERE lpse_id IS NULL AND lpse IS NOT NULL AND loket_lpse_key(lpse) = ?`,
      ),
      relistCases: db.prepare<[string]>(
        `UPDATE problem_case SET lpse = lpse
          WHERE lpse_id IS NULL AND lpse IS NOT NULL AND loket_lpse_key(lpse) = ?`,
      ),
      renameForVisitors: db.prepare<[string, number]>(
        'UPDATE visitor SET lpse = ? WHERE lpse_id = ? AND anonymised_at IS NULL',
      ),
      unlisted: db.prepare<[], { text: string; uses: number }>(
        `SELECT text, sum(n) AS uses FROM (
           SELECT lpse AS text, count(*) AS n FROM visitor
            WHERE lpse_id IS NULL AND lpse IS NOT NULL GROUP BY lpse
           UNION ALL
           SELECT lpse AS text, count(*) AS n FROM problem_case
            WHERE lpse_id IS NULL AND lpse IS NOT NULL GROUP BY lpse)
         GROUP BY text ORDER BY uses DESC, text`,
      ),
    };
  }

  /** Active LPSEs whose words start with the query's words, A–Z; the first ones for no query. */
  search(query: string): LpseEntry[] {
    const words = [...new Set(lpseWords(query))].slice(0, MAX_QUERY_WORDS);
    let statement = this.searches.get(words.length);
    if (!statement) {
      statement = this.db.prepare<string[], LpseRow>(lpseSearchSql(words.length));
      this.searches.set(words.length, statement);
    }
    const params = words.flatMap((w) => [w, `${w}\uffff`]);
    return statement.all(...params).map(toEntry);
  }

  list(): LpseEntry[] {
    return this.q.all.all().map(toEntry);
  }

  unlisted(): UnlistedLpse[] {
    return this.q.unlisted.all();
  }

  /**
   * Adds or changes an LPSE. The names typed by hand that it matches ("kab dompu" for
   * "Kabupaten Dompu") are mapped to it at once and leave the administrator's list.
   */
  save(
    actorId: number,
    input: { id?: number | undefined; name: string; spsePath: string; active: boolean },
  ): LpseEntry {
    return this.db
      .transaction(() => {
        const key = lpseKey(input.name);
        const path = input.spsePath === '' ? null : input.spsePath;
        const sameName = this.q.byKey.get(key);
        if (sameName && sameName.id !== input.id) {
          throw new AppError('VALIDATION', { fields: { name: 'validation.lpseTaken' } });
        }
        const samePath = path === null ? undefined : this.q.byPath.get(path);
        if (samePath && samePath.id !== input.id) {
          throw new AppError('VALIDATION', { fields: { spsePath: 'validation.spsePathTaken' } });
        }
        const at = this.now().toISOString();
        let id: number;
        if (input.id === undefined) {
          id = Number(
            this.q.insert.run(input.name, key, path, input.active ? 1 : 0, at, at).lastInsertRowid,
          );
        } else {
          const before = this.q.one.get(input.id);
          if (!before) throw new AppError('NOT_FOUND');
          id = before.id;
          this.q.update.run(input.name, key, path, input.active ? 1 : 0, at, id);
          if (before.name !== input.name) this.q.renameForVisitors.run(input.name, id);
        }
        this.q.dropWords.run(id);
        for (const word of new Set(lpseWords(`${input.name} ${path ?? ''}`))) {
          this.q.addWord.run(word, id);
        }
        this.q.relistVisitors.run(key);
        this.q.relistVisits.run(key);
        this.q.relistCases.run(key);
        this.audit.record({
          actorId,
          action: input.id === undefined ? 'lpse.create' : 'lpse.update',
          entity: 'lpse',
          entityId: id,
          detail: { name: input.name, spsePath: path, active: input.active },
        });
        return toEntry(this.q.one.get(id)!);
      })
      .immediate();
  }
}

function toEntry(r: LpseRow): LpseEntry {
  return { id: r.id, name: r.name, spsePath: r.spse_path, active: r.active === 1 };
}
