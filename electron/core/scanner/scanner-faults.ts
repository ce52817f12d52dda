import type { ScannerFault } from '../../../shared/domain/scanner';

export type { ScannerFault };

/** scanimage's exit status is SANE_Status; its message says the same in words. */
const BY_STATUS: Record<number, ScannerFault> = {
  2: 'CANCELLED',
  3: 'DEVICE_BUSY',
  6: 'PAPER_JAM',
  7: 'FEEDER_EMPTY',
  8: 'COVER_OPEN',
  9: 'IO_ERROR',
  11: 'ACCESS_DENIED',
};

export function faultOf(exitCode: number | null, stderr: string): ScannerFault {
  if (exitCode !== null && BY_STATUS[exitCode]) return BY_STATUS[exitCode]!;
  if (/open of device .* failed|no SANE devices found/i.test(stderr)) return 'SCANNER_NOT_FOUND';
  if (/jammed/i.test(stderr)) return 'PAPER_JAM';
  if (/out of documents/i.test(stderr)) return 'FEEDER_EMPTY';
  if (/busy/i.test(stderr)) return 'DEVICE_BUSY';
  if (/cover/i.test(stderr)) return 'COVER_OPEN';
  if (/I\/O/.test(stderr)) return 'IO_ERROR';
  if (/denied/i.test(stderr)) return 'ACCESS_DENIED';
  return 'SCANNER_FAILED';
}
