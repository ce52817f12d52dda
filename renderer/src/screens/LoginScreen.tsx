import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Staff } from '../../../shared/domain/staff';
import { loginSchema } from '../../../shared/domain/staff';
import { api, setSessionToken } from '../api/client';
import { errorText } from '../api/errors';
import { Field } from '../components/Field';
import { PinField } from '../components/PinField';
import { Notice } from '../components/Notice';
import { endSameWindowSurveyMode } from '../survey/ExitSurveyMode';

type FormIn = z.input<typeof loginSchema>;
type FormOut = z.output<typeof loginSchema>;

export function LoginScreen({
  onLoggedIn,
  notice,
}: {
  onLoggedIn: (s: Staff) => void;
  notice?: string | null;
}) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState, resetField, setFocus } = useForm<
    FormIn,
    unknown,
    FormOut
  >({
    resolver: zodResolver(loginSchema),
    defaultValues: { username: '', pin: '' },
  });
  const e = formState.errors;

  // The login screen has one thing to do: start typing the username.
  useEffect(() => setFocus('username'), [setFocus]);

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await api('auth.login', values);
    if (result.ok) {
      setSessionToken(result.value.sessionToken);
      endSameWindowSurveyMode();
      return onLoggedIn(result.value.staff);
    }
    resetField('pin');
    setFocus('pin');
    setFailure(errorText(result.error));
  });

  return (
    <main id="main" className="card card--narrow">
      <h1>{t('login.title')}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <form onSubmit={submit} noValidate>
        <Field label={t('fields.username')} error={e.username?.message} required>
          {(a) => <input {...a} {...register('username')} autoComplete="username" />}
        </Field>
        <PinField
          label={t('fields.pin')}
          registration={register('pin')}
          autoComplete="current-password"
          error={e.pin?.message}
        />
        {failure && <Notice kind="error">{failure}</Notice>}
        <button type="submit" className="button button--primary" disabled={formState.isSubmitting}>
          {t('login.submit')}
        </button>
      </form>
    </main>
  );
}
