/** What can go wrong at the desk scanner; each has a message under scanner.faults in the catalogs. */
export const SCANNER_FAULTS = [
  'SCANNER_NOT_FOUND',
  'PAPER_JAM',
  'FEEDER_EMPTY',
  'NO_FEEDER',
  'DEVICE_BUSY',
  'COVER_OPEN',
  'IO_ERROR',
  'ACCESS_DENIED',
  'CANCELLED',
  'SCANNER_FAILED',
  /** The session holds as many pages or bytes as one document may have. */
  'SESSION_FULL',
] as const;
export type ScannerFault = (typeof SCANNER_FAULTS)[number];
