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
  worker: Worker | null;
  finished: Promise<void>;
  touchedAt: number;
}

const messageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), done: z.number(), total: z.number() }),
  z.object({ type: z.literal('done'), fileName: z.string() }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);

/** Bytes per download call: base64 of 2 MiB is under the HTTP host's body caps and quick to move. */
export const CHUNK_BYTES = 2 * 1024 * 1024;
const MAX_RUNNING = 2;
/** A finished export not fetched within this long is deleted. */
const KEEP_MS = 60 * 60_000;

/** The bundled worker next to the bundled host, or the TypeScript source run through tsx. */
function spawnWorker(workerData: unknown): Worker {
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
    const running = [...this.jobs.values()].filter((j) => j.status.state === 'running').length;
    if (running >= MAX_RUNNING) throw new AppError('BUSY');
    const id = randomBytes(12).toString('hex');
    const file = join(this.dir, `${id}.${task.format}`);
    const status: ExportStatus = {
      state: 'running',
      done: 0,
      total: 0,
      fileName: null,
      mimeType: MIME_TYPES[task.format],
      size: null,
    };
    const worker = spawnWorker({
      task,
      dbFile: this.dbFile,
      outFile: file,
      nativeBinding: nativeBindingOption().nativeBinding,
    });
    const job: Job = {
      owner,
      task,
      file,
      status,
      worker,
      finished: Promise.resolve(),
      touchedAt: Date.now(),
    };
    job.finished = new Promise<void>((resolve) => {
      worker.on('message', (raw: unknown) => {
        const m = messageSchema.safeParse(raw);
        if (!m.success) return;
        if (m.data.type === 'progress') {
          status.done = m.data.done;
          status.total = m.data.total;
        } else if (m.data.type === 'done') {
          status.state = 'done';
          status.fileName = m.data.fileName;
          status.size = statSync(file).size;
        } else {
          status.state = 'failed';
          this.logError(new Error(`report export failed: ${m.data.message}`));
        }
      });
      worker.on('error', (err) => {
        status.state = 'failed';
        this.logError(err);
      });
      worker.on('exit', () => {
        if (status.state === 'running') status.state = 'failed';
        job.worker = null;
        if (status.state === 'failed') rmSync(file, { force: true });
        resolve();
      });
    });
    this.jobs.set(id, job);
    return id;
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
    const pending = [...this.jobs.values()].map((j) => {
      void j.worker?.terminate();
      return j.finished;
    });
    await Promise.all(pending);
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
