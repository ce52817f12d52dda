import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/open-database';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { SearchIndexBuilder } from '../../electron/core/db/deferred-builds';
import { SurveyAnswerMove } from '../../electron/core/db/survey-move';
import { COMMENTS_SQL } from '../../electron/core/reports/ikm-report';
import { VisitorSearch } from '../../electron/core/reception/visitors';
import { hashPin } from '../../electron/core/auth/pin-hash';
import { createCore } from '../../electron/core/core';
import { tempDir, testCoreOf } from '../helpers/temp-core';
import { until } from '../helpers/until';

const planOf = (db: Db, sql: string, ...params: unknown[]) =>
  db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...params)
    .map((r) => (r as { detail: string }).detail)
    .join('\n');

describe('migration 21: survey answers with their month only, no officer', () => {
  const file = join(tempDir(), 'm21.sqlite');
  const before = openDatabase(
    file,
    MIGRATIONS.filter((m) => m.version < 21),
  );
  before
    .prepare(
      "INSERT INTO staff (username, full_name, pin_hash, created_at) VALUES ('agus', 'Agus', 'x', 'now')",
    )
    .run();
  const answer = before.prepare(
    `INSERT INTO survey_response (id, service_day, officer_id, category, persyaratan, waktu, comment)
     VALUES (?, ?, 1, 'akun_login', ?, ?, ?)`,
  );
  answer.run(987_654_321, '2026-10-30', 4, 3, 'Cepat sekali');
  answer.run(123_456_789, '2026-11-02', 2, null, null);
  const tally = before.prepare(
    `INSERT INTO survey_tally (service_day, officer_id, category, respondents, persyaratan_sum,
       persyaratan_count) VALUES (?, 1, 'akun_login', 1, ?, 1)`,
  );
  tally.run('2026-10-30', 4);
  tally.run('2026-11-02', 2);
  const talliesBefore = before.prepare('SELECT * FROM survey_tally ORDER BY 1').all();
  before.close();
  const db = openDatabase(file);

  it('keeps every answer under its random id with its month, and drops the day and the officer', () => {
    const columns = db
      .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('survey_response')")
      .all()
      .map((c) => c.name);
    expect(columns).toContain('service_month');
    expect(columns).not.toContain('service_day');
    expect(columns).not.toContain('officer_id');
    expect(
      db
        .prepare(
          'SELECT id, service_month, category, persyaratan, waktu, comment FROM survey_response ORDER BY id',
        )
        .all(),
    ).toEqual([
      {
        id: 123_456_789,
        service_month: '2026-11',
        category: 'akun_login',
        persyaratan: 2,
        waktu: null,
        comment: null,
      },
      {
        id: 987_654_321,
        service_month: '2026-10',
        category: 'akun_login',
        persyaratan: 4,
        waktu: 3,
        comment: 'Cepat sekali',
      },
    ]);
  });

  it('leaves the per-day, per-officer tallies as they were: the figures are kept there', () => {
    expect(db.prepare('SELECT * FROM survey_tally ORDER BY 1').all()).toEqual(talliesBefore);
  });

  it('refuses a month that is not YYYY-MM, and leaves the connection wiping freed pages', () => {
    expect(() =>
      db.prepare("INSERT INTO survey_response (id, service_month) VALUES (5, '2026-11-24')").run(),
    ).toThrow(/CHECK/);
    // openDatabase turns secure_delete on for every connection (migration 15's purges).
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
  });

  it("reads the report's comments from the partial index alone, never the table", () => {
    const plan = planOf(db, COMMENTS_SQL, '2026-01', '2026-12', 500);
    expect(plan).toMatch(/USING COVERING INDEX survey_response_comments/);
    expect(plan).not.toMatch(/TEMP B-TREE|SCAN survey_response\b(?! USING)/);
  });
});

