import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  lpseSaveSchema,
  spseUrl,
  type LpseEntry,
  type UnlistedLpse,
} from '../../../../shared/domain/lpse';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useLiveCall } from '../../hooks/use-live-call';
import './LpseAdmin.css';

interface Draft {
  id?: number;
  name: string;
  spsePath: string;
  active: boolean;
}
const BLANK: Draft = { name: '', spsePath: '', active: true };

/**
 * The LPSE directory the forms pick from: add, rename, give the path on spse.inaproc.id,
 * deactivate; and the names typed by hand that match none, to add them.
 */
export function LpseAdmin() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(BLANK);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  // Another admin's lpse.save announces 'settings'; the names typed at check-in show on reopening.
  const directory = useLiveCall('lpse.list', {}, { topics: ['settings'] });
  const lpses: LpseEntry[] = directory.data?.lpses ?? [];
  const unlisted: UnlistedLpse[] = directory.data?.unlisted ?? [];
  const reload = directory.reload;

  const save = async (entry: Draft) => {
    setMessage(null);
    const parsed = lpseSaveSchema.safeParse(entry);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    const r = await api('lpse.save', parsed.data);
    if (!r.ok) {
      setErrors(r.error.fields ?? {});
      setMessage({ kind: 'error', text: errorText(r.error) });
      return;
    }
    setErrors({});
    setDraft(BLANK);
    setMessage({ kind: 'success', text: t('lpseAdmin.saved', { name: r.value.name }) });
    reload();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(draft);
  };

  return (
    <section className="card" aria-labelledby="lpse-admin">
      <h2 id="lpse-admin">{t('lpseAdmin.title')}</h2>
      <p>{t('lpseAdmin.intro')}</p>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <form
        onSubmit={submit}
        noValidate
        className="lpse-admin__form"
        aria-label={
          draft.id ? t('lpseAdmin.editOf', { name: draft.name }) : t('lpseAdmin.addTitle')
        }
      >
        <Field label={t('lpseAdmin.name')} error={errors.name} required>
          {(a) => (
            <input
              {...a}
              value={draft.name}
              autoComplete="off"
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            />
          )}
        </Field>
        <Field
          label={t('lpseAdmin.spsePath')}
          error={errors.spsePath}
          hint={t('lpseAdmin.spsePathHint')}
        >
          {(a) => (
            <input
              {...a}
              value={draft.spsePath}
              autoComplete="off"
              onChange={(e) => setDraft({ ...draft, spsePath: e.target.value })}
            />
          )}
        </Field>
        <label className="checkbox lpse-admin__checkbox">
          <input
            type="checkbox"
            checked={draft.active}
            onChange={(e) => setDraft({ ...draft, active: e.target.checked })}
          />
          {t('lpseAdmin.active')}
        </label>
        <div className="lpse-admin__buttons">
          <button type="submit" className="button button--primary">
            {draft.id ? t('lpseAdmin.save') : t('lpseAdmin.add')}
          </button>
          {draft.id && (
            <button type="button" className="button" onClick={() => setDraft(BLANK)}>
              {t('lpseAdmin.cancel')}
            </button>
          )}
        </div>
      </form>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('lpseAdmin.name')}</th>
              <th scope="col">{t('lpseAdmin.spsePath')}</th>
              <th scope="col">{t('reception.status')}</th>
              <th scope="col">{t('reception.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {lpses.map((l) => (
              <tr key={l.id}>
                <td>{l.name}</td>
                <td>
                  {l.spsePath ? (
                    spseUrl(l.spsePath)
                  ) : (
                    <span className="lpse-admin__muted">{t('lpseAdmin.noPath')}</span>
                  )}
                </td>
                <td>{l.active ? t('admin.active') : t('lpseAdmin.inactive')}</td>
                <td>
                  <div className="lpse-admin__actions">
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={t('lpseAdmin.editOf', { name: l.name })}
                      onClick={() =>
                        setDraft({
                          id: l.id,
                          name: l.name,
                          spsePath: l.spsePath ?? '',
                          active: l.active,
                        })
                      }
                    >
                      {t('lpseAdmin.edit')}
                    </button>
                    <ActionButton
                      className="button button--small"
                      aria-label={t(l.active ? 'lpseAdmin.deactivateOf' : 'lpseAdmin.activateOf', {
                        name: l.name,
                      })}
                      onAction={() =>
                        save({
                          id: l.id,
                          name: l.name,
                          spsePath: l.spsePath ?? '',
                          active: !l.active,
                        })
                      }
                    >
                      {l.active ? t('lpseAdmin.deactivate') : t('lpseAdmin.activate')}
                    </ActionButton>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('lpseAdmin.unlistedTitle')}</h3>
      {unlisted.length === 0 ? (
        <p className="lpse-admin__muted">{t('lpseAdmin.unlistedEmpty')}</p>
      ) : (
        <>
          <p>{t('lpseAdmin.unlistedIntro')}</p>
          <ul className="lpse-admin__unlisted">
            {unlisted.map((u) => (
              <li key={u.text}>
                <span>
                  {u.text}{' '}
                  <span className="lpse-admin__muted">
                    ({t('lpseAdmin.uses', { count: u.uses })})
                  </span>
                </span>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('lpseAdmin.addThisOf', { name: u.text })}
                  onClick={() => setDraft({ name: u.text, spsePath: '', active: true })}
                >
                  {t('lpseAdmin.addThis')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
