/**
 * Sealing and opening backup files in a worker thread: AES-GCM and SHA-256 over gigabytes are
 * CPU work, and the host's thread must keep answering check-ins while a backup runs.
 * Messages in: { id, op: 'seal' | 'open', ... }; out: { id, ok, value } or { id, ok: false, code }.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../errors';
import type { BackupKey } from './backup-key';
import { openSealedFile, sealFile, unsealFile } from './sealed-file';
import type { SealJob } from './sealing';
import { lowerThisThreadsPriority } from '../thread-priority';

lowerThisThreadsPriority();

function keyOf(job: { key: { kdf: BackupKey['kdf']; hex: string } }): BackupKey {
  return { kdf: job.key.kdf, bytes: Buffer.from(job.key.hex, 'hex') };
}

async function run(job: SealJob): Promise<unknown> {
  if (job.op === 'seal')
    return sealFile(job.source, job.dest, keyOf(job), job.meta, new Date(job.now), job.sync);
  if (job.dest !== undefined) return unsealFile(job.file, job.dest, keyOf(job));
  return openSealedFile(job.file, keyOf(job));
}

parentPort?.on('message', (job: SealJob) => {
  run(job).then(
    (value) => parentPort?.postMessage({ id: job.id, ok: true, value }),
    (err: unknown) =>
      parentPort?.postMessage({
        id: job.id,
        ok: false,
        code: err instanceof AppError ? err.code : null,
        params: err instanceof AppError ? err.params : {},
        message: err instanceof Error ? err.message : String(err),
      }),
  );
});
