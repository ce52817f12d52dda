import type { reportMethods } from '../../../../shared/api/methods/reports';
import { ikmPdf, ikmXlsx } from '../../reports/ikm-export';
import type { Handlers } from '../dispatcher';
import { actor, type Services } from '../services';

export function createReportHandlers(s: Services): Pick<Handlers, keyof typeof reportMethods> {
  return {
    'report.ikm': (input) => s.ikm.report(input.from, input.to),
    'report.ikmExport': async (input, caller) => {
      const report = s.ikm.report(input.from, input.to);
      const file =
        input.format === 'pdf'
          ? await ikmPdf(report, caller.locale)
          : await ikmXlsx(s.db, report, caller.locale);
      s.audit.record({
        actorId: actor(caller),
        action: 'report.ikmExport',
        entity: 'report',
        entityId: `${input.from}..${input.to}`,
        detail: { format: input.format },
      });
      return file;
    },
  };
}
