import { useState } from 'react';
import type { UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  currentContactConsent,
  NOTICE_DELIVERIES,
  type PrivacyNotice,
} from '../../../../shared/domain/privacy-notice';
import type { CheckInInput } from '../../../../shared/domain/visit';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { PrivacyNoticeText } from '../../components/PrivacyNoticeText';
import { downloadBase64 } from '../../download';
import { translateKey } from '../../i18n';

const contactConsent = currentContactConsent();

/**
 * The processing notice at check-in: no consent gate. The receptionist records how the visitor
 * was given the notice; the only consent is the optional one, in its own box.
 */
export function NoticeFieldset({
  register,
  deliveryError,
  notice,
  lang,
}: {
  register: UseFormRegister<CheckInInput>;
  deliveryError: string | undefined;
  notice: PrivacyNotice;
  lang: string;
}) {
  const { t } = useTranslation();
  const l = lang === 'en' ? 'en' : 'id';
  const [failure, setFailure] = useState<string | null>(null);
  const printable = async () => {
    setFailure(null);
    const r = await api('privacy.noticePdf', {});
    if (!r.ok) return setFailure(errorText(r.error));
    downloadBase64(r.value.fileName, r.value.mimeType, r.value.base64);
  };
  return (
    <>
      <fieldset className={`consent form-grid__wide${deliveryError ? ' field--invalid' : ''}`}>
        <legend>{t('privacy.notice.legend')}</legend>
        <p className="consent__text">{t('privacy.notice.basisLine')}</p>
        <details className="notice-details">
          <summary>{t('privacy.notice.show')}</summary>
          <PrivacyNoticeText notice={notice} lang={lang} />
        </details>
        <p className="field__hint">{t('privacy.notice.version', { version: notice.version })}</p>
        <ActionButton className="button button--small" onAction={printable}>
          {t('privacy.notice.print')}
        </ActionButton>
        {failure && <Notice kind="error">{failure}</Notice>}
        <div
          role="radiogroup"
          aria-labelledby="notice-delivery-label"
          aria-describedby={deliveryError ? 'notice-delivery-error' : undefined}
          className="notice-delivery"
        >
          <p id="notice-delivery-label" className="notice-delivery__label">
            {t('privacy.notice.deliveryLegend')}{' '}
            <span className="field__required">({t('fields.required')})</span>
          </p>
          {NOTICE_DELIVERIES.map((d) => (
            <label key={d} className="checkbox checkbox--plain">
              <input type="radio" value={d} {...register('noticeDelivery')} />
              {t(`privacy.notice.deliveries.${d}`)}
            </label>
          ))}
        </div>
        {deliveryError && (
          <p id="notice-delivery-error" className="field__error" role="alert">
            {translateKey(deliveryError)}
          </p>
        )}
      </fieldset>
      <fieldset className="consent form-grid__wide">
        <legend>{t('privacy.notice.optionalLegend')}</legend>
        <label className="checkbox checkbox--plain">
          <input type="checkbox" {...register('contactConsent')} />
          <span lang={l}>{contactConsent.text[l]}</span>
        </label>
      </fieldset>
    </>
  );
}
