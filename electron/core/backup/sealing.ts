import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../../shared/api/errors';
import { AppError } from '../errors';
import type { BackupKey, Kdf } from './backup-key';
import type { SealedHeader, SealedMeta } from './sealed-file';

type WireKey = { kdf: Kdf; hex: string };
export type SealJob = { id: number; key: WireKey } & (
  | { op: 'seal'; source: string; dest: string; meta: SealedMeta; now: string; sync: boolean }
  | { op: 'open'; file: string; dest?: string }
);
type Reply =
  | { id: number; ok: true; value: unknown }
  | {
      id: number;
      ok: false;
      code: ErrorCode | null;
      params: Record<string, string>;
      message: string;
    };

function spawnWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./backup-sealing-worker.mjs', here));
  const source = new URL('./sealing-worker.ts', here).href;
  const boot = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}))`;
  return new Worker(boot, { eval: true });
}

/**
 * One worker for one backup or restore: seals and opens its files off the host's thread. The
 * same refusals as sealed-file.ts (AppError codes) come back across.
 */
export class Sealer {
  private readonly worker = spawnWorker();
  private readonly waiting = new Map<
    number,
    { resolve(v: unknown): void; reject(e: Error): void }
  >();
  private next = 1;
  private readonly key: WireKey;

  constructor(key: BackupKey) {
    this.key = { kdf: key.kdf, hex: key.bytes.toString('hex') };
    this.worker.on('message', (reply: Reply) => {
      const w = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (!w) return;
      if (reply.ok) w.resolve(reply.value);
      else
        w.reject(
          reply.code ? new AppError(reply.code, {}, reply.params) : new Error(reply.message),
        );
    });
    this.worker.on('error', (err) => this.failAll(err));
    this.worker.on('exit', (code) => this.failAll(new Error(`sealing worker exited with ${code}`)));
  }

  private failAll(err: Error): void {
    for (const w of this.waiting.values()) w.reject(err);
    this.waiting.clear();
  }

  private call<T>(
    job: SealJob extends infer J ? (J extends unknown ? Omit<J, 'id' | 'key'> : never) : never,
  ): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...job, id, key: this.key });
    });
  }

  seal(
    source: string,
    dest: string,
    meta: SealedMeta,
    now: Date,
    sync = true,
  ): Promise<{ sha256: string; plainBytes: number; sealedBytes: number }> {
    return this.call({ op: 'seal', source, dest, meta, now: now.toISOString(), sync });
  }

  /** Opens and checks a sealed file (into `dest` when given); its plaintext's SHA-256. */
  open(file: string, dest?: string): Promise<{ header: SealedHeader; sha256: string }> {
    return this.call({ op: 'open', file, ...(dest !== undefined && { dest }) });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
