import { connect } from 'node:net';
import { printerEndpoint } from '../../../shared/domain/printer';
import type { PaperWidth } from '../../../shared/domain/printer';
import type { Slip } from '../../../shared/domain/slip';
import { AppError } from '../errors';
import { escposSlipJob } from './escpos-slip';

export interface ThermalOptions {
  /** How long a connection may take before the printer counts as unreachable (default 3 s). */
  connectTimeoutMs?: number;
  /** How long the printer's paper status is waited for; many printers never answer (0.8 s). */
  statusTimeoutMs?: number;
}

/** DLE EOT 4: the roll paper sensor's status, one byte back. */
const PAPER_STATUS = Buffer.from([0x10, 0x04, 0x04]);
/** Bits 5 and 6 of that byte: the paper roll has run out. */
const PAPER_END = 0x60;

type PaperState = 'ok' | 'out' | 'unknown';

/**
 * Asks the printer for its paper sensor. A printer that does not answer in time is printed to
 * anyway (the status command is optional on many models); one that refuses the connection is
 * unreachable and nothing is sent.
 */
function paperState(host: string, port: number, o: Required<ThermalOptions>): Promise<PaperState> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, timeout: o.connectTimeoutMs });
    let settled = false;
    const done = (fn: () => void) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      fn();
    };
    socket.once('connect', () => {
      socket.setTimeout(0);
      socket.write(PAPER_STATUS);
      setTimeout(() => done(() => resolve('unknown')), o.statusTimeoutMs).unref();
    });
    socket.once('data', (b: Buffer) => done(() => resolve((b[0] ?? 0) & PAPER_END ? 'out' : 'ok')));
    socket.once('timeout', () => done(() => reject(new AppError('PRINTER_UNREACHABLE'))));
    socket.once('error', () => done(() => reject(new AppError('PRINTER_UNREACHABLE'))));
  });
}

/** Prints a slip on a network thermal printer (ESC/POS over TCP); coded errors on failure. */
export async function printOnThermal(
  address: string,
  width: PaperWidth,
  slip: Slip,
  options: ThermalOptions = {},
): Promise<void> {
  const o = { connectTimeoutMs: 3000, statusTimeoutMs: 800, ...options };
  const { host, port } = printerEndpoint(address);
  if ((await paperState(host, port, o)) === 'out') throw new AppError('PRINTER_NO_PAPER');
  const job = escposSlipJob(slip, width, `tcp://${host}:${port}`, o.connectTimeoutMs);
  try {
    await job.execute();
  } catch {
    throw new AppError('PRINTER_UNREACHABLE');
  }
}
