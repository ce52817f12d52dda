/**
 * Takes (when given the live file) and checks a database snapshot in a worker thread: SQLite's
 * backup steps and `PRAGMA integrity_check` read and write every page of a file that may be
 * gigabytes, and the host's thread must keep answering check-ins meanwhile.
 * In: workerData { file, source?, pagesPerStep?, pauseMs?, nativeBinding? };
 * out: one message, { ok: true, facts } or { ok: false, stage: 'take' | 'check', error, code? }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { takeOnlineSnapshot } from './online-snapshot';
import { readSnapshotFacts } from './snapshot-facts';
import { lowerThisThreadsPriority } from '../thread-priority';

lowerThisThreadsPriority();

const input = z
  .object({
    file: z.string(),
    source: z.string().optional(),
    pagesPerStep: z.number().int().positive().default(256),
    pauseMs: z.number().nonnegative().default(0),
    nativeBinding: z.string().optional(),
  })
  .parse(workerData);
const binding = input.nativeBinding !== undefined && { nativeBinding: input.nativeBinding };

let stage: 'take' | 'check' = input.source !== undefined ? 'take' : 'check';

async function main(): Promise<void> {
  if (input.source !== undefined) {
    await takeOnlineSnapshot(input.source, input.file, {
      pagesPerStep: input.pagesPerStep,
      pauseMs: input.pauseMs,
      ...binding,
    });
    stage = 'check';
  }
  const db = new Database(input.file, { readonly: true, fileMustExist: true, ...binding });
  try {
    parentPort?.postMessage({ ok: true, facts: readSnapshotFacts(db) });
  } finally {
    db.close();
  }
}

main().catch((err: unknown) => {
  const code = err instanceof Error ? (err as NodeJS.ErrnoException).code : undefined;
  parentPort?.postMessage({
    ok: false,
    stage,
    error: err instanceof Error ? err.message : String(err),
    ...(typeof code === 'string' && { code }),
  });
});
