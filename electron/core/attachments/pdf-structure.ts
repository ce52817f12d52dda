import { inflateSync } from 'node:zlib';

/** Why a PDF is refused; each has its own message for the officer. */
export type PdfRefusal =
  | 'ATTACHMENT_PDF_TOO_COMPLEX'
  | 'ATTACHMENT_PDF_ACTIVE_CONTENT'
  | 'ATTACHMENT_PDF_ENCRYPTED'
  | 'ATTACHMENT_TRAILING_DATA'
  | 'ATTACHMENT_DAMAGED';

export type PdfVerdict =
  { ok: true; pages: number } | { ok: false; code: PdfRefusal; detail: string };

export type PdfCheck = { ok: true } | { ok: false; code: PdfRefusal; detail: string };

/**
 * Names that make a PDF do something when it is opened or clicked, or carry another file: a
 * supporting document is read, never run, and the helpdesk gets it as it is.
 */
export const ACTIVE_PDF_NAMES: ReadonlySet<string> = new Set([
  'JavaScript',
  'JS',
  'OpenAction',
  'AA',
  'Launch',
  'EmbeddedFile',
  'EmbeddedFiles',
  'EF',
  'FileAttachment',
  'RichMedia',
  'XFA',
  'GoToE',
  'SubmitForm',
  'ImportData',
]);

/** A name as a reader sees it: `#xx` escapes (either case) decoded. */
export function decodePdfName(raw: string): string {
  let name = raw;
  for (let i = 0; i < 3 && name.includes('#'); i++) {
    name = name.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) =>
      String.fromCharCode(parseInt(hex, 16)),
    );
  }
  return name;
}

const PDF_WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const NAME_TOKEN = /\/([^\s/<>[\]()%{}]+)/g;

function firstActiveName(text: string): string | null {
  for (const match of text.matchAll(NAME_TOKEN)) {
    const name = decodePdfName(match[1]!);
    if (ACTIVE_PDF_NAMES.has(name)) return name;
  }
  return null;
}

/**
 * What can be checked on the bytes before any PDF library builds objects from them: nothing
 * after the last %%EOF, no active names outside stream data, and the streams a parser inflates
 * while loading (object streams and cross-reference streams) inflated here first, under a
 * budget, so that a compression bomb is refused instead of filling memory. pdf-lib inflates
 * those without any bound, and its buffers are outside the worker's heap limit.
 */
export function checkPdfBytes(bytes: Buffer, maxInflatedBytes: number): PdfCheck {
  const eof = bytes.lastIndexOf('%%EOF');
  if (eof < 0) return { ok: false, code: 'ATTACHMENT_DAMAGED', detail: 'no %%EOF' };
  for (let i = eof + 5; i < bytes.length; i++) {
    if (!PDF_WHITESPACE.has(bytes[i]!))
      return { ok: false, code: 'ATTACHMENT_TRAILING_DATA', detail: `${bytes.length - i} bytes` };
  }
  const text = bytes.toString('latin1');
  const outside: string[] = [];
  let budget = maxInflatedBytes;
  let from = 0;
  const streamStart = />>\s*stream(?:\r\n|\n|\r)/g;
  for (let m = streamStart.exec(text); m; m = streamStart.exec(text)) {
    const dictEnd = m.index + 2;
    const bodyStart = m.index + m[0].length;
    const bodyEnd = text.indexOf('endstream', bodyStart);
    if (bodyEnd < 0) return { ok: false, code: 'ATTACHMENT_DAMAGED', detail: 'no endstream' };
    outside.push(text.slice(from, dictEnd));
    const objStart = text.lastIndexOf(' obj', m.index);
    const dict = decodePdfName(text.slice(Math.max(objStart, from), dictEnd));
    const inflatedOnLoad =
      /\/Type\s*\/(ObjStm|XRef)\b/.test(dict) || /\/Type\s+\d+\s+\d+\s+R/.test(dict);
    if (inflatedOnLoad) {
      const body = bytes.subarray(bodyStart, bodyEnd);
      const decoded = inflateWithin(body, dict, budget);
      if (!decoded.ok) return decoded;
      budget -= decoded.bytes.length;
      if (/\/Type\s*\/ObjStm\b/.test(dict)) outside.push(decoded.bytes.toString('latin1'));
    }
    from = bodyEnd + 'endstream'.length;
    streamStart.lastIndex = from;
  }
  outside.push(text.slice(from));
  const syntax = outside.join('\n');
  if (/\/Encrypt\s*(\d+\s+\d+\s+R|<<)/.test(decodePdfName(syntax)))
    return { ok: false, code: 'ATTACHMENT_PDF_ENCRYPTED', detail: '/Encrypt' };
  const active = firstActiveName(syntax);
  if (active) return { ok: false, code: 'ATTACHMENT_PDF_ACTIVE_CONTENT', detail: `/${active}` };
  return { ok: true };
}

function inflateWithin(
  body: Buffer,
  dict: string,
  budget: number,
): { ok: true; bytes: Buffer } | { ok: false; code: PdfRefusal; detail: string } {
  const filter = /\/Filter\s*(\[[^\]]*\]|\/[^\s/<>[\]()%{}]+|\d+\s+\d+\s+R)/.exec(dict)?.[1];
  const filters = filter ? [...filter.matchAll(NAME_TOKEN)].map((f) => f[1]) : [];
  if (filter && (filters.length !== 1 || !['FlateDecode', 'Fl'].includes(filters[0]!))) {
    // Every producer Loket sees writes these streams with FlateDecode alone; other filter
    // chains (LZW, ASCII85 around Flate, an indirect filter) would be inflated unbounded.
    return { ok: false, code: 'ATTACHMENT_PDF_TOO_COMPLEX', detail: `filter ${filter}` };
  }
  if (!filter) {
    return body.length > budget
      ? { ok: false, code: 'ATTACHMENT_PDF_TOO_COMPLEX', detail: 'inflated size' }
      : { ok: true, bytes: body };
  }
  try {
    return { ok: true, bytes: inflateSync(body, { maxOutputLength: Math.max(1, budget) }) };
  } catch (err) {
    const tooLarge =
      err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    return tooLarge
      ? { ok: false, code: 'ATTACHMENT_PDF_TOO_COMPLEX', detail: 'inflated size' }
      : { ok: false, code: 'ATTACHMENT_DAMAGED', detail: 'bad Flate stream' };
  }
}
