import type { PrinterSettings } from '../../../shared/domain/printer';
import type { SlipTarget, SlipView } from '../../../shared/domain/slip';
import { AppError } from '../errors';
import { printOnThermal, type ThermalOptions } from './thermal-printer';

/** Where the slip's facts and its print record are: the core itself, or the hub of a station. */
export interface SlipSource {
  view(target: SlipTarget): Promise<SlipView> | SlipView;
  recordPrinted(target: SlipTarget, reprint: boolean): Promise<number> | number;
}

/**
 * Prints a slip on this PC's thermal printer and records it. A slip already handed out is
 * printed again only when asked; a printer that fails records nothing, so the slip stays
 * "not printed" and can be printed once the printer is back. The visit itself was saved before.
 */
export async function printSlip(
  source: SlipSource,
  printer: PrinterSettings,
  target: SlipTarget,
  reprint: boolean,
  options: ThermalOptions = {},
): Promise<{ printedCount: number }> {
  if (printer.kind !== 'thermal') throw new AppError('PRINTER_NOT_CONFIGURED');
  const view = await source.view(target);
  if (view.printedCount > 0 && !reprint) throw new AppError('SLIP_ALREADY_PRINTED');
  await printOnThermal(printer.address, printer.width, view.slip, options);
  return { printedCount: await source.recordPrinted(target, reprint) };
}
