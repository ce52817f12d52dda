import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeStationConfig } from '../../electron/station/station-config';
import { pairWithHub } from '../../electron/station/station-pairing';
import { tempDir } from '../helpers/temp-core';
import { FakeHub, makeHubKey, type HubKey } from './fake-hub';

const root = join(import.meta.dirname, '..', '..');
let key: HubKey;
const cleanups: (() => Promise<void>)[] = [];
beforeAll(async () => {
  key = await makeHubKey();
}, 60_000);
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function start(args: string[]) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/start.ts', '--browser', ...args],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', r));
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready:\n${out}\n${err}`)), 30_000);
    child.stdout.on('data', () => {
      if (out.includes('Data: ')) {
        clearTimeout(timer);
        resolve(out);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`exited:\n${out}\n${err}`));
    });
  });
  ready.catch(() => {});
  return { child, exited, ready, err: () => err };
}

describe('npm start on a station data folder', () => {
  it('runs as a station of the hub named in station.json, with no flag', async () => {
    const hub = await new FakeHub(key).start();
    cleanups.push(() => hub.stop());
    const dataDir = tempDir();
    const config = await pairWithHub(hub.address, key.fingerprint, 'ABCD2345', 'Layar survei');
    writeStationConfig(dataDir, { ...config, kind: 'survey' });
    const loket = start(['--port', '0', '--data-dir', dataDir]);
    const out = await loket.ready;
    expect(out).toContain('Stasiun "Layar survei" terhubung ke hub Hub PTSP Uji');
    // A survey station opens the visitor's screen, not the staff login.
    expect(out).toMatch(/ready: http:\/\/127\.0\.0\.1:\d+\/survey#token=[\w-]{20,}/);
    loket.child.kill('SIGTERM');
    expect(await loket.exited).toBe(0);
  }, 60_000);

  it('refuses --hub without the LAN address to listen on', async () => {
    const loket = start(['--hub', '--port', '0', '--data-dir', tempDir()]);
    expect(await loket.exited).toBe(1);
    expect(loket.err()).toContain('--hub needs --lan-host');
  }, 60_000);
});
