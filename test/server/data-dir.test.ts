import { describe, expect, it } from 'vitest';
import { chooseDataDir, defaultDataDir } from '../../electron/server/data-dir';

describe('data folder', () => {
  it('follows each platform’s per-user application data folder', () => {
    expect(defaultDataDir('linux', {}, '/home/siti')).toBe('/home/siti/.config/Loket');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/siti')).toBe('/cfg/Loket');
    expect(defaultDataDir('darwin', {}, '/Users/siti')).toBe(
      '/Users/siti/Library/Application Support/Loket',
    );
    expect(
      defaultDataDir('win32', { APPDATA: 'C:\\Users\\siti\\AppData\\Roaming' }, 'C:\\Users\\siti'),
    ).toMatch(/Roaming.Loket$/);
  });

  it('takes the flag first, then LOKET_DATA_DIR, then the default', () => {
    expect(chooseDataDir(['--data-dir=/a'], { LOKET_DATA_DIR: '/b' }, '/c')).toBe('/a');
    expect(chooseDataDir(['--data-dir', '/a'], { LOKET_DATA_DIR: '/b' }, '/c')).toBe('/a');
    expect(chooseDataDir([], { LOKET_DATA_DIR: '/b' }, '/c')).toBe('/b');
    expect(chooseDataDir([], { LOKET_DATA_DIR: '' }, '/c')).toBe('/c');
    expect(chooseDataDir(['--data-dir'], {}, '/c')).toBe('/c');
  });
});
