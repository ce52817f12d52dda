import type { ExportFormat, ReportCut, ReportKind } from '../../../../shared/domain/reports';
import { api } from '../../api/client';
import type { MethodOutput } from '../../../../shared/api/contract';
import type { ApiError, ApiResult } from '../../../../shared/api/errors';

export type ExportProgress =
  | { phase: 'making'; done: number; total: number }
  | { phase: 'fetching'; received: number; size: number };

const POLL_MS = 400;

/**
 * Asks the host for an export, follows it while a worker writes it, then fetches it in chunks
 * and hands it to the browser's download. Resolves with the file's name, or the host's error.
 */
export async function downloadReport(
  request: {
    report: ReportKind;
    format: ExportFormat;
    from: string;
    to: string;
    cut: ReportCut | null;
  },
  onProgress: (p: ExportProgress) => void,
): Promise<{ ok: true; fileName: string } | { ok: false; error: ApiError | null }> {
  const started = await api('report.exportStart', request);
  if (!started.ok) return { ok: false, error: started.error };
  const { jobId } = started.value;
  for (;;) {
    const status = await api('report.exportStatus', { jobId });
    if (!status.ok) return { ok: false, error: status.error };
    if (status.value.state === 'failed') return { ok: false, error: null };
    if (status.value.state === 'done' && status.value.fileName && status.value.size !== null) {
      const parts: BlobPart[] = [];
      for (let offset: number | null = 0; offset !== null;) {
        onProgress({ phase: 'fetching', received: offset, size: status.value.size });
        const chunk: ApiResult<MethodOutput<'report.exportChunk'>> = await api(
          'report.exportChunk',
          {
            jobId,
            offset,
          },
        );
        if (!chunk.ok) return { ok: false, error: chunk.error };
        parts.push(Uint8Array.from(atob(chunk.value.base64), (c) => c.charCodeAt(0)));
        offset = chunk.value.nextOffset;
      }
      const url = URL.createObjectURL(new Blob(parts, { type: status.value.mimeType }));
      const a = document.createElement('a');
      a.href = url;
      a.download = status.value.fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return { ok: true, fileName: status.value.fileName };
    }
    onProgress({ phase: 'making', done: status.value.done, total: status.value.total });
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
