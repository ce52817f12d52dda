import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  type ReportCut,
  type ReportKind,
} from '../../../../shared/domain/reports';
import { errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { downloadReport, type ExportProgress } from './export-download';

/** PDF, XLSX and CSV of the report on screen, with the progress of a large file. */
export function ExportButtons({
  report,
  from,
  to,
  cut,
}: {
  report: ReportKind;
  from: string;
  to: string;
  cut: ReportCut | null;
}) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<{ format: ExportFormat; p: ExportProgress } | null>(
    null,
  );
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const run = async (format: ExportFormat) => {
    setMessage(null);
    setProgress({ format, p: { phase: 'making', done: 0, total: 0 } });
    const r = await downloadReport({ report, format, from, to, cut }, (p) =>
      setProgress({ format, p }),
    );
    setProgress(null);
    setMessage(
      r.ok
        ? { kind: 'success', text: t('reporting.exported', { file: r.fileName }) }
        : { kind: 'error', text: r.error ? errorText(r.error) : t('reporting.exportFailed') },
    );
  };

  const progressText = (() => {
    if (!progress) return null;
    const { format, p } = progress;
    if (p.phase === 'fetching')
      return t('reporting.downloading', {
        percent: p.size === 0 ? 100 : Math.floor((p.received / p.size) * 100),
      });
    if (format === 'pdf' || p.total === 0) return t('reporting.exportingPdf');
    return t('reporting.exporting', {
      format: t(`reporting.formats.${format}`),
      done: p.done.toLocaleString(),
      total: p.total.toLocaleString(),
    });
  })();

  return (
    <div className="report-export">
      <span className="report-export__label">{t('reporting.download')}</span>
      {EXPORT_FORMATS.map((format) => (
        <ActionButton
          key={format}
          className="button"
          disabled={progress !== null}
          onAction={() => run(format)}
        >
          {t(`reporting.formats.${format}`)}
        </ActionButton>
      ))}
      {progressText && (
        <span className="report-export__progress" role="status">
          {progress?.p.phase === 'making' && progress.p.total > 0 && (
            <progress max={progress.p.total} value={progress.p.done} />
          )}{' '}
          {progressText}
        </span>
      )}
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
    </div>
  );
}
