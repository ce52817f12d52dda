import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentNotice } from '../../shared/domain/privacy-notice';
import { damageLeafPageOf } from '../helpers/damage';
import { startWithAdmin, tempDir } from '../helpers/temp-core';
import { until } from '../helpers/until';

const root = join(import.meta.dirname, '..', '..');

describe('npm start without the Electron binary', () => {
  it('says so in one line and starts browser mode on loopback, printing the URL', async () => {
    const dataDir = tempDir();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/start.ts', '--port', '0', '--data-dir', dataDir],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
        // As without internet, also where CI has it: npm start would fetch Electron's binary.
        env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/' },
      },
    );
    const out = await new Promise<string>((resolve, reject) => {
      let text = '';
      const timer = setTimeout(() => reject(new Error(`no ready line:\n${text}`)), 20_000);
      child.stdout.on('data', (c: Buffer) => {
        text += c.toString();
        if (text.includes('Data: ')) {
          clearTimeout(timer);
          resolve(text);
        }
      });
    });
    child.kill('SIGTERM');
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/^Electron tidak tersedia di mesin ini .*mode peramban/);
    expect(lines[1]).toMatch(/^Loket siap \/ ready: http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
    expect(lines[2]).toBe(`Data: ${dataDir}`);
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(0);
  }, 30_000);
});

function startHost(dataDir: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/start.ts', '--browser', '--port', '0', '--data-dir', dataDir],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', r));
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe('npm start on a data folder it must not use', () => {
  it('refuses a second Loket on the same folder, naming the running one', async () => {
    const dataDir = tempDir();
    const first = startHost(dataDir);
    await until(
      async () => first.out(),
      (o) => o.includes('Data: '),
      { tries: 400 },
    );
    const second = startHost(dataDir);
    expect(await second.exited).toBe(1);
    expect(second.err()).toContain(`Folder data ${dataDir} sedang dipakai oleh Loket lain`);
    expect(second.err()).toContain(`(mode peramban, PID ${first.child.pid}`);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  }, 60_000);

  it('refuses a damaged database, naming the file and what to do', async () => {
    const t = await startWithAdmin();
    for (let i = 0; i < 150; i++) {
      await t.must('visit.checkIn', {
        fullName: `Pengunjung Uji ${i}`,
        phone: `0812${String(i).padStart(8, '0')}`,
        purpose: 'Konsultasi SPSE dengan keterangan yang cukup panjang',
        noticeVersion: currentNotice().version,
        noticeDelivery: 'read_out' as const,
      });
    }
    t.close();
    const file = join(t.dataDir, 'loket.sqlite');
    damageLeafPageOf(file, 'visit');
    const host = startHost(t.dataDir);
    expect(await host.exited).toBe(1);
    expect(host.err()).toContain(`Berkas basis data ${file} rusak`);
    expect(host.err()).toContain('Pulihkan berkas itu dari cadangan terakhir');
    expect(host.out()).not.toContain('siap');
  }, 60_000);
});
