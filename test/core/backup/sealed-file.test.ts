import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deriveKey, newKdf } from '../../../electron/core/backup/backup-key';
import {
  CHUNK_BYTES,
  openSealedFile,
  readSealedHeader,
  sealFile,
} from '../../../electron/core/backup/sealed-file';
import { tempDir as makeTempDir } from '../../helpers/temp-core';

const dirs: string[] = [];
const tempDir = () => {
  const d = makeTempDir();
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const meta = { kind: 'document', schemaVersion: 14, loketVersion: '0.1.0' } as const;

describe('a sealed backup file', () => {
  it('opens to the same bytes at every chunk boundary, and an empty file too', async () => {
    const dir = tempDir();
    const key = await deriveKey('kata-sandi-uji-123', newKdf());
    for (const size of [0, 1, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 2 * CHUNK_BYTES]) {
      const plain = randomBytes(size);
      const src = join(dir, `p${size}`);
      writeFileSync(src, plain);
      const sealed = await sealFile(src, join(dir, `s${size}`), key, meta, new Date());
      const opened = await openSealedFile(join(dir, `s${size}`), key);
      expect(opened.sha256).toBe(createHash('sha256').update(plain).digest('hex'));
      expect(sealed.sha256).toBe(opened.sha256);
      // Nothing of the plaintext is in the file in the clear.
      if (size > 64)
        expect(readFileSync(join(dir, `s${size}`)).includes(plain.subarray(0, 64))).toBe(false);
    }
  });

  it('refuses chunks swapped, and a header whose versions were edited', async () => {
    const dir = tempDir();
    const key = await deriveKey('kata-sandi-uji-123', newKdf());
    writeFileSync(join(dir, 'p'), randomBytes(2 * CHUNK_BYTES));
    await sealFile(join(dir, 'p'), join(dir, 's'), key, meta, new Date());
    const { headerEnd } = await readSealedHeader(join(dir, 's'));
    const bytes = readFileSync(join(dir, 's'));
    const one = 4 + CHUNK_BYTES + 16;
    const swapped = Buffer.concat([
      bytes.subarray(0, headerEnd),
      bytes.subarray(headerEnd + one, headerEnd + 2 * one),
      bytes.subarray(headerEnd, headerEnd + one),
    ]);
    writeFileSync(join(dir, 'swapped'), swapped);
    await expect(openSealedFile(join(dir, 'swapped'), key)).rejects.toMatchObject({
      code: 'BACKUP_DAMAGED',
    });
    const edited = Buffer.from(
      bytes.toString('latin1').replace('"schemaVersion":14', '"schemaVersion":13'),
      'latin1',
    );
    writeFileSync(join(dir, 'edited'), edited);
    await expect(openSealedFile(join(dir, 'edited'), key)).rejects.toMatchObject({
      code: 'BACKUP_DAMAGED',
    });
  });
});
