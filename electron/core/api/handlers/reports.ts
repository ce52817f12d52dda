import type { reportMethods } from '../../../../shared/api/methods/reports';
import { spanRefusal, type ReportSpan } from '../../../../shared/domain/report-period';
import { serviceDayOf } from '../../../../shared/time';
import { AppError } from '../../errors';
import type { ExportTask } from '../../reports/export-task';
import type { Handlers } from '../dispatcher';
import { actor, type Services } from '../services';

export function createReportHandlers(s: Services): Pick<Handlers, keyof typeof reportMethods> {
  const checkSpan = (span: ReportSpan) => {
    const refusal = spanRefusal(span, serviceDayOf(s.now()));
    if (refusal) throw new AppError(refusal);
  };
  const audited = (caller: Parameters<typeof actor>[0], task: ExportTask) =>
    s.audit.record({
      actorId: actor(caller),
      action: 'report.export',
      entity: 'report',
      entityId: `${task.report}:${task.from}..${task.to}`,
      detail: { format: task.format, cut: task.cut },
    });
  return {
    'report.ikm': (input) => {
      checkSpan(input);
      return s.ikm.report(input.from, input.to);
    },
    'report.ikmExport': async (input, caller) => {
      checkSpan(input);
      const task: ExportTask = {
        report: 'ikm',
        format: input.format,
        from: input.from,
        to: input.to,
        cut: null,
        locale: caller.locale,
        now: s.now().toISOString(),
      };
      const owner = actor(caller);
      const id = s.exports.start(owner, task);
      const status = await s.exports.finished(owner, id);
      if (status.state !== 'done' || status.fileName === null) throw new AppError('INTERNAL');
      const parts: Buffer[] = [];
      for (let offset: number | null = 0; offset !== null;) {
        const { bytes, nextOffset } = s.exports.chunk(owner, id, offset);
        parts.push(bytes);
        offset = nextOffset;
      }
      audited(caller, task);
      return {
        fileName: status.fileName,
        mimeType: status.mimeType,
        base64: Buffer.concat(parts).toString('base64'),
      };
    },
    'report.service': async (input) => {
      checkSpan(input);
      await s.serviceReport.ready();
      return s.serviceReport.report(input, s.reportSettings.get().waitTargetMinutes);
    },
    'report.sla': (input) => {
      checkSpan(input);
      const settings = s.reportSettings.get();
      return s.slaReport.report(input, s.reportSettings.rules(), settings.holidays);
    },
    'report.settings': () => s.reportSettings.get(),
    'report.saveSettings': (input, caller) => {
      s.reportSettings.save(input, actor(caller));
      return { ok: true as const };
    },
    'report.exportStart': async (input, caller) => {
      checkSpan(input);
      if (input.report === 'service') await s.serviceReport.ready();
      const task: ExportTask = {
        report: input.report,
        format: input.format,
        from: input.from,
        to: input.to,
        cut: input.cut,
        locale: caller.locale,
        now: s.now().toISOString(),
      };
      const jobId = s.exports.start(actor(caller), task);
      audited(caller, task);
      return { jobId };
    },
    'report.exportStatus': (input, caller) => s.exports.status(actor(caller), input.jobId),
    'report.exportChunk': (input, caller) => {
      const { bytes, nextOffset } = s.exports.chunk(actor(caller), input.jobId, input.offset);
      return { base64: bytes.toString('base64'), nextOffset };
    },
    'report.excludeCase': (input, caller) => {
      s.slaExclusions.mark(actor(caller), input.caseCode, input.reason, input.note);
      return { ok: true as const };
    },
    'report.includeCase': (input, caller) => {
      s.slaExclusions.clear(actor(caller), input.caseCode);
      return { ok: true as const };
    },
  };
}
