import type { slipMethods } from '../../../../shared/api/methods/slips';
import { translate } from '../../../../shared/i18n/messages';
import { AppError } from '../../errors';
import { printSlip } from '../../printing/print-slip';
import { slipPdf } from '../../printing/slip-pdf';
import type { Handlers } from '../dispatcher';
import { actor, type Services } from '../services';

export function createSlipHandlers(s: Services): Pick<Handlers, keyof typeof slipMethods> {
  return {
    'slip.get': (input) => s.slips.view(input.target),
    'slip.recordPrinted': (input, caller) => ({
      printedCount: s.slips.record(actor(caller), input.target, input.via, input.reprint),
    }),
    // An all-in-one PC prints on its own printer; a station answers this itself (station/).
    'slip.print': (input, caller) =>
      printSlip(
        {
          view: (target) => s.slips.view(target),
          recordPrinted: (target, reprint) =>
            s.slips.record(actor(caller), target, 'thermal', reprint),
        },
        s.printer.read(),
        input.target,
        input.reprint,
      ),
    'slip.pdf': async (input, caller) => {
      const view = s.slips.view(input.target);
      if (view.printedCount > 0 && !input.reprint) throw new AppError('SLIP_ALREADY_PRINTED');
      const bytes = await slipPdf(view.slip, input.width);
      const printedCount = s.slips.record(actor(caller), input.target, 'pdf', input.reprint);
      const fileName =
        view.slip.kind === 'queue'
          ? translate('id', 'slips.fileQueue', { queue: view.slip.queueLabel })
          : translate('id', 'slips.fileCase', { code: view.slip.caseCode });
      return {
        fileName,
        mimeType: 'application/pdf',
        base64: bytes.toString('base64'),
        printedCount,
      };
    },
    'printer.get': () => s.printer.read(),
    'printer.save': (input, caller) => {
      const saved = s.printer.save(input);
      s.audit.record({
        actorId: actor(caller),
        action: 'printer.save',
        entity: 'printer',
        detail: { kind: saved.kind, width: saved.width },
      });
      return saved;
    },
  };
}
