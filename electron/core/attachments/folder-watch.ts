import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

export interface FolderOffer {
  id: string;
  path: string;
  name: string;
  size: number;
  seenAt: string;
}

/** Names an office scanner or a copy in progress uses for a file that is not finished yet. */
const UNFINISHED = /(^\.|^~\$|\.(tmp|part|crdownload|partial)$)/i;

/**
 * "Scan to folder": office scanners drop their files in a shared folder; each new file is offered
 * to the officers once it has stopped growing, never while it is still being written.
 */
export class FolderWatch {
  private watcher: FSWatcher | null = null;
  private readonly offers = new Map<string, FolderOffer>();

  constructor(
    private readonly dir: string,
    private readonly stableMs = 1500,
    private readonly now: () => Date = () => new Date(),
    /** Told when a file is offered or withdrawn, so that screens reload the offers. */
    private readonly changed: () => void = () => {},
  ) {}

  start(): Promise<void> {
    this.watcher = watch(this.dir, {
      ignoreInitial: true,
      depth: 0,
      ignored: (path: string) => path !== this.dir && UNFINISHED.test(basename(path)),
      awaitWriteFinish: {
        stabilityThreshold: this.stableMs,
        pollInterval: Math.min(100, this.stableMs / 4),
      },
    });
    this.watcher.on('add', (path, stats) => {
      const offer = {
        id: randomBytes(12).toString('hex'),
        path,
        name: basename(path),
        size: stats?.size ?? 0,
        seenAt: this.now().toISOString(),
      };
      this.offers.set(offer.id, offer);
      this.changed();
    });
    this.watcher.on('unlink', (path) => {
      for (const [id, o] of this.offers) if (o.path === path) this.offers.delete(id);
      this.changed();
    });
    return new Promise((resolve) => this.watcher?.once('ready', () => resolve()));
  }

  list(): FolderOffer[] {
    return [...this.offers.values()].sort((a, b) => a.seenAt.localeCompare(b.seenAt));
  }

  get(id: string): FolderOffer | undefined {
    return this.offers.get(id);
  }

  /** An offer that was attached is not offered again. */
  take(id: string): void {
    this.offers.delete(id);
  }

  async close(): Promise<void> {
    await this.watcher?.close();
    this.watcher = null;
  }
}
