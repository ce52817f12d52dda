import { formatQueueNumber } from '../../../shared/domain/queue';
import type { ReportSpan } from '../../../shared/domain/report-period';
import type { DurationStats, ServiceFigures, ServiceReport } from '../../../shared/domain/reports';
import type { Locale } from '../../../shared/i18n/messages';
import { formatTimeWib } from '../../../shared/time';
import type { Column, ReportDocument } from './report-document';
import { cellText } from './report-document';
import { cutLabel, periodLine, translator, WEEKDAY_KEYS, type T } from './report-labels';
import {
  noShow,
  served,
  serviceMinutes,
  waitMinutes,
  type ServiceReporter,
} from './service-report';

const minutes = (value: number | null, locale: Locale) =>
  cellText(value, { header: '', width: 0, format: 'decimal1' }, locale);

function statsLine(t: T, s: DurationStats, locale: Locale): string {
  if (s.count === 0) return t('reporting.noData');
  return t('reporting.stats', {
    mean: minutes(s.mean, locale),
    median: minutes(s.median, locale),
    p90: minutes(s.p90, locale),
    max: minutes(s.max, locale),
  });
}

const pct = (v: number | null, locale: Locale) =>
  cellText(v, { header: '', width: 0, format: 'percent1' }, locale);

function facts(t: T, f: ServiceFigures, target: number, locale: Locale): [string, string][] {
  return [
    [t('reporting.service.visits'), String(f.visits)],
    [t('reporting.service.served'), String(f.served)],
    [t('reporting.service.noShow'), `${f.noShow} (${pct(f.noShowPct, locale)})`],
    [t('reporting.service.waiting'), statsLine(t, f.waiting, locale)],
    [t('reporting.service.serviceTime'), statsLine(t, f.service, locale)],
    [
      t('reporting.service.overTarget', { minutes: target }),
      `${f.overTarget} (${pct(f.overTargetPct, locale)})`,
    ],
    [t('reporting.service.solvedOnSpot'), String(f.solvedOnSpot)],
    [t('reporting.service.escalated'), String(f.escalated)],
    [
      t('reporting.service.priority'),
      f.priority === null ? t('reporting.service.priorityNotRecorded') : String(f.priority),
    ],
  ];
}

/** The busy hours: the hours any visitor checked in, widened to the usual 07–17 window. */
function hourRange(grid: number[][]): number[] {
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
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

const DETAIL: { key: string; width: number; format?: Column['format'] }[] = [
  { key: 'day', width: 12 },
  { key: 'queue', width: 9 },
  { key: 'checkedIn', width: 10 },
  { key: 'waitMinutes', width: 12, format: 'decimal1' },
  { key: 'serviceMinutes', width: 12, format: 'decimal1' },
  { key: 'state', width: 16 },
  { key: 'officer', width: 24 },
  { key: 'category', width: 24 },
  { key: 'application', width: 18 },
  { key: 'visitorType', width: 24 },
  { key: 'lpse', width: 28 },
  { key: 'outcome', width: 18 },
];

export function serviceDocument(
  report: ServiceReport,
  reporter: ServiceReporter,
  visitCount: number,
  locale: Locale,
): ReportDocument {
  const t = translator(locale);
  const f = report.totals;
  const hours = hourRange(report.heatmap);
  const blocks: ReportDocument['blocks'] = [
    { kind: 'heading', text: t('reporting.summary') },
    { kind: 'facts', rows: facts(t, f, report.waitTargetMinutes, locale) },
  ];
  if (report.cut) {
    const cut = report.cut;
    blocks.push({
      kind: 'table',
      title: t('reporting.cutTitle', { cut: t(`reporting.cuts.${cut}`) }),
      columns: [
        { header: t(`reporting.cuts.${cut}`), width: 2.2 },
        { header: t('reporting.service.visits'), width: 1, format: 'integer' },
        { header: t('reporting.service.served'), width: 1, format: 'integer' },
        { header: t('reporting.service.noShowPct'), width: 1.1, format: 'percent1' },
        { header: t('reporting.service.waitMedian'), width: 1.3, format: 'decimal1' },
        { header: t('reporting.service.waitP90'), width: 1.3, format: 'decimal1' },
        { header: t('reporting.service.serviceMedian'), width: 1.3, format: 'decimal1' },
        { header: t('reporting.service.overTargetPct'), width: 1.2, format: 'percent1' },
        { header: t('reporting.service.escalated'), width: 1, format: 'integer' },
      ],
      rows: report.groups.map((g) => [
        cutLabel(t, cut, g.key, g.label),
        g.figures.visits,
        g.figures.served,
        g.figures.noShowPct,
        g.figures.waiting.median,
        g.figures.waiting.p90,
        g.figures.service.median,
        g.figures.overTargetPct,
        g.figures.escalated,
      ]),
      empty: t('reporting.noData'),
    });
  }
  blocks.push({
    kind: 'heatmap',
    title: t('reporting.service.heatmap'),
    rows: WEEKDAY_KEYS.map((d) => t(`reporting.weekdays.${d}`)),
    columns: hours.map((h) => String(h).padStart(2, '0')),
    values: report.heatmap.map((row) => hours.map((h) => row[h] ?? 0)),
  });
  const span: ReportSpan = { from: report.from, to: report.to };
  return {
    title: t('reporting.service.title'),
    subtitle: t('reporting.subtitle'),
    period: periodLine(t, locale, report.from, report.to),
    emptyNotice: f.visits === 0 ? t('reporting.service.empty') : null,
    blocks,
    method: [
      t('reporting.service.methodDay'),
      t('reporting.service.methodWaiting'),
      t('reporting.service.methodService'),
      t('reporting.service.methodNoShow'),
      t('reporting.service.methodTarget', { minutes: report.waitTargetMinutes }),
      t('reporting.methodStats'),
    ],
    fileStem: `laporan-layanan-${report.from}-${report.to}`,
    detail: {
      sheetName: t('reporting.service.detailSheet'),
      columns: DETAIL.map((c) => ({
        header: t(`reporting.service.columns.${c.key}`),
        width: c.width,
        ...(c.format && { format: c.format }),
      })),
      count: visitCount,
      *rows() {
        for (const v of reporter.visits(span)) {
          const w = waitMinutes(v);
          const s = serviceMinutes(v);
          yield [
            v.service_day,
            formatQueueNumber(v.queue_no),
            formatTimeWib(v.checked_in_at, locale),
            w === null ? null : Math.round(w * 10) / 10,
            s === null ? null : Math.round(s * 10) / 10,
            t(
              served(v)
                ? 'reporting.service.states.served'
                : noShow(v)
                  ? 'reporting.service.states.noShow'
                  : 'reporting.service.states.waiting',
            ),
            v.officer ?? '',
            v.category ? cutLabel(t, 'category', v.category, v.category) : '',
            v.application ? cutLabel(t, 'application', v.application, v.application) : '',
            v.visitor_type ? cutLabel(t, 'visitor_type', v.visitor_type, v.visitor_type) : '',
            v.lpse ?? '',
            v.escalated_at
              ? t('reporting.service.escalated')
              : v.case_status === 'solved'
                ? t('reporting.service.solvedOnSpot')
                : '',
          ];
        }
      },
    },
  };
}
