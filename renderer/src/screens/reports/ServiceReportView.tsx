import { useTranslation } from 'react-i18next';
import { periodSpan } from '../../../../shared/domain/report-period';
import type { ServiceReport } from '../../../../shared/domain/reports';
import { errorText } from '../../api/errors';
import { Notice } from '../../components/Notice';
import { useLiveCall } from '../../hooks/use-live-call';
import { ExportButtons } from './ExportButtons';
import { PeriodPicker, type PeriodChoice } from './PeriodPicker';
import { cutValue, decimal, pct, statsText } from './report-format';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Check-ins per weekday and hour, drawn as the PDF draws it: darker is busier. */
export function HeatMap({ grid, title }: { grid: number[][]; title: string }) {
  const { t } = useTranslation();
  let first = 7;
  let last = 17;
  grid.forEach((row) =>
    row.forEach((v, h) => {
      if (v > 0) {
        first = Math.min(first, h);
        last = Math.max(last, h);
      }
    }),
  );
  const hours = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const max = Math.max(1, ...grid.flat());
  const cell = 34;
  const left = 80;
  return (
    <svg
      className="chart heatmap"
      role="img"
      aria-label={title}
      viewBox={`0 0 ${left + hours.length * cell + 4} ${24 + 7 * 26}`}
    >
      {hours.map((h, j) => (
        <text
          key={h}
          x={left + j * cell + cell / 2}
          y={14}
          textAnchor="middle"
          className="chart__value"
        >
          {String(h).padStart(2, '0')}
        </text>
      ))}
      {WEEKDAYS.map((d, i) => (
        <g key={d}>
          <text x={left - 8} y={24 + i * 26 + 17} textAnchor="end" className="chart__label">
            {t(`reporting.weekdays.${d}`)}
          </text>
          {hours.map((h, j) => {
            const v = grid[i]?.[h] ?? 0;
            return (
              <g key={h}>
                <rect
                  x={left + j * cell}
                  y={24 + i * 26}
                  width={cell - 2}
                  height={24}
                  className={v === 0 ? 'chart__track' : 'chart__bar'}
                  fillOpacity={v === 0 ? 1 : 0.15 + 0.85 * (v / max)}
                />
                {v > 0 && (
                  <text
                    x={left + j * cell + cell / 2 - 1}
                    y={24 + i * 26 + 16}
                    textAnchor="middle"
                    className={v / max > 0.5 ? 'heatmap__value--light' : 'chart__value'}
                  >
                    {v}
                  </text>
                )}
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}

export function ServiceReportView({
  choice,
  onChoice,
}: {
  choice: PeriodChoice;
  onChoice: (c: PeriodChoice) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const span = periodSpan(choice.kind, choice.anchor);
  // Report settings saved elsewhere count at once; a failed load shows no figures.
  const service = useLiveCall(
    'report.service',
    { ...span, cut: choice.cut },
    { topics: ['settings'] },
  );
  const error = service.error;
  const data: ServiceReport | null = error ? null : service.data;
  const f = data?.totals;
  return (
    <>
      <section className="card">
        <PeriodPicker value={choice} onChange={onChoice} />
        <ExportButtons report="service" from={span.from} to={span.to} cut={choice.cut} />
        {error && <Notice kind="error">{errorText(error)}</Notice>}
      </section>
      {data && f && (
        <>
          <section className="card" aria-labelledby="service-summary">
            <h2 id="service-summary">{t('reporting.service.title')}</h2>
            {f.visits === 0 && <p className="report-empty">{t('reporting.service.empty')}</p>}
            <dl className="facts">
              <dt>{t('reporting.service.visits')}</dt>
              <dd>{f.visits}</dd>
              <dt>{t('reporting.service.served')}</dt>
              <dd>{f.served}</dd>
              <dt>{t('reporting.service.noShow')}</dt>
              <dd>
                {f.noShow} ({pct(f.noShowPct, lang)})
              </dd>
              <dt>{t('reporting.service.waiting')}</dt>
              <dd>{statsText(t, f.waiting, lang)}</dd>
              <dt>{t('reporting.service.serviceTime')}</dt>
              <dd>{statsText(t, f.service, lang)}</dd>
              <dt>{t('reporting.service.overTarget', { minutes: data.waitTargetMinutes })}</dt>
              <dd>
                {f.overTarget} ({pct(f.overTargetPct, lang)})
              </dd>
              <dt>{t('reporting.service.solvedOnSpot')}</dt>
              <dd>{f.solvedOnSpot}</dd>
              <dt>{t('reporting.service.escalated')}</dt>
              <dd>{f.escalated}</dd>
              <dt>{t('reporting.service.priority')}</dt>
              <dd>
                {f.priority === null ? t('reporting.service.priorityNotRecorded') : f.priority}
              </dd>
            </dl>
          </section>
          {data.cut && (
            <section className="card">
              <h2>{t('reporting.cutTitle', { cut: t(`reporting.cuts.${data.cut}`) })}</h2>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t(`reporting.cuts.${data.cut}`)}</th>
                      <th scope="col">{t('reporting.service.visits')}</th>
                      <th scope="col">{t('reporting.service.served')}</th>
                      <th scope="col">{t('reporting.service.noShowPct')}</th>
                      <th scope="col">{t('reporting.service.waitMedian')}</th>
                      <th scope="col">{t('reporting.service.waitP90')}</th>
                      <th scope="col">{t('reporting.service.serviceMedian')}</th>
                      <th scope="col">{t('reporting.service.overTargetPct')}</th>
                      <th scope="col">{t('reporting.service.escalated')}</th>
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
                        <td>{g.figures.visits}</td>
                        <td>{g.figures.served}</td>
                        <td>{pct(g.figures.noShowPct, lang)}</td>
                        <td>{decimal(g.figures.waiting.median, lang)}</td>
                        <td>{decimal(g.figures.waiting.p90, lang)}</td>
                        <td>{decimal(g.figures.service.median, lang)}</td>
                        <td>{pct(g.figures.overTargetPct, lang)}</td>
                        <td>{g.figures.escalated}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}
          <section className="card">
            <h2>{t('reporting.service.heatmap')}</h2>
            <HeatMap grid={data.heatmap} title={t('reporting.service.heatmap')} />
          </section>
        </>
      )}
    </>
  );
}
