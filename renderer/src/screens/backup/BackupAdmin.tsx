import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSettings } from '../../../../shared/domain/backup';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { useLiveCall } from '../../hooks/use-live-call';
import { BackupList } from './BackupList';
import { BackupSettingsForm } from './BackupSettingsForm';
import { when } from './when';
import './BackupAdmin.css';

/** The admin page's backup part: last good backup, run now, settings, disk encryption, restore. */
export function BackupAdmin() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [settings, setSettings] = useState<BackupSettings | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [revision, setRevision] = useState(0);
  const status = useLiveCall('backup.status', {}, { topics: ['storage'], fallbackMs: 10_000 }).data;

  useEffect(() => {
    void api('backup.settings', {}).then((r) => {
      if (r.ok) setSettings(r.value);
    });
  }, []);

  const runNow = async () => {
    setMessage(null);
    const r = await api('backup.runNow', {});
    if (!r.ok) return setMessage({ kind: 'error', text: errorText(r.error) });
    setRevision((n) => n + 1);
    setMessage({
      kind: 'success',
      text: t('backup.done', {
        visits: r.value.counts.visits,
        documents: r.value.documentFiles,
        copied: r.value.documentsCopied,
      }),
    });
  };

  const lang = i18n.language;
  return (
    <section className="admin backup-admin" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('backup.title')}</h2>
      <p>{t('backup.intro')}</p>
      <section className="card" aria-labelledby={`${id}-status`}>
        <h3 id={`${id}-status`}>{t('backup.statusTitle')}</h3>
        {status && (
          <>
            <p className="backup-admin__status" role="status">
              {status.running
                ? t('backup.running')
                : status.lastGood
                  ? t('backup.lastGood', { time: when(status.lastGood.at, lang) })
                  : t('backup.none')}
            </p>
            {status.lastFailure && (
              <p className="backup-admin__failure">
                {t('backup.lastFailure', {
                  time: when(status.lastFailure.at, lang),
                  reason: t(`errors.${status.lastFailure.code}`),
                })}
              </p>
            )}
          </>
        )}
        {message && <Notice kind={message.kind}>{message.text}</Notice>}
        <div className="button-row">
          <ActionButton
            className="button button--primary"
            disabled={!status?.configured}
            onAction={runNow}
          >
            {t('backup.runNow')}
          </ActionButton>
        </div>
      </section>
      <BackupSettingsForm settings={settings} onSaved={setSettings} />
      {settings && (
        <section
          className={`card backup-admin__disk--${settings.dataDiskEncryption}`}
          aria-labelledby={`${id}-disk`}
        >
          <h3 id={`${id}-disk`}>{t('backup.diskTitle')}</h3>
          <p>{t(`backup.disk.${settings.dataDiskEncryption}`)}</p>
          <p className="field__hint">
            {t('backup.dataFolder')}
            <code>{settings.dataDir}</code>
          </p>
        </section>
      )}
      <BackupList revision={revision} />
    </section>
  );
}
