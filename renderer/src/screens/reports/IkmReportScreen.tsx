import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GRADE_LABELS, type IkmResult } from '../../../../shared/domain/ikm';
import { SKM_QUESTIONS, type SkmElement } from '../../../../shared/domain/skm';
import { MIN_GROUP_RESPONDENTS } from '../../../../shared/domain/survey-privacy';
import { serviceDayOf } from '../../../../shared/time';
import { errorText } from '../../api/errors';
import { Notice } from '../../components/Notice';
import { useLiveCall } from '../../hooks/use-live-call';
import { translateKey } from '../../i18n';
import { ExportButtons } from './ExportButtons';
import { numberFormat, TWO_DECIMALS } from '../../../../shared/formatters';

function decimal(value: number | null, lang: string): string {
  if (value === null) return '—';
  return numberFormat(lang, TWO_DECIMALS).format(value);
}

/** Nine horizontal bars on the 1–4 scale. */
function ElementChart({
  result,
  lang,
  title,
}: {
  result: IkmResult;
  lang: 'id' | 'en';
  title: string;
}) {
  const rowHeight = 30;
  const labelWidth = 300;
  const barWidth = 380;
  const height = result.elements.length * rowHeight + 10;
  return (
    <svg
      className="chart"
      role="img"
      aria-label={title}
      viewBox={`0 0 ${labelWidth + barWidth + 70} ${height}`}
    >
      {result.elements.map((e, i) => {
        const name = SKM_QUESTIONS.find((q) => q.element === e.element)?.name[lang] ?? e.element;
        const width = e.nrr === null ? 0 : (e.nrr / 4) * barWidth;
        const y = i * rowHeight + 5;
        return (
          <g key={e.element}>
            <text x={labelWidth - 8} y={y + 18} textAnchor="end" className="chart__label">
              {name}
            </text>
            <rect x={labelWidth} y={y + 4} width={barWidth} height={18} className="chart__track" />
            <rect
              x={labelWidth}
              y={y + 4}
              width={width}
              height={18}
              className={`chart__bar chart__bar--${e.grade ?? 'none'}`}
            />
            <text x={labelWidth + width + 6} y={y + 18} className="chart__value">
              {decimal(e.nrr, lang)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** IKM per month on the 25–100 scale, oldest first, with the grade bands drawn behind. */
function TrendChart({
  months,
  lang,
  title,
}: {
  months: { month: string; result: IkmResult }[];
  lang: 'id' | 'en';
  title: string;
}) {
  const width = 720;
  const height = 220;
  const left = 40;
  const bottom = 30;
  const plotHeight = height - bottom - 10;
  const step = months.length > 0 ? (width - left - 10) / months.length : 0;
  const y = (ikm: number) => 10 + plotHeight - ((ikm - 25) / 75) * plotHeight;
  return (
    <svg className="chart" role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`}>
      {[25, 65, 76.61, 88.31, 100].map((v) => (
        <g key={v}>
          <line x1={left} x2={width - 10} y1={y(v)} y2={y(v)} className="chart__grid" />
          <text x={left - 4} y={y(v) + 4} textAnchor="end" className="chart__value">
            {Math.round(v)}
          </text>
        </g>
      ))}
      {months.map((m, i) => {
        const ikm = m.result.ikm;
        const x = left + i * step + step * 0.2;
        return (
          <g key={m.month}>
            {ikm !== null && (
              <>
                <rect
                  x={x}
                  y={y(ikm)}
                  width={step * 0.6}
                  height={y(25) - y(ikm)}
                  className={`chart__bar chart__bar--${m.result.grade ?? 'none'}`}
                />
                <text
                  x={x + step * 0.3}
                  y={y(ikm) - 4}
                  textAnchor="middle"
                  className="chart__value"
                >
                  {decimal(ikm, lang)}
                </text>
              </>
            )}
            <text x={x + step * 0.3} y={height - 10} textAnchor="middle" className="chart__label">
              {m.month}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function GroupTable({
  title,
  head,
  rows,
  hidden,
  lang,
}: {
  title: string;
  head: string;
  rows: { label: string; result: IkmResult }[];
  /** Groups left out for having fewer than MIN_GROUP_RESPONDENTS (issue 14.5). */
  hidden: number;
  lang: string;
}) {
  const { t } = useTranslation();
  if (rows.length === 0 && hidden === 0) return null;
  const note =
    hidden > 0 ? (
      <p className="muted">
        {t('ikm.smallGroupsHidden', { count: hidden, min: MIN_GROUP_RESPONDENTS })}
      </p>
    ) : null;
  if (rows.length === 0)
    return (
      <section className="card">
        <h2>{title}</h2>
        {note}
      </section>
    );
  return (
    <section className="card">
      <h2>{title}</h2>
      {note}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{head}</th>
              <th scope="col">{t('ikm.respondents')}</th>
              <th scope="col">IKM</th>
              <th scope="col">{t('ikm.grade')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <td>{r.label}</td>
                <td>{r.result.respondents}</td>
                <td>{decimal(r.result.ikm, lang)}</td>
                <td>{r.result.grade ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function IkmReportScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const today = serviceDayOf(new Date());
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  // Only an explicit "Show" changes the period asked for: typing a date half-way must not query.
  const [shown, setShown] = useState({ from, to });
  // A survey answered meanwhile counts at once.
  const ikm = useLiveCall('report.ikm', shown, { topics: ['survey'] });
  const report = ikm.data;
  const field = Object.values(ikm.error?.fields ?? {})[0];
  const message = ikm.error && {
    kind: 'error' as const,
    text: field ? (translateKey(field) ?? '') : errorText(ikm.error),
  };

  const name = (e: SkmElement) => SKM_QUESTIONS.find((q) => q.element === e)?.name[lang] ?? e;
  const overall = report?.overall;
  return (
    <>
      <section className="card">
        <form
          className="period"
          onSubmit={(e) => {
            e.preventDefault();
            setShown({ from, to });
            ikm.reload();
          }}
        >
          <label>
            {t('reports.from')}
            <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            {t('reports.to')}
            <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
          <button type="submit" className="button button--primary">
            {t('reports.show')}
          </button>
        </form>
        <ExportButtons report="ikm" from={from} to={to} cut={null} />
        {message && <Notice kind={message.kind}>{message.text}</Notice>}
      </section>
      {report && overall && (
        <>
          <section className="card ikm-headline" aria-labelledby="ikm-headline">
            <h2 id="ikm-headline">
              {report.overallWithheld
                ? t('ikm.overallWithheld', { min: MIN_GROUP_RESPONDENTS })
                : overall.ikm === null || overall.grade === null
                  ? t('ikm.noAnswers')
                  : t('ikm.headline', {
                      ikm: decimal(overall.ikm, lang),
                      grade: overall.grade,
                      label: GRADE_LABELS[overall.grade][lang],
                    })}
            </h2>
            <p>
              {t('ikm.sample', {
                respondents: overall.respondents,
                population: report.population,
                minimum: report.minimumSample,
              })}
            </p>
            {overall.respondents < report.minimumSample && (
              <p className="field__error">{t('ikm.sampleShort')}</p>
            )}
          </section>
          {!report.overallWithheld && (
            <section className="card">
              <h2>{t('ikm.chart')}</h2>
              <ElementChart result={overall} lang={lang} title={t('ikm.chart')} />
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('ikm.element')}</th>
                      <th scope="col">{t('ikm.answered')}</th>
                      <th scope="col">{t('ikm.nrr')}</th>
                      <th scope="col">{t('ikm.converted')}</th>
                      <th scope="col">{t('ikm.grade')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {overall.elements.map((e) => (
                      <tr key={e.element}>
                        <td>{name(e.element)}</td>
                        <td>{e.answered}</td>
                        <td>{decimal(e.nrr, lang)}</td>
                        <td>{decimal(e.converted, lang)}</td>
                        <td>{e.grade ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {report.weakestFirst.length > 0 && (
                <>
                  <h3>{t('ikm.weakest')}</h3>
                  <ol>
                    {report.weakestFirst.slice(0, 3).map((e) => (
                      <li key={e}>{name(e)}</li>
                    ))}
                  </ol>
                </>
              )}
            </section>
          )}
          {report.byMonth.length > 0 && (
            <section className="card">
              <h2>{t('ikm.trend')}</h2>
              <TrendChart months={report.byMonth} lang={lang} title={t('ikm.trend')} />
            </section>
          )}
          <GroupTable
            title={t('ikm.byMonth')}
            head={t('ikm.month')}
            lang={lang}
            rows={report.byMonth.map((m) => ({ label: m.month, result: m.result }))}
            hidden={report.hiddenGroups.byMonth}
          />
          <GroupTable
            title={t('ikm.byOfficer')}
            head={t('ikm.officer')}
            lang={lang}
            rows={report.byOfficer.map((o) => ({ label: o.name, result: o.result }))}
            hidden={report.hiddenGroups.byOfficer}
          />
          <GroupTable
            title={t('ikm.byCategory')}
            head={t('ikm.category')}
            lang={lang}
            rows={report.byCategory.map((c) => ({
              label: c.category ? t(`categories.${c.category}`) : t('ikm.uncategorised'),
              result: c.result,
            }))}
            hidden={report.hiddenGroups.byCategory}
          />
          <section className="card">
            <h2>{t('ikm.comments')}</h2>
            <p className="muted">{t('ikm.commentsByMonth')}</p>
            {report.comments.length === 0 ? (
              <p className="muted">{t('ikm.noComments')}</p>
            ) : (
              <ul>
                {report.comments.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
