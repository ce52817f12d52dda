import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  desktopDataDir,
  MACHINE_CONFIG_FILE,
  parseMachineConfig,
  readMachineConfig,
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

  it('is no choice at all when missing or malformed, never a crash', () => {
    expect(readMachineConfig(tempDir())).toEqual({});
    expect(parseMachineConfig('{"dataDir": 3}')).toEqual({});
    expect(parseMachineConfig('{not json')).toEqual({});
  });

  it('comes after --data-dir / LOKET_DATA_DIR and before the per-user folder', () => {
    const machine = { dataDir: 'C:\\ProgramData\\Loket' };
    expect(desktopDataDir('/flag', machine, '/user')).toBe('/flag');
    expect(desktopDataDir(undefined, machine, '/user')).toBe('C:\\ProgramData\\Loket');
    expect(desktopDataDir(undefined, {}, '/user')).toBe('/user');
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
