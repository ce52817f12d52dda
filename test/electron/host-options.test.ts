import { describe, expect, it } from 'vitest';
import { HostOptionsError, parseHostOptions } from '../../electron/host-options';

describe('the flags both hosts take', () => {
  it('reads every option the README lists, as --flag VALUE and --flag=VALUE', () => {
    expect(
      parseHostOptions(
        [
          '--data-dir',
          '/d',
          '--port=8080',
          '--host',
          '0.0.0.0',
          '--scan-folder=/scans',
          '--survey-idle-seconds',
          '2',
          '--browser',
          '--kiosk',
        ],
        {},
      ),
    ).toEqual({
      browser: true,
      kiosk: true,
      dataDir: '/d',
      host: '0.0.0.0',
      port: 8080,
      scanFolder: '/scans',
      surveyIdleSeconds: 2,
      station: false,
    });
  });

  it('reads the hub and station switches, and refuses --hub without its LAN address', () => {
    expect(
      parseHostOptions(['--hub', '--lan-host', '10.0.0.5', '--lan-port=47470'], {}),
    ).toMatchObject({ hub: { host: '10.0.0.5', port: 47470 }, station: false });
    expect(parseHostOptions(['--station'], {})).toMatchObject({ station: true });
    expect(() => parseHostOptions(['--hub', '--lan-port', '1'], {})).toThrow(/--lan-host/);
  });

  it('gives defaults with no flags: loopback, no forced folder, no kiosk', () => {
    expect(parseHostOptions([], {})).toEqual({
      browser: false,
      kiosk: false,
      host: '127.0.0.1',
      station: false,
    });
  });

  it('takes the environment variables, and a flag wins over its variable', () => {
    const env = {
      LOKET_DATA_DIR: '/env-data',
      LOKET_SCAN_FOLDER: '/env-scans',
      LOKET_SURVEY_IDLE_SECONDS: '90',
    };
    expect(parseHostOptions([], env)).toMatchObject({
      dataDir: '/env-data',
      scanFolder: '/env-scans',
      surveyIdleSeconds: 90,
    });
    expect(parseHostOptions(['--data-dir=/flag', '--scan-folder', '/s'], env)).toMatchObject({
      dataDir: '/flag',
      scanFolder: '/s',
    });
  });

  it('treats an empty variable as unset', () => {
    expect(parseHostOptions([], { LOKET_DATA_DIR: '', LOKET_SCAN_FOLDER: '' })).toEqual({
      browser: false,
      kiosk: false,
      host: '127.0.0.1',
      station: false,
    });
  });

  it("leaves Electron's and Chromium's own switches alone (the desktop argv carries them)", () => {
    const argv = ['/opt/Loket/loket', '.', '--no-sandbox', '--enable-logging', '--data-dir=/x'];
    expect(parseHostOptions(argv, {})).toMatchObject({ dataDir: '/x', browser: false });
  });

  it('refuses a bad value in one line naming the flag, not a stack of zod issues', () => {
    for (const [argv, flag] of [
      [['--port', 'abc'], '--port'],
      [['--port=70000'], '--port'],
      [['--survey-idle-seconds', '0'], '--survey-idle-seconds'],
      [['--data-dir'], '--data-dir'],
      [['--scan-folder', '--browser'], '--scan-folder'],
    ] as const) {
      let error: unknown;
      try {
        parseHostOptions(argv, {});
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(HostOptionsError);
      expect((error as HostOptionsError).flag).toBe(flag);
      expect((error as HostOptionsError).message).not.toContain('\n');
    }
  });
});
