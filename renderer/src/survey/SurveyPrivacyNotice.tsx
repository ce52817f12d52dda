import { useTranslation } from 'react-i18next';
import { useCall } from '../hooks/use-live-call';
import { PrivacyNoticeText } from '../components/PrivacyNoticeText';
import { surveyApi } from '../api/survey-client';

/**
 * The processing notice on the screen that faces the visitor: where there is one, the visitor
 * reads it here themselves (reception then records "Ditampilkan di layar pengunjung"). The text
 * is the core's, so its retention periods are the ones the admin set, as at reception; it is
 * loaded each time the welcome screen is shown.
 */
export function SurveyPrivacyNotice({ locale }: { locale: string }) {
  const { t } = useTranslation();
  const notice = useCall('survey.privacyNotice', {}, { call: (m, i) => surveyApi(m, i, locale) });
  if (!notice.data) return null;
  return (
    <details className="survey-privacy">
      <summary>{t('privacy.notice.onVisitorScreen')}</summary>
      <h2>{notice.data.title[locale === 'en' ? 'en' : 'id']}</h2>
      <PrivacyNoticeText notice={notice.data} lang={locale} />
      <p className="survey-privacy__version">
        {t('privacy.notice.version', { version: notice.data.version })}
      </p>
    </details>
  );
}
