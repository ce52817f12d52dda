import { useEffect, useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DOCUMENT_KINDS,
  likelyDocumentKind,
  type CaseView,
  type DocumentKind,
} from '../../../../shared/domain/case';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { uploadFile } from '../../api/upload';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { useCall } from '../../hooks/use-live-call';
import { DocumentChecklist } from './DocumentChecklist';
import { ScanPanel } from './ScanPanel';
import { FolderOffers } from './FolderOffers';
import './DocumentsSection.css';
import { numberFormat, ONE_DECIMAL } from '../../../../shared/formatters';

const MAX_FILE_BYTES = 10 * 1024 * 1024;

function formatSize(bytes: number, lang: string): string {
  const kb = bytes / 1024;
  const fmt = numberFormat(lang, ONE_DECIMAL);
  return kb < 1024 ? `${fmt.format(kb)} KB` : `${fmt.format(kb / 1024)} MB`;
}

/** The kind a picked or dropped file most likely is (the officer can change it after). */
function likelyKind(view: CaseView, file: File): DocumentKind {
  return likelyDocumentKind(view, file.type.startsWith('image/') ? 'image' : 'pdf');
}

function Preview({
  view,
  attachmentId,
  name,
}: {
  view: CaseView;
  attachmentId: number;
  name: string;
}) {
  const { t } = useTranslation();
  // A stored file never changes: loaded once per attachment.
  const file = useCall('attachment.preview', { caseId: view.caseId, attachmentId }).data;
  const [firstPage, setFirstPage] = useState<{ of: string; src: string | undefined } | null>(null);
  useEffect(() => {
    if (file?.kind !== 'pdf') return;
    let live = true;
    void (async () => {
      // pdf.js (and its worker) is fetched only when a PDF is first shown.
      const { renderFirstPage } = await import('../../pdf-first-page');
      const src = await renderFirstPage(file.base64);
      if (live) setFirstPage({ of: file.base64, src: src ?? undefined });
    })();
    return () => {
      live = false;
    };
  }, [file]);
  const preview: { src?: string; pages?: number } | null =
    file?.kind === 'image'
      ? { src: `data:${file.mime};base64,${file.base64}` }
      : file?.kind === 'pdf' && firstPage?.of === file.base64
        ? { pages: file.pages, ...(firstPage.src && { src: firstPage.src }) }
        : null;
  if (!preview) return <span className="doc-thumb doc-thumb--empty" aria-hidden="true" />;
  const pages =
    preview.pages === undefined ? null : (
      <span className="doc-thumb__pages">{t('documents.pdfPages', { count: preview.pages })}</span>
    );
  if (preview.src) {
    return (
      <span className="doc-thumb-wrap">
        <img className="doc-thumb" src={preview.src} alt={t('documents.previewOf', { name })} />
        {pages}
      </span>
    );
  }
  return <span className="doc-thumb doc-thumb--pdf">{pages}</span>;
}

/** Supporting documents: pick or drop files, tag each with its kind, see what is still missing. */
export function DocumentsSection({
  view,
  onChanged,
}: {
  view: CaseView;
  onChanged: (v: CaseView) => void;
}) {
  const { t, i18n } = useTranslation();
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  const open = view.status === 'draft';

  const attach = async (files: File[], source: 'file' | 'drop') => {
    setBusy(true);
    let latest: CaseView | null = null;
    const problems: string[] = [];
    for (const file of files) {
      if (file.size > MAX_FILE_BYTES) {
        problems.push(`${file.name}: ${t('errors.ATTACHMENT_TOO_LARGE')}`);
        continue;
      }
      const uploaded = await uploadFile(file);
      if (!uploaded.ok) {
        problems.push(`${file.name}: ${errorText(uploaded.error)}`);
        continue;
      }
      const r: Awaited<ReturnType<typeof api<'case.attachUpload'>>> = await api(
        'case.attachUpload',
        {
          caseId: view.caseId,
          uploadId: uploaded.value.uploadId,
          originalName: file.name,
          kind: likelyKind(latest ?? view, file),
          source,
        },
      );
      if (r.ok) latest = r.value;
      else problems.push(`${file.name}: ${errorText(r.error)}`);
    }
    setBusy(false);
    if (latest) onChanged(latest);
    setMessage(
      problems.length > 0
        ? { kind: 'error', text: problems.join(' ') }
        : { kind: 'success', text: t('documents.attached', { count: files.length }) },
    );
  };

  const change = async (
    attachmentId: number,
    change: { kind: DocumentKind } | { remove: true },
  ) => {
    const r = await api('case.changeAttachment', { caseId: view.caseId, attachmentId, change });
    if (r.ok) onChanged(r.value);
    else setMessage({ kind: 'error', text: errorText(r.error) });
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    if (open && e.dataTransfer.files.length > 0) void attach([...e.dataTransfer.files], 'drop');
  };

  return (
    <section className="case-section" aria-labelledby={`docs-${view.caseId}`}>
      <h3 id={`docs-${view.caseId}`}>{t('consultation.documentsTitle')}</h3>
      <DocumentChecklist view={view} />
      {view.attachments.length > 0 && (
        <ul className="documents">
          {view.attachments.map((a) => (
            <li key={a.id} className="documents__item">
              <Preview view={view} attachmentId={a.id} name={a.originalName} />
              <div className="documents__meta">
                <span className="documents__name">{a.originalName}</span>
                <span className="muted">
                  {formatSize(a.size, i18n.language)} · {t(`documents.sources.${a.source}`)}
                </span>
                <label className="documents__kind">
                  {t('documents.kind')}
                  <select
                    value={a.kind}
                    disabled={!open}
                    onChange={(e) => void change(a.id, { kind: e.target.value as DocumentKind })}
                  >
                    {DOCUMENT_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`documentKinds.${k}`)}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              {open && (
                <ActionButton
                  className="button button--small"
                  aria-label={t('documents.removeOf', { name: a.originalName })}
                  onAction={() => change(a.id, { remove: true })}
                >
                  {t('documents.remove')}
                </ActionButton>
              )}
            </li>
          ))}
        </ul>
      )}
      {open && (
        <div
          className={`dropzone${dragging ? ' dropzone--active' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p>{t('documents.dropHint')}</p>
          <label htmlFor={inputId} className="button button--small">
            {t('documents.pick')}
          </label>
          <input
            id={inputId}
            className="visually-hidden"
            type="file"
            multiple
            accept="application/pdf,image/png,image/jpeg,image/tiff,image/webp"
            disabled={busy}
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              if (files.length > 0) void attach(files, 'file');
            }}
          />
          {busy && <p role="status">{t('documents.uploading')}</p>}
        </div>
      )}
      {/* Next to where the file was given, not below the scanner: a refusal is read at once. */}
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {open && <FolderOffers view={view} onChanged={onChanged} />}
      {open && <ScanPanel view={view} onChanged={onChanged} />}
    </section>
  );
}
