import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLog, redact, redactMessage } from '../../electron/main/file-log';
import { tempDir } from '../helpers/temp-core';

describe("the desktop app's file log", () => {
  it('writes the errors the core reports, with their code and stack, one timestamped entry each', () => {
    const dir = tempDir();
    const log = createFileLog({ dir, now: () => new Date('2026-12-02T01:00:00Z') });
    const err = Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
    log.error(err);
    log.info('core started');
    const text = readFileSync(log.file, 'utf8');
    expect(text).toMatch(
      /^2026-12-02T01:00:00.000Z ERROR Error SQLITE_IOERR: disk I\/O error\n\s+at /,
    );
    expect(text).toContain('2026-12-02T01:00:00.000Z INFO core started\n');
  });

  it('rotates by size and keeps only the newest files', () => {
    const dir = tempDir();
    const log = createFileLog({ dir, maxBytes: 200, keep: 2 });
    for (let i = 0; i < 40; i++) log.info(`entry ${String(i).padStart(2, '0')} ${'x'.repeat(40)}`);
    expect(readdirSync(dir).sort()).toEqual(['loket.log', 'loket.log.1', 'loket.log.2']);
    for (const name of readdirSync(dir)) {
      expect(readFileSync(join(dir, name)).length).toBeLessThanOrEqual(200);
    }
    expect(readFileSync(log.file, 'utf8')).toContain('entry 39');
    expect(readFileSync(join(dir, 'loket.log.2'), 'utf8')).not.toContain('entry 00');
    expect(existsSync(join(dir, 'loket.log.3'))).toBe(false);
  });

  it('masks personal data: e-mail, phone numbers, NIK', () => {
    const line = redact(
      'visitor budi.santoso@pemkab.go.id phone +62 812-3456-7890 nik 3201234567890123 port 8080',
    );
    expect(line).toBe('visitor [email] phone [digits] nik [digits] port 8080');
    expect(redact('at C:\\Users\\Budi Santoso\\AppData\\x.js and /home/budi/.config/Loket')).toBe(
      'at C:\\Users\\[user]\\AppData\\x.js and /home/[user]/.config/Loket',
    );
    const dir = tempDir();
    const log = createFileLog({ dir });
    log.error(new Error('UNIQUE failed for 081234567890 / ani@example.com'));
    const text = readFileSync(log.file, 'utf8');
    expect(text).not.toContain('081234567890');
    expect(text).not.toContain('ani@example.com');
  });

  it("masks in an error's message what may be a person's free text, and keeps what a log is read for", () => {
    expect(
      redactMessage("ENOENT: no such file or directory, open '/scan/KTP Budi Santoso.pdf'"),
    ).toBe('ENOENT: no such file or directory, open [text]');
    expect(redactMessage('POST /tickets: 422 Reporter Nyoman Ñáñez <a@b.id> exists')).toBe(
      'POST /tickets: 422 [word] [word] [word] <[email]> exists',
    );
    expect(redactMessage('Budi Santoso wrote "Saya"')).toBe('[word] [word] wrote [text]');
    expect(redactMessage('SQLITE_IOERR disk I/O error; Cannot read properties of undefined')).toBe(
      'SQLITE_IOERR disk I/O error; Cannot read properties of undefined',
    );
    const dir = tempDir();
    const log = createFileLog({ dir });
    log.error(Object.assign(new Error('ticket of Rahmat Hidayat refused'), { kind: 'rejected' }));
    log.info('core started');
    const text = readFileSync(log.file, 'utf8');
    expect(text).toContain('ERROR Error rejected: ticket of [word] [word] refused');
    expect(text).not.toMatch(/rahmat|hidayat/i);
  });
});
