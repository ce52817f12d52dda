import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Flips the first 16 bytes (the b-tree page header) of a leaf page in the middle of `table`, on
 * disk, as a failing sector or a bad copy would: the file still opens, the damage shows only
 * when that page is read. Checkpoint first when a connection is open, so the page is in the file.
 */
export function damageLeafPageOf(file: string, table: string): number {
  const db = new Database(file, { readonly: true });
  const pages = db
    .prepare<[string], number>(
      "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
    )
    .pluck()
    .all(table);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  if (pages.length < 3) throw new Error(`${table} has only ${pages.length} leaf pages`);
  const page = pages[Math.floor(pages.length / 2)]!;
  const at = (page - 1) * pageSize;
  const fd = openSync(file, 'r+');
  try {
    const bytes = Buffer.alloc(16);
    readSync(fd, bytes, 0, bytes.length, at);
    for (let i = 0; i < bytes.length; i++) bytes[i] = bytes[i]! ^ 0xff;
    writeSync(fd, bytes, 0, bytes.length, at);
  } finally {
    closeSync(fd);
  }
  return page;
}
