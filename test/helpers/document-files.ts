/**
 * Supporting documents made in the test, byte by byte, so that no binary fixture is committed:
 * well-formed images of each accepted type, and hostile PDFs and images as an attacker would
 * send them.
 */
import { constants, crc32, deflateRawSync, deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A real RGB PNG. `padTo` adds a private ancillary chunk so the file reaches that size while
 * staying valid (readers skip unknown ancillary chunks).
 */
export function png(
  width = 8,
  height = 8,
  options: { padTo?: number; seed?: number } = {},
): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  // Pixel rows only for small images; a huge header-only test image needs no real pixels.
  const raw =
    width * height <= 4_000_000 ? Buffer.alloc(height * (1 + width * 3), 0x7f) : Buffer.alloc(1);
  for (let y = 0; y < height && raw.length > 1; y++) raw[y * (1 + width * 3)] = 0;
  const parts = [
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
  ];
  const seed = Buffer.alloc(4);
  seed.writeUInt32BE(options.seed ?? 0, 0);
  const base = Buffer.concat([...parts, pngChunk('IEND', Buffer.alloc(0))]).length;
  if (options.padTo !== undefined && options.padTo > base + 12) {
    const filler = Buffer.alloc(options.padTo - base - 12, 0x20);
    seed.copy(filler);
    parts.push(pngChunk('prVt', filler));
  } else if (options.seed !== undefined) {
    parts.push(pngChunk('prVt', seed));
  }
  parts.push(pngChunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}

/** A baseline JPEG's structure: SOI, JFIF, a frame header, one scan, EOI. */
export function jpeg(width = 8, height = 8): Buffer {
  const sof = Buffer.from([0xff, 0xc0, 0, 11, 8, 0, 0, 0, 0, 1, 1, 0x11, 0]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    Buffer.from([0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    sof,
    Buffer.from([0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0]),
    // Entropy-coded data with a stuffed 0xFF00 and a restart marker inside it.
    Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd0, 0x78]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** A little-endian TIFF with one strip. */
export function tiff(width = 8, height = 8, dataBytes = width * height): Buffer {
  const entries = [
    [256, 4, 1, width],
    [257, 4, 1, height],
    [273, 4, 1, 8 + 2 + 4 * 12 + 4],
    [279, 4, 1, dataBytes],
  ] as const;
  const ifd = Buffer.alloc(2 + entries.length * 12 + 4);
  ifd.writeUInt16LE(entries.length, 0);
  entries.forEach(([tag, type, count, value], i) => {
    ifd.writeUInt16LE(tag, 2 + i * 12);
    ifd.writeUInt16LE(type, 4 + i * 12);
    ifd.writeUInt32LE(count, 6 + i * 12);
    ifd.writeUInt32LE(value, 10 + i * 12);
  });
  return Buffer.concat([
    Buffer.from([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]),
    ifd,
    Buffer.alloc(dataBytes, 0x80),
  ]);
}

/** A lossless WebP's container and header. */
export function webp(width = 8, height = 8): Buffer {
  const vp8l = Buffer.alloc(10);
  vp8l[0] = 0x2f;
  vp8l.writeUInt32LE(((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14), 1);
  const chunk = Buffer.concat([Buffer.from('VP8L', 'latin1'), Buffer.alloc(4), vp8l]);
  chunk.writeUInt32LE(vp8l.length, 4);
  const riff = Buffer.concat([
    Buffer.from('RIFF', 'latin1'),
    Buffer.alloc(4),
    Buffer.from('WEBP'),
    chunk,
  ]);
  riff.writeUInt32LE(riff.length - 8, 4);
  return riff;
}

/** A PDF of `pages` pages as pdf-lib writes it (object streams on by default). */
export async function pdfOfPages(pages: number, options: { objectStreams?: boolean } = {}) {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++)
    doc.addPage([300, 400]).drawText(`Halaman ${i + 1}`, { x: 20, y: 200, size: 12 });
  return Buffer.from(await doc.save({ useObjectStreams: options.objectStreams ?? true }));
}

/** A PDF that runs something or carries a file, as a real producer would write it. */
export async function activePdf(
  what: 'javascript' | 'openAction' | 'launch' | 'embeddedFile' | 'pageAA',
  options: { objectStreams?: boolean } = {},
): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([300, 400]);
  const ctx = doc.context;
  const js = ctx.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') });
  if (what === 'javascript') {
    const names = ctx.obj({ Names: [PDFString.of('x'), ctx.register(js)] });
    doc.catalog.set(PDFName.of('Names'), ctx.obj({ JavaScript: ctx.register(names) }));
  } else if (what === 'openAction') {
    doc.catalog.set(PDFName.of('OpenAction'), ctx.register(js));
  } else if (what === 'launch') {
    const launch = ctx.obj({ S: 'Launch', F: PDFString.of('cmd.exe') });
    doc.catalog.set(PDFName.of('OpenAction'), ctx.register(launch));
  } else if (what === 'pageAA') {
    page.node.set(PDFName.of('AA'), ctx.obj({ O: ctx.register(js) }));
  } else {
    await doc.attach(Buffer.from('MZ not really an exe'), 'setup.exe', {
      mimeType: 'application/octet-stream',
    });
  }
  return Buffer.from(await doc.save({ useObjectStreams: options.objectStreams ?? true }));
}

/** A PDF written by hand from its objects' bodies, with a correct cross-reference table. */
export function handWrittenPdf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    const bytes = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    offsets.push(offset);
    offset += bytes.length;
    parts.push(bytes);
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root 1 0 R >>`,
    'startxref',
    String(offset),
    '%%EOF',
    '',
  ].join('\n');
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

export const PAGE_TREE = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
];

/** A stream object: its dictionary entries, then the data. */
export function streamObject(dict: string, data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream', 'latin1'),
  ]);
}

/**
 * A zlib stream of `megabytes` MB of zeros, about a thousandth of that in size, built without
 * ever holding the zeros: independent non-final deflate blocks of 1 MB each, a final empty
 * block, and the Adler-32 of n zeros, which is ((n mod 65521) << 16) | 1.
 */
export function zerosDeflated(megabytes: number): Buffer {
  const mb = 1024 * 1024;
  const block = deflateRawSync(Buffer.alloc(mb), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((megabytes * mb) % 65521) * 65536 + 1) >>> 0, 0);
  return Buffer.concat([
    Buffer.from([0x78, 0xda]),
    ...Array.from({ length: megabytes }, () => block),
    deflateRawSync(Buffer.alloc(0)),
    adler,
  ]);
}

/**
 * A one-page PDF with an object stream that inflates to `megabytes` MB: the shape of the 1 MB
 * file that froze the host for 10.8 s.
 */
export function objectStreamBomb(megabytes: number): Buffer {
  return handWrittenPdf([
    ...PAGE_TREE,
    streamObject('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', zerosDeflated(megabytes)),
  ]);
}

/** A PDF with a ZIP archive (holding an .exe) appended after its %%EOF. */
export async function pdfZipPolyglot(): Promise<Buffer> {
  const zipEntry = Buffer.concat([
    Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0, 0]),
    Buffer.alloc(16),
    Buffer.from([9, 0, 0, 0]),
    Buffer.from('setup.exe', 'latin1'),
    Buffer.from('MZ\x90\x00', 'latin1'),
    Buffer.from([0x50, 0x4b, 0x05, 0x06]),
    Buffer.alloc(18),
  ]);
  return Buffer.concat([await pdfOfPages(1), zipEntry]);
}
