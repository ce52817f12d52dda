import { randomBytes } from 'node:crypto';
import { AppError } from '../errors';
import type { PageRequest, SaneScanner } from './sane-scanner';
import type { ScannerFault } from './scanner-faults';

export interface ScanSession {
  id: string;
  officerId: number;
  pages: Buffer[];
  resolution: number;
  /** Percent of the page being scanned now, null when idle. */
  progress: number | null;
  fault: ScannerFault | null;
  busy: boolean;
}

export interface ScanResult {
  sessionId: string;
  pages: number;
  fault: ScannerFault | null;
}

const MAX_FEEDER_PAGES = 100;

/**
 * Scans in progress, one per officer's request: pages accumulate here until the officer attaches
 * them as one document. A fault stops the batch but keeps every page scanned before it, so
 * "retry" continues where the paper stopped.
 */
export class ScanSessions {
  private readonly sessions = new Map<string, ScanSession>();

  constructor(
    private readonly scanner: SaneScanner,
    /** Extra scanimage options per page number: the SANE test backend's fault switches in tests. */
    private readonly extraArgsForPage: (page: number) => readonly string[] = () => [],
  ) {}

  async scan(
    officerId: number,
    request: Omit<PageRequest, 'onProgress' | 'signal' | 'extraArgs'>,
    sessionId?: string,
  ): Promise<ScanResult> {
    const session = sessionId
      ? this.get(officerId, sessionId)
      : this.create(officerId, request.resolution);
    if (session.busy) throw new AppError('SCANNER_BUSY');
    session.busy = true;
    session.fault = null;
    try {
      const limit = request.source === 'feeder' ? MAX_FEEDER_PAGES : 1;
      for (let scanned = 0; scanned < limit; scanned++) {
        session.progress = 0;
        const outcome = await this.scanner.scanPage({
          ...request,
          onProgress: (p) => {
            session.progress = p;
          },
          extraArgs: this.extraArgsForPage(session.pages.length + 1),
        });
        if (outcome.ok) {
          session.pages.push(outcome.png);
          continue;
        }
        // An empty feeder after at least one sheet is how a batch ends, not a fault.
        if (!(outcome.fault === 'FEEDER_EMPTY' && scanned > 0)) session.fault = outcome.fault;
        break;
      }
    } finally {
      session.busy = false;
      session.progress = null;
    }
    return { sessionId: session.id, pages: session.pages.length, fault: session.fault };
  }

  /** A session opened before its first page, so that page's progress can be asked for. */
  open(officerId: number, resolution: number): string {
    return this.create(officerId, resolution).id;
  }

  progress(
    officerId: number,
    sessionId: string,
  ): { pages: number; percent: number | null; busy: boolean } {
    const s = this.get(officerId, sessionId);
    return { pages: s.pages.length, percent: s.progress, busy: s.busy };
  }

  take(officerId: number, sessionId: string): ScanSession {
    const s = this.get(officerId, sessionId);
    if (s.pages.length === 0) throw new AppError('ATTACHMENT_EMPTY');
    this.sessions.delete(sessionId);
    return s;
  }

  discard(officerId: number, sessionId: string): void {
    this.get(officerId, sessionId);
    this.sessions.delete(sessionId);
  }

  private create(officerId: number, resolution: number): ScanSession {
    const s: ScanSession = {
      id: randomBytes(12).toString('hex'),
      officerId,
      pages: [],
      resolution,
      progress: null,
      fault: null,
      busy: false,
    };
    this.sessions.set(s.id, s);
    return s;
  }

  private get(officerId: number, sessionId: string): ScanSession {
    const s = this.sessions.get(sessionId);
    if (!s || s.officerId !== officerId) throw new AppError('NOT_FOUND');
    return s;
  }
}
