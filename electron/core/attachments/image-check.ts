import { crc32 } from 'node:zlib';

export type ImageRefusal =
  'ATTACHMENT_DAMAGED' | 'ATTACHMENT_TRAILING_DATA' | 'ATTACHMENT_IMAGE_TOO_LARGE';

export type ImageCheck =
  | { ok: true; width: number; height: number; pages: number }
  | { ok: false; code: ImageRefusal; detail: string };

/**
 * The most pixels one image (one page of a TIFF) may have: an A4 page scanned at 600 dpi is
 * 35 million. A viewer decodes every pixel into memory (4 bytes each), so a 30000×30000 PNG of
 * a few kilobytes would ask the officer's or the helpdesk's viewer for 3.6 GB.
 */
export const MAX_IMAGE_PIXELS = 50_000_000;

type Dimensions = { width: number; height: number };
type Parsed = { ok: true; pages: Dimensions[] } | { ok: false; code: ImageRefusal; detail: string };

const damaged = (detail: string): Parsed => ({ ok: false, code: 'ATTACHMENT_DAMAGED', detail });
const trailing = (bytes: Buffer, end: number): Parsed | null => {
  for (let i = end; i < bytes.length; i++) {
    if (bytes[i] !== 0x00 && bytes[i] !== 0x0a && bytes[i] !== 0x0d && bytes[i] !== 0x20)
      return { ok: false, code: 'ATTACHMENT_TRAILING_DATA', detail: `${bytes.length - i} bytes` };
  }
  return null;
};

/**
 * Checks that an image file is whole and of a size a viewer can decode: dimensions from its
 * header, every part where the format says it is (PNG chunks with their CRCs up to IEND, JPEG
 * segments up to EOI, WebP's RIFF length, TIFF strips and tiles), and nothing after its end.
 * Structure only: no image library is installed to decode the pixels themselves.
 */
export function checkImage(mime: string, bytes: Buffer): ImageCheck {
  const parsed =
    mime === 'image/png'
      ? parsePng(bytes)
      : mime === 'image/jpeg'
        ? parseJpeg(bytes)
        : mime === 'image/webp'
          ? parseWebp(bytes)
          : mime === 'image/tiff'
            ? parseTiff(bytes)
            : damaged(`not an image: ${mime}`);
  if (!parsed.ok) return parsed;
  for (const page of parsed.pages) {
    if (page.width < 1 || page.height < 1)
      return { ok: false, code: 'ATTACHMENT_DAMAGED', detail: 'zero dimension' };
    if (page.width * page.height > MAX_IMAGE_PIXELS)
      return {
        ok: false,
        code: 'ATTACHMENT_IMAGE_TOO_LARGE',
        detail: `${page.width}x${page.height}`,
      };
  }
  const first = parsed.pages[0]!;
  return { ok: true, width: first.width, height: first.height, pages: parsed.pages.length };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function parsePng(bytes: Buffer): Parsed {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return damaged('PNG signature');
  let pos = 8;
  let dims: Dimensions | null = null;
  let sawData = false;
  while (pos + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(pos);
    const end = pos + 12 + length;
    if (length > 0x7fffffff || end > bytes.length) return damaged('truncated PNG chunk');
    const type = bytes.toString('latin1', pos + 4, pos + 8);
    const typeAndData = bytes.subarray(pos + 4, pos + 8 + length);
    if (crc32(typeAndData) !== bytes.readUInt32BE(pos + 8 + length))
      return damaged(`PNG CRC of ${type}`);
    if (dims === null) {
      if (type !== 'IHDR' || length !== 13) return damaged('PNG without IHDR first');
      dims = { width: bytes.readUInt32BE(pos + 8), height: bytes.readUInt32BE(pos + 12) };
    }
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') {
      if (!sawData) return damaged('PNG without image data');
      return trailing(bytes, end) ?? { ok: true, pages: [dims] };
    }
    pos = end;
  }
  return damaged('PNG without IEND');
}

/** Start-of-frame markers: every SOFn except DHT (C4), JPG (C8) and DAC (CC). */
const isStartOfFrame = (m: number) => m >= 0xc0 && m <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(m);

function parseJpeg(bytes: Buffer): Parsed {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return damaged('JPEG SOI');
  let pos = 2;
  let dims: Dimensions | null = null;
  for (;;) {
    if (pos + 2 > bytes.length) return damaged('JPEG without EOI');
    if (bytes[pos] !== 0xff) return damaged('JPEG marker expected');
    while (bytes[pos + 1] === 0xff) pos++; // fill bytes
    const marker = bytes[pos + 1]!;
    if (marker === 0xd9) {
      if (!dims) return damaged('JPEG without a frame');
      return trailing(bytes, pos + 2) ?? { ok: true, pages: [dims] };
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      pos += 2;
      continue;
    }
    if (pos + 4 > bytes.length) return damaged('truncated JPEG segment');
    const length = bytes.readUInt16BE(pos + 2);
    const end = pos + 2 + length;
    if (length < 2 || end > bytes.length) return damaged('truncated JPEG segment');
    if (isStartOfFrame(marker)) {
      if (length < 8) return damaged('short JPEG frame header');
      dims = { height: bytes.readUInt16BE(pos + 5), width: bytes.readUInt16BE(pos + 7) };
    }
    pos = end;
    if (marker === 0xda) {
      // Entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart.
      for (;;) {
        const ff = bytes.indexOf(0xff, pos);
        if (ff < 0 || ff + 1 >= bytes.length) return damaged('JPEG without EOI');
        const next = bytes[ff + 1]!;
        if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
          pos = ff + (next === 0xff ? 1 : 2);
          continue;
        }
        pos = ff;
        break;
      }
    }
  }
}

