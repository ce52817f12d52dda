import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { AttachmentStore } from '../../../electron/core/attachments/attachment-store';
import { cleanOriginalName } from '../../../electron/core/attachments/original-name';
import { AppError } from '../../../electron/core/errors';
import { tempDir } from '../../helpers/temp-core';
import { jpeg, png, tiff, webp } from '../../helpers/document-files';

const pad = (head: number[] | string, size = 600) => {
  const start = typeof head === 'string' ? Buffer.from(head, 'latin1') : Buffer.from(head);
  return Buffer.concat([start, Buffer.alloc(Math.max(0, size - start.length), 0x20)]);
};

async function realPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  return Buffer.from(await doc.save());
}

const SAMPLES: Record<string, () => Buffer> = { png, jpeg, tiff, webp };

/** Every file the store holds, temp files included. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  return 'ACCEPTED';
}

describe('the attachment store', () => {
  it('accepts PDF, PNG, JPEG, TIFF and WebP by content, stored under their SHA-256', async () => {
    const dir = tempDir();
    const store = new AttachmentStore(dir);
    const pdf = await realPdf();
    const stored = await store.put({ bytes: pdf });
    expect(stored).toMatchObject({
      mime: 'application/pdf',
      size: pdf.length,
      alreadyStored: false,
    });
    expect(stored.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(readFileSync(join(dir, stored.sha256.slice(0, 2), stored.sha256))).toEqual(pdf);
    const mimes = [];
    for (const make of Object.values(SAMPLES))
      mimes.push((await store.put({ bytes: make() })).mime);
    expect(mimes).toEqual(['image/png', 'image/jpeg', 'image/tiff', 'image/webp']);
  });

  it.each([
    ['an ELF executable', [0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]],
    ['a Windows executable', 'MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff'],
    ['an HTML page', '<!DOCTYPE html><html><script>alert(1)</script>'],
    ['a ZIP archive', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]],
    ['plain text', 'Surat permohonan perubahan data'],
  ])('refuses %s whatever its name, writing nothing', async (_label, head) => {
    const dir = tempDir();
    const store = new AttachmentStore(dir);
    expect(await refusal(store.put({ bytes: pad(head as number[] | string) }))).toBe(
      'ATTACHMENT_TYPE_NOT_ALLOWED',
    );
    expect(filesUnder(dir)).toEqual([]);
  });

  it('refuses an empty file, writing nothing', async () => {
    const dir = tempDir();
    expect(await refusal(new AttachmentStore(dir).put({ bytes: new Uint8Array() }))).toBe(
      'ATTACHMENT_EMPTY',
    );
    expect(filesUnder(dir)).toEqual([]);
  });

  it('accepts a file of exactly the cap and refuses one byte more, from disk, writing nothing', async () => {
    const dir = tempDir();
    const store = new AttachmentStore(dir, 10 * 1024 * 1024);
    const exact = join(tempDir(), 'exact.png');
    writeFileSync(exact, png(8, 8, { padTo: 10 * 1024 * 1024 }));
    expect((await store.put({ path: exact })).size).toBe(10 * 1024 * 1024);
    const over = join(tempDir(), 'over.png');
    writeFileSync(
      over,
      pad([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 10 * 1024 * 1024 + 1),
    );
    const before = filesUnder(dir);
    expect(await refusal(store.put({ path: over }))).toBe('ATTACHMENT_TOO_LARGE');
    expect(filesUnder(dir)).toEqual(before);
  });

  it('stores the same bytes once', async () => {
    const dir = tempDir();
    const store = new AttachmentStore(dir);
    const pdf = await realPdf();
    const first = await store.put({ bytes: pdf });
    const second = await store.put({ bytes: pdf });
    expect(second).toMatchObject({ sha256: first.sha256, alreadyStored: true });
    expect(filesUnder(dir)).toHaveLength(1);
  });

  it('cleans temp files a crash left behind', () => {
    const dir = tempDir();
    new AttachmentStore(dir);
    writeFileSync(join(dir, 'incoming', '.incoming-deadbeef'), 'half a file');
    new AttachmentStore(dir);
    expect(filesUnder(dir)).toEqual([]);
  });
});

describe('original file names', () => {
  it.each([
    ['surat izin usaha.pdf', 'surat izin usaha.pdf'],
    ['  NIB CV Maju.PDF ', 'NIB CV Maju.PDF'],
    ['tangkapan layar 2026-11-24 09.15.png', 'tangkapan layar 2026-11-24 09.15.png'],
    ['Café Ñusantara.jpg', 'Café Ñusantara.jpg'],
  ])('keeps %j as %j', (raw, clean) => {
    expect(cleanOriginalName(raw)).toBe(clean);
  });

  it.each([
    '../../x.pdf',
    'a/b.pdf',
    'a\\b.pdf',
    'C:x.pdf',
    'x\u0000.pdf',
    'x\u0007.pdf',
    'invoice\u202Efdp.exe',
    'a'.repeat(300) + '.pdf',
    'CON.pdf',
    'nul',
    '',
    '..',
  ])('refuses %j', (raw) => {
    expect(cleanOriginalName(raw)).toBeNull();
  });
});
