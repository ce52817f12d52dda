import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/api/contract';
import type { Staff } from '../../../../shared/domain/staff';
import { formatDayLong } from '../../../../shared/time';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { useGuard } from '../../hooks/use-action';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { CaseRecordPanel } from './CaseRecordPanel';
import { CorrectCheckIn } from './CorrectCheckIn';
import './records.css';

type Result = MethodOutput<'records.search'>;

/** "Cari arsip": any past visit or case from one detail the visitor remembers. */
export function RecordsScreen({ me }: { me: Staff }) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [openCase, setOpenCase] = useState<number | null>(null);
  const [correcting, setCorrecting] = useState<number | null>(null);
  const [searching, guard] = useGuard();
  const canCorrect = me.roles.includes('receptionist') || me.roles.includes('supervisor');
  const officerOnly =
    me.roles.includes('officer') &&
    !me.roles.includes('supervisor') &&
    !me.roles.includes('receptionist');

  const search = () =>
    guard(async () => {
      const r = await api('records.search', {
        query,
        ...(from && { from }),
        ...(to && { to }),
      });
      if (!r.ok) {
        setErrors(r.error.fields ?? {});
        setFailure(r.error.fields ? null : errorText(r.error));
        return;
      }
      setErrors({});
      setFailure(null);
      setResult(r.value);
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void search();
  };

  return (
    <main id="main" className="records">
      <h1>{t('records.title')}</h1>
      <p className="muted">{t('records.intro')}</p>
      <form className="card records__form" onSubmit={submit} role="search">
        <Field label={t('records.query')} hint={t('records.queryHint')} error={errors.query}>
          {(a) => (
            <input
              {...a}
              name="query"
              type="search"
              value={query}
              autoComplete="off"
              onChange={(e) => setQuery(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('records.from')} error={errors.from}>
          {(a) => (
            <input
              {...a}
              name="from"
              type="date"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('records.to')} error={errors.to}>
          {(a) => (
            <input
              {...a}
              name="to"
              type="date"
              value={to}
              onChange={(e) => setTo(e.target.value)}
            />
          )}
        </Field>
        <div className="records__submit">
          <button type="submit" className="button button--primary" aria-busy={searching}>
            {searching ? t('records.searching') : t('records.search')}
          </button>
        </div>
      </form>
      {officerOnly && <p className="muted">{t('records.scopeOfficer')}</p>}
      {failure && <Notice kind="error">{failure}</Notice>}
      {correcting !== null && (
        <CorrectCheckIn
          visitId={correcting}
          onClose={() => setCorrecting(null)}
          onChanged={() => void search()}
        />
      )}
      {openCase !== null && <CaseRecordPanel caseId={openCase} onClose={() => setOpenCase(null)} />}
      {result && (
        <section className="card" aria-labelledby="records-found" aria-live="polite">
          <h2 id="records-found">
            {result.visits.length === 0
              ? t('records.none')
              : t('records.count', { count: result.visits.length })}
          </h2>
          <p className="muted">{t(`records.readAs.${result.readAs}`)}</p>
          {result.more && <p className="records__more">{t('records.more')}</p>}
          {result.visits.length > 0 && (
            <div className="table-wrap">
              <table className="records__table">
                <thead>
                  <tr>
                    <th scope="col">{t('records.columns.day')}</th>
                    <th scope="col">{t('records.columns.visitor')}</th>
                    <th scope="col">{t('records.columns.contact')}</th>
                    <th scope="col">{t('records.columns.status')}</th>
                    <th scope="col">{t('records.columns.cases')}</th>
                    {canCorrect && <th scope="col">{t('records.columns.actions')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {result.visits.map((v) => (
                    <tr key={v.visitId} data-visit-id={v.visitId}>
                      <td>
                        {formatDayLong(v.serviceDay, i18n.language)}
                        <br />
                        <span className="muted queue">{v.queueLabel}</span>
                      </td>
                      <td>
                        {v.fullName}
                        {v.institution && (
                          <>
                            <br />
                            <span className="muted">{v.institution}</span>
                          </>
                        )}
                      </td>
                      <td>
                        {v.phoneMasked}
                        {v.emailMasked && (
                          <>
                            <br />
                            <span className="muted">{v.emailMasked}</span>
                          </>
                        )}
                      </td>
                      <td>
                        <span className={`status status--${v.status}`}>
                          {t(`statuses.${v.status}`)}
                        </span>
                        {v.officerName && (
                          <>
                            <br />
                            <span className="muted">{v.officerName}</span>
                          </>
                        )}
                      </td>
                      <td>
                        <ul className="records__cases">
                          {v.cases.map((c) => (
                            <li key={c.caseId}>
                              {c.canOpen ? (
                                <button
                                  type="button"
                                  className="link-button case-code"
                                  aria-label={t('records.open', { code: c.caseCode })}
                                  onClick={() => setOpenCase(c.caseId)}
                                >
                                  {c.caseCode}
                                </button>
                              ) : (
                                <span className="case-code" title={t('records.noContent')}>
                                  {c.caseCode}
                                </span>
                              )}
                              <span className="muted">
                                {' '}
                                {t(`records.caseStatuses.${c.status}`)}
                                {c.ticketId && ` · #${c.ticketId}`}
                              </span>
                            </li>
                          ))}
                        </ul>
                      </td>
                      {canCorrect && (
                        <td>
                          <button
                            type="button"
                            className="button button--small"
                            aria-label={`${t('records.correct')} ${v.queueLabel} ${v.serviceDay}`}
                            onClick={() => setCorrecting(v.visitId)}
                          >
                            {t('records.correct')}
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </main>
  );
}
