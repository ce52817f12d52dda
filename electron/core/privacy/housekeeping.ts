import type { VisitService } from '../reception/visits';
import { STALE_BATCH } from '../reception/visits';
import { RETENTION_BATCH, type RetentionJob } from './retention';

export interface HousekeepingResult {
  closedVisits: number;
  anonymisedVisitors: number;
  /** Visits, cases and documents past their purpose's retention, and files removed from disk. */
  purged: number;
  batches: number;
}

export const nothingYet = (): HousekeepingResult => ({
  closedVisits: 0,
  anonymisedVisitors: 0,
  purged: 0,
  batches: 0,
});

/**
 * Closing visits left open on an earlier day and purging what is past its retention, in short
 * transactions. In the background it yields to the event loop after every batch, so that a
 * request arriving meanwhile waits for one batch (a few ms), not for the whole job.
 */
export class Housekeeping {
  private running: Promise<HousekeepingResult> | null = null;
  private stopped = false;

  constructor(
    private readonly visits: Pick<VisitService, 'closeStaleBatch'>,
    private readonly retention: Pick<RetentionJob, 'runBatch'> &
      Partial<Pick<RetentionJob, 'steps'>>,
    private readonly sizes: { stale: number; retention: number; purge?: number } = {
      stale: STALE_BATCH,
      retention: RETENTION_BATCH,
    },
    /** After a run that wiped personal data: the freed pages are wiped too (freed-pages.ts). */
    private readonly afterWipe: () => void = () => {},
    /** The same at the end of a background run: the long part off the serving thread. */
    private readonly afterWipeInBackground: () => Promise<unknown> = async () => afterWipe(),
  ) {}

  /** All of it now, batch after batch without yielding: at start, before requests are served. */
  runNow(): HousekeepingResult {
    const result = nothingYet();
    for (const step of this.steps()) {
      for (;;) {
        const n = step.batch();
        result.batches++;
        step.add(result, n);
        if (n < step.size) break;
      }
    }
    this.settle(result);
    return result;
  }

  /** The same, yielding after each batch; a run already under way is joined, not doubled. */
  runInBackground(): Promise<HousekeepingResult> {
    this.running ??= this.background().finally(() => (this.running = null));
    return this.running;
  }

  /** No batch starts after this; resolves when the one under way (if any) has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async background(): Promise<HousekeepingResult> {
    const result = nothingYet();
    for (const step of this.steps()) {
      for (;;) {
        await yieldToRequests();
        if (this.stopped) return this.settleInBackground(result);
        const n = step.batch();
        result.batches++;
        step.add(result, n);
        if (n < step.size) break;
      }
    }
    return this.settleInBackground(result);
  }

  private async settleInBackground(result: HousekeepingResult): Promise<HousekeepingResult> {
    if (result.anonymisedVisitors + result.purged > 0) await this.afterWipeInBackground();
    return result;
  }

  private settle(result: HousekeepingResult): HousekeepingResult {
    if (result.anonymisedVisitors + result.purged > 0) this.afterWipe();
    return result;
  }

  private steps(): HousekeepingStep[] {
    return housekeepingSteps(this.visits, this.retention, this.sizes);
  }
}

/** One kind of batch: run until a batch reads fewer rows than its size. */
export interface HousekeepingStep {
  kind: 'stale' | 'anonymise' | 'purge';
  size: number;
  batch(): number;
  add(result: HousekeepingResult, n: number): void;
}

/** The batches in their order, shared with the worker thread (housekeeping-worker.ts). */
export function housekeepingSteps(
  visits: Pick<VisitService, 'closeStaleBatch'>,
  retention: Pick<RetentionJob, 'runBatch'> & Partial<Pick<RetentionJob, 'steps'>>,
  sizes: { stale: number; retention: number; purge?: number },
): HousekeepingStep[] {
  const purgeSize = sizes.purge ?? RETENTION_BATCH;
  return [
    {
      kind: 'stale',
      size: sizes.stale,
      batch: () => visits.closeStaleBatch(sizes.stale),
      add: (r, n) => (r.closedVisits += n),
    },
    {
      kind: 'anonymise',
      size: sizes.retention,
      batch: () => retention.runBatch(sizes.retention),
      add: (r, n) => (r.anonymisedVisitors += n),
    },
    ...(retention.steps?.() ?? []).map((purge): HousekeepingStep => ({
      kind: 'purge',
      size: purgeSize,
      batch: () => purge.batch(purgeSize),
      add: (r, n) => (r.purged += n),
    })),
  ];
}

/** After the I/O callbacks already waiting: requests that arrived during the batch go first. */
function yieldToRequests(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
