import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../../shared/domain/case';
import { formatPhoneNational } from '../../../../shared/domain/phone';
import { CaseForm, type CaseFormInput } from './CaseForm';
import { CaseNotes } from './CaseNotes';
import { CaseOutcome } from './CaseOutcome';
import { DocumentsSection } from './DocumentsSection';
import './CaseCard.css';

/** One problem: its ID, reporter, the form, documents, notes and outcome. */
export function CaseCard({
  view,
  onChanged,
  showPurpose,
}: {
  view: CaseView;
  onChanged: (v: CaseView) => void;
  /** Off where the visit's heading already shows it. */
  showPurpose: boolean;
}) {
  const { t } = useTranslation();
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  // What the form shows right now, for the close to save along: never the last autosave.
  const currentValuesRef = useRef<(() => CaseFormInput) | null>(null);
  const r = view.reporter;
  return (
    <article
      className="case-card"
      aria-labelledby={`case-${view.caseId}`}
      data-case-code={view.caseCode}
      data-case-id={view.caseId}
    >
      <header className="case-card__head">
        <h3 id={`case-${view.caseId}`}>
          {t('consultation.caseId')}: <span className="case-code">{view.caseCode}</span>
        </h3>
        <span className={`status status--case-${view.status}`}>
          {t(`consultation.${view.status}`)}
        </span>
      </header>
      <p className="muted">
        {t('consultation.reporter')}: {r.name}
        {r.institution && ` · ${r.institution}`} · {formatPhoneNational(r.phone)}
        {r.email && ` · ${r.email}`}
      </p>
      {showPurpose && (
        <p className="case-card__purpose">
          <strong>{t('fields.purpose')}:</strong> {view.visitPurpose}
        </p>
      )}
      <CaseForm
        view={view}
        onSaved={onChanged}
        serverErrors={serverErrors}
        currentValuesRef={currentValuesRef}
      />
      <DocumentsSection view={view} onChanged={onChanged} />
      <CaseNotes view={view} onChanged={onChanged} />
      {/* A new document may settle the outcome's last complaint: start it afresh. */}
      <CaseOutcome
        key={view.attachments.length}
        view={view}
        onChanged={onChanged}
        onFieldErrors={setServerErrors}
        currentForm={() => currentValuesRef.current?.()}
      />
    </article>
  );
}
