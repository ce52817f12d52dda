import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderWatch } from '../../../electron/core/attachments/folder-watch';
import { tempDir } from '../../helpers/temp-core';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(50);
  }
}

let watcher: FolderWatch | undefined;
afterEach(async () => {
  await watcher?.close();
  watcher = undefined;
});

describe('scan to folder', () => {
  it('offers a new file once, and not the files that were there before', async () => {
    const dir = tempDir('loket-scans-');
    writeFileSync(join(dir, 'kemarin.pdf'), '%PDF-1.4 old');
    watcher = new FolderWatch(dir, 300);
    await watcher.start();
    writeFileSync(join(dir, 'scan-0001.pdf'), '%PDF-1.4 new scan');
    await until(() => watcher!.list().length === 1);
    await sleep(500);
    expect(watcher.list().map((o) => [o.name, o.size])).toEqual([['scan-0001.pdf', 17]]);
  });

  it('does not offer a file while it is still being written', async () => {
    const dir = tempDir('loket-scans-');
    watcher = new FolderWatch(dir, 600);
    await watcher.start();
    const file = join(dir, 'scan-0002.pdf');
    writeFileSync(file, '%PDF-1.4 first half ');
    for (let i = 0; i < 5; i++) {
      await sleep(200); // less than the stability threshold each time
      appendFileSync(file, 'more bytes from the scanner ');
      expect(watcher.list()).toEqual([]);
    }
    await until(() => watcher!.list().length === 1);
    expect(watcher.list()[0]?.size).toBe(20 + 5 * 28);
  });

  it('ignores temporary and hidden names, and forgets a file that goes away', async () => {
    const dir = tempDir('loket-scans-');
    watcher = new FolderWatch(dir, 200);
    await watcher.start();
    writeFileSync(join(dir, 'scan.pdf.part'), 'x');
    writeFileSync(join(dir, '.hidden.pdf'), 'x');
    writeFileSync(join(dir, '~$lock.pdf'), 'x');
    writeFileSync(join(dir, 'ok.png'), 'x');
    await until(() => watcher!.list().length === 1);
    await sleep(400);
    expect(watcher.list().map((o) => o.name)).toEqual(['ok.png']);
    const offer = watcher.list()[0]!;
    watcher.take(offer.id);
    expect(watcher.get(offer.id)).toBeUndefined();
  });
});
