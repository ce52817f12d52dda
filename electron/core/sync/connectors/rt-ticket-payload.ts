import { isUtf8 } from 'node:buffer';
import type { TicketDraft } from './helpdesk-connector';
import { Base64Bytes } from './json-body';

/** The ticket custom fields Loket writes; the case ID is the idempotency key. */
export const RT_FIELDS = {
  caseId: 'Loket Case ID',
  category: 'Loket Category',
  lpse: 'Loket LPSE',
  slaReason: 'Loket SLA Reason',
} as const;

export type RtFieldName = (typeof RT_FIELDS)[keyof typeof RT_FIELDS];

const EMAIL = /^[^\s@<>",;]+@[^\s@<>",;]+$/;

/** The JSON body of `POST /ticket` for a draft. */
export function ticketPayload(draft: TicketDraft, queue: string) {
  const email = draft.requestor.email?.trim() ?? '';
  const requestor = EMAIL.test(email) ? `"${quotable(draft.requestor.name)}" <${email}>` : null;
  // RT refuses a whole ticket (400) for one empty file; say which were left out instead.
  const empty = draft.attachments.filter((a) => a.bytes.length === 0).map((a) => a.fileName);
  const content = [
    ...(requestor ? [] : [phoneContactLine(draft), '']),
    draft.body,
    ...(empty.length > 0
      ? ['', `Lampiran kosong (0 byte), tidak dikirim: ${empty.join(', ')}`]
      : []),
  ].join('\n');
  return {
    Queue: queue,
    Subject: draft.subject,
    // RT keeps a requestor only as an email address and silently drops anything else (a name,
    // a phone number). Without one the ticket has no requestor, and the contact opens the text
    // so that the backend team sees at once how to reach the visitor.
    ...(requestor && { Requestor: requestor }),
    Content: content,
    ContentType: 'text/plain',
    CustomFields: {
      [RT_FIELDS.caseId]: draft.caseCode,
      [RT_FIELDS.category]: draft.category,
      ...(draft.lpse && { [RT_FIELDS.lpse]: draft.lpse }),
    },
    Attachments: draft.attachments
      .filter((a) => a.bytes.length > 0)
      .map((a, i) => ({
        FileName: asciiFileName(a.fileName, i),
        FileType: rtFileType(a.mime, a.bytes),
        FileContent: new Base64Bytes(a.bytes),
      })),
  };
}

function phoneContactLine(draft: TicketDraft): string {
  return `Pelapor tanpa email; hubungi melalui telepon: ${draft.requestor.name}, ${draft.requestor.phone}`;
}

function quotable(name: string): string {
  return name.replace(/["\\<>\r\n]/g, ' ').trim();
}

/**
 * RT 5.0.3 fails with a 500 on a non-ASCII file name of a text part, and garbles it on the
 * others; a name RT reads as false ("" or "0") is a 400.
 */
export function asciiFileName(name: string, index: number): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .trim();
  return ascii === '' || ascii === '0' ? `lampiran-${index + 1}` : ascii;
}

/**
 * RT re-encodes text parts to UTF-8, guessing the charset when none is given: the bytes survive
 * only as declared UTF-8 that really is UTF-8. Any other text goes as opaque bytes.
 */
export function rtFileType(mime: string, bytes: Buffer): string {
  const type = mime.split(';')[0]!.trim().toLowerCase() || 'application/octet-stream';
  if (!type.startsWith('text/')) return type;
  return isUtf8(bytes) ? `${type}; charset=utf-8` : 'application/octet-stream';
}
