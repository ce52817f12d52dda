import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AttachmentStore } from '../../../electron/core/attachments/attachment-store';
import { PdfInspector } from '../../../electron/core/attachments/pdf-inspector';
import { AppError } from '../../../electron/core/errors';
import {
  activePdf,
  handWrittenPdf,
  jpeg,
  objectStreamBomb,
  PAGE_TREE,
  pdfOfPages,
  pdfZipPolyglot,
  png,
  streamObject,
  tiff,
  webp,
  zerosDeflated,
} from '../../helpers/document-files';
import { tempDir } from '../../helpers/temp-core';

const inspector = new PdfInspector();
afterAll(() => inspector.close());

async function outcome(
  bytes: Buffer,
  store = new AttachmentStore(tempDir(), undefined, inspector),
) {
  try {
    const stored = await store.put({ bytes });
    return { code: 'OK', pageCount: stored.pageCount };
  } catch (err) {
    if (err instanceof AppError) return { code: err.code };
    throw err;
  }
}

const storedUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());

describe('PDFs with active content or hidden data are refused at upload', () => {
  it.each([
    ['document-level JavaScript (/Names /JavaScript)', 'javascript'],
    ['an /OpenAction running a script', 'openAction'],
    ['a /Launch action', 'launch'],
    ['an embedded file (/EmbeddedFiles)', 'embeddedFile'],
    ['a page additional action (/AA)', 'pageAA'],
  ] as const)('refuses %s, inside object streams and without them', async (_label, what) => {
    for (const objectStreams of [true, false]) {
      const dir = tempDir();
      const bytes = await activePdf(what, { objectStreams });
      const r = await outcome(bytes, new AttachmentStore(dir, undefined, inspector));
      expect(r.code, `objectStreams=${objectStreams}`).toBe('ATTACHMENT_PDF_ACTIVE_CONTENT');
      expect(storedUnder(dir)).toEqual([]);
    }
  });

  it.each([
    ['/RichMedia', '<< /Type /Annot /Subtype /RichMedia >>'],
    ['/XFA', '<< /Fields [] /XFA 5 0 R >>'],
    ['a name spelled with #xx escapes (/J#61va#53cript)', '<< /S /J#61va#53cript /JS (x) >>'],
    ['a lower-case escape (/Open#41ction)', '<< /Open#41ction 3 0 R >>'],
  ])('refuses %s written by hand', async (_label, body) => {
    const r = await outcome(handWrittenPdf([...PAGE_TREE, body]));
    expect(r.code).toBe('ATTACHMENT_PDF_ACTIVE_CONTENT');
  });

  it('refuses a name hidden in a compressed object stream', async () => {
    const objects = '5 0 << /S /Launch /F (calc.exe) >>';
    const { deflateSync } = await import('node:zlib');
    const stream = streamObject(
      '/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode',
      deflateSync(Buffer.from(objects.replace('5 0 ', '5 0 '), 'latin1')),
    );
    const r = await outcome(handWrittenPdf([...PAGE_TREE, stream]));
    expect(r.code).toBe('ATTACHMENT_PDF_ACTIVE_CONTENT');
  });

  it('refuses a PDF+ZIP polyglot (an .exe after the last %%EOF)', async () => {
    expect((await outcome(await pdfZipPolyglot())).code).toBe('ATTACHMENT_TRAILING_DATA');
  });

  it('accepts whitespace after %%EOF, and refuses a PDF cut off before it', async () => {
    const pdf = await pdfOfPages(2);
    expect(await outcome(Buffer.concat([pdf, Buffer.from('\r\n\n  ')]))).toEqual({
      code: 'OK',
      pageCount: 2,
    });
    expect((await outcome(pdf.subarray(0, pdf.length - 40))).code).toBe('ATTACHMENT_DAMAGED');
  });

  it('refuses an encrypted PDF, whose objects cannot be checked', async () => {
    const body = handWrittenPdf(PAGE_TREE).toString('latin1');
    const encrypted = body.replace(
      '/Root 1 0 R',
      '/Root 1 0 R /Encrypt << /Filter /Standard /V 2 >>',
    );
    expect((await outcome(Buffer.from(encrypted, 'latin1'))).code).toBe('ATTACHMENT_PDF_ENCRYPTED');
  });
});

