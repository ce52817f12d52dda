import { randomBytes } from 'node:crypto';

/**
 * Bytes that a JSON body carries as a base64 string (RT's and Loket's contract's attachments).
 * They are written straight into the body's buffer in small pieces: a whole scan as one base64
 * string, then inside one JSON string, would sit in the JS heap's large-object space until a full
 * collection, and the host's memory would grow with every ticket sent.
 */
export class Base64Bytes {
  constructor(readonly bytes: Buffer) {}
}

/** A multiple of 3, so that the pieces' base64 joins into the base64 of the whole. */
const PIECE = 48 * 1024;

/** `value` as UTF-8 JSON, with every Base64Bytes in it as a base64 string. */
export function encodeJsonBody(value: unknown): Buffer<ArrayBuffer> {
  // A placeholder no text sent in the same body can contain by chance.
  const nonce = `b64-${randomBytes(12).toString('hex')}`;
  const blobs: Buffer[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (!(v instanceof Base64Bytes)) return v;
    blobs.push(v.bytes);
    return `${nonce}:${blobs.length - 1}`;
  });
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
