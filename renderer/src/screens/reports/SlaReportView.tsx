import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { periodSpan } from '../../../../shared/domain/report-period';
import type { SlaReport } from '../../../../shared/domain/reports';
import { PAUSE_REASONS, type PauseReason } from '../../../../shared/domain/sla';
import { formatTimeWib } from '../../../../shared/time';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { useLiveCall } from '../../hooks/use-live-call';
import { ExportButtons } from './ExportButtons';
import { PeriodPicker, type PeriodChoice } from './PeriodPicker';
import { ReportSettingsPanel } from './ReportSettingsPanel';
import { cutValue, decimal, pct, statsText } from './report-format';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function countingText(t: (k: string, p?: Record<string, string | number>) => string, r: SlaReport) {
  if (r.countingMode === 'calendar') return t('reporting.sla.modeCalendar');
  return t('reporting.sla.modeServiceHours', {
    start: r.serviceHours.start,
    end: r.serviceHours.end,
    days: r.serviceHours.weekdays.map((d) => t(`reporting.weekdays.${WEEKDAYS[d - 1]}`)).join(', '),
    holidays: r.holidays.length,
  });
}

function PausedBars({ report, title }: { report: SlaReport; title: string }) {
  const { t, i18n } = useTranslation();
  const hours = PAUSE_REASONS.map((r) => report.totals.pausedMinutesByReason[r] / 60);
  const max = Math.max(1, ...hours);
  const labelWidth = 380;
  const barWidth = 300;
  return (
    <svg
      className="chart"
      role="img"
      aria-label={title}
      viewBox={`0 0 ${labelWidth + barWidth + 90} ${PAUSE_REASONS.length * 30 + 10}`}
    >
      {PAUSE_REASONS.map((r, i) => {
        const width = (hours[i]! / max) * barWidth;
        const y = i * 30 + 5;
        return (
          <g key={r}>
            <text x={labelWidth - 8} y={y + 18} textAnchor="end" className="chart__label">
              {t(`followup.reasons.${r}`)}
            </text>
            <rect x={labelWidth} y={y + 4} width={barWidth} height={18} className="chart__track" />
            <rect x={labelWidth} y={y + 4} width={width} height={18} className="chart__bar" />
            <text x={labelWidth + width + 6} y={y + 18} className="chart__value">
              {decimal(hours[i]!, i18n.language)} {t('reporting.hoursShort')}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function ExclusionForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [caseCode, setCaseCode] = useState('');
  const [reason, setReason] = useState<PauseReason>('development');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const send = async (mark: boolean) => {
    const r = mark
      ? await api('report.excludeCase', { caseCode, reason, note })
      : await api('report.includeCase', { caseCode });
    if (!r.ok) return setMessage({ kind: 'error', text: errorText(r.error) });
    setMessage({
      kind: 'success',
      text: t(mark ? 'reporting.sla.exclude.done' : 'reporting.sla.exclude.removed', {
        code: caseCode.trim().toUpperCase(),
      }),
    });
    onDone();
  };
  return (
    <details className="card report-details">
      <summary>{t('reporting.sla.exclude.title')}</summary>
      <div className="period">
        <label>
          {t('reporting.sla.exclude.caseCode')}
          <input value={caseCode} onChange={(e) => setCaseCode(e.target.value)} />
        </label>
        <label>
          {t('reporting.sla.exclude.reason')}
          <select value={reason} onChange={(e) => setReason(e.target.value as PauseReason)}>
            {PAUSE_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`followup.reasons.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="period__wide">
          {t('reporting.sla.exclude.note')}
          <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
        </label>
        <ActionButton className="button button--primary" onAction={() => send(true)}>
          {t('reporting.sla.exclude.submit')}
        </ActionButton>
        <ActionButton className="button" onAction={() => send(false)}>
          {t('reporting.sla.exclude.remove')}
        </ActionButton>
      </div>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
    </details>
  );
}

export function SlaReportView({
  choice,
  onChoice,
}: {
  choice: PeriodChoice;
  onChoice: (c: PeriodChoice) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const span = periodSpan(choice.kind, choice.anchor);
  // Another supervisor's exclusion or report settings count at once; a failed load shows no figures.
  const sla = useLiveCall(
    'report.sla',
    { ...span, cut: choice.cut },
    { topics: ['settings', 'followup'] },
  );
  const { error, reload } = sla;
  const data: SlaReport | null = error ? null : sla.data;
  const f = data?.totals;
  const hours = (s: Parameters<typeof statsText>[1]) =>
    statsText(t, s, lang, 'reporting.sla.hoursStats');
  return (
    <>
      <section className="card">
        <PeriodPicker value={choice} onChange={onChoice} />
        <ExportButtons report="sla" from={span.from} to={span.to} cut={choice.cut} />
        {error && <Notice kind="error">{errorText(error)}</Notice>}
      </section>
      {data && f && (
        <>
          <section className="card" aria-labelledby="sla-summary">
            <h2 id="sla-summary">{t('reporting.sla.title')}</h2>
            <p className="report-mode">{countingText(t, data)}</p>
            {f.escalated === 0 && <p className="report-empty">{t('reporting.sla.empty')}</p>}
            <dl className="facts">
              <dt>{t('reporting.sla.escalated')}</dt>
              <dd>{f.escalated}</dd>
              <dt>{t('reporting.sla.resolved')}</dt>
              <dd>{f.resolved}</dd>
              <dt>{t('reporting.sla.rejected')}</dt>
              <dd>{f.rejected}</dd>
              <dt>{t('reporting.sla.open')}</dt>
              <dd>{f.open}</dd>
              <dt>{t('reporting.sla.excluded')}</dt>
              <dd>{f.excluded}</dd>
              <dt>{t('reporting.sla.withinTarget')}</dt>
              <dd>
                {f.withinTarget} ({pct(f.withinTargetPct, lang)})
              </dd>
              <dt>{t('reporting.sla.overdue')}</dt>
              <dd>{f.overdue}</dd>
              <dt>{t('reporting.sla.pausedCases')}</dt>
              <dd>{f.pausedCases}</dd>
              <dt>{t('reporting.sla.net')}</dt>
              <dd>{hours(f.net)}</dd>
              <dt>{t('reporting.sla.gross')}</dt>
              <dd>{hours(f.gross)}</dd>
              <dt>{t('reporting.sla.reopened')}</dt>
              <dd>{f.reopened}</dd>
              <dt>{t('reporting.sla.confirmation')}</dt>
              <dd>{hours(f.confirmation)}</dd>
            </dl>
          </section>
          <section className="card">
            <h2>{t('reporting.sla.pausedByReason')}</h2>
            <PausedBars report={data} title={t('reporting.sla.pausedByReason')} />
          </section>
          {data.cut && (
            <section className="card">
              <h2>{t('reporting.cutTitle', { cut: t(`reporting.cuts.${data.cut}`) })}</h2>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t(`reporting.cuts.${data.cut}`)}</th>
                      <th scope="col">{t('reporting.sla.escalatedShort')}</th>
                      <th scope="col">{t('reporting.sla.resolvedShort')}</th>
                      <th scope="col">{t('reporting.sla.rejectedShort')}</th>
                      <th scope="col">{t('reporting.sla.withinPct')}</th>
                      <th scope="col">{t('reporting.sla.netMedian')}</th>
                      <th scope="col">{t('reporting.sla.overdueShort')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.groups.length === 0 && (
                      <tr>
                        <td colSpan={9}>{t('reporting.noData')}</td>
                      </tr>
                    )}
                    {data.groups.map((g) => (
                      <tr key={g.key}>
                        <td>{cutValue(t, data.cut!, g.key, g.label)}</td>
                        <td>{g.figures.escalated}</td>
                        <td>{g.figures.resolved}</td>
                        <td>{g.figures.rejected}</td>
                        <td>{pct(g.figures.withinTargetPct, lang)}</td>
                        <td>{decimal(g.figures.net.median, lang)}</td>
                        <td>{g.figures.overdue}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}
          <section className="card">
            <h2>{t('reporting.sla.overdueList')}</h2>
            {data.overdue.length === 0 ? (
              <p className="muted">{t('reporting.sla.noneOverdue')}</p>
            ) : (
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('reporting.sla.columns.case')}</th>
                      <th scope="col">{t('reporting.sla.columns.ticket')}</th>
                      <th scope="col">{t('reporting.sla.columns.escalatedAt')}</th>
                      <th scope="col">{t('reporting.sla.columns.netHours')}</th>
                      <th scope="col">{t('reporting.sla.columns.state')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.overdue.map((o) => (
                      <tr key={o.caseCode}>
                        <td>{o.caseCode}</td>
                        <td>{o.ticketId ?? '—'}</td>
                        <td>
                          {o.escalatedAt.slice(0, 10)} {formatTimeWib(o.escalatedAt, lang)} WIB
                        </td>
                        <td>{decimal(o.netHours, lang)}</td>
                        <td>
                          {t(
                            o.finished
                              ? 'reporting.sla.states.finished'
                              : 'reporting.sla.states.open',
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <h2>{t('reporting.sla.excludedList')}</h2>
            {data.excluded.length === 0 ? (
              <p className="muted">{t('reporting.sla.noneExcluded')}</p>
            ) : (
              <ul>
                {data.excluded.map((x) => (
                  <li key={x.caseCode}>
                    <strong>{x.caseCode}</strong> ({x.ticketId ?? '—'}):{' '}
                    {t(`followup.reasons.${x.reason}`)} — {x.note}
                  </li>
                ))}
              </ul>
            )}
            <h2>{t('reporting.sla.reopenedList')}</h2>
            {data.reopened.length === 0 ? (
              <p className="muted">{t('reporting.sla.noneReopened')}</p>
            ) : (
              <ul>
                {data.reopened.map((x) => (
                  <li key={x.caseCode}>
                    {x.caseCode} ({x.ticketId ?? '—'}) × {x.times}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <ExclusionForm onDone={reload} />
      <ReportSettingsPanel onSaved={reload} />
    </>
  );
}
