import { Worker } from 'node:worker_threads';
import { BackgroundWrites } from '../db/background-writes';
import { nativeBindingOption } from '../db/native-binding';
import { nothingYet, type Housekeeping, type HousekeepingResult } from './housekeeping';
import {
  housekeepingWorkerMessage,
  STOP_MESSAGE,
  type HousekeepingWorkerInput,
} from './housekeeping-protocol';

/**
 * Batch sizes in the worker. Its transactions hold the write lock, and a write of the desk that
 * meets it waits on the serving thread (better-sqlite3's busy timeout sleeps there): a visitor
 * anonymised at a time, as few of the rest (bench/housekeeping-stall.ts).
 */
export const WORKER_SIZES = { stale: 20, retention: 1, purge: 5 } as const;
/**
 * Between two of the worker's transactions, at least (and twice the last one's time on top).
 * SQLite's busy handler looks again after 1, 2, 5, 10 ms: a waiting write gets in at its next look.
 */
export const WORKER_PAUSE_MS = 10;

/** A worker that ended without saying how its run went (crashed, killed). */
export class HousekeepingWorkerEnded extends Error {
  constructor(readonly exitCode: number) {
    super(`the housekeeping worker ended early (exit code ${exitCode})`);
  }
}

/** A batch the worker could not finish: its transaction was rolled back, the next run retries. */
export class HousekeepingWorkerFailed extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export interface OffThreadOptions {
  file: string;
  attachmentsDir: string;
  now: () => Date;
  /** False for a database in memory, or once the file was found damaged: the batches stay here. */
  offThread: () => boolean;
  /** After a run that wiped personal data, as Housekeeping's (freed-pages.ts). */
  afterWipe: () => Promise<unknown>;
  sizes?: HousekeepingWorkerInput['sizes'];
  pauseMs?: number;
  /**
   * A background run starts once this has settled: the start-up check of a large file, which
   * reads every page in one read transaction (the worker's checkpoints cannot pass it, so the
   * log grows) on a third thread beside the serving one and the worker's. In one run at
   * 1,000,000 visitors a check-in waited 99 ms behind the run that overlapped the check, 19 ms
   * behind the next day's (bench/housekeeping-stall.ts).
   */
  notBefore?: () => Promise<unknown> | null;
  /** The word the worker sets while a batch runs, which the desk's writes wait on. */
  backgroundWrites?: BackgroundWrites;
}

export type OffThreadResult = HousekeepingResult & { longestTransactionMs: number };

/**
 * Housekeeping whose background runs are done by a worker thread on its own connection
 * (housekeeping-worker.ts): the serving thread only counts what it reports. The run at start,
 * before requests are served, stays on this thread (`runNow`).
 */
export class OffThreadHousekeeping {
  private running: Promise<HousekeepingResult> | null = null;
  private worker: Worker | null = null;
  private stopped = false;
  private killed = false;
  private readonly writes: BackgroundWrites;

  constructor(
    private readonly inThread: Housekeeping,
    private readonly options: OffThreadOptions,
  ) {
    this.writes = options.backgroundWrites ?? new BackgroundWrites();
  }

  runNow(): HousekeepingResult {
    return this.inThread.runNow();
  }

  /** A run already under way is joined, not doubled. */
  runInBackground(): Promise<HousekeepingResult> {
    if (!this.options.offThread()) return this.inThread.runInBackground();
    this.running ??= this.inWorker().finally(() => (this.running = null));
    return this.running;
  }

  /** No batch starts after this; resolves when the one under way (if any) has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.worker?.postMessage(STOP_MESSAGE);
    await Promise.all([this.running?.catch(() => undefined), this.inThread.stop()]);
  }

  /** At close: a batch under way is rolled back (its transaction never commits), done next run. */
  kill(): void {
    this.stopped = true;
    this.killed = true;
    void this.worker?.terminate();
    void this.inThread.stop();
  }

  private async inWorker(): Promise<OffThreadResult> {
    const result: OffThreadResult = { ...nothingYet(), longestTransactionMs: 0 };
    await this.options.notBefore?.()?.catch(() => undefined);
    // Found damaged by that check: the next minute's run stays on the serving thread.
    if (this.stopped || !this.options.offThread()) return result;
    const failure = await this.spawn((m) => {
      // Found damaged meanwhile (by a request): nothing more is written into the file.
      if (!this.options.offThread()) this.worker?.postMessage(STOP_MESSAGE);
      result.batches++;
      result.longestTransactionMs = Math.max(result.longestTransactionMs, m.ms);
      if (m.kind === 'stale') result.closedVisits += m.count;
      else if (m.kind === 'anonymise') result.anonymisedVisitors += m.count;
      else result.purged += m.count;
    });
    // What the batches committed before a failure was wiped too: its freed pages go as well.
    if (!this.killed && result.anonymisedVisitors + result.purged > 0) {
      await this.options.afterWipe();
    }
    if (failure && !this.killed) throw failure;
    return result;
  }

  /** Resolves with what ended the run early, or null when it ended well. */
  private spawn(
    onBatch: (m: { kind: 'stale' | 'anonymise' | 'purge'; count: number; ms: number }) => void,
  ): Promise<Error | null> {
    const worker = spawnWorker({
      file: this.options.file,
      nativeBinding: nativeBindingOption().nativeBinding,
      attachmentsDir: this.options.attachmentsDir,
      now: this.options.now().toISOString(),
      sizes: this.options.sizes ?? WORKER_SIZES,
      pauseMs: this.options.pauseMs ?? WORKER_PAUSE_MS,
      writing: this.writes.buffer,
    });
    this.worker = worker;
    return new Promise<Error | null>((resolve) => {
      const end = (outcome: Error | null) => {
        if (this.worker === worker) this.worker = null;
        // A worker killed in the middle of a batch left its word set: no write waits on it.
        this.writes.clear();
        resolve(outcome);
      };
      worker.on('message', (raw: unknown) => {
        const m = housekeepingWorkerMessage.safeParse(raw);
        if (!m.success) return;
        if (m.data.type === 'batch') onBatch(m.data);
        else if (m.data.type === 'done') end(null);
        else end(new HousekeepingWorkerFailed(m.data.message, m.data.code));
      });
      worker.once('error', (err) => end(err));
      // Only the first of these settles the run.
      worker.once('exit', (code) => end(new HousekeepingWorkerEnded(code)));
    });
  }
}

/** As in checkpoint.ts: the bundled file next to the host, or the source through tsx. */
function spawnWorker(workerData: HousekeepingWorkerInput): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts'))
    return new Worker(new URL('./housekeeping-worker.mjs', here), { workerData });
  const source = new URL('./housekeeping-worker.ts', here).href;
  const boot = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}))`;
  return new Worker(boot, { eval: true, workerData });
}
