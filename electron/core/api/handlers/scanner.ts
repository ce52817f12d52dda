import type { scannerMethods } from '../../../../shared/api/methods/scanner';
import { AppError } from '../../errors';
import { attachScan } from '../../scanner/scan-to-document';
import type { Handlers } from '../dispatcher';
import { actor, type Services } from '../services';

export function createScannerHandlers(s: Services): Pick<Handlers, keyof typeof scannerMethods> {
  return {
    'scanner.devices': () => s.scanner.listDevices(),
    'scanner.capabilities': async (input) => {
      const caps = await s.scanner.capabilities(input.device);
      if (!caps) throw new AppError('NOT_FOUND');
      return {
        modes: caps.modes,
        preferredMode: caps.preferredMode,
        sources: caps.sources.map((source) => source.kind),
        resolutions: caps.resolutions,
      };
    },
    // The resolution is kept per page (pages-to-pdf.ts): a session may mix them.
    'scanner.openSession': (_input, caller) => ({ sessionId: s.scans.open(actor(caller)) }),
    'scanner.scan': async (input, caller) => {
      const caps = await s.scanner.capabilities(input.device);
      if (caps && caps.modes.length > 0 && !caps.modes.includes(input.mode)) {
        throw new AppError('VALIDATION', { fields: { mode: 'validation.invalid' } });
      }
      return s.scans.scan(
        actor(caller),
        {
          device: input.device,
          mode: input.mode,
          resolution: input.resolution,
          source: input.source,
        },
        input.sessionId,
      );
    },
    'scanner.progress': (input, caller) => s.scans.progress(actor(caller), input.sessionId),
    'scanner.attach': (input, caller) =>
      attachScan(
        {
          cases: s.cases,
          scans: s.scans,
          attachments: s.attachments,
          now: s.now,
          maxCaseBytes: s.maxCaseBytes,
        },
        actor(caller),
        input,
      ),
    'scanner.discard': (input, caller) => {
      s.scans.discard(actor(caller), input.sessionId);
      return { ok: true };
    },
  };
}
