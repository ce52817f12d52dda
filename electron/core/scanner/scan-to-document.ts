import type { DocumentKind } from '../../../shared/domain/case';
import { toWibLocalInput } from '../../../shared/time';
import type { AttachmentStore } from '../attachments/attachment-store';
import type { CaseService, CaseView } from '../consultation/cases';
import { pagesToPdf } from './pages-to-pdf';
import type { ScanSessions } from './scan-sessions';

/** "pindaian-2026-11-25-0035": the WIB day and the WIB time of the core's clock. */
export function scanFileStem(instant: Date): string {
  const local = toWibLocalInput(instant); // 2026-11-25T00:35
  return `pindaian-${local.slice(0, 10)}-${local.slice(11).replace(':', '')}`;
}

/**
 * Turns a scan session into one attachment: a single page stays the scanner's PNG, several
 * pages become one PDF. The session is taken (and its pages freed) whether or not the case
 * accepts the document.
 */
export async function attachScan(
  deps: {
    cases: CaseService;
    scans: ScanSessions;
    attachments: AttachmentStore;
    now: () => Date;
    maxCaseBytes: number;
  },
  officerId: number,
  input: { sessionId: string; caseId: number; kind: DocumentKind },
): Promise<CaseView> {
  deps.cases.assertOwnDraft(officerId, input.caseId); // refused before the session is taken
  const session = deps.scans.take(officerId, input.sessionId);
  const single = session.pages.length === 1 ? session.pages[0]!.png : undefined;
  const bytes = single ?? (await pagesToPdf(session.pages));
  const stored = await deps.attachments.put({ bytes });
  const originalName = `${scanFileStem(deps.now())}.${single ? 'png' : 'pdf'}`;
  return deps.cases.attach(
    officerId,
    input.caseId,
    stored,
    { originalName, kind: input.kind, source: 'scanner' },
    deps.maxCaseBytes,
  );
}