describe('the answers moved after start-up (migration 21)', () => {
  /** A desk at schema 20 with `n` answers on days of 2026, opened at the latest, nothing moved. */
  function upgradedWithAnswers(n: number): Db {
    const file = join(tempDir(), `move-${n}.sqlite`);
    const old = openDatabase(
      file,
      MIGRATIONS.filter((m) => m.version <= 20),
    );
    old
      .prepare(
        "INSERT INTO staff (username, full_name, pin_hash, created_at) VALUES ('agus', 'Agus', 'x', 'now')",
      )
      .run();
    const answer = old.prepare(
      `INSERT INTO survey_response (id, service_day, officer_id, category, persyaratan, comment)
       VALUES (?, ?, 1, 'akun_login', ?, ?)`,
    );
    for (let i = 1; i <= n; i++)
      answer.run(
        i * 1000,
        `2026-${String(1 + (i % 12)).padStart(2, '0')}-1${i % 10}`,
        1 + (i % 4),
        `Saran ${i}`,
      );
    old.close();
    return openDatabase(file, undefined, { buildBudgetMs: 0 });
  }
  const moved = (db: Db) =>
    db
      .prepare('SELECT id, service_month, persyaratan, comment FROM survey_response ORDER BY id')
      .all();
  const left = (db: Db) =>
    (db.prepare('SELECT count(*) AS n FROM survey_response_v20').get() as { n: number }).n;

  it('opens without reading the answers, then moves them in resumable batches, wiping each day', () => {
    const db = upgradedWithAnswers(50);
    expect(moved(db)).toEqual([]);
    expect(left(db)).toBe(50);
    // A clock that passes 100 ms per reading: one answer per batch, one batch per step.
    let clock = 0;
    const move = new SurveyAnswerMove(db, () => (clock += 100), 10);
    expect(move.step(1)).toBe(false);
    expect(left(db)).toBe(49);
    // Restarted: the next mover goes on from the table, nothing moved twice.
    const next = new SurveyAnswerMove(db, () => 0, 10);
    expect(next.step(1_000)).toBe(true);
    expect(next.done()).toBe(true);
    const rows = moved(db) as { id: number; service_month: string; comment: string }[];
    expect(rows).toHaveLength(50);
    expect(rows[0]).toEqual({
      id: 1000,
      service_month: '2026-02',
      persyaratan: 2,
      comment: 'Saran 1',
    });
    expect(
      db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'survey_response_v20'").get(),
    ).toBeUndefined();
    // No answer keeps a day: nothing of the old rows is left to join a visit on.
    expect(JSON.stringify(db.prepare('SELECT * FROM survey_response').all())).not.toMatch(
      /2026-\d\d-\d\d/,
    );
    db.close();
  });

  it('gives an answer another random id when a new answer took its id meanwhile', () => {
    const db = upgradedWithAnswers(3);
    db.prepare(
      "INSERT INTO survey_response (id, service_month, persyaratan) VALUES (2000, '2026-12', 4)",
    ).run();
    new SurveyAnswerMove(
      db,
      () => 0,
      10,
      () => 77,
    ).step(1_000);
    expect(moved(db)).toEqual([
      { id: 77, service_month: '2026-03', persyaratan: 3, comment: 'Saran 2' },
      { id: 1000, service_month: '2026-02', persyaratan: 2, comment: 'Saran 1' },
      { id: 2000, service_month: '2026-12', persyaratan: 4, comment: null },
      { id: 3000, service_month: '2026-04', persyaratan: 4, comment: 'Saran 3' },
    ]);
    db.close();
  });

  it('is done at open on a small desk', () => {
    const small = upgradedWithAnswers(5);
    small.close();
    const reopened = openDatabase(small.name);
    expect(new SurveyAnswerMove(reopened).done()).toBe(true);
    expect(moved(reopened)).toHaveLength(5);
    reopened.close();
  });

  it('is finished by the started core when opening left it to after start-up', async () => {
    const db = upgradedWithAnswers(30);
    db.close();
    const dataDir = tempDir();
    copyFileSync(db.name, join(dataDir, 'loket.sqlite'));
    const core = createCore({ dataDir, logError: () => {}, buildAtOpenMs: 0 });
    try {
      expect(moved(core.db)).toEqual([]);
      core.start();
      await until(
        async () => moved(core.db).length,
        (n) => n === 30,
      );
    } finally {
      await core.stop();
    }
  }, 30_000);
});

