/**
 * A ZIP archive written front to back onto a stream, each entry deflated by Node's own zlib as
 * it comes: what an XLSX package needs and no more (no ZIP64, no encryption, no reading).
 * Entries carry a data descriptor, so that an entry's size and CRC are known only at its end and
 * nothing of it is held in memory. Every write waits for the stream behind it (back-pressure).
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { crc32, createDeflateRaw, type DeflateRaw } from 'node:zlib';

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
/** Bit 3: sizes and CRC follow the data. Bit 11: the name is UTF-8. */
const FLAGS = 0x0008 | 0x0800;
const DEFLATE = 8;
const VERSION = 20;
/** Past this an entry or the archive needs ZIP64, which no export comes near (a sheet ≤ 1M rows). */
const LIMIT = 0xffffffff;

interface Written {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/** MS-DOS time and date, the only clock a ZIP header has (local time, 2-second steps). */
function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** One entry being written: text or bytes in, deflated out. */
export interface ZipEntry {
  write(data: string | Buffer): Promise<void>;
  end(): Promise<void>;
}

export class ZipWriter {
  private readonly entries: Written[] = [];
  private offset = 0;
  private open = false;
  private readonly stamp = dosTime(new Date());
  /** Rejects when the stream fails (disk full…), so that no wait for it hangs. */
  private readonly broken: Promise<never>;

  constructor(
    private readonly out: Writable,
    private readonly level = 1,
  ) {
    this.broken = new Promise<never>((_, reject) => out.once('error', reject));
    this.broken.catch(() => {});
  }

  private async put(bytes: Buffer): Promise<void> {
    this.offset += bytes.length;
    if (!this.out.write(bytes)) await Promise.race([once(this.out, 'drain'), this.broken]);
  }

  /** Starts an entry; the previous one must have ended. */
  async entry(fileName: string): Promise<ZipEntry> {
    if (this.open) throw new Error('zip: the previous entry is still open');
    this.open = true;
    const name = Buffer.from(fileName, 'utf8');
    const offset = this.offset;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    // CRC and sizes (14–25) stay 0: they are in the data descriptor.
    header.writeUInt16LE(name.length, 26);
    await this.put(Buffer.concat([header, name]));

    const deflate: DeflateRaw = createDeflateRaw({
      level: this.level,
      // Chunks of the size the file stream writes well; fewer, larger callbacks.
      chunkSize: 64 * 1024,
    });
    let crc = 0;
    let size = 0;
    let compressed = 0;
    // The compressed bytes go to the archive as they come, paused while the archive is behind.
    deflate.on('data', (chunk: Buffer) => {
      compressed += chunk.length;
      this.offset += chunk.length;
      if (!this.out.write(chunk)) {
        deflate.pause();
        this.out.once('drain', () => deflate.resume());
      }
    });
    const failed = new Promise<never>((_, reject) => deflate.once('error', reject));
    failed.catch(() => {});
    const until = (event: string) => Promise.race([once(deflate, event), failed, this.broken]);
    const ended = until('end');
    ended.catch(() => {});

    return {
      write: async (data) => {
        const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
        crc = crc32(bytes, crc);
        size += bytes.length;
        if (!deflate.write(bytes)) await until('drain');
      },
      end: async () => {
        deflate.end();
        await ended;
        if (size > LIMIT || compressed > LIMIT || this.offset > LIMIT)
          throw new Error('zip: an entry over 4 GB needs ZIP64, which this writer does not write');
        const descriptor = Buffer.alloc(16);
        descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
        descriptor.writeUInt32LE(crc, 4);
        descriptor.writeUInt32LE(compressed, 8);
        descriptor.writeUInt32LE(size, 12);
        await this.put(descriptor);
        this.entries.push({ name, crc, compressed, size, offset });
        this.open = false;
      },
    };
  }

  /** A whole entry at once (the small parts of a package). */
  async file(fileName: string, data: string | Buffer): Promise<void> {
    const e = await this.entry(fileName);
    await e.write(data);
    await e.end();
  }

  /** Writes the central directory and ends the stream. */
  async finish(): Promise<void> {
    if (this.open) throw new Error('zip: an entry is still open');
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(CENTRAL_HEADER, 0);
      h.writeUInt16LE(VERSION, 4);
      h.writeUInt16LE(VERSION, 6);
      h.writeUInt16LE(FLAGS, 8);
      h.writeUInt16LE(DEFLATE, 10);
      h.writeUInt16LE(this.stamp.time, 12);
      h.writeUInt16LE(this.stamp.date, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      // Extra, comment, disk, attributes (30–41): none.
      h.writeUInt32LE(e.offset, 42);
      await this.put(Buffer.concat([h, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.put(end);
    if (this.offset > LIMIT) throw new Error('zip: an archive over 4 GB needs ZIP64');
    const finished = Promise.race([once(this.out, 'finish'), this.broken]);
    this.out.end();
    await finished;
  }
}
