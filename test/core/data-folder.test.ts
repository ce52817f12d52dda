import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-database';
import { startBrowserMode, type BrowserMode } from '../../electron/server/browser-mode';
import { escalateCase } from '../helpers/escalate';
import { ADMIN, tempDir, testCoreOf } from '../helpers/temp-core';

let mode: BrowserMode | undefined;
afterEach(async () => {
  await mode?.stop();
  mode = undefined;
});

/** Every file and folder under `dir` (the folder included) with its permission bits. */
function modes(dir: string): Map<string, number> {
  const found = new Map<string, number>();
  const walk = (path: string) => {
    const s = lstatSync(path);
    found.set(path.slice(dir.length) || '/', s.mode & 0o777);
    if (s.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(dir);
  return found;
}

async function pdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]).drawText('NIB', { x: 10, y: 100, size: 10 });
  return doc.save();
}

describe('the data folder', () => {
  it('is private to the user: folders 0700, the database, its WAL, documents, uploads and the secret 0600', async () => {
    // Left by an older Loket under the usual umask 022: a world-readable folder and database.
    process.umask(0o022);
    const dataDir = join(tempDir(), 'Loket');
    mkdirSync(join(dataDir, 'attachments', 'ab'), { recursive: true });
    openDatabase(join(dataDir, 'loket.sqlite')).close();
    writeFileSync(join(dataDir, 'attachments', 'ab', 'old-document'), 'x');
    chmodSync(dataDir, 0o755);
    expect(statSync(join(dataDir, 'loket.sqlite')).mode & 0o777).toBe(0o644);

    mode = await startBrowserMode({ dataDir, rendererDir: dataDir });
    const t = testCoreOf(mode.core, dataDir);
    await t.must('setup.createFirstAdmin', ADMIN);
    t.token = (
      await t.must('auth.login', { username: ADMIN.username, pin: ADMIN.pin })
    ).sessionToken;
    await t.must('helpdesk.saveSettings', {
      kind: 'json',
      url: 'https://helpdesk.lkpp.go.id/loket/v1',
      secret: 'token-rahasia',
    });
    await escalateCase(t, { documents: [{ name: 'NIB.pdf', bytes: Buffer.from(await pdf()) }] });
    await mode.core.stageUpload(t.token, await pdf()); // staged, not attached yet

    const found = modes(dataDir);
    for (const name of ['/loket.sqlite', '/loket.sqlite-wal', '/secrets/helpdesk'])
      expect(found.has(name), name).toBe(true);
    expect([...found.keys()].some((p) => p.startsWith('/uploads/'))).toBe(true);
    expect([...found.keys()].filter((p) => p.startsWith('/attachments/')).length).toBeGreaterThan(
      3,
    );
    const open = [...found].filter(([path, m]) => {
      const isDir = lstatSync(join(dataDir, path)).isDirectory();
      return m !== (isDir ? 0o700 : 0o600);
    });
    expect(open.map(([path, m]) => `${path} ${m.toString(8)}`)).toEqual([]);
  });
});
