import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../../shared/domain/case';
import { formatTimeWib } from '../../../../shared/time';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { SlipActions } from '../../components/SlipActions';
import { translateKey } from '../../i18n';
import type { CaseFormInput } from './CaseForm';

export function CaseOutcome({
  view,
  onChanged,
  onFieldErrors,
  currentForm,
}: {
  view: CaseView;
  onChanged: (v: CaseView) => void;
  onFieldErrors: (f: Record<string, string>) => void;
  /** The form as shown now: saved with the close, so the last keystrokes are not lost. */
  currentForm: () => CaseFormInput | undefined;
}) {
  const { t, i18n } = useTranslation();
  const [solution, setSolution] = useState('');
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<{ text: string; fields: Record<string, string> } | null>(
    null,
  );

  if (view.status !== 'draft') {
    const at = view.closedAt ? formatTimeWib(view.closedAt, i18n.language) : null;
    // An escalated case is with the helpdesk, not closed: it says where it went and when.
    const parts =
      view.status === 'solved'
        ? [t('consultation.solved'), at && t('consultation.closedAt', { time: at })]
        : view.status === 'escalated'
          ? [at ? t('consultation.escalatedAt', { time: at }) : t('consultation.escalated')]
          : [t(`consultation.${view.status}`), at && t('consultation.escalatedAt', { time: at })];
    return (
      <section className="case-section" aria-labelledby={`outcome-${view.caseId}`}>
        <h3 id={`outcome-${view.caseId}`}>{t('consultation.outcomeTitle')}</h3>
        <p className={`outcome outcome--${view.status}`}>{parts.filter(Boolean).join(' · ')}</p>
        {view.solution && <p>{view.solution}</p>}
        {view.missingDocumentsReason && (
          <p>
            {t('consultation.missingReason')}: {view.missingDocumentsReason}
          </p>
        )}
        {view.status !== 'solved' && (
          <SlipActions key={view.caseId} target={{ kind: 'case', caseId: view.caseId }} />
        )}
      </section>
    );
  }

  const close = async (how: 'solve' | 'escalate') => {
    const form = currentForm();
    const result =
      how === 'solve'
        ? await api('case.solve', { caseId: view.caseId, solution, ...(form && { form }) })
        : await api('case.escalate', {
            caseId: view.caseId,
            ...(reason.trim() && { missingDocumentsReason: reason }),
            ...(form && { form }),
          });
    if (result.ok) {
      setFailure(null);
      return onChanged(result.value);
    }
    const fields = result.error.fields ?? {};
    onFieldErrors(
      Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace(/^form\./, ''), v])),
    );
    setFailure({ text: errorText(result.error), fields });
  };

  const fieldError = (name: string) => failure?.fields[name];
  return (
    <section className="case-section" aria-labelledby={`outcome-${view.caseId}`}>
      <h3 id={`outcome-${view.caseId}`}>{t('consultation.outcomeTitle')}</h3>
      {failure && <Notice kind="error">{failure.text}</Notice>}
      <div className="outcome-grid">
        <div>
          <label htmlFor={`solution-${view.caseId}`} className="label">
            {t('consultation.solution')}
          </label>
          <textarea
            id={`solution-${view.caseId}`}
            rows={2}
            value={solution}
            onChange={(e) => setSolution(e.target.value)}
            aria-invalid={Boolean(fieldError('solution'))}
            aria-describedby={fieldError('solution') ? `solution-err-${view.caseId}` : undefined}
          />
          {fieldError('solution') && (
            <p id={`solution-err-${view.caseId}`} className="field__error">
              {translateKey(fieldError('solution'))}
            </p>
          )}
          <ActionButton className="button" onAction={() => close('solve')}>
            {t('consultation.solve')}
          </ActionButton>
        </div>
        <div>
          {view.missingDocuments.length > 0 && (
            <>
              <label htmlFor={`reason-${view.caseId}`} className="label">
                {t('consultation.missingReason')}
              </label>
              <textarea
                id={`reason-${view.caseId}`}
                rows={2}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                aria-invalid={Boolean(fieldError('missingDocumentsReason'))}
                aria-describedby={
                  fieldError('missingDocumentsReason') ? `reason-err-${view.caseId}` : undefined
                }
              />
              {fieldError('missingDocumentsReason') && (
                <p id={`reason-err-${view.caseId}`} className="field__error">
                  {translateKey(fieldError('missingDocumentsReason'))}
                </p>
              )}
            </>
          )}
          <ActionButton className="button" onAction={() => close('escalate')}>
            {t('consultation.escalate')}
          </ActionButton>
        </div>
      </div>
    </section>
  );
}
