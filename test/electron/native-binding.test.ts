import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  chooseNativeBinding,
  electronAddonPath,
  isNativeLoadError,
  useNativeAddon,
} from '../../electron/core/db/native-binding';
import { openDatabase } from '../../electron/core/db/open-database';
import { AppError, startRefusalMessage } from '../../electron/core/errors';
import { tempDir } from '../helpers/temp-core';

const base = {
  appRoot: '/repo',
  platform: 'linux' as const,
  arch: 'x64',
  isPackaged: false,
};

describe('choosing the better-sqlite3 build', () => {
  it("keeps node_modules' own build under plain Node (tests, browser mode)", () => {
    expect(
      chooseNativeBinding({ ...base, electronVersion: undefined, exists: () => true }),
    ).toEqual({ kind: 'default' });
  });

  it('keeps the packaged app on the build electron-builder rebuilt inside it', () => {
    expect(
      chooseNativeBinding({
        ...base,
        electronVersion: '45.5.0',
        isPackaged: true,
        exists: () => false,
      }),
    ).toEqual({ kind: 'default' });
  });

  it("takes the Electron build from its own folder, named by Electron's version, platform and arch", () => {
    const path = '/repo/native/electron/45.5.0-linux-x64/better_sqlite3.node';
    expect(electronAddonPath('/repo', '45.5.0', 'linux', 'x64')).toBe(path);
    const asked: string[] = [];
    expect(
      chooseNativeBinding({
        ...base,
        electronVersion: '45.5.0',
        exists: (p) => (asked.push(p), true),
      }),
    ).toEqual({ kind: 'electron-build', path });
    expect(asked).toEqual([path]);
  });

  it('says the Electron build is missing rather than falling back to Node’s (which dies on the ABI)', () => {
    expect(
      chooseNativeBinding({ ...base, electronVersion: '45.5.0', exists: () => false }),
    ).toEqual({
      kind: 'missing',
      path: '/repo/native/electron/45.5.0-linux-x64/better_sqlite3.node',
    });
  });
});

describe('an unusable native build', () => {
  afterEach(() => useNativeAddon(undefined));

  it('tells a load failure of the addon from a database SQLite refused', () => {
    const dir = tempDir();
    const corrupt = join(dir, 'better_sqlite3.node');
    writeFileSync(corrupt, 'not an ELF or PE file');
    const failure = (open: () => unknown): unknown => {
      try {
        open();
      } catch (err) {
        return err;
      }
      throw new Error('expected the open to fail');
    };
    expect(
      isNativeLoadError(failure(() => new Database(':memory:', { nativeBinding: corrupt }))),
    ).toBe(true);
    expect(
      isNativeLoadError(
        failure(() => new Database(':memory:', { nativeBinding: join(dir, 'none.node') })),
      ),
    ).toBe(true);
    const notSqlite = join(dir, 'notes.sqlite');
    writeFileSync(notSqlite, 'x'.repeat(4096));
    expect(
      isNativeLoadError(failure(() => new Database(notSqlite).prepare('select * from t'))),
    ).toBe(false);
  });

  it('refuses to start with one line saying how to rebuild, not "database damaged" and not a stack', () => {
    const dir = tempDir();
    const corrupt = join(dir, 'better_sqlite3.node');
    writeFileSync(corrupt, 'not an ELF or PE file');
    useNativeAddon(corrupt);
    let error: unknown;
    try {
      openDatabase(join(dir, 'loket.sqlite')).close();
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('NATIVE_BUILD_UNUSABLE');
    for (const locale of ['id', 'en'] as const) {
      const line = startRefusalMessage(error, locale);
      expect(line).toContain(corrupt);
      expect(line).toContain('npm run build:native');
      expect(line).not.toContain('\n');
    }
  });
});
