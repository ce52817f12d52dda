import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-core';

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