/** A desk at schema 12 with visitors and visits, as before the upgrade. */
function deskAtV12(visitors: number): string {
  const file = join(tempDir(), 'v12.sqlite');
  const db = openDatabase(
    file,
    MIGRATIONS.filter((m) => m.version <= 12),
  );
  db.prepare(
    "INSERT INTO staff (username, full_name, pin_hash, created_at) VALUES ('a', 'A', 'x', 'now')",
  ).run();
  const insertVisitor = db.prepare<{
    name: string;
    phone: string;
    inst: string | null;
    at: string;
  }>(
    `INSERT INTO visitor (full_name, phone, institution, created_at, updated_at)
     VALUES (@name, @phone, @inst, @at, @at)`,
  );
  const visitor = (name: string, phone: string, inst: string | null, at: string) =>
    insertVisitor.run({ name, phone, inst, at });
  const insertVisit = db.prepare<{ id: number; day: string; no: number }>(
    `INSERT INTO visit (visitor_id, service_day, queue_no, purpose, checked_in_by, checked_in_at,
       consent_version, consent_at, full_name, phone, status)
     SELECT @id, @day, @no, 'Konsultasi', 1, @day || 'T02:00:00Z', 'v1', @day || 'T02:00:00Z',
            full_name, phone, 'done' FROM visitor WHERE id = @id`,
  );
  const visit = (id: number, day: string, no: number) => insertVisit.run({ id, day, no });
  for (let i = 1; i <= visitors; i++) {
    const day = `2025-01-${String(1 + (i % 28)).padStart(2, '0')}`;
    visitor(
      i % 7 === 0 ? `Siti Aminah ${i}` : `Budi Santoso ${i}`,
      `+62812${String(i).padStart(7, '0')}`,
      i % 5 === 0 ? 'PT Abadi Jaya' : null,
      `${day}T02:00:00Z`,
    );
  }
  for (let i = 1; i <= visitors; i++) visit(i, '2025-02-01', i);
  // Visitor 2 comes back last of all: the most recent visitor of the desk.
  visit(2, '2025-03-01', 1);
  db.prepare(
    "UPDATE visitor SET full_name = '(dianonimkan)', anonymised_at = 'x' WHERE id = 9",
  ).run();
  db.close();
  return file;
}

const ids = (search: VisitorSearch, q: string) => search.find(q).map((s) => s.visitorId);

describe('the search index built after start-up (migrations 13 and 21)', () => {
  it('opens without building it, answers from the old index meanwhile, and the same after', () => {
    const file = deskAtV12(40);
    const db = openDatabase(file, MIGRATIONS, { buildBudgetMs: 0 });
    const builder = new SearchIndexBuilder(db, () => 0, { visitsPerRead: 5, visitorIdRange: 5 });
    const search = new VisitorSearch(db);
    expect(builder.pending()).toBe(true);
    expect(db.prepare('SELECT count(*) AS n FROM visitor_recency').get()).toEqual({ n: 0 });

    const before = ids(search, 'siti aminah');
    expect(before).toHaveLength(5);
    expect(before.every((id) => id % 7 === 0)).toBe(true);
    expect(ids(search, '08120000002')).toEqual([2]);
    expect(ids(search, 'budi santoso')).not.toContain(9); // anonymised
    // A visitor written during the build is found at once.
    db.prepare(
      "INSERT INTO visitor (full_name, phone, created_at, updated_at) VALUES ('Siti Nurhaliza', '+6281399', 'now', 'now')",
    ).run();
    expect(ids(search, 'nurhaliza')).toEqual([41]);

    // Part of the way: still the old index, still everything.
    let clock = 0;
    const partial = new SearchIndexBuilder(db, () => (clock += 100), {
      visitsPerRead: 5,
      visitorIdRange: 5,
    });
    expect(partial.step(1)).toBe(false);
    expect(partial.pending()).toBe(true);
    const built = db.prepare('SELECT count(*) AS n FROM visitor_recency').pluck();
    expect(built.get()).toBeGreaterThan(0);
    expect(built.get()).toBeLessThan(30);
    expect(ids(search, 'nurhaliza')).toEqual([41]);
    expect(ids(search, 'siti aminah').sort()).toEqual([...before].sort());

    while (!partial.step(1));
    expect(partial.pending()).toBe(false);
    expect(partial.done()).toBe(true);
    expect(
      db.prepare("SELECT name FROM sqlite_schema WHERE name LIKE 'visitor_search_v12%'").all(),
    ).toEqual([]);
    // Every live visitor once, the anonymised one not at all.
    expect(built.get()).toBe(40);
    expect(db.prepare('SELECT visitor_id FROM visitor_recency WHERE visitor_id = 9').get()).toBe(
      undefined,
    );
    expect(ids(search, 'siti aminah').sort()).toEqual([...before].sort());
    expect(ids(search, 'nurhaliza')).toEqual([41]);
    // The new index: the most recent visitor first, institutions found.
    expect(ids(search, 'budi')[0]).toBe(2); // visitor 2 came back last
    expect(ids(search, 'pt abadi')).toHaveLength(8);
    db.close();
  });

  it('goes on where it stopped after a restart, indexing each visitor once', () => {
    const file = deskAtV12(30);
    let db = openDatabase(file, MIGRATIONS, { buildBudgetMs: 0 });
    let clock = 0;
    const sizes = { visitsPerRead: 4, visitorIdRange: 4 };
    new SearchIndexBuilder(db, () => (clock += 100), sizes).step(1);
    new SearchIndexBuilder(db, () => (clock += 100), sizes).step(1);
    db.close();
    db = openDatabase(file, MIGRATIONS, { buildBudgetMs: 0 });
    const builder = new SearchIndexBuilder(db, () => (clock += 100), sizes);
    expect(builder.pending()).toBe(true);
    while (!builder.step(1));
    expect(
      db.prepare('SELECT count(*) AS n, count(DISTINCT seq) AS seqs FROM visitor_recency').get(),
    ).toEqual({
      n: 29,
      seqs: 29,
    });
    expect(
      db
        .prepare("SELECT count(*) AS n FROM visitor_search WHERE visitor_search MATCH 'budi'")
        .get(),
    ).toEqual({ n: 25 });
    db.close();
  });

  it('finishes at open on a small desk, and a new database has nothing to build', () => {
    const db = openDatabase(deskAtV12(10));
    expect(new SearchIndexBuilder(db).done()).toBe(true);
    expect(db.prepare('SELECT count(*) AS n FROM visitor_recency').get()).toEqual({ n: 9 });
    db.close();
    const fresh = openDatabase(join(tempDir(), 'new.sqlite'));
    expect(new SearchIndexBuilder(fresh).done()).toBe(true);
    fresh.close();
  });
});