function parseWebp(bytes: Buffer): Parsed {
  if (bytes.length < 20 || bytes.toString('latin1', 0, 4) !== 'RIFF') return damaged('WebP header');
  const riffEnd = 8 + bytes.readUInt32LE(4);
  if (riffEnd > bytes.length) return damaged('truncated WebP');
  let dims: Dimensions | null = null;
  let sawImage = false;
  let pos = 12;
  while (pos + 8 <= riffEnd) {
    const fourcc = bytes.toString('latin1', pos, pos + 4);
    const size = bytes.readUInt32LE(pos + 4);
    const data = pos + 8;
    if (data + size > riffEnd) return damaged(`truncated WebP chunk ${fourcc}`);
    if (fourcc === 'VP8X' && size >= 10) {
      dims = {
        width: 1 + bytes.readUIntLE(data + 4, 3),
        height: 1 + bytes.readUIntLE(data + 7, 3),
      };
    } else if (fourcc === 'VP8L' && size >= 5) {
      if (bytes[data] !== 0x2f) return damaged('VP8L signature');
      const bits = bytes.readUInt32LE(data + 1);
      dims ??= { width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff) };
      sawImage = true;
    } else if (fourcc === 'VP8 ' && size >= 10) {
      if (bytes.readUIntBE(data + 3, 3) !== 0x9d012a) return damaged('VP8 start code');
      dims ??= {
        width: bytes.readUInt16LE(data + 6) & 0x3fff,
        height: bytes.readUInt16LE(data + 8) & 0x3fff,
      };
      sawImage = true;
    } else if (fourcc === 'ANMF') {
      sawImage = true;
    }
    pos = data + size + (size % 2);
  }
  if (!dims || !sawImage) return damaged('WebP without an image');
  return trailing(bytes, riffEnd) ?? { ok: true, pages: [dims] };
}

const TIFF_TYPE_BYTES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 16: 8 };
const MAX_TIFF_PAGES = 500;

function parseTiff(bytes: Buffer): Parsed {
  if (bytes.length < 8) return damaged('TIFF header');
  const little = bytes.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at));
  const u32 = (at: number) => (little ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  if (u16(2) !== 42) return damaged('not a classic TIFF');
  const pages: Dimensions[] = [];
  const visited = new Set<number>();
  for (let ifd = u32(4); ifd !== 0;) {
    if (visited.has(ifd) || pages.length >= MAX_TIFF_PAGES) return damaged('TIFF IFD loop');
    visited.add(ifd);
    if (ifd + 2 > bytes.length) return damaged('truncated TIFF directory');
    const count = u16(ifd);
    if (ifd + 2 + count * 12 + 4 > bytes.length) return damaged('truncated TIFF directory');
    const values = new Map<number, number[]>();
    for (let i = 0; i < count; i++) {
      const entry = ifd + 2 + i * 12;
      const tag = u16(entry);
      const type = u16(entry + 2);
      const n = u32(entry + 4);
      const size = TIFF_TYPE_BYTES[type];
      if (![256, 257, 273, 279, 324, 325].includes(tag) || (type !== 3 && type !== 4)) continue;
      const at = n * size! <= 4 ? entry + 8 : u32(entry + 8);
      if (at + n * size! > bytes.length) return damaged('truncated TIFF value');
      const list: number[] = [];
      for (let k = 0; k < n; k++) list.push(type === 3 ? u16(at + k * 2) : u32(at + k * 4));
      values.set(tag, list);
    }
    const width = values.get(256)?.[0];
    const height = values.get(257)?.[0];
    if (width === undefined || height === undefined) return damaged('TIFF without dimensions');
    const offsets = values.get(273) ?? values.get(324);
    const lengths = values.get(279) ?? values.get(325);
    if (!offsets || !lengths || offsets.length !== lengths.length)
      return damaged('TIFF without image data');
    for (let k = 0; k < offsets.length; k++) {
      if (offsets[k]! + lengths[k]! > bytes.length) return damaged('truncated TIFF image data');
    }
    pages.push({ width, height });
    ifd = u32(ifd + 2 + count * 12);
  }
  if (pages.length === 0) return damaged('TIFF without pages');
  return { ok: true, pages };
}
