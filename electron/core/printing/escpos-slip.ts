import { BreakLine, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import type { PaperWidth } from '../../../shared/domain/printer';
import type { Slip } from '../../../shared/domain/slip';
import { asciiForThermal, slipLines, type SlipLine } from './slip-lines';

/** Characters per line in font A: 32 on 58 mm paper, 48 on 80 mm. */
export const COLUMNS: Record<PaperWidth, number> = { 58: 32, 80: 48 };

/** A printer that knows no job yet: the library only builds the ESC/POS bytes here. */
function newJob(width: PaperWidth, interfaceUri: string, timeoutMs: number): ThermalPrinter {
  return new ThermalPrinter({
    type: PrinterTypes.EPSON,
    interface: interfaceUri,
    width: COLUMNS[width],
    breakLine: BreakLine.WORD,
    options: { timeout: timeoutMs },
  });
}

/** ESC @: clears what an earlier, interrupted job left in the printer's modes. */
const RESET = Buffer.from([0x1b, 0x40]);

function addLine(job: ThermalPrinter, line: SlipLine): void {
  if (line.style === 'rule') {
    job.alignLeft();
    job.drawLine();
    return;
  }
  const text = asciiForThermal(line.text);
  job.alignCenter();
  switch (line.style) {
    case 'number':
      job.setTextQuadArea();
      job.bold(true);
      job.println(text);
      job.bold(false);
      job.setTextNormal();
      break;
    case 'code':
      job.setTextDoubleHeight();
      job.bold(true);
      job.println(text);
      job.bold(false);
      job.setTextNormal();
      break;
    case 'title':
    case 'strong':
      job.bold(true);
      job.println(text);
      job.bold(false);
      break;
    case 'small':
      job.alignLeft();
      job.setTypeFontB();
      job.println(text);
      job.setTypeFontA();
      break;
    default:
      job.println(text);
  }
}

/**
 * The slip as an ESC/POS job for a thermal printer of this paper width, ready to send: reset,
 * the lines, a feed and a partial cut. `interfaceUri` is where `execute()` sends it
 * (`tcp://host:port`).
 */
export function escposSlipJob(
  slip: Slip,
  width: PaperWidth,
  interfaceUri: string,
  timeoutMs = 3000,
): ThermalPrinter {
  const job = newJob(width, interfaceUri, timeoutMs);
  job.append(RESET);
  for (const line of slipLines(slip)) addLine(job, line);
  job.partialCut();
  return job;
}
