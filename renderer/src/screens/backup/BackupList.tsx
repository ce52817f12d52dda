import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupListEntry } from '../../../../shared/domain/backup';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { RestorePanel, type RestoreTarget } from './RestorePanel';
import { when } from './when';

/**
 * The backups in the configured folder, or in another one with its own passphrase (the disk of
 * a PC that died, brought to a new one); restore starts from a row.
 */
export function BackupList({ revision }: { revision: number }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [folder, setFolder] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [entries, setEntries] = useState<BackupListEntry[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [target, setTarget] = useState<RestoreTarget | null>(null);

  // The configured folder's list, at first and after each backup made on this screen.
  useEffect(() => {
    void api('backup.list', {}).then((r) => {
      if (r.ok) setEntries(r.value);
    });
  }, [revision]);

  const chosen = () => ({
    ...(folder.trim() !== '' && { folder: folder.trim() }),
    ...(passphrase !== '' && { passphrase }),
  });
  const load = async () => {
    setFailure(null);
    setTarget(null);
    const r = await api('backup.list', chosen());
    if (!r.ok) {
      setEntries(null);
      return setFailure(errorText(r.error));
    }
    setEntries(r.value);
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('backup.listTitle')}</h3>
      <div className="form-grid">
        <Field label={t('backup.otherFolder')}>
          {(field) => (
            <input
              {...field}
              value={folder}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setFolder(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('backup.otherPassphrase')}>
          {(field) => (
            <input
              {...field}
              type="password"
              autoComplete="off"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
            />
          )}
        </Field>
        <div className="form-grid__wide button-row">
          <ActionButton className="button" onAction={load}>
            {t('backup.showList')}
          </ActionButton>
        </div>
      </div>
      {failure && <Notice kind="error">{failure}</Notice>}
      {entries && entries.length === 0 && <p>{t('backup.listEmpty')}</p>}
      {entries && entries.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('backup.listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('backup.columns.time')}</th>
                <th scope="col">{t('backup.columns.trigger')}</th>
                <th scope="col">{t('backup.columns.visitors')}</th>
                <th scope="col">{t('backup.columns.visits')}</th>
                <th scope="col">{t('backup.columns.cases')}</th>
                <th scope="col">{t('backup.columns.documents')}</th>
                <th scope="col">{t('backup.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) =>
                e.readable ? (
                  <tr key={e.id}>
                    <td>{when(e.summary.createdAt, i18n.language)}</td>
                    <td>{t(`backup.triggers.${e.summary.trigger}`)}</td>
                    <td>{e.summary.counts.visitors}</td>
                    <td>{e.summary.counts.visits}</td>
                    <td>{e.summary.counts.cases}</td>
                    <td>{e.summary.counts.documents}</td>
                    <td>
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t('backup.restoreOf', {
                          time: when(e.summary.createdAt, i18n.language),
                        })}
                        onClick={() => setTarget({ id: e.id, ...chosen() })}
                      >
                        {t('backup.restore')}
                      </button>
                    </td>
                  </tr>
                ) : (
                  <tr key={e.id}>
                    <td>{e.createdAt ? when(e.createdAt, i18n.language) : e.id}</td>
                    <td colSpan={6}>{t(`backup.unreadable.${e.problem}`)}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
      {target && <RestorePanel target={target} onCancel={() => setTarget(null)} />}
    </section>
  );
}
