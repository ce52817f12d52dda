import { useTranslation } from 'react-i18next';
import { currentNotice } from '../../../shared/domain/privacy-notice';
import { PrivacyNoticeText } from '../components/PrivacyNoticeText';

const notice = currentNotice();

/**
 * The processing notice on the screen that faces the visitor: where there is one, the visitor
 * reads it here themselves (reception then records "Ditampilkan di layar pengunjung").
 */
export function SurveyPrivacyNotice({ locale }: { locale: string }) {
  const { t } = useTranslation();
  return (
    <details className="survey-privacy">
      <summary>{t('privacy.notice.onVisitorScreen')}</summary>
      <h2>{notice.title[locale === 'en' ? 'en' : 'id']}</h2>
      <PrivacyNoticeText notice={notice} lang={locale} />
      <p className="survey-privacy__version">
        {t('privacy.notice.version', { version: notice.version })}
      </p>
    </details>
  );
}
