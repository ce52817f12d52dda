import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../errors';
import { limitLogSize } from './log-size';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';
import { isNativeLoadError, nativeBindingOption } from './native-binding';
import { registerSqlFunctions } from './sql-functions';
import { afterStartUpWork } from './after-start-up';
import { OPEN_BUILD_BUDGET_MS } from './deferred-builds';

export type Db = Database.Database;

const SQLITE_HEADER = 'SQLite format 3\u0000';
/**
 * Up to this size every page is checked before the database is used (well under 100 ms). A
 * larger file took 40 s at 1.3 GB: it is checked after start-up, off the serving thread
 * (integrity-check.ts), and the core turns read-only if the check finds damage.
 */
export const CHECK_AT_OPEN_MAX_BYTES = 64 * 1024 * 1024;

export interface OpenOptions {
  /** Files above this size are not checked page by page here (default CHECK_AT_OPEN_MAX_BYTES). */
  checkAtOpenMaxBytes?: number;
  /** What opening spends on a pending deferred build (default OPEN_BUILD_BUDGET_MS). */
  buildBudgetMs?: number;
}

/** Whether opening this file checks every page, or leaves that to the background check. */
export function checkedAtOpen(file: string, options: OpenOptions = {}): boolean {
  const max = options.checkAtOpenMaxBytes ?? CHECK_AT_OPEN_MAX_BYTES;
  return !existsSync(file) || statSync(file).size <= max;
}

function hasSqliteHeader(file: string): boolean {
  if (statSync(file).size === 0) return true; // an empty file is a new database
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const read = readSync(fd, buf, 0, 16, 0);
    return read === 16 && buf.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens (or creates) the Loket database and brings its schema up to date.
 * A file that is not SQLite, is damaged, or was written by a newer Loket is refused before
 * anything is written to it.
 */
export function openDatabase(
  file: string,
  migrations: readonly Migration[] = MIGRATIONS,
  options: OpenOptions = {},
): Db {
  const corrupt = () => new AppError('DB_CORRUPT', {}, { file });
  if (existsSync(file) && !hasSqliteHeader(file)) throw corrupt();
  const checkNow = checkedAtOpen(file, options);
  let db: Db;
  try {
    db = new Database(file, nativeBindingOption());
  } catch (err) {
    // A missing or wrong-ABI addon is not a damaged database: say how to rebuild it.
    if (isNativeLoadError(err)) {
      throw new AppError(
        'NATIVE_BUILD_UNUSABLE',
        {},
        { path: nativeBindingOption().nativeBinding ?? 'better-sqlite3' },
      );
    }
    throw corrupt();
  }
  try {
    const version = readVersion(db, corrupt);
    // A damaged page deep in a table is found only when read: look at every page now, before
    // the host says "ready" and check-ins are written into a damaged file (a large file: soon
    // after, in the background).
    if (checkNow && !quickCheckPasses(db)) throw corrupt();
    const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
    if (version > latest) throw new AppError('DB_NEWER_VERSION');
    db.pragma('journal_mode = WAL');
    // FULL: a check-in the receptionist saw succeed is on disk even if the power goes.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    limitLogSize(db);
    // Deleted and overwritten content is zeroed, so purged personal data leaves the file
    // (privacy/freed-pages.ts; the cost is in bench/README.md).
    db.pragma('secure_delete = ON');
    registerSqlFunctions(db);
    applyMigrations(db, version, migrations);
    // A small desk's deferred work ends here; a large one's goes on after start-up.
    const work = afterStartUpWork(db);
    const budget = options.buildBudgetMs ?? OPEN_BUILD_BUDGET_MS;
    if (budget > 0 && !work.done()) work.step(budget);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function readVersion(db: Db, corrupt: () => AppError): number {
  try {
    // Reading the schema forces SQLite to parse page 1: a damaged file fails here, read-only.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return db.pragma('user_version', { simple: true }) as number;
  } catch {
    throw corrupt();
  }
}

function quickCheckPasses(db: Db): boolean {
  try {
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    return rows.length === 1 && rows[0]?.quick_check === 'ok';
  } catch {
    return false;
  }
}

function applyMigrations(db: Db, from: number, migrations: readonly Migration[]): void {
  const pending = migrations.filter((m) => m.version > from).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return;
  const last = pending[pending.length - 1]!;
  // A migration that wipes what it frees (secure_delete) does so for itself only.
  const secureDelete = db.pragma('secure_delete', { simple: true }) as number;
  try {
    db.transaction(() => {
      for (const m of pending) db.exec(m.sql);
      db.pragma(`user_version = ${last.version}`);
    }).immediate();
  } finally {
    db.pragma(`secure_delete = ${secureDelete}`);
  }
}

export { LATEST_SCHEMA_VERSION };
