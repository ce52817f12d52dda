import { randomBytes } from 'node:crypto';
import { AppError } from '../errors';
import type { PageRequest, SaneScanner } from './sane-scanner';
import type { ScannerFault } from './scanner-faults';

/** One scanned sheet, with the resolution it was scanned at: it sets the page's paper size. */
export interface ScannedPage {
  png: Buffer;
  dpi: number;
}

export interface ScanSession {
  id: string;
  officerId: number;
  pages: ScannedPage[];
  bytes: number;
  /** Percent of the page being scanned now, null when idle. */
  progress: number | null;
  fault: ScannerFault | null;
  busy: boolean;
  lastUsedAt: number;
}

export interface ScanResult {
  sessionId: string;
  pages: number;
  fault: ScannerFault | null;
}

export interface ScanSessionLimits {
  /** A session untouched this long is forgotten with its pages (default 15 minutes). */
  idleMs?: number;
  /** Pages one session may hold (default 100, a full feeder). */
  maxSessionPages?: number;
  /**
   * Bytes of scanned pages one session may hold (default 10 MB: the document they become may
   * not be larger than one file may be).
   */
  maxSessionBytes?: number;
  /** Sessions one officer may have open; opening another forgets the least recently used. */
  maxSessionsPerOfficer?: number;
}

const MAX_FEEDER_PAGES = 100;

/**
 * Scans in progress, one per officer's request: pages accumulate here until the officer attaches
 * them as one document. A fault stops the batch but keeps every page scanned before it, so
 * "retry" continues where the paper stopped. Pages live in memory, so a session is bounded in
 * pages and bytes and forgotten when it is left idle (swept on every call, by the core's clock).
 */
export class ScanSessions {
  private readonly sessions = new Map<string, ScanSession>();
  private readonly idleMs: number;
  private readonly maxPages: number;
  private readonly maxBytes: number;
  private readonly maxPerOfficer: number;

  constructor(
    private readonly scanner: SaneScanner,
    /** Extra scanimage options per page number: the SANE test backend's fault switches in tests. */
    private readonly extraArgsForPage: (page: number) => readonly string[] = () => [],
    private readonly now: () => Date = () => new Date(),
    limits: ScanSessionLimits = {},
  ) {
    this.idleMs = limits.idleMs ?? 15 * 60_000;
    this.maxPages = limits.maxSessionPages ?? MAX_FEEDER_PAGES;
    this.maxBytes = limits.maxSessionBytes ?? 10 * 1024 * 1024;
    this.maxPerOfficer = limits.maxSessionsPerOfficer ?? 3;
  }

  async scan(
    officerId: number,
    request: Omit<PageRequest, 'onProgress' | 'signal' | 'extraArgs'>,
    sessionId?: string,
  ): Promise<ScanResult> {
    const session = sessionId ? this.get(officerId, sessionId) : this.create(officerId);
    if (session.busy) throw new AppError('SCANNER_BUSY');
    session.busy = true;
    session.fault = null;
    try {
      const limit = request.source === 'feeder' ? MAX_FEEDER_PAGES : 1;
      for (let scanned = 0; scanned < limit; scanned++) {
        if (session.pages.length >= this.maxPages) {
          session.fault = 'SESSION_FULL';
          break;
        }
        session.progress = 0;
        const outcome = await this.scanner.scanPage({
          ...request,
          onProgress: (p) => {
            session.progress = p;
          },
          extraArgs: this.extraArgsForPage(session.pages.length + 1),
        });
        this.touch(session);
        if (outcome.ok) {
          if (session.bytes + outcome.png.length > this.maxBytes) {
            // This sheet would make a document larger than one file may be: it is not kept.
            session.fault = 'SESSION_FULL';
            break;
          }
          session.pages.push({ png: outcome.png, dpi: request.resolution });
          session.bytes += outcome.png.length;
          continue;
        }
        // An empty feeder after at least one sheet is how a batch ends, not a fault.
        if (!(outcome.fault === 'FEEDER_EMPTY' && scanned > 0)) session.fault = outcome.fault;
        break;
      }
    } finally {
      session.busy = false;
      session.progress = null;
      this.touch(session);
    }
    return { sessionId: session.id, pages: session.pages.length, fault: session.fault };
  }

  /** A session opened before its first page, so that page's progress can be asked for. */
  open(officerId: number): string {
    return this.create(officerId).id;
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
    if (s.busy) throw new AppError('SCANNER_BUSY');
    if (s.pages.length === 0) throw new AppError('ATTACHMENT_EMPTY');
    this.sessions.delete(sessionId);
    return s;
  }

  discard(officerId: number, sessionId: string): void {
    this.get(officerId, sessionId);
    this.sessions.delete(sessionId);
  }

  /** Sessions held now (for tests and diagnostics). */
  get size(): number {
    this.sweep();
    return this.sessions.size;
  }

  private create(officerId: number): ScanSession {
    this.sweep();
    const mine = [...this.sessions.values()]
      .filter((s) => s.officerId === officerId && !s.busy)
      .sort((a, b) => a.lastUsedAt - b.lastUsedAt);
    while (mine.length >= this.maxPerOfficer) this.sessions.delete(mine.shift()!.id);
    const s: ScanSession = {
      id: randomBytes(12).toString('hex'),
      officerId,
      pages: [],
      bytes: 0,
      progress: null,
      fault: null,
      busy: false,
      lastUsedAt: this.now().getTime(),
    };
    this.sessions.set(s.id, s);
    return s;
  }

  private get(officerId: number, sessionId: string): ScanSession {
    this.sweep();
    const s = this.sessions.get(sessionId);
    if (!s || s.officerId !== officerId) throw new AppError('NOT_FOUND');
    this.touch(s);
    return s;
  }

  private touch(session: ScanSession): void {
    session.lastUsedAt = this.now().getTime();
  }

  /** Forgets sessions left idle: an officer who walked away does not keep pages in memory. */
  private sweep(): void {
    const cutoff = this.now().getTime() - this.idleMs;
    for (const [id, s] of this.sessions) {
      if (!s.busy && s.lastUsedAt < cutoff) this.sessions.delete(id);
    }
  }
}
