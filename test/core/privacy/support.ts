import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { currentNotice } from '../../../shared/domain/privacy-notice';
import { png } from '../../helpers/document-files';

/**
 * Every file under the data folder (database, -wal, documents, uploads, logs, whatever else is
 * there) that holds one of the needles, compared without regard to ASCII case: "file: needle".
 */
export function filesContaining(dir: string, needles: readonly string[]): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = readFileSync(path).toString('latin1').toLowerCase();
    for (const needle of needles) {
      if (bytes.includes(needle.toLowerCase()))
        found.push(`${path.slice(dir.length + 1)}: ${needle}`);
    }
  }
  return found;
}

/** A real PNG that carries `text` in a tEXt chunk, as a scan's metadata would. */
export function pngWithText(text: string, seed = 0): Buffer {
  const base = png(8, 8, { seed });
  const data = Buffer.from(`Comment\u0000${text}`, 'latin1');
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write('tEXt', 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  const iend = base.length - 12;
  return Buffer.concat([base.subarray(0, iend), head, data, crc, base.subarray(iend)]);
}

export const checkIn = (
  fullName: string,
  phone: string,
  email: string,
  purpose = 'Konsultasi SPSE',
) => ({
  fullName,
  phone,
  email,
  institution: 'CV Maju Jaya',
  visitorType: 'penyedia_badan_usaha' as const,
  purpose,
  noticeDelivery: 'read_out' as const,
  noticeVersion: currentNotice().version,
});
