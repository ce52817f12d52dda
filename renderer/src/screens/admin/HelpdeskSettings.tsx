import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  DEFAULT_LATE_AFTER_MINUTES,
  HELPDESK_KINDS,
  helpdeskSettingsFormSchema,
} from '../../../../shared/domain/helpdesk-settings';
import { api } from '../../api/client';
import { applyFieldErrors, errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useCall } from '../../hooks/use-live-call';

type FormIn = z.input<typeof helpdeskSettingsFormSchema>;
type FormOut = z.output<typeof helpdeskSettingsFormSchema>;

/** Where escalated cases go: the kind of backend helpdesk, its address and its account. */
export function HelpdeskSettings() {
  const { t } = useTranslation();
  const id = useId();
  const [hasSecret, setHasSecret] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const { register, handleSubmit, reset, setError, control, formState } = useForm<
    FormIn,
    unknown,
    FormOut
  >({
    resolver: zodResolver(helpdeskSettingsFormSchema),
    defaultValues: {
      kind: 'rt',
      url: '',
      queue: '',
      username: '',
      secret: '',
      lateAfterMinutes: DEFAULT_LATE_AFTER_MINUTES,
    },
  });
  const e = formState.errors;
  const kind = useWatch({ control, name: 'kind' });

  // Loaded once: a reload would overwrite what the admin is typing.
  useCall(
    'helpdesk.getSettings',
    {},
    {
      onData: ({ hasSecret: kept, ...values }) => {
        reset({ ...values, secret: '' });
        setHasSecret(kept);
      },
    },
  );

  const save = handleSubmit(async (input) => {
    const r = await api('helpdesk.saveSettings', input);
    if (!r.ok) {
      applyFieldErrors(r.error, setError);
      return setMessage({ kind: 'error', text: errorText(r.error) });
    }
    const { hasSecret: kept, ...values } = r.value;
    reset({ ...values, secret: '' });
    setHasSecret(kept);
    setMessage({ kind: 'success', text: t('helpdeskSettings.saved') });
  });

  const check = async () => {
    const r = await api('helpdesk.checkSetup', {});
    if (!r.ok) return setMessage({ kind: 'error', text: errorText(r.error) });
    setMessage(
      r.value.problems.length === 0
        ? { kind: 'success', text: t('helpdeskSettings.ok') }
        : {
            kind: 'error',
            text: r.value.problems
              .map((p) => t(`helpdeskSettings.problems.${p.code}`, { name: p.name ?? '' }))
              .join(' '),
          },
    );
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('helpdeskSettings.title')}</h2>
      <form className="form-grid" noValidate onSubmit={save}>
        <fieldset className="form-grid__wide">
          <legend>{t('helpdeskSettings.kind')}</legend>
          {HELPDESK_KINDS.map((k) => (
            <label key={k} className="checkbox">
              <input type="radio" value={k} {...register('kind')} />
              {t(`helpdeskSettings.kinds.${k}`)}
            </label>
          ))}
        </fieldset>
        <Field
          label={t(`helpdeskSettings.url_${kind}`)}
          hint={t(`helpdeskSettings.urlHint_${kind}`)}
          error={e.url?.message}
          required
        >
          {(field) => <input {...field} autoComplete="off" {...register('url')} />}
        </Field>
        {kind === 'rt' && (
          <>
            <Field label={t('helpdeskSettings.queue')} error={e.queue?.message} required>
              {(field) => <input {...field} autoComplete="off" {...register('queue')} />}
            </Field>
            <Field label={t('helpdeskSettings.username')} error={e.username?.message} required>
              {(field) => <input {...field} autoComplete="off" {...register('username')} />}
            </Field>
          </>
        )}
        <Field
          label={t(`helpdeskSettings.secret_${kind}`)}
          hint={hasSecret ? t('helpdeskSettings.secretKept') : undefined}
          error={e.secret?.message}
          required={!hasSecret}
        >
          {(field) => (
            <input {...field} type="password" autoComplete="new-password" {...register('secret')} />
          )}
        </Field>
        <Field
          label={t('helpdeskSettings.lateAfterMinutes')}
          hint={t('helpdeskSettings.lateAfterMinutesHint')}
          error={e.lateAfterMinutes?.message}
          required
        >
          {(field) => (
            <input
              {...field}
              type="number"
              inputMode="numeric"
              min={5}
              max={1440}
              {...register('lateAfterMinutes', { valueAsNumber: true })}
            />
          )}
        </Field>
        <div className="form-grid__wide button-row">
          <button
            type="submit"
            className="button button--primary"
            disabled={formState.isSubmitting}
          >
            {t('helpdeskSettings.save')}
          </button>
          <ActionButton className="button" onAction={check}>
            {t('helpdeskSettings.check')}
          </ActionButton>
        </div>
      </form>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
    </section>
  );
}
