import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * An environment where SANE sees only its `test` backend (a real virtual scanner): device
 * listing takes milliseconds instead of probing every driver.
 */
export function saneTestEnv(): NodeJS.ProcessEnv {
  const dir = join(mkdtempSync(join(tmpdir(), 'loket-sane-')), 'sane.d');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'dll.conf'), 'test\n');
  if (existsSync('/etc/sane.d/test.conf'))
    copyFileSync('/etc/sane.d/test.conf', join(dir, 'test.conf'));
  return { ...process.env, SANE_CONFIG_DIR: dir };
}

/** The test backend's feeder never runs dry in one-page-per-process mode; this gives it N sheets. */
export function feederOf(sheets: number, faultAt?: { page: number; status: string }) {
  return (page: number): string[] => {
    if (faultAt && page === faultAt.page) return ['--read-return-value', faultAt.status];
    if (page > sheets) return ['--read-return-value', 'SANE_STATUS_NO_DOCS'];
    return [];
  };
}
