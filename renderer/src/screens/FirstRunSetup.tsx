import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { firstAdminSchema } from '../../../shared/domain/staff';
import { api } from '../api/client';
import { applyFieldErrors, errorText } from '../api/errors';
import { NewStaffFields } from '../components/NewStaffFields';
import { Notice } from '../components/Notice';
import { ConnectToHub } from './station/ConnectToHub';
import './station/SetupChoice.css';

type FormIn = z.input<typeof firstAdminSchema>;
type FormOut = z.output<typeof firstAdminSchema>;

export function FirstRunSetup({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  // All-in-one stays the default: nothing to choose for a PC on its own.
  const [way, setWay] = useState<'allInOne' | 'hub'>('allInOne');
  const { register, handleSubmit, setError, formState } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(firstAdminSchema),
    defaultValues: { fullName: '', username: '', pin: '' },
  });
  const e = formState.errors;

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await api('setup.createFirstAdmin', values);
    if (result.ok) return onDone();
    applyFieldErrors(result.error, setError);
    setFailure(errorText(result.error));
  });

  if (way === 'hub') return <ConnectToHub onBack={() => setWay('allInOne')} />;

  return (
    <main id="main" className="card card--narrow">
      <h1>{t('setup.title')}</h1>
      <fieldset className="setup-choice">
        <legend>{t('station.choiceTitle')}</legend>
        <label className="setup-choice__option">
          <input type="radio" name="setup-way" checked readOnly />
          <span>
            <strong>{t('station.choiceAllInOne')}</strong>
            <span className="setup-choice__hint">{t('station.choiceAllInOneHint')}</span>
          </span>
        </label>
        <label className="setup-choice__option">
          <input type="radio" name="setup-way" checked={false} onChange={() => setWay('hub')} />
          <span>
            <strong>{t('station.choiceHub')}</strong>
            <span className="setup-choice__hint">{t('station.choiceHubHint')}</span>
          </span>
        </label>
      </fieldset>
      <p>{t('setup.intro')}</p>
      <form onSubmit={submit} noValidate>
        <NewStaffFields
          register={(name) => register(name)}
          errors={{
            fullName: e.fullName?.message,
            username: e.username?.message,
            pin: e.pin?.message,
          }}
        />
        {failure && <Notice kind="error">{failure}</Notice>}
        <button type="submit" className="button button--primary" disabled={formState.isSubmitting}>
          {t('setup.submit')}
        </button>
      </form>
    </main>
  );
}
