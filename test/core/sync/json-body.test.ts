import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Base64Bytes, encodeJsonBody } from '../../../electron/core/sync/connectors/json-body';

describe('JSON bodies with base64 attachments', () => {
  it('equals JSON.stringify with the bytes as base64, whatever their length', () => {
    // Lengths around the 48 KiB pieces and the 3-byte groups of base64.
    for (const length of [0, 1, 2, 3, 49_151, 49_152, 49_153, 200_000]) {
      const bytes = randomBytes(length);
      const body = {
        Subject: 'Catatan "kutip" — 山\u0000',
        Attachments: [{ FileName: 'a.pdf', FileContent: new Base64Bytes(bytes) }],
      };
      const expected = JSON.stringify({
        ...body,
        Attachments: [{ FileName: 'a.pdf', FileContent: bytes.toString('base64') }],
      });
      expect(encodeJsonBody(body).toString('utf8')).toBe(expected);
    }
  });

  it('gives every other JSON.stringify the same text, also for bytes at the top level', () => {
    const bytes = randomBytes(1000);
    const body = { nested: { deeper: [new Base64Bytes(bytes)] } };
    expect(encodeJsonBody(body).toString('utf8')).toBe(JSON.stringify(body));
    expect(encodeJsonBody(new Base64Bytes(bytes)).toString('utf8')).toBe(
      JSON.stringify(bytes.toString('base64')),
    );
    expect(() => encodeJsonBody(undefined)).toThrow(TypeError);
  });

  it('keeps several attachments apart and in order, and text that looks like a placeholder', () => {
    const files = [randomBytes(10), randomBytes(100_000), randomBytes(7)];
    const body = {
      Content: 'b64-0:0 "b64-:1"',
      Attachments: files.map((f) => ({ content: new Base64Bytes(f) })),
    };
    const parsed = JSON.parse(encodeJsonBody(body).toString('utf8')) as {
      Content: string;
      Attachments: { content: string }[];
    };
    expect(parsed.Content).toBe('b64-0:0 "b64-:1"');
    expect(parsed.Attachments.map((a) => Buffer.from(a.content, 'base64'))).toEqual(files);
  });
});
