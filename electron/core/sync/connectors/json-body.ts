import { randomBytes } from 'node:crypto';

/**
 * Bytes that a JSON body carries as a base64 string (RT's and Loket's contract's attachments).
 * They are written straight into the body's buffer in small pieces: a whole scan as one base64
 * string, then inside one JSON string, would sit in the JS heap's large-object space until a full
 * collection, and the host's memory would grow with every ticket sent.
 */
export class Base64Bytes {
  constructor(readonly bytes: Buffer) {}

  /** Any other JSON.stringify still gets the right value, just not the memory saving. */
  toJSON(): string {
    return this.bytes.toString('base64');
  }
}

/** A multiple of 3, so that the pieces' base64 joins into the base64 of the whole. */
const PIECE = 48 * 1024;

/** `value` as UTF-8 JSON, with every Base64Bytes in it as a base64 string. */
export function encodeJsonBody(value: unknown): Buffer<ArrayBuffer> {
  // A placeholder no text sent in the same body can contain by chance.
  const nonce = `b64-${randomBytes(12).toString('hex')}`;
  const blobs: Buffer[] = [];
  // The replacer sees what toJSON returned; the holder still has the Base64Bytes itself.
  const text = JSON.stringify(value, function (this: unknown, key: string, v: unknown) {
    const original = (this as Record<string, unknown>)[key];
    if (!(original instanceof Base64Bytes)) return v;
    blobs.push(original.bytes);
    return `${nonce}:${blobs.length - 1}`;
  }) as string | undefined;
  if (text === undefined) throw new TypeError('a request body must be JSON');
  if (blobs.length === 0) return Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  // Split with a capture group: text, blob index, text, blob index, …, text.
  const pieces = text.split(new RegExp(`"${nonce}:(\\d+)"`));
  pieces.forEach((piece, i) => {
    if (i % 2 === 0) {
      parts.push(Buffer.from(piece, 'utf8'));
      return;
    }
    const blob = blobs[Number(piece)] ?? Buffer.alloc(0);
    parts.push(Buffer.from('"'));
    for (let at = 0; at < blob.length; at += PIECE) {
      parts.push(Buffer.from(blob.subarray(at, at + PIECE).toString('base64'), 'latin1'));
    }
    parts.push(Buffer.from('"'));
  });
  return Buffer.concat(parts);
}
