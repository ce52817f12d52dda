/** One printed line as the paper shows it, with the modes it was printed in. */
export interface PrintedLine {
  text: string;
  bold: boolean;
  /** ESC ! n: 0 normal, 0x10 double height, 0x20 double width, 0x30 both. */
  size: number;
  align: 'left' | 'center' | 'right';
  font: 'A' | 'B';
}

export interface DecodedJob {
  lines: PrintedLine[];
  cuts: number;
  resets: number;
}

const ALIGN = ['left', 'center', 'right'] as const;

/**
 * Reads an ESC/POS job back the way a printer would, for the commands Loket's slips use. Any
 * other command byte is an error: a slip that sends something unexpected fails the test.
 */
export function decodeEscPos(bytes: Buffer): DecodedJob {
  const job: DecodedJob = { lines: [], cuts: 0, resets: 0 };
  let state = {
    bold: false,
    size: 0,
    align: 'left' as PrintedLine['align'],
    font: 'A' as 'A' | 'B',
  };
  let text = '';
  let lineState = { ...state };
  const arg = (i: number) => {
    const v = bytes[i];
    if (v === undefined) throw new Error(`command cut short at byte ${i}`);
    return v;
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      job.lines.push({ text, ...lineState });
      text = '';
      lineState = { ...state };
    } else if (b >= 0x20 && b <= 0x7e) {
      if (text === '') lineState = { ...state };
      text += String.fromCharCode(b);
    } else if (b === 0x1b) {
      const c = arg(++i);
      if (c === 0x40) {
        job.resets++;
        state = { bold: false, size: 0, align: 'left', font: 'A' };
      } else if (c === 0x61) state.align = ALIGN[arg(++i)] ?? 'left';
      else if (c === 0x45) state.bold = arg(++i) === 1;
      else if (c === 0x21) state.size = arg(++i);
      else if (c === 0x4d) state.font = arg(++i) === 1 ? 'B' : 'A';
      else if (c === 0x64)
        i++; // feed n lines
      else throw new Error(`unexpected ESC 0x${c.toString(16)} at byte ${i}`);
    } else if (b === 0x1d) {
      const c = arg(++i);
      if (c === 0x56) {
        i++;
        job.cuts++;
      } else throw new Error(`unexpected GS 0x${c.toString(16)} at byte ${i}`);
    } else {
      throw new Error(`unexpected byte 0x${b.toString(16)} at ${i}`);
    }
  }
  if (text !== '') job.lines.push({ text, ...lineState });
  return job;
}

/** The printed text, lines joined with spaces: wording is checked regardless of line breaks. */
export function printedText(job: DecodedJob): string {
  return job.lines
    .map((l) => l.text.trim())
    .filter((t) => t !== '' && !/^-+$/.test(t))
    .join(' ');
}
