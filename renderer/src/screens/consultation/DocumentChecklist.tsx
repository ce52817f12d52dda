import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../../shared/domain/case';

export function DocumentChecklist({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  if (view.requiredDocuments.length === 0)
    return <p className="muted">{t('consultation.checklistNone')}</p>;
  return (
    <ul className="checklist" aria-label={t('consultation.checklistTitle')}>
      {view.requiredDocuments.map((kind) => {
        const missing = view.missingDocuments.includes(kind);
        const label = t(`documentKinds.${kind}`);
        return (
          <li
            key={kind}
            className={missing ? 'checklist__item--missing' : 'checklist__item--present'}
          >
            <span aria-hidden="true">{missing ? '✗' : '✓'}</span>{' '}
            {missing
              ? t('consultation.documentMissing', { kind: label })
              : t('consultation.documentPresent', { kind: label })}
          </li>
        );
      })}
    </ul>
  );
}
