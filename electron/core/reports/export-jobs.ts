import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { nativeBindingOption } from '../db/native-binding';
import { AppError } from '../errors';
import { MIME_TYPES, type ExportTask } from './export-task';

export interface ExportStatus {
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  fileName: string | null;
  mimeType: string;
  size: number | null;
}

interface Job {
  owner: number;
  task: ExportTask;
  file: string;
  status: ExportStatus;
  finished: Promise<void>;
  settle: () => void;
  touchedAt: number;
}

const messageSchema = z.discriminatedUnion('type', [
  z.object({ id: z.string(), type: z.literal('progress'), done: z.number(), total: z.number() }),
  z.object({ id: z.string(), type: z.literal('done'), fileName: z.string() }),
  z.object({ id: z.string(), type: z.literal('error'), message: z.string() }),
]);

/** Bytes per download call: base64 of 2 MiB is under the HTTP host's body caps and quick to move. */
export const CHUNK_BYTES = 2 * 1024 * 1024;
/** Exports waiting or under way: more is refused (BUSY), not queued without end. */
const MAX_PENDING = 4;
/** An idle worker is ended after this long; the next export starts another. */
const IDLE_MS = 5 * 60_000;
/** A finished export not fetched within this long is deleted. */
const KEEP_MS = 60 * 60_000;

/** The bundled worker next to the bundled host, or the TypeScript source run through tsx. */
function spawnWorker(workerData: { dbFile: string; nativeBinding: string | undefined }): Worker {
  const here = import.meta.url;
  const resourceLimits = { maxOldGenerationSizeMb: 256 };
  if (!here.endsWith('.ts'))
    return new Worker(new URL('./report-export-worker.mjs', here), { workerData, resourceLimits });
  const source = new URL('./export-worker.ts', here).href;
  const boot = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}))`;
  return new Worker(boot, { eval: true, workerData, resourceLimits });
}

/**
 * Report exports made in worker threads into files under the data folder, fetched in chunks by
 * the staff member who asked for them: the desk's thread neither builds nor holds the file.
 */
export class ExportJobs {
  private readonly jobs = new Map<string, Job>();
  private worker: Worker | null = null;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dir: string,
    private readonly dbFile: string,
    private readonly logError: (err: unknown) => void,
  ) {
    // Files of a previous run are nobody's any more.
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  start(owner: number, task: ExportTask): string {
    this.sweep();
    const pending = [...this.jobs.values()].filter((j) => j.status.state === 'running').length;
    if (pending >= MAX_PENDING) throw new AppError('BUSY');
    const id = randomBytes(12).toString('hex');
    const file = join(this.dir, `${id}.${task.format}`);
    let settle = () => {};
    const finished = new Promise<void>((resolve) => (settle = resolve));
    const job: Job = {
      owner,
      task,
      file,
      status: {
        state: 'running',
        done: 0,
        total: 0,
        fileName: null,
        mimeType: MIME_TYPES[task.format],
        size: null,
      },
      finished,
      settle,
      touchedAt: Date.now(),
    };
    this.jobs.set(id, job);
    clearTimeout(this.idleTimer);
    this.ensureWorker().postMessage({ id, task, outFile: file });
    return id;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = spawnWorker({
      dbFile: this.dbFile,
      nativeBinding: nativeBindingOption().nativeBinding,
    });
    worker.on('message', (raw: unknown) => {
      const m = messageSchema.safeParse(raw);
      const job = m.success ? this.jobs.get(m.data.id) : undefined;
      if (!m.success || !job) return;
      if (m.data.type === 'progress') {
        job.status.done = m.data.done;
        job.status.total = m.data.total;
        return;
      }
      if (m.data.type === 'done') {
        job.status.state = 'done';
        job.status.fileName = m.data.fileName;
        job.status.size = statSync(job.file).size;
      } else {
        job.status.state = 'failed';
        rmSync(job.file, { force: true });
        this.logError(new Error(`report export failed: ${m.data.message}`));
      }
      job.settle();
      this.idleLater();
    });
    worker.on('error', (err) => this.logError(err));
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
      // Whatever it was writing is lost (heap exhausted, terminated): say so, keep nothing.
      for (const job of this.jobs.values())
        if (job.status.state === 'running') {
          job.status.state = 'failed';
          rmSync(job.file, { force: true });
          job.settle();
        }
    });
    this.worker = worker;
    return worker;
  }

  private idleLater(): void {
    if ([...this.jobs.values()].some((j) => j.status.state === 'running')) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.worker?.terminate(), IDLE_MS);
    this.idleTimer.unref();
  }

  status(owner: number, id: string): ExportStatus {
    const job = this.job(owner, id);
    job.touchedAt = Date.now();
    return { ...job.status };
  }

  /** Waits until the export has finished (tests, and exports a call returns whole). */
  async finished(owner: number, id: string): Promise<ExportStatus> {
    await this.job(owner, id).finished;
    return this.status(owner, id);
  }

  /** Up to CHUNK_BYTES of the finished file from `offset`; the last chunk deletes the file. */
  chunk(owner: number, id: string, offset: number): { bytes: Buffer; nextOffset: number | null } {
    const job = this.job(owner, id);
    if (job.status.state !== 'done' || job.status.size === null) throw new AppError('NOT_FOUND');
    const size = job.status.size;
    if (offset > size)
      throw new AppError('VALIDATION', { fields: { offset: 'validation.invalid' } });
    const length = Math.min(CHUNK_BYTES, size - offset);
    const bytes = Buffer.alloc(length);
    const fd = openSync(job.file, 'r');
    try {
      readSync(fd, bytes, 0, length, offset);
    } finally {
      closeSync(fd);
    }
    job.touchedAt = Date.now();
    const next = offset + length;
    if (next >= size) {
      rmSync(job.file, { force: true });
      this.jobs.delete(id);
      return { bytes, nextOffset: null };
    }
    return { bytes, nextOffset: next };
  }

  /** Ends running exports and deletes every file (the host is shutting down). */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    await this.worker?.terminate();
    this.jobs.clear();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private job(owner: number, id: string): Job {
    const job = this.jobs.get(id);
    // Another staff member's export is as unknown as one that never existed.
    if (!job || job.owner !== owner) throw new AppError('NOT_FOUND');
    return job;
  }

  private sweep(): void {
    const limit = Date.now() - KEEP_MS;
    for (const [id, job] of this.jobs)
      if (job.status.state !== 'running' && job.touchedAt < limit) {
        rmSync(job.file, { force: true });
        this.jobs.delete(id);
      }
    // A file no job knows (its job was swept while a read was under way) goes too.
    const known = new Set([...this.jobs.values()].map((j) => j.file));
    for (const name of readdirSync(this.dir))
      if (!known.has(join(this.dir, name))) rmSync(join(this.dir, name), { force: true });
  }
}
