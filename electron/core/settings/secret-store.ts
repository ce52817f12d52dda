import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Where the backend's secret lives: Electron's safeStorage in the app, a private file in browser mode. */
export interface SecretStore {
  get(): string | null;
  set(secret: string): void;
}

/** A file only the user can read (0600 in a 0700 folder), replaced whole on every change. */
export class FileSecretStore implements SecretStore {
  constructor(private readonly file: string) {}

  get(): string | null {
    return existsSync(this.file) ? readFileSync(this.file, 'utf8') : null;
  }

  set(secret: string): void {
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    chmodSync(dirname(this.file), 0o700);
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, secret, { mode: 0o600 });
    renameSync(temp, this.file);
  }
}
