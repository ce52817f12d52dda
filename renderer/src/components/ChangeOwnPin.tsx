import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { changeOwnPinSchema } from '../../../shared/domain/staff';
import { api } from '../api/client';
import { applyFieldErrors, errorText } from '../api/errors';
import { Notice } from './Notice';
import { PinDialog, PinFormEnd } from './PinDialog';
import { PinField } from './PinField';

const formSchema = changeOwnPinSchema
  .extend({ repeatPin: z.string() })
  .refine((v) => v.newPin === v.repeatPin, {
    path: ['repeatPin'],
    error: 'validation.pinsDiffer',
  });
type FormIn = z.input<typeof formSchema>;
type FormOut = z.output<typeof formSchema>;
const EMPTY: FormIn = { currentPin: '', newPin: '', repeatPin: '' };

/** "Ubah PIN" in the header: any logged-in staff member changes their own PIN. */
export function ChangeOwnPin() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button--small" onClick={() => setOpen(true)}>
        {t('staffAccounts.changeOwnPin')}
      </button>
      {open && <ChangeOwnPinDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function ChangeOwnPinDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const { register, handleSubmit, setError, resetField, formState } = useForm<
    FormIn,
    unknown,
    FormOut
  >({ resolver: zodResolver(formSchema), defaultValues: EMPTY });
  const e = formState.errors;

  const submit = handleSubmit(async ({ currentPin, newPin }) => {
    setFailure(null);
    const r = await api('auth.changePin', { currentPin, newPin });
    if (r.ok) return setDone(true);
    applyFieldErrors(r.error, setError);
    resetField('currentPin');
    setFailure(errorText(r.error));
  });

  return (
    <PinDialog title={t('staffAccounts.changeOwnPinTitle')} onClose={onClose}>
      {done ? (
        <>
          <Notice kind="success">{t('staffAccounts.changed')}</Notice>
          <div className="button-row">
            <button type="button" className="button button--primary" onClick={onClose}>
              {t('staffAccounts.close')}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <PinField
            label={t('staffAccounts.currentPin')}
            registration={register('currentPin')}
            autoComplete="current-password"
            error={e.currentPin?.message}
          />
          <PinField
            label={t('staffAccounts.newPin')}
            registration={register('newPin')}
            autoComplete="new-password"
            error={e.newPin?.message}
            hint={t('fields.pinHint')}
          />
          <PinField
            label={t('staffAccounts.repeatPin')}
            registration={register('repeatPin')}
            autoComplete="new-password"
            error={e.repeatPin?.message}
          />
          <PinFormEnd
            failure={failure}
            submitLabel={t('staffAccounts.saveOwnPin')}
            submitting={formState.isSubmitting}
            onCancel={onClose}
          />
        </form>
      )}
    </PinDialog>
  );
}
