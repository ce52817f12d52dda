import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportSettings } from '../../../../shared/domain/reports';
import { COUNTING_MODES, type CountingMode } from '../../../../shared/domain/sla-counting';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { useCall } from '../../hooks/use-live-call';
import { translateKey } from '../../i18n';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** The counting mode, the service hours, the waiting target and the holiday list. */
export function ReportSettingsPanel({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  const [s, setS] = useState<ReportSettings | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  // Loaded once into the form: a reload would overwrite what the supervisor is typing.
  useCall('report.settings', {}, { onData: setS });
  if (!s) return null;
  const save = async () => {
    const r = await api('report.saveSettings', s);
    if (!r.ok) {
      const field = Object.values(r.error.fields ?? {})[0];
      return setMessage({
        kind: 'error',
        text: field ? (translateKey(field) ?? '') : errorText(r.error),
      });
    }
    setMessage({ kind: 'success', text: t('reporting.settings.saved') });
    onSaved();
  };
  return (
    <details className="card report-details">
      <summary>{t('reporting.settings.title')}</summary>
      <fieldset className="report-settings">
        <legend>{t('reporting.settings.countingMode')}</legend>
        {COUNTING_MODES.map((m) => (
          <label key={m} className="check">
            <input
              type="radio"
              name="counting-mode"
              checked={s.countingMode === m}
              onChange={() => setS({ ...s, countingMode: m as CountingMode })}
            />
            {t(`reporting.settings.modes.${m}`)}
          </label>
        ))}
      </fieldset>
      <div className="period">
        <label>
          {t('reporting.settings.start')}
          <input
            type="time"
            value={s.serviceHours.start}
            onChange={(e) =>
              setS({ ...s, serviceHours: { ...s.serviceHours, start: e.target.value } })
            }
          />
        </label>
        <label>
          {t('reporting.settings.end')}
          <input
            type="time"
            value={s.serviceHours.end}
            onChange={(e) =>
              setS({ ...s, serviceHours: { ...s.serviceHours, end: e.target.value } })
            }
          />
        </label>
        <label>
          {t('reporting.settings.waitTarget')}
          <input
            type="number"
            min={1}
            max={600}
            value={s.waitTargetMinutes}
            onChange={(e) => setS({ ...s, waitTargetMinutes: Number(e.target.value) })}
          />
        </label>
      </div>
      <fieldset className="report-settings">
        <legend>{t('reporting.settings.weekdays')}</legend>
        {WEEKDAYS.map((d, i) => (
          <label key={d} className="check">
            <input
              type="checkbox"
              checked={s.serviceHours.weekdays.includes(i + 1)}
              onChange={(e) => {
                const days = e.target.checked
                  ? [...s.serviceHours.weekdays, i + 1].sort()
                  : s.serviceHours.weekdays.filter((x) => x !== i + 1);
                setS({ ...s, serviceHours: { ...s.serviceHours, weekdays: days } });
              }}
            />
            {t(`reporting.weekdays.${d}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="report-settings">
        <legend>{t('reporting.settings.holidays')}</legend>
        {s.holidays.map((h, i) => (
          <div key={i} className="period">
            <label>
              {t('reporting.settings.holidayDay')}
              <input
                type="date"
                value={h.day}
                onChange={(e) =>
                  setS({
                    ...s,
                    holidays: s.holidays.map((x, j) =>
                      j === i ? { ...x, day: e.target.value } : x,
                    ),
                  })
                }
              />
            </label>
            <label className="period__wide">
              {t('reporting.settings.holidayName')}
              <input
                value={h.name}
                onChange={(e) =>
                  setS({
                    ...s,
                    holidays: s.holidays.map((x, j) =>
                      j === i ? { ...x, name: e.target.value } : x,
                    ),
                  })
                }
              />
            </label>
            <button
              type="button"
              className="button"
              onClick={() => setS({ ...s, holidays: s.holidays.filter((_, j) => j !== i) })}
            >
              {t('reporting.settings.removeHoliday')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button"
          onClick={() => setS({ ...s, holidays: [...s.holidays, { day: '', name: '' }] })}
        >
          {t('reporting.settings.addHoliday')}
        </button>
      </fieldset>
      <ActionButton className="button button--primary" onAction={save}>
        {t('reporting.settings.save')}
      </ActionButton>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
    </details>
  );
}
