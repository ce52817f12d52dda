import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
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
import { useHydrated } from '../hooks/use-hydrated';

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
  // No default values: the form takes what the fields hold when it attaches to them, which is
  // what was typed into a pre-rendered form before the page's code arrived ('' otherwise).
  const { register, handleSubmit, formState, resetField, setFocus } = useForm<
    FormIn,
    unknown,
    FormOut
  >({ resolver: zodResolver(loginSchema) });
  const e = formState.errors;
  // Until the form is live, pressing Enter must not submit it the browser's way (a GET with the
  // PIN in the address): a disabled submit button stops that.
  const live = useHydrated();
  const form = useRef<HTMLFormElement>(null);

  // The login screen has one thing to do: start typing the username (unless already typing).
  useEffect(() => {
    if (!form.current?.contains(document.activeElement)) setFocus('username');
  }, [setFocus]);

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await api('auth.login', values);
    if (result.ok) {
      setSessionToken(result.value.sessionToken);
      endSameWindowSurveyMode();
      return onLoggedIn(result.value.staff);
    }
    resetField('pin', { defaultValue: '' });
    setFocus('pin');
    setFailure(errorText(result.error));
  });

  return (
    <main id="main" className="card card--narrow">
      <h1>{t('login.title')}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <form ref={form} onSubmit={submit} noValidate>
        <Field label={t('fields.username')} error={e.username?.message} required>
          {(a) => (
            // In the pre-rendered page the browser focuses it before any script has run.
            <input {...a} {...register('username')} autoComplete="username" autoFocus />
          )}
        </Field>
        <PinField
          label={t('fields.pin')}
          registration={register('pin')}
          autoComplete="current-password"
          error={e.pin?.message}
        />
        {failure && <Notice kind="error">{failure}</Notice>}
        <button
          type="submit"
          className="button button--primary"
          disabled={!live || formState.isSubmitting}
        >
          {t('login.submit')}
        </button>
      </form>
    </main>
  );
}
