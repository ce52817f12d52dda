import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  MAX_RETENTION_YEARS,
  retentionSettingsSchema,
  type RetentionSettings as Settings,
} from '../../../../shared/domain/retention';
import { noticeVersionFor } from '../../../../shared/domain/privacy-notice';
import { api } from '../../api/client';
import { applyFieldErrors, errorText } from '../../api/errors';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useCall } from '../../hooks/use-live-call';

const PURPOSES = ['guestBookYears', 'casesYears', 'documentsYears'] as const;

/** How long each purpose keeps personal data before housekeeping wipes it (issue 14 item 4). */
export function RetentionSettings() {
  const { t } = useTranslation();
  const id = useId();
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const { register, handleSubmit, reset, setError, formState } = useForm<Settings>({
    resolver: zodResolver(retentionSettingsSchema),
  });

  // Loaded once: a reload would overwrite what the admin is typing.
  useCall('privacy.retentionSettings', {}, { onData: reset });

  const save = handleSubmit(async (input) => {
    const r = await api('privacy.saveRetentionSettings', input);
    if (!r.ok) {
      applyFieldErrors(r.error, setError);
      return setMessage({ kind: 'error', text: errorText(r.error) });
    }
    reset(r.value);
    setMessage({
      kind: 'success',
      text: t('retentionSettings.saved', { version: noticeVersionFor(r.value) }),
    });
  });

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('retentionSettings.title')}</h2>
      <p>{t('retentionSettings.intro')}</p>
      <form className="form-grid" noValidate onSubmit={save}>
        {PURPOSES.map((purpose) => (
          <Field
            key={purpose}
            label={t(`retentionSettings.${purpose}`)}
            hint={t('retentionSettings.yearsHint', { max: MAX_RETENTION_YEARS })}
            error={formState.errors[purpose]?.message}
            required
          >
            {(field) => (
              <input
                {...field}
                type="number"
                inputMode="numeric"
                min={1}
                max={MAX_RETENTION_YEARS}
                {...register(purpose, { valueAsNumber: true })}
              />
            )}
          </Field>
        ))}
        <div className="form-grid__wide button-row">
          <button
            type="submit"
            className="button button--primary"
            disabled={formState.isSubmitting}
          >
            {t('retentionSettings.save')}
          </button>
        </div>
      </form>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
    </section>
  );
}
