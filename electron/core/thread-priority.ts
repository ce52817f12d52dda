/**
 * Lowers the CPU priority of the calling thread (a backup worker, the start-up integrity check),
 * never of the host's thread: on a 2-core desk PC the AES, SHA-256 and integrity_check of a
 * backup would otherwise take the cores a check-in needs. Not for a thread that holds the write
 * lock (housekeeping): a check-in would wait for it while it waits for a core. Linux only, where
 * a nice value belongs to one thread (named by its id in /proc/thread-self); elsewhere the
 * worker keeps its priority.
 */
import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';

export function lowerThisThreadsPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    // On the host's own thread this would slow every check-in down instead.
    if (!Number.isInteger(tid) || tid === process.pid) return;
    setPriority(tid, constants.priority.PRIORITY_LOW);
  } catch {
    // No /proc (a sandbox): the backup runs at normal priority, only slower for the desk.
  }
}
