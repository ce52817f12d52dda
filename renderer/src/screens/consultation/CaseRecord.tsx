import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../../shared/domain/case';
import './CaseRecord.css';

/**
 * A solved or escalated form is a record: its values are shown as text, not as greyed-out
 * controls that look as if they could still be changed.
 */
export function CaseRecord({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const f = view.form;
  const choice = (group: string, value: string) => (value ? t(`${group}.${value}`) : '');
  const rows: [label: string, value: string][] = [
    [t('consultation.spseRole'), choice('visitorTypes', f.spseRole)],
    [t('consultation.ticketType'), choice('ticketTypes', f.ticketType)],
    [t('consultation.reporterLpse'), view.reporter.lpse ?? ''],
    [t('consultation.problemLpse'), f.lpse],
    [t('consultation.application'), choice('applications', f.application)],
    [t('consultation.category'), choice('categories', f.category)],
    [t('consultation.packageCode'), f.packageCode],
    [t('consultation.errorCode'), f.errorCode],
    [t('consultation.spseUserId'), f.spseUserId],
  ];
  return (
    <section className="case-record" aria-labelledby={`record-${view.caseId}`}>
      <h4 id={`record-${view.caseId}`}>{t('consultation.formTitle')}</h4>
      <dl className="case-record__grid">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className={value ? undefined : 'muted'}>{value || t('consultation.notFilled')}</dd>
          </div>
        ))}
        <div className="case-record__wide">
          <dt>{t('consultation.description')}</dt>
          <dd className="case-record__text">{f.description || t('consultation.notFilled')}</dd>
        </div>
      </dl>
    </section>
  );
}
