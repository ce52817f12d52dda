import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import type { PdfVerdict } from './pdf-structure';

export interface PdfInspectorOptions {
  /** A PDF whose check takes longer is refused and its worker terminated (default 15 s). */
  timeoutMs?: number;
  /** The worker's V8 heap (default 256 MB); past it the worker dies, the host does not. */
  maxHeapMb?: number;
  /** What object and cross-reference streams may inflate to in all (default 16 MB). */
  maxInflatedBytes?: number;
  /** An idle worker is ended after this long (default 15 min); the next PDF starts another. */
  idleMs?: number;
}

const verdictSchema = z.object({
  id: z.number().int(),
  verdict: z.union([
    z.object({ ok: z.literal(true), pages: z.number().int().positive() }),
    z.object({
      ok: z.literal(false),
      code: z.enum([
        'ATTACHMENT_PDF_TOO_COMPLEX',
        'ATTACHMENT_PDF_ACTIVE_CONTENT',
        'ATTACHMENT_PDF_ENCRYPTED',
        'ATTACHMENT_TRAILING_DATA',
        'ATTACHMENT_DAMAGED',
      ]),
      detail: z.string(),
    }),
  ]),
});

/**
 * Where the worker's code is: the bundled file next to the bundled host (dist-electron), or the
 * TypeScript source run through tsx when Loket runs from its sources (tests, `npm start`).
 */
function spawnWorker(options: { resourceLimits: { maxOldGenerationSizeMb: number } }): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./pdf-inspect-worker.mjs', here), options);
  const source = new URL('./pdf-inspect-worker.ts', here).href;
  const boot = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}))`;
  return new Worker(boot, { ...options, eval: true });
}

/**
 * Checks PDFs (structure, active content, page count) in a worker thread, one at a time. The
 * worker is kept between files (loading pdf-lib takes most of a second) and replaced after a
 * file that timed out or exhausted its heap.
 */
export class PdfInspector {
  private worker: Worker | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly timeoutMs: number;
  private readonly maxHeapMb: number;
  private readonly maxInflatedBytes: number;
  private readonly idleMs: number;

  constructor(options: PdfInspectorOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.maxHeapMb = options.maxHeapMb ?? 256;
    this.maxInflatedBytes = options.maxInflatedBytes ?? 16 * 1024 * 1024;
    this.idleMs = options.idleMs ?? 15 * 60_000;
  }

  inspect(bytes: Uint8Array): Promise<PdfVerdict> {
    const run = this.queue.then(() => this.run(bytes));
    this.queue = run.catch(() => {});
    return run;
  }

  /**
   * Starts the worker ahead of the first PDF, so that the officer's first attachment does not
   * wait for pdf-lib to load (about a second bundled, a few from the sources).
   */
  warm(): void {
    if (this.worker) return;
    this.ensureWorker();
    this.idleTimer = setTimeout(() => void this.close(), this.idleMs);
    this.idleTimer.unref();
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private run(bytes: Uint8Array): Promise<PdfVerdict> {
    clearTimeout(this.idleTimer);
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<PdfVerdict>((resolve) => {
      const finish = (verdict: PdfVerdict, replaceWorker: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onFailure);
        worker.off('exit', onFailure);
        if (replaceWorker) {
          if (this.worker === worker) this.worker = null;
          void worker.terminate();
        } else {
          this.idleTimer = setTimeout(() => void this.close(), this.idleMs);
          this.idleTimer.unref();
        }
        resolve(verdict);
      };
      const onMessage = (message: unknown) => {
        const parsed = verdictSchema.safeParse(message);
        if (parsed.success && parsed.data.id === id) finish(parsed.data.verdict, false);
      };
      // ERR_WORKER_OUT_OF_MEMORY arrives as an error, then the worker exits.
      const onFailure = () =>
        finish({ ok: false, code: 'ATTACHMENT_PDF_TOO_COMPLEX', detail: 'worker memory' }, true);
      const timer = setTimeout(
        () => finish({ ok: false, code: 'ATTACHMENT_PDF_TOO_COMPLEX', detail: 'time limit' }, true),
        this.timeoutMs,
      );
      worker.on('message', onMessage);
      worker.on('error', onFailure);
      worker.on('exit', onFailure);
      worker.postMessage({ id, bytes, maxInflatedBytes: this.maxInflatedBytes });
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = spawnWorker({ resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb } });
    // A waiting worker must not keep the process alive; a job in flight holds its own timer.
    worker.unref();
    this.worker = worker;
    return worker;
  }
}

let shared: PdfInspector | undefined;

/**
 * The inspector cores share when they are not given limits of their own: it holds no state
 * between files, and one warm worker serves every core in the process.
 */
export function sharedPdfInspector(): PdfInspector {
  shared ??= new PdfInspector();
  return shared;
}
