import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/api/contract';
import { checkInCorrectionSchema } from '../../../../shared/domain/correction';
import { formatPhoneNational } from '../../../../shared/domain/phone';
import { VISITOR_TYPES } from '../../../../shared/domain/visitor-types';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Field } from '../../components/Field';
import { LpseCombobox } from '../../components/LpseCombobox';
import { Notice } from '../../components/Notice';
import { useCall } from '../../hooks/use-live-call';
import './records.css';

type Details = MethodOutput<'records.visit'>;
type Values = {
  fullName: string;
  phone: string;
  email: string;
  institution: string;
  visitorType: string;
  lpse: string;
};
const FIELDS = ['fullName', 'phone', 'email', 'institution'] as const;

const valuesOf = (d: Details): Values => ({
  fullName: d.fullName,
  phone: formatPhoneNational(d.phone),
  email: d.email ?? '',
  institution: d.institution ?? '',
  visitorType: d.visitorType ?? '',
  lpse: d.lpse ?? '',
});

/**
 * Reception's correction of a check-in: its details with the check-in's own rules and messages
 * (the shared schema, checked here and again in the core), and cancelling one made by mistake.
 */
export function CorrectCheckIn({
  visitId,
  onClose,
  onChanged,
}: {
  visitId: number;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [details, setDetails] = useState<Details | null>(null);
  const [values, setValues] = useState<Values | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [reason, setReason] = useState('');
  const [askCancel, setAskCancel] = useState(false);

  // Loaded once into the form: a reload would overwrite the correction being typed.
  const load = useCall(
    'records.visit',
    { visitId },
    {
      onData: (d) => {
        setDetails(d);
        setValues(valuesOf(d));
      },
    },
  );

  if (!details || !values) {
    const failed = load.error && { kind: 'error' as const, text: errorText(load.error) };
    const shown = message ?? failed;
    return (
      <section className="card correction" aria-live="polite">
        {shown ? <Notice kind={shown.kind}>{shown.text}</Notice> : <p>{t('app.loading')}</p>}
      </section>
    );
  }

  const set = (field: keyof Values) => (value: string) => setValues({ ...values, [field]: value });
  const save = async () => {
    const input = { visitId, ...values };
    const checked = checkInCorrectionSchema.safeParse(input);
    if (!checked.success) {
      setErrors(
        Object.fromEntries(checked.error.issues.map((i) => [String(i.path[0]), i.message])),
      );
      return;
    }
    const r = await api('visit.correct', checked.data);
    if (!r.ok) {
      setErrors(r.error.fields ?? {});
      setMessage({ kind: 'error', text: errorText(r.error) });
      return;
    }
    setErrors({});
    setDetails(r.value);
    setValues(valuesOf(r.value));
    const same = JSON.stringify(valuesOf(r.value)) === JSON.stringify(valuesOf(details));
    setMessage({
      kind: 'success',
      text: same ? t('correction.unchanged') : t('correction.saved', { queue: details.queueLabel }),
    });
    onChanged();
  };
  const cancel = async () => {
    const r = await api('visit.cancel', { visitId, reason });
    if (!r.ok) {
      setErrors(r.error.fields ?? {});
      setMessage({ kind: 'error', text: errorText(r.error) });
      return;
    }
    setAskCancel(false);
    setDetails(r.value);
    setMessage({ kind: 'success', text: t('correction.cancelled', { queue: details.queueLabel }) });
    onChanged();
  };
  const cancelled = details.status === 'cancelled';

  return (
    <section className="card correction" aria-labelledby={titleId}>
      <div className="correction__head">
        <h3 id={titleId}>{t('correction.title', { queue: details.queueLabel })}</h3>
        <button type="button" className="button button--small" onClick={onClose}>
          {t('correction.close')}
        </button>
      </div>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {cancelled ? (
        <p>{t('correction.cancelledAt', { reason: details.cancelReason ?? '' })}</p>
      ) : (
        <>
          <p className="muted">{t('correction.intro')}</p>
          <div className="correction__grid">
            {FIELDS.map((f) => (
              <Field
                key={f}
                label={t(`fields.${f}`)}
                error={errors[f]}
                required={f === 'fullName' || f === 'phone'}
              >
                {(a) => (
                  <input
                    {...a}
                    name={f}
                    value={values[f]}
                    type={f === 'email' ? 'email' : f === 'phone' ? 'tel' : 'text'}
                    autoComplete="off"
                    onChange={(e) => set(f)(e.target.value)}
                  />
                )}
              </Field>
            ))}
            <Field label={t('fields.visitorType')} error={errors.visitorType}>
              {(a) => (
                <select
                  {...a}
                  name="visitorType"
                  value={values.visitorType}
                  onChange={(e) => set('visitorType')(e.target.value)}
                >
                  <option value="">{t('fields.visitorTypeNone')}</option>
                  {VISITOR_TYPES.map((v) => (
                    <option key={v} value={v}>
                      {t(`visitorTypes.${v}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('fields.lpse')} error={errors.lpse} hint={t('lpse.hint')}>
              {(a) => (
                <LpseCombobox
                  control={a}
                  name="lpse"
                  value={values.lpse}
                  onChange={set('lpse')}
                  onBlur={() => undefined}
                />
              )}
            </Field>
          </div>
          <div className="button-row">
            <ActionButton className="button button--primary" onAction={save}>
              {t('correction.save')}
            </ActionButton>
          </div>
          <h4>{t('correction.cancelTitle')}</h4>
          {details.cancellable ? (
            <>
              <p className="muted">{t('correction.cancelIntro')}</p>
              <Field label={t('correction.cancelReason')} error={errors.reason} required>
                {(a) => (
                  <input
                    {...a}
                    name="reason"
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                  />
                )}
              </Field>
              {askCancel ? (
                <div role="group" className="checkout-confirm">
                  <p>{t('correction.cancelConfirm', { queue: details.queueLabel })}</p>
                  <div className="checkout-confirm__buttons">
                    <ActionButton className="button button--small button--danger" onAction={cancel}>
                      {t('correction.cancel')}
                    </ActionButton>
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => setAskCancel(false)}
                    >
                      {t('reception.checkOutCancel')}
                    </button>
                  </div>
                </div>
              ) : (
                <button type="button" className="button" onClick={() => setAskCancel(true)}>
                  {t('correction.cancel')}
                </button>
              )}
            </>
          ) : (
            <p className="muted">{t('correction.notCancellable')}</p>
          )}
        </>
      )}
    </section>
  );
}