describe('a desk upgraded from schema 12, as the host starts it', () => {
  it('answers searches at once from the old index, builds the new one after start(), same answers', async () => {
    const dataDir = tempDir();
    mkdirSync(dataDir, { recursive: true });
    copyFileSync(deskAtV12(40), join(dataDir, 'loket.sqlite'));
    const core = createCore({ dataDir, logError: () => {}, buildAtOpenMs: 0 });
    try {
      core.db
        .prepare("UPDATE staff SET pin_hash = ?, username = 'resepsionis' WHERE id = 1")
        .run(await hashPin('135790'));
      core.db.prepare("INSERT INTO staff_role (staff_id, role) VALUES (1, 'receptionist')").run();
      const t = testCoreOf(core, dataDir);
      t.token = (
        await t.must('auth.login', { username: 'resepsionis', pin: '135790' })
      ).sessionToken;
      const search = async (query: string) =>
        (await t.must('visitor.search', { query })).map((v) => v.visitorId).sort((a, b) => a - b);
      const built = () =>
        core.db
          .prepare("SELECT done_at FROM deferred_build WHERE name = 'visitor_search'")
          .pluck()
          .get();
      expect(built()).toBe(null);
      const before = await search('siti aminah');
      expect(before).toEqual([7, 14, 21, 28, 35]);
      core.start();
      await until(
        async () => built(),
        (d) => d !== null,
      );
      expect(await search('siti aminah')).toEqual(before);
      expect(await search('pt abadi')).toHaveLength(8); // institutions: the new index only
    } finally {
      await core.stop();
    }
  }, 30_000);
});

describe('migrations on tables that grow with history', () => {
  // ALTER TABLE ADD COLUMN on a STRICT table reads every row to check it (SQLite's
  // pragma_quick_check of the table): seconds at 1M visitors, with the desk waiting at start-up.
  // New attributes of these tables go into side tables keyed by the row's id (bench/README.md).
  // Migrations up to 20 were shipped with such columns and are never rewritten: a desk that
  // upgrades from before 15 pays those checks once (bench/README.md, open-large.ts).
  const GROWING = [
    'visitor',
    'visit',
    'visit_event',
    'audit',
    'survey_response',
    'outbox',
    'problem_case',
    'case_note',
  ];
  const LAST_SHIPPED_WITH_COLUMNS = 20;
  it('adds no column to them after the shipped migrations', () => {
    const offending = MIGRATIONS.filter((m) => m.version > LAST_SHIPPED_WITH_COLUMNS).flatMap((m) =>
      [...m.sql.matchAll(/ALTER\s+TABLE\s+(\w+)\s+ADD\s+(?:COLUMN\s+)?(\w+)/gi)]
        .filter((x) => GROWING.includes(x[1]!.toLowerCase()))
        .map((x) => `${m.version}: ${x[1]}.${x[2]}`),
    );
    expect(offending).toEqual([]);
  });
});
