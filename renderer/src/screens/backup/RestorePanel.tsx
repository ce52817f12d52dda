import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupCounts, BackupSummary } from '../../../../shared/domain/backup';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { when } from './when';

export interface RestoreTarget {
  id: string;
  folder?: string;
  passphrase?: string;
}

const ROWS: { key: keyof BackupCounts; label: string }[] = [
  { key: 'visitors', label: 'backup.columns.visitors' },
  { key: 'visits', label: 'backup.columns.visits' },
  { key: 'cases', label: 'backup.columns.cases' },
  { key: 'documents', label: 'backup.columns.documents' },
  { key: 'surveyResponses', label: 'backup.surveyResponses' },
];

/**
 * What the chosen backup holds against what Loket holds now, what will be replaced, and a
 * confirmation before the whole backup is checked and swapped in.
 */
export function RestorePanel({
  target,
  onCancel,
}: {
  target: RestoreTarget;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [facts, setFacts] = useState<{ summary: BackupSummary; current: BackupCounts } | null>(
    null,
  );
  const [failure, setFailure] = useState<string | null>(null);
  const [understood, setUnderstood] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    void api('backup.inspect', target).then((r) => {
      if (r.ok) setFacts(r.value);
      else setFailure(errorText(r.error));
    });
  }, [target]);

  const restore = async () => {
    setFailure(null);
    const r = await api('backup.restore', { ...target, confirm: true });
    if (!r.ok) return setFailure(errorText(r.error));
    setDone(
      t(r.value.restarting ? 'backup.restored' : 'backup.restoredLater', {
        folder: r.value.asideFolder,
      }),
    );
  };

  const time = facts ? when(facts.summary.createdAt, i18n.language) : '';
  return (
    <section className="card restore-panel" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('backup.restoreTitle', { time })}</h4>
      {failure && <Notice kind="error">{failure}</Notice>}
      {facts && !done && (
        <>
          <p>{t('backup.restoreCompare')}</p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <td />
                  <th scope="col">{t('backup.inBackup')}</th>
                  <th scope="col">{t('backup.current')}</th>
                </tr>
              </thead>
              <tbody>
                {ROWS.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{t(row.label)}</th>
                    <td>{facts.summary.counts[row.key]}</td>
                    <td>{facts.current[row.key]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="restore-panel__warning">{t('backup.restoreWarning', { time })}</p>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={understood}
              onChange={(e) => setUnderstood(e.target.checked)}
            />
            {t('backup.restoreConfirm')}
          </label>
          <div className="button-row">
            <button type="button" className="button" onClick={onCancel}>
              {t('backup.cancel')}
            </button>
            <ActionButton
              className="button backup-admin__danger"
              disabled={!understood}
              onAction={restore}
            >
              {t('backup.restoreYes')}
            </ActionButton>
          </div>
        </>
      )}
      {done && <Notice kind="success">{done}</Notice>}
    </section>
  );
}
