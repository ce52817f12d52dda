import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErasureSummaryView } from '../../../../shared/api/methods/privacy-erasure';
import { OPEN_AT_HELPDESK_STATUSES } from '../../../../shared/domain/case';
import type { PersonRecord } from '../../../../shared/domain/privacy-request';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';

/**
 * Erasure at the person's request (UU 27/2022 Pasal 8): a confirm step that says what goes, the
 * refusal while a case of theirs is open at the helpdesk, and the supervisor's reason to go on.
 */
export function ErasePerson({
  person: p,
  requestId,
  onErased,
}: {
  person: PersonRecord;
  requestId: number | undefined;
  onErased: (summary: ErasureSummaryView) => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState(() =>
    requestId === undefined ? '' : t('privacy.erase.reasonDefault', { id: requestId }),
  );
  const [override, setOverride] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  // The core decides again inside its write; this list only says it before the press.
  const openCases = p.cases
    .filter((c) => OPEN_AT_HELPDESK_STATUSES.includes(c.status))
    .map((c) => c.caseCode);
  const [refusedOpen, setRefusedOpen] = useState(false);
  const needsOverride = openCases.length > 0 || refusedOpen;
  const count = (pick: (c: PersonRecord['cases'][number]) => unknown[]) =>
    p.cases.reduce((n, c) => n + pick(c).length, 0);

  const erase = async () => {
    setError(null);
    const r = await api('privacy.erasePerson', {
      visitorId: p.visitor.id,
      reason,
      ...(needsOverride && { overrideOpenCaseReason: override }),
    });
    if (!r.ok) {
      if (r.error.code === 'ERASURE_CASE_OPEN') setRefusedOpen(true);
      setFields(r.error.fields ?? {});
      return setError(errorText(r.error));
    }
    setFields({});
    onErased(r.value);
  };

  return (
    <section className="erase-person" aria-labelledby="erase-person-title">
      <h4 id="erase-person-title">{t('privacy.erase.title')}</h4>
      {!confirming ? (
        <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
          {t('privacy.erase.start')}
        </button>
      ) : (
        <div className="erase-person__confirm">
          <p>{t('privacy.erase.whatGoes', { name: p.visitor.fullName })}</p>
          <ul>
            <li>{t('privacy.erase.items.visitor')}</li>
            <li>{t('privacy.erase.items.visits', { count: p.visits.length })}</li>
            <li>{t('privacy.erase.items.cases', { count: p.cases.length })}</li>
            <li>{t('privacy.erase.items.documents', { count: count((c) => c.documents) })}</li>
            <li>{t('privacy.erase.items.notes', { count: count((c) => c.notes) })}</li>
            <li>
              {t('privacy.erase.items.confirmations', { count: count((c) => c.confirmations) })}
            </li>
            <li>{t('privacy.erase.items.mentions')}</li>
            <li>{t('privacy.erase.items.outbox')}</li>
          </ul>
          <p className="muted">{t('privacy.erase.kept')}</p>
          {openCases.length > 0 && (
            <p className="erase-person__open" role="status">
              {t('privacy.erase.openCases', { cases: openCases.join(', ') })}
            </p>
          )}
          <Field label={t('privacy.erase.reason')} error={fields.reason} required>
            {(a) => (
              <textarea
                {...a}
                rows={2}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </Field>
          {needsOverride && (
            <Field
              label={t('privacy.erase.override')}
              error={fields.overrideOpenCaseReason}
              required
            >
              {(a) => (
                <textarea
                  {...a}
                  rows={2}
                  value={override}
                  onChange={(e) => setOverride(e.target.value)}
                />
              )}
            </Field>
          )}
          {error && <Notice kind="error">{error}</Notice>}
          <div className="button-row">
            <ActionButton className="button button--danger" onAction={erase}>
              {t('privacy.erase.confirm', { name: p.visitor.fullName })}
            </ActionButton>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('privacy.erase.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** What the erasure did, in place of the person's data, which is no longer there to show. */
export function ErasureDone({ summary: d }: { summary: ErasureSummaryView }) {
  const { t } = useTranslation();
  const what = d.alreadyErased
    ? t('privacy.erase.already')
    : t('privacy.erase.done', {
        visits: d.visits,
        cases: d.cases,
        files: d.filesDeleted,
        notes: d.notesRedacted,
        mentions: d.mentionsRedacted,
        outbox: d.outboxWithdrawn,
      });
  return (
    <div className="person-panel">
      <h3>{t('privacy.erase.doneTitle')}</h3>
      <Notice kind="success">
        {d.openCasesOverridden.length === 0
          ? what
          : `${what} ${t('privacy.erase.overridden', { cases: d.openCasesOverridden.join(', ') })}`}
      </Notice>
    </div>
  );
}
