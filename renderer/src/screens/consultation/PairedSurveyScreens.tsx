import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { useLiveCall } from '../../hooks/use-live-call';

interface Screen {
  id: number;
  name: string;
  boundToMe: boolean;
}

/**
 * The survey screens paired with the hub: the officer picks one and the hub shows that
 * officer's surveys there until they log out or pick another. Nothing shows without any.
 */
export function PairedSurveyScreens() {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  // A screen paired or revoked ('stations'), or bound by another officer ('survey').
  const list = useLiveCall('stations.surveyScreens', {}, { topics: ['stations', 'survey'] });
  const screens: Screen[] = list.data ?? [];

  if (screens.length === 0) return null;
  const bind = async (id: number) => {
    const r = await api('stations.bindSurvey', { stationId: id });
    setFailure(r.ok ? null : errorText(r.error));
    list.reload();
  };
  return (
    <div className="paired-survey-screens">
      <h3>{t('stations.surveyScreens')}</h3>
      {failure && <Notice kind="error">{failure}</Notice>}
      <div className="button-row">
        {screens.map((s) =>
          s.boundToMe ? (
            <p key={s.id} role="status">
              {t('stations.shownOn', { name: s.name })}
            </p>
          ) : (
            <ActionButton key={s.id} className="button button--small" onAction={() => bind(s.id)}>
              {t('stations.showOn', { name: s.name })}
            </ActionButton>
          ),
        )}
      </div>
    </div>
  );
}
