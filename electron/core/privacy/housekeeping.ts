import type { VisitService } from '../reception/visits';
import { STALE_BATCH } from '../reception/visits';
import { RETENTION_BATCH, type RetentionJob } from './retention';

export interface HousekeepingResult {
  closedVisits: number;
  anonymisedVisitors: number;
  batches: number;
}

/**
 * Closing visits left open on an earlier day and anonymising visitors past retention, in short
 * transactions. In the background it yields to the event loop after every batch, so that a
 * request arriving meanwhile waits for one batch (a few ms), not for the whole job.
 */
export class Housekeeping {
  private running: Promise<HousekeepingResult> | null = null;
  private stopped = false;

  constructor(
    private readonly visits: Pick<VisitService, 'closeStaleBatch'>,
    private readonly retention: Pick<RetentionJob, 'runBatch'>,
    private readonly sizes = { stale: STALE_BATCH, retention: RETENTION_BATCH },
  ) {}

  /** All of it now, batch after batch without yielding: at start, before requests are served. */
  runNow(): HousekeepingResult {
    const result = { closedVisits: 0, anonymisedVisitors: 0, batches: 0 };
    for (const step of this.steps()) {
      for (;;) {
        const n = step.batch();
        result.batches++;
        step.add(result, n);
        if (n < step.size) break;
      }
    }
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
    const result = { closedVisits: 0, anonymisedVisitors: 0, batches: 0 };
    for (const step of this.steps()) {
      for (;;) {
        await yieldToRequests();
        if (this.stopped) return result;
        const n = step.batch();
        result.batches++;
        step.add(result, n);
        if (n < step.size) break;
      }
    }
    return result;
  }

  private steps() {
    return [
      {
        size: this.sizes.stale,
        batch: () => this.visits.closeStaleBatch(this.sizes.stale),
        add: (r: HousekeepingResult, n: number) => (r.closedVisits += n),
      },
      {
        size: this.sizes.retention,
        batch: () => this.retention.runBatch(this.sizes.retention),
        add: (r: HousekeepingResult, n: number) => (r.anonymisedVisitors += n),
      },
    ];
  }
}

/** After the I/O callbacks already waiting: requests that arrived during the batch go first. */
function yieldToRequests(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
