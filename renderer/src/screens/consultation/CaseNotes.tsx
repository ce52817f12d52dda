import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../../shared/domain/case';
import { formatTimeWib } from '../../../../shared/time';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { translateKey } from '../../i18n';

/** Append-only notes: a mistake is corrected by a new note that points at the old one. */
export function CaseNotes({
  view,
  onChanged,
}: {
  view: CaseView;
  onChanged: (v: CaseView) => void;
}) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [correcting, setCorrecting] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // One key per note being written: sending it again (a double click, a retry) saves it once.
  const [clientKey, setClientKey] = useState(() => crypto.randomUUID());
  const time = (iso: string) => formatTimeWib(iso, i18n.language);
  const noteTime = (id: number) => time(view.notes.find((n) => n.id === id)?.at ?? view.createdAt);

  const save = async () => {
    const result = await api('case.addNote', {
      caseId: view.caseId,
      text,
      clientKey,
      ...(correcting !== null && { correctsNoteId: correcting }),
    });
    if (!result.ok) {
      const field = result.error.fields?.text;
      return setFailure(field ? (translateKey(field) ?? '') : errorText(result.error));
    }
    setText('');
    setClientKey(crypto.randomUUID());
    setCorrecting(null);
    setFailure(null);
    onChanged(result.value);
  };

  return (
    <section className="case-section" aria-labelledby={`notes-${view.caseId}`}>
      <h3 id={`notes-${view.caseId}`}>{t('consultation.notesTitle')}</h3>
      {view.notes.length === 0 ? (
        <p className="muted">{t('consultation.notesEmpty')}</p>
      ) : (
        <ol className="notes">
          {view.notes.map((n) => (
            <li key={n.id}>
              <div className="notes__meta">
                {time(n.at)} · {n.authorName}
                {n.correctsNoteId !== null &&
                  ` · ${t('consultation.correctionOf', { time: noteTime(n.correctsNoteId) })}`}
              </div>
              <div className="notes__text">{n.text}</div>
              <button type="button" className="link-button" onClick={() => setCorrecting(n.id)}>
                {t('consultation.correct')}
              </button>
            </li>
          ))}
        </ol>
      )}
      {correcting !== null && (
        <p className="muted">
          {t('consultation.correcting', { time: noteTime(correcting) })}{' '}
          <button type="button" className="link-button" onClick={() => setCorrecting(null)}>
            {t('consultation.cancelCorrection')}
          </button>
        </p>
      )}
      <label htmlFor={`note-${view.caseId}`} className="label">
        {t('consultation.noteText')}
      </label>
      <textarea
        id={`note-${view.caseId}`}
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {failure && <Notice kind="error">{failure}</Notice>}
      <ActionButton className="button button--small" onAction={save} disabled={text.trim() === ''}>
        {t('consultation.addNote')}
      </ActionButton>
    </section>
  );
}
