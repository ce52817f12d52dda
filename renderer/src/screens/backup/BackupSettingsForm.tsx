import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  BACKUP_DEFAULTS,
  MIN_PASSPHRASE_LENGTH,
  backupSettingsInputSchema,
  type BackupSettings,
} from '../../../../shared/domain/backup';
import { api } from '../../api/client';
import { applyFieldErrors, errorText } from '../../api/errors';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';

/** The core's schema, with an empty passphrase meaning "keep the one that is set". */
const formSchema = backupSettingsInputSchema.extend({
  passphrase: z
    .string()
    .max(200, 'validation.tooLong:200')
    .refine(
      (p) => p === '' || p.length >= MIN_PASSPHRASE_LENGTH,
      'validation.backupPassphraseShort',
    ),
});
type FormValues = z.infer<typeof formSchema>;

const EMPTY: FormValues = { folder: '', passphrase: '', ...BACKUP_DEFAULTS };

/** Where backups go, the passphrase that seals them, when they run, how many are kept. */
export function BackupSettingsForm({
  settings,
  onSaved,
}: {
  settings: BackupSettings | null;
  onSaved: (s: BackupSettings) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const { register, handleSubmit, reset, setError, formState } = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: EMPTY,
  });
  const e = formState.errors;

  useEffect(() => {
    if (!settings) return;
    const { folder, dailyAt, onClose, keepDaily, keepWeekly, staleHours } = settings;
    reset({ folder, passphrase: '', dailyAt, onClose, keepDaily, keepWeekly, staleHours });
  }, [settings, reset]);

  const save = handleSubmit(async ({ passphrase, ...rest }) => {
    setMessage(null);
    // The core checks the whole input again (and the folder on disk); its field keys land here.
    const r = await api('backup.saveSettings', {
      ...rest,
      ...(passphrase !== '' && { passphrase }),
    });
    if (!r.ok) {
      applyFieldErrors(r.error, setError);
      return setMessage({ kind: 'error', text: errorText(r.error) });
    }
    onSaved(r.value);
    setMessage({ kind: 'success', text: t('backup.saved') });
  });

  const kept = settings?.hasPassphrase ?? false;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('backup.settingsTitle')}</h3>
      {settings?.passphraseNeedsEntry && (
        <Notice kind="error">{t('backup.passphraseNeedsEntry')}</Notice>
      )}
      <form className="form-grid" noValidate onSubmit={save}>
        <div className="form-grid__wide">
          <Field
            label={t('backup.folder')}
            hint={t('backup.folderHint')}
            error={e.folder?.message}
            required
          >
            {(field) => (
              <input {...field} autoComplete="off" spellCheck={false} {...register('folder')} />
            )}
          </Field>
        </div>
        <Field
          label={kept ? t('backup.passphraseNew') : t('backup.passphrase')}
          hint={kept ? t('backup.passphraseKept') : t('backup.passphraseHint')}
          error={e.passphrase?.message}
          required={!kept}
        >
          {(field) => (
            <input
              {...field}
              type="password"
              autoComplete="new-password"
              {...register('passphrase')}
            />
          )}
        </Field>
        <Field label={t('backup.dailyAt')} error={e.dailyAt?.message} required>
          {(field) => <input {...field} type="time" {...register('dailyAt')} />}
        </Field>
        <Field
          label={`${t('backup.keepDaily')} (${t('backup.days')})`}
          error={e.keepDaily?.message}
          required
        >
          {(field) => (
            <input
              {...field}
              type="number"
              min={1}
              max={60}
              {...register('keepDaily', { valueAsNumber: true })}
            />
          )}
        </Field>
        <Field
          label={`${t('backup.keepWeekly')} (${t('backup.weeks')})`}
          error={e.keepWeekly?.message}
          required
        >
          {(field) => (
            <input
              {...field}
              type="number"
              min={0}
              max={52}
              {...register('keepWeekly', { valueAsNumber: true })}
            />
          )}
        </Field>
        <Field label={t('backup.staleHours')} error={e.staleHours?.message} required>
          {(field) => (
            <input
              {...field}
              type="number"
              min={1}
              max={720}
              {...register('staleHours', { valueAsNumber: true })}
            />
          )}
        </Field>
        <label className="checkbox form-grid__wide">
          <input type="checkbox" {...register('onClose')} />
          {t('backup.onClose')}
        </label>
        {message && <Notice kind={message.kind}>{message.text}</Notice>}
        <div className="form-grid__wide button-row">
          <button
            type="submit"
            className="button button--primary"
            disabled={formState.isSubmitting}
          >
            {t('backup.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