describe('a PDF whose object stream inflates without bound', () => {
  it('is refused quickly as too complex, with the host memory bounded', async () => {
    const bomb = objectStreamBomb(1024); // 1 GB of zeros in a 1 MB file
    expect(bomb.length).toBeLessThan(1.5 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    const started = Date.now();
    const r = await outcome(bomb);
    clearInterval(sampler);
    expect(r.code).toBe('ATTACHMENT_PDF_TOO_COMPLEX');
    expect(Date.now() - started).toBeLessThan(8000);
    // pdf-lib grew the host by 2 GB on a file like this; the check inflates at most 16 MB.
    expect(peak - before).toBeLessThan(300 * 1024 * 1024);
  }, 30_000);

  it('is refused when the stream uses a filter chain the check cannot bound', async () => {
    const stream = streamObject(
      '/Type /ObjStm /N 1 /First 4 /Filter [/ASCIIHexDecode /FlateDecode]',
      Buffer.from(zerosDeflated(4).toString('hex'), 'latin1'),
    );
    expect((await outcome(handWrittenPdf([...PAGE_TREE, stream]))).code).toBe(
      'ATTACHMENT_PDF_TOO_COMPLEX',
    );
  });

  it('refuses a PDF whose check outlives the time limit, and the next PDF is checked again', async () => {
    const slow = new PdfInspector({ timeoutMs: 1 });
    const fast = new PdfInspector();
    try {
      const pdf = await pdfOfPages(3);
      expect(await slow.inspect(pdf)).toMatchObject({
        ok: false,
        code: 'ATTACHMENT_PDF_TOO_COMPLEX',
      });
      expect(await fast.inspect(pdf)).toEqual({ ok: true, pages: 3 });
    } finally {
      await slow.close();
      await fast.close();
    }
  }, 30_000);
});

describe('images must be whole and decodable within the pixel cap', () => {
  it.each([
    ['PNG', png(64, 48)],
    ['JPEG', jpeg(64, 48)],
    ['TIFF', tiff(64, 48)],
    ['WebP', webp(64, 48)],
  ])('accepts a well-formed %s', async (_label, bytes) => {
    expect(await outcome(bytes)).toEqual({ code: 'OK', pageCount: 1 });
  });

  it.each([
    ['a header-only PNG', () => png().subarray(0, 33)],
    ['a PNG cut off in its image data', () => png(64, 64).subarray(0, 60)],
    ['a PNG without IEND', () => png().subarray(0, png().length - 12)],
    [
      'a PNG with a damaged chunk (bad CRC)',
      () => {
        const b = Buffer.from(png());
        b[40] = b[40]! ^ 0xff;
        return b;
      },
    ],
    ['a JPEG without EOI', () => jpeg().subarray(0, jpeg().length - 2)],
    ['a JPEG cut off in a segment', () => jpeg().subarray(0, 30)],
    ['a WebP shorter than its RIFF size', () => webp().subarray(0, webp().length - 3)],
    ['a TIFF whose strip lies past the end', () => tiff(64, 64).subarray(0, 200)],
  ])('refuses %s as damaged', async (_label, make) => {
    expect((await outcome(make())).code).toBe('ATTACHMENT_DAMAGED');
  });

  it.each([
    ['a 30000×30000 PNG', png(30000, 30000)],
    ['a 20000×20000 JPEG', jpeg(20000, 20000)],
    ['a 16000×16000 WebP', webp(16000, 16000)],
    ['a 10000×10000 TIFF', tiff(10000, 10000, 4096)],
  ])('refuses %s as too large to decode', async (_label, bytes) => {
    expect((await outcome(bytes)).code).toBe('ATTACHMENT_IMAGE_TOO_LARGE');
  });

  it('refuses a PNG or JPEG with another file after its end', async () => {
    const zip = Buffer.from('PK\x03\x04 setup.exe MZ', 'latin1');
    expect((await outcome(Buffer.concat([png(), zip]))).code).toBe('ATTACHMENT_TRAILING_DATA');
    expect((await outcome(Buffer.concat([jpeg(), zip]))).code).toBe('ATTACHMENT_TRAILING_DATA');
  });

  it('keeps a PDF page count for the record', async () => {
    expect(await outcome(await pdfOfPages(7))).toEqual({ code: 'OK', pageCount: 7 });
  });
});

describe('the attachment store on a refused file', () => {
  it('leaves no file behind, not even in incoming', async () => {
    const dir = tempDir();
    const r = await outcome(await pdfZipPolyglot(), new AttachmentStore(dir, undefined, inspector));
    expect(r.code).toBe('ATTACHMENT_TRAILING_DATA');
    expect(storedUnder(dir)).toEqual([]);
    expect(readdirSync(join(dir, 'incoming'))).toEqual([]);
  });
});
