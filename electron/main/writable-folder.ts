import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Whether the data folder can be created and written, tried before the core opens it so that a
 * folder the installer or IT got wrong gives a dialog naming it, not a stack trace.
 */
export function isWritableFolder(dir: string): boolean {
  const probe = join(dir, `.loket-write-check-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(probe, '');
    rmSync(probe);
    return true;
  } catch {
    return false;
  }
}
