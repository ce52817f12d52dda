import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { pinSchema, type Staff } from '../../../../shared/domain/staff';
import { api } from '../../api/client';
import { applyFieldErrors, errorText } from '../../api/errors';
import { PinDialog, PinFormEnd } from '../../components/PinDialog';
import { PinField } from '../../components/PinField';

const formSchema = z.object({ pin: pinSchema });
type FormIn = z.input<typeof formSchema>;
type FormOut = z.output<typeof formSchema>;

/** An administrator gives someone who forgot their PIN a new one (their sessions end). */
export function ResetPinDialog({
  staff,
  onClose,
  onDone,
}: {
  staff: Staff;
  onClose: () => void;
  onDone: (s: Staff) => void;
}) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(formSchema),
    defaultValues: { pin: '' },
  });

  const submit = handleSubmit(async ({ pin }) => {
    setFailure(null);
    const r = await api('staff.resetPin', { staffId: staff.id, pin });
    if (r.ok) return onDone(r.value);
    applyFieldErrors(r.error, setError);
    setFailure(errorText(r.error));
  });

  return (
    <PinDialog title={t('staffAccounts.resetTitle', { name: staff.fullName })} onClose={onClose}>
      <p className="pin-dialog__hint">{t('staffAccounts.resetHint')}</p>
      <form onSubmit={submit} noValidate>
        <PinField
          label={t('staffAccounts.newPin')}
          registration={register('pin')}
          autoComplete="new-password"
          error={formState.errors.pin?.message}
          hint={t('fields.pinHint')}
        />
        <PinFormEnd
          failure={failure}
          submitLabel={t('staffAccounts.saveReset')}
          submitting={formState.isSubmitting}
          onCancel={onClose}
        />
      </form>
    </PinDialog>
  );
}
