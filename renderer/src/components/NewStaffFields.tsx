import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from './Field';
import { PinField } from './PinField';

type Name = 'fullName' | 'username' | 'pin';

interface NewStaffFieldsProps {
  register: (name: Name) => UseFormRegisterReturn;
  errors: Partial<Record<Name, string | undefined>>;
}

/** Name, username and a new PIN: the first administrator and every staff member added later. */
export function NewStaffFields({ register, errors }: NewStaffFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('fields.fullName')} error={errors.fullName} required>
        {(a) => <input {...a} {...register('fullName')} autoComplete="off" />}
      </Field>
      <Field
        label={t('fields.username')}
        error={errors.username}
        hint={t('fields.usernameHint')}
        required
      >
        {(a) => <input {...a} {...register('username')} autoComplete="off" />}
      </Field>
      <PinField
        label={t('fields.pin')}
        registration={register('pin')}
        autoComplete="new-password"
        error={errors.pin}
        hint={t('fields.pinHint')}
      />
    </>
  );
}
