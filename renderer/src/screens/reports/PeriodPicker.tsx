import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PERIOD_KINDS,
  periodSpan,
  shiftPeriod,
  type PeriodKind,
} from '../../../../shared/domain/report-period';
import { REPORT_CUTS, type ReportCut } from '../../../../shared/domain/reports';
import { formatDayLong } from '../../../../shared/time';

export interface PeriodChoice {
  kind: PeriodKind;
  anchor: string;
  cut: ReportCut | null;
}

/** A period of one kind around a day, moved a period at a time, and the cut to show. */
export function PeriodPicker({
  value,
  onChange,
}: {
  value: PeriodChoice;
  onChange: (next: PeriodChoice) => void;
}) {
  const { t, i18n } = useTranslation();
  const span = periodSpan(value.kind, value.anchor);
  const id = useId();
  return (
    <div className="period">
      <label htmlFor={`${id}-kind`}>
        {t('reporting.periodKind')}
        <select
          id={`${id}-kind`}
          value={value.kind}
          onChange={(e) => onChange({ ...value, kind: e.target.value as PeriodKind })}
        >
          {PERIOD_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`reporting.periodKinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('reporting.anchor')}
        <input
          type="date"
          value={value.anchor}
          required
          onChange={(e) => e.target.value && onChange({ ...value, anchor: e.target.value })}
        />
      </label>
      <div className="period__step">
        <button
          type="button"
          className="button"
          aria-label={t('reporting.previous')}
          title={t('reporting.previous')}
          onClick={() => onChange({ ...value, anchor: shiftPeriod(value.kind, value.anchor, -1) })}
        >
          ‹
        </button>
        <button
          type="button"
          className="button"
          aria-label={t('reporting.next')}
          title={t('reporting.next')}
          onClick={() => onChange({ ...value, anchor: shiftPeriod(value.kind, value.anchor, 1) })}
        >
          ›
        </button>
      </div>
      <label htmlFor={`${id}-cut`}>
        {t('reporting.cut')}
        <select
          id={`${id}-cut`}
          value={value.cut ?? ''}
          onChange={(e) =>
            onChange({
              ...value,
              cut: e.target.value === '' ? null : (e.target.value as ReportCut),
            })
          }
        >
          <option value="">{t('reporting.cutNone')}</option>
          {REPORT_CUTS.map((c) => (
            <option key={c} value={c}>
              {t(`reporting.cuts.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="period__span">
        {t('reporting.period', {
          from: formatDayLong(span.from, i18n.language),
          to: formatDayLong(span.to, i18n.language),
        })}
      </p>
    </div>
  );
}
