import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ROLES } from '../../../../shared/domain/roles';
import { newStaffSchema, type Staff } from '../../../../shared/domain/staff';
import { api } from '../../api/client';
import { applyFieldErrors, errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { NewStaffFields } from '../../components/NewStaffFields';
import { Notice } from '../../components/Notice';
import { useLiveCall } from '../../hooks/use-live-call';
import { translateKey } from '../../i18n';
import { formatTimeWib } from '../../../../shared/time';
import { HelpdeskSettings } from './HelpdeskSettings';
import { LpseAdmin } from './LpseAdmin';
import { RetentionSettings } from './RetentionSettings';
import { PrinterSettings } from './PrinterSettings';
import { ResetPinDialog } from './ResetPinDialog';
import { StationsAdmin } from './StationsAdmin';
import './StaffAdmin.css';

type FormIn = z.input<typeof newStaffSchema>;
type FormOut = z.output<typeof newStaffSchema>;
const EMPTY: FormIn = { fullName: '', username: '', pin: '', roles: [] };

export function StaffAdmin({ me }: { me: Staff }) {
  const { t, i18n } = useTranslation();
  const [resetting, setResetting] = useState<Staff | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const { register, handleSubmit, reset, setError, formState } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(newStaffSchema),
    defaultValues: EMPTY,
  });
  const e = formState.errors;

  // Another admin's change reaches this list by the 'staff' topic.
  const list = useLiveCall('staff.list', {}, { topics: ['staff'] });
  const staff: Staff[] = list.data ?? [];
  const reload = list.reload;

  const submit = handleSubmit(async (values) => {
    const result = await api('staff.create', values);
    if (!result.ok) {
      applyFieldErrors(result.error, setError);
      return setMessage({ kind: 'error', text: errorText(result.error) });
    }
    setMessage({ kind: 'success', text: t('admin.added', { name: result.value.fullName }) });
    reset(EMPTY);
    reload();
  });

  const setActive = async (s: Staff, active: boolean) => {
    const result = await api('staff.setActive', { staffId: s.id, active });
    setMessage(
      result.ok
        ? {
            kind: 'success',
            text: t(active ? 'staffAccounts.activated' : 'staffAccounts.deactivated', {
              name: s.fullName,
            }),
          }
        : { kind: 'error', text: errorText(result.error) },
    );
    reload();
  };

  const unlock = async (s: Staff) => {
    const result = await api('staff.unlock', { staffId: s.id });
    setMessage(
      result.ok
        ? { kind: 'success', text: t('staffAccounts.unlocked', { name: s.fullName }) }
        : { kind: 'error', text: errorText(result.error) },
    );
    reload();
  };

  return (
    <main id="main" className="admin">
      <h1>{t('admin.title')}</h1>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <section className="card" aria-labelledby="add-staff">
        <h2 id="add-staff">{t('admin.addTitle')}</h2>
        <form onSubmit={submit} noValidate className="form-grid">
          <NewStaffFields
            register={(name) => register(name)}
            errors={{
              fullName: e.fullName?.message,
              username: e.username?.message,
              pin: e.pin?.message,
            }}
          />
          <fieldset className={`roles${e.roles ? ' field--invalid' : ''}`}>
            <legend>{t('fields.roles')}</legend>
            {ROLES.map((role) => (
              <label key={role} className="checkbox">
                <input type="checkbox" value={role} {...register('roles')} />
                {t(`roles.${role}`)}
              </label>
            ))}
            {e.roles?.message && (
              <p className="field__error" role="alert">
                {translateKey(e.roles.message)}
              </p>
            )}
          </fieldset>
          <div className="form-grid__wide">
            <button
              type="submit"
              className="button button--primary"
              disabled={formState.isSubmitting}
            >
              {t('admin.add')}
            </button>
          </div>
        </form>
      </section>
      <section className="card" aria-labelledby="staff-list">
        <h2 id="staff-list">{t('admin.listTitle')}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('fields.fullName')}</th>
                <th scope="col">{t('fields.username')}</th>
                <th scope="col">{t('fields.roles')}</th>
                <th scope="col">{t('reception.status')}</th>
                <th scope="col">{t('reception.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {staff.map((s) => (
                <tr key={s.id}>
                  <td>{s.fullName}</td>
                  <td>{s.username}</td>
                  <td>{s.roles.map((r) => t(`roles.${r}`)).join(', ')}</td>
                  <td>
                    {s.active ? t('admin.active') : t('admin.inactive')}
                    {s.lockedUntil && (
                      <span className="staff-admin__locked">
                        {t('staffAccounts.lockedUntil', {
                          time: formatTimeWib(s.lockedUntil, i18n.language),
                        })}
                      </span>
                    )}
                  </td>
                  <td>
                    {s.id === me.id ? (
                      <span className="staff-admin__self">{t('staffAccounts.selfHint')}</span>
                    ) : (
                      <div className="staff-admin__actions">
                        {s.lockedUntil && (
                          <ActionButton
                            className="button button--small"
                            aria-label={t('staffAccounts.unlockOf', { name: s.fullName })}
                            onAction={() => unlock(s)}
                          >
                            {t('staffAccounts.unlock')}
                          </ActionButton>
                        )}
                        {s.active && (
                          <button
                            type="button"
                            className="button button--small"
                            aria-label={t('staffAccounts.resetPinOf', { name: s.fullName })}
                            onClick={() => setResetting(s)}
                          >
                            {t('staffAccounts.resetPin')}
                          </button>
                        )}
                        <ActionButton
                          className="button button--small"
                          aria-label={t(
                            s.active ? 'admin.deactivateOf' : 'staffAccounts.reactivateOf',
                            { name: s.fullName },
                          )}
                          onAction={() => setActive(s, !s.active)}
                        >
                          {s.active ? t('admin.deactivate') : t('staffAccounts.reactivate')}
                        </ActionButton>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {resetting && (
        <ResetPinDialog
          staff={resetting}
          onClose={() => setResetting(null)}
          onDone={(s) => {
            setResetting(null);
            setMessage({
              kind: 'success',
              text: t('staffAccounts.resetDone', { name: s.fullName }),
            });
            reload();
          }}
        />
      )}
      <HelpdeskSettings />
      <StationsAdmin />
      <LpseAdmin />
      <RetentionSettings />
      <PrinterSettings />
    </main>
  );
}
