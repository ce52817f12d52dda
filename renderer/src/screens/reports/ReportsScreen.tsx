import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_KINDS, type ReportKind } from '../../../../shared/domain/reports';
import { serviceDayOf } from '../../../../shared/time';
import { IkmReportScreen } from './IkmReportScreen';
import type { PeriodChoice } from './PeriodPicker';
import { ServiceReportView } from './ServiceReportView';
import { SlaReportView } from './SlaReportView';
import './reports.css';

/** The supervisor's reports: the service report, 1x24 compliance and the IKM, one at a time. */
export function ReportsScreen() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ReportKind>('service');
  const [choice, setChoice] = useState<PeriodChoice>({
    kind: 'month',
    anchor: serviceDayOf(new Date()),
    cut: null,
  });
  return (
    <main id="main" className="reports">
      <h1>{t('reporting.title')}</h1>
      <nav className="report-kinds" aria-label={t('reporting.choose')}>
        {REPORT_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            className="button"
            aria-pressed={kind === k}
            onClick={() => setKind(k)}
          >
            {t(`reporting.kinds.${k}`)}
          </button>
        ))}
      </nav>
      {kind === 'service' && <ServiceReportView choice={choice} onChoice={setChoice} />}
      {kind === 'sla' && <SlaReportView choice={choice} onChoice={setChoice} />}
      {kind === 'ikm' && <IkmReportScreen />}
    </main>
  );
}
