import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  desktopDataDir,
  MACHINE_CONFIG_FILE,
  parseMachineConfig,
  readMachineConfig,
  sharedMachineFolder,
} from '../../electron/main/machine-config';
import { isWritableFolder } from '../../electron/main/writable-folder';
import { tempDir } from '../helpers/temp-core';

describe("the installer's per-machine data folder", () => {
  it('is read from loket-machine.json in the install folder, BOM or not', () => {
    const installDir = tempDir();
    writeFileSync(
      join(installDir, MACHINE_CONFIG_FILE),
      '\uFEFF{"dataDir":"C:\\\\ProgramData\\\\Loket"}',
    );
    expect(readMachineConfig(installDir)).toEqual({ dataDir: 'C:\\ProgramData\\Loket' });
  });

  it('is read as NSIS writes it: UTF-16LE with a byte order mark, any path', () => {
    const installDir = tempDir();
    const json = JSON.stringify({ dataDir: 'D:\\Data Loket\\Kantor Pusat' });
    writeFileSync(
      join(installDir, MACHINE_CONFIG_FILE),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]),
    );
    expect(readMachineConfig(installDir)).toEqual({ dataDir: 'D:\\Data Loket\\Kantor Pusat' });
  });

  it("uses the MSI's shared ProgramData folder only in a packaged Windows app, when it exists", () => {
    const env = { ProgramData: 'C:\\ProgramData' };
    const yes = () => true;
    expect(sharedMachineFolder('win32', env, true, yes)).toBe('C:\\ProgramData\\Loket');
    expect(sharedMachineFolder('win32', env, true, () => false)).toBeUndefined();
    expect(sharedMachineFolder('win32', env, false, yes)).toBeUndefined();
    expect(sharedMachineFolder('linux', env, true, yes)).toBeUndefined();
    expect(sharedMachineFolder('win32', {}, true, yes)).toBeUndefined();
  });

  it('is no choice at all when missing or malformed, never a crash', () => {
    expect(readMachineConfig(tempDir())).toEqual({});
    expect(parseMachineConfig('{"dataDir": 3}')).toEqual({});
    expect(parseMachineConfig('{not json')).toEqual({});
  });

  it('comes after --data-dir / LOKET_DATA_DIR and before the per-user folder', () => {
    const machine = { dataDir: 'C:\\ProgramData\\Loket' };
    expect(desktopDataDir('/flag', machine, 'D:\\Shared', '/user')).toBe('/flag');
    expect(desktopDataDir(undefined, machine, 'D:\\Shared', '/user')).toBe(
      'C:\\ProgramData\\Loket',
    );
    expect(desktopDataDir(undefined, {}, 'D:\\Shared', '/user')).toBe('D:\\Shared');
    expect(desktopDataDir(undefined, {}, undefined, '/user')).toBe('/user');
  });
});

describe('a data folder that cannot be created or written', () => {
  it('is found before the core opens it', () => {
    const dir = tempDir();
    expect(isWritableFolder(join(dir, 'new', 'Loket'))).toBe(true);
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    expect(isWritableFolder(join(file, 'Loket'))).toBe(false);
    mkdirSync(join(dir, 'ok'));
    expect(isWritableFolder(join(dir, 'ok'))).toBe(true);
  });
});
