import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { currentConsent } from '../../../../shared/domain/consent';
import {
  checkInSchema,
  type CheckIn,
  type CheckInInput,
  type VisitorSuggestion,
} from '../../../../shared/domain/visit';
import { VISITOR_TYPES } from '../../../../shared/domain/visitor-types';
import { api } from '../../api/client';
import { applyFieldErrors, errorText } from '../../api/errors';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { VisitorSearchBox } from './VisitorSearchBox';

const consent = currentConsent();

const EMPTY: CheckInInput = {
  fullName: '',
  phone: '',
  email: '',
  institution: '',
  visitorType: '',
  lpse: '',
  purpose: '',
  consentGiven: false as unknown as true,
  consentVersion: consent.version,
};

export function CheckInForm({ onCheckedIn }: { onCheckedIn: () => void }) {
  const { t, i18n } = useTranslation();
  const [returning, setReturning] = useState<VisitorSuggestion | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [lpseOptions, setLpseOptions] = useState<string[]>([]);
  const { register, handleSubmit, reset, setError, setFocus, formState } = useForm<
    CheckInInput,
    unknown,
    CheckIn
  >({
    resolver: zodResolver(checkInSchema),
    defaultValues: EMPTY,
  });
  const e = formState.errors;

  useEffect(() => {
    void api('reference.lpseSuggestions', {}).then((r) => r.ok && setLpseOptions(r.value));
  }, [done]);

  const pickReturning = (v: VisitorSuggestion) => {
    setReturning(v);
    setDone(null);
    reset({
      ...EMPTY,
      returningVisitorId: v.visitorId,
      fullName: v.fullName,
      institution: v.institution ?? '',
      visitorType: v.visitorType ?? '',
      lpse: v.lpse ?? '',
    });
    setFocus('purpose');
  };

  const clearReturning = () => {
    setReturning(null);
    reset(EMPTY);
  };

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    setDone(null);
    const result = await api('visit.checkIn', values);
    if (!result.ok) {
      applyFieldErrors(result.error, setError);
      setFailure(errorText(result.error));
      return;
    }
    setDone(t('reception.checkedIn', { queue: result.value.queueLabel, name: values.fullName }));
    setReturning(null);
    reset(EMPTY);
    onCheckedIn();
  });

  const consentText = i18n.language === 'en' ? consent.en : consent.id;
  return (
    <section className="card" aria-labelledby="checkin-title">
      <h2 id="checkin-title">{t('reception.checkInTitle')}</h2>
      {done && <Notice kind="success">{done}</Notice>}
      <VisitorSearchBox onPick={pickReturning} />
      {returning && (
        <div className="returning">
          <span>{t('reception.returningBadge', { name: returning.fullName })}</span>
          <button type="button" className="button button--small" onClick={clearReturning}>
            {t('reception.clearReturning')}
          </button>
        </div>
      )}
      <form onSubmit={submit} noValidate className="form-grid">
        <Field label={t('fields.fullName')} error={e.fullName?.message} required>
          {(a) => <input {...a} {...register('fullName')} autoComplete="off" />}
        </Field>
        <Field
          label={t('fields.phone')}
          error={e.phone?.message}
          hint={
            returning
              ? t('fields.phoneOnFile', { masked: returning.phoneMasked })
              : t('fields.phoneHint')
          }
          required={!returning}
        >
          {(a) => (
            <input {...a} {...register('phone')} type="tel" inputMode="tel" autoComplete="off" />
          )}
        </Field>
        <Field
          label={t('fields.email')}
          error={e.email?.message}
          hint={
            returning?.emailMasked
              ? t('fields.emailOnFile', { masked: returning.emailMasked })
              : undefined
          }
        >
          {(a) => <input {...a} {...register('email')} type="email" autoComplete="off" />}
        </Field>
        <Field label={t('fields.institution')} error={e.institution?.message}>
          {(a) => <input {...a} {...register('institution')} autoComplete="off" />}
        </Field>
        <Field label={t('fields.visitorType')} error={e.visitorType?.message}>
          {(a) => (
            <select {...a} {...register('visitorType')}>
              <option value="">{t('fields.visitorTypeNone')}</option>
              {VISITOR_TYPES.map((v) => (
                <option key={v} value={v}>
                  {t(`visitorTypes.${v}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('fields.lpse')} error={e.lpse?.message}>
          {(a) => <input {...a} {...register('lpse')} list="lpse-options" autoComplete="off" />}
        </Field>
        <datalist id="lpse-options">
          {lpseOptions.map((l) => (
            <option key={l} value={l} />
          ))}
        </datalist>
        <div className="form-grid__wide">
          <Field label={t('fields.purpose')} error={e.purpose?.message} required>
            {(a) => <textarea {...a} {...register('purpose')} rows={2} />}
          </Field>
        </div>
        <fieldset className={`consent form-grid__wide${e.consentGiven ? ' field--invalid' : ''}`}>
          <legend>{t('fields.consent')}</legend>
          <p className="consent__text" lang={i18n.language}>
            {consentText}
          </p>
          <p className="field__hint">{t('fields.consentVersion', { version: consent.version })}</p>
          <label className="checkbox">
            <input
              type="checkbox"
              {...register('consentGiven')}
              aria-invalid={Boolean(e.consentGiven)}
              aria-describedby={e.consentGiven ? 'consent-error' : undefined}
            />
            {t('fields.consentCheckbox')}
          </label>
          {e.consentGiven?.message && (
            <p id="consent-error" className="field__error" role="alert">
              {t('validation.consentRequired')}
            </p>
          )}
        </fieldset>
        {failure && <Notice kind="error">{failure}</Notice>}
        <div className="form-grid__wide">
          <button
            type="submit"
            className="button button--primary"
            disabled={formState.isSubmitting}
          >
            {t('reception.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
