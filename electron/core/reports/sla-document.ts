import type { ReportSpan } from '../../../shared/domain/report-period';
import type { DurationStats, SlaReport } from '../../../shared/domain/reports';
import { PAUSE_REASONS } from '../../../shared/domain/sla';
import type { CountingRules } from '../../../shared/domain/sla-counting';
import type { Locale } from '../../../shared/i18n/messages';
import { cellText, type Column, type ReportDocument } from './report-document';
import { cutLabel, periodLine, translator, wibDateTime, type T } from './report-labels';
import type { SlaReporter } from './sla-report';

const num = (v: number | null, locale: Locale, format: Column['format'] = 'decimal1') =>
  cellText(v, { header: '', width: 0, format }, locale);

function hoursLine(t: T, s: DurationStats, locale: Locale): string {
  if (s.count === 0) return t('reporting.noData');
  return t('reporting.sla.hoursStats', {
    median: num(s.median, locale),
    p90: num(s.p90, locale),
    max: num(s.max, locale),
  });
}

/** The counting mode as every report states it. */
export function countingStatement(t: T, report: SlaReport): string {
  if (report.countingMode === 'calendar') return t('reporting.sla.modeCalendar');
  const days = report.serviceHours.weekdays
    .map((d) => t(`reporting.weekdays.${['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'][d - 1]}`))
    .join(', ');
  return t('reporting.sla.modeServiceHours', {
    start: report.serviceHours.start,
    end: report.serviceHours.end,
    days,
    holidays: report.holidays.length,
  });
}

const DETAIL: { key: string; width: number; format?: Column['format'] }[] = [
  { key: 'case', width: 18 },
  { key: 'ticket', width: 12 },
  { key: 'escalatedAt', width: 20 },
  { key: 'resolvedAt', width: 20 },
  { key: 'state', width: 14 },
  { key: 'netHours', width: 10, format: 'decimal2' },
  { key: 'grossHours', width: 10, format: 'decimal2' },
  { key: 'pausedHours', width: 10, format: 'decimal2' },
  { key: 'withinTarget', width: 10 },
  { key: 'excluded', width: 30 },
  { key: 'reopened', width: 10, format: 'integer' },
  { key: 'confirmationHours', width: 12, format: 'decimal2' },
  { key: 'officer', width: 24 },
  { key: 'category', width: 24 },
  { key: 'application', width: 18 },
  { key: 'lpse', width: 28 },
];

export function slaDocument(
  report: SlaReport,
  reporter: SlaReporter,
  rules: CountingRules,
  locale: Locale,
): ReportDocument {
  const t = translator(locale);
  const f = report.totals;
  const yesNo = (b: boolean) => t(b ? 'reporting.yes' : 'reporting.no');
  const reason = (r: string) => t(`followup.reasons.${r}`);
  const blocks: ReportDocument['blocks'] = [
    { kind: 'paragraph', text: countingStatement(t, report), emphasis: true },
    { kind: 'heading', text: t('reporting.summary') },
    {
      kind: 'facts',
      rows: [
        [t('reporting.sla.escalated'), String(f.escalated)],
        [t('reporting.sla.resolved'), String(f.resolved)],
        [t('reporting.sla.rejected'), String(f.rejected)],
        [t('reporting.sla.open'), String(f.open)],
        [t('reporting.sla.excluded'), String(f.excluded)],
        [
          t('reporting.sla.withinTarget'),
          `${f.withinTarget} (${num(f.withinTargetPct, locale, 'percent1')})`,
        ],
        [t('reporting.sla.overdue'), String(f.overdue)],
        [t('reporting.sla.pausedCases'), String(f.pausedCases)],
        [t('reporting.sla.net'), hoursLine(t, f.net, locale)],
        [t('reporting.sla.gross'), hoursLine(t, f.gross, locale)],
        [t('reporting.sla.reopened'), String(f.reopened)],
        [t('reporting.sla.confirmation'), hoursLine(t, f.confirmation, locale)],
      ],
    },
    {
      kind: 'bars',
      title: t('reporting.sla.pausedByReason'),
      max: Math.max(1, ...PAUSE_REASONS.map((r) => f.pausedMinutesByReason[r] / 60)),
      items: PAUSE_REASONS.map((r) => ({
        label: reason(r),
        value: f.pausedMinutesByReason[r] / 60,
        text: `${num(f.pausedMinutesByReason[r] / 60, locale)} ${t('reporting.hoursShort')}`,
      })),
    },
  ];
  if (report.cut) {
    const cut = report.cut;
    blocks.push({
      kind: 'table',
      title: t('reporting.cutTitle', { cut: t(`reporting.cuts.${cut}`) }),
      columns: [
        { header: t(`reporting.cuts.${cut}`), width: 2.2 },
        { header: t('reporting.sla.escalatedShort'), width: 1, format: 'integer' },
        { header: t('reporting.sla.resolvedShort'), width: 1, format: 'integer' },
        { header: t('reporting.sla.rejectedShort'), width: 1, format: 'integer' },
        { header: t('reporting.sla.withinPct'), width: 1.2, format: 'percent1' },
        { header: t('reporting.sla.netMedian'), width: 1.2, format: 'decimal1' },
        { header: t('reporting.sla.overdueShort'), width: 1, format: 'integer' },
      ],
      rows: report.groups.map((g) => [
        cutLabel(t, cut, g.key, g.label),
        g.figures.escalated,
        g.figures.resolved,
        g.figures.rejected,
        g.figures.withinTargetPct,
        g.figures.net.median,
        g.figures.overdue,
      ]),
      empty: t('reporting.noData'),
    });
  }
  blocks.push(
    {
      kind: 'table',
      title: t('reporting.sla.overdueList'),
      columns: [
        { header: t('reporting.sla.columns.case'), width: 2 },
        { header: t('reporting.sla.columns.ticket'), width: 1.2 },
        { header: t('reporting.sla.columns.escalatedAt'), width: 2 },
        { header: t('reporting.sla.columns.netHours'), width: 1.2, format: 'decimal2' },
        { header: t('reporting.sla.columns.state'), width: 1.4 },
      ],
      rows: report.overdue.map((o) => [
        o.caseCode,
        o.ticketId ?? '—',
        wibDateTime(o.escalatedAt, locale),
        o.netHours,
        t(o.finished ? 'reporting.sla.states.finished' : 'reporting.sla.states.open'),
      ]),
      empty: t('reporting.sla.noneOverdue'),
    },
    {
      kind: 'table',
      title: t('reporting.sla.excludedList'),
      columns: [
        { header: t('reporting.sla.columns.case'), width: 2 },
        { header: t('reporting.sla.columns.ticket'), width: 1.2 },
        { header: t('reporting.sla.columns.reason'), width: 2.6 },
        { header: t('reporting.sla.columns.note'), width: 3 },
      ],
      rows: report.excluded.map((x) => [x.caseCode, x.ticketId ?? '—', reason(x.reason), x.note]),
      empty: t('reporting.sla.noneExcluded'),
    },
    {
      kind: 'table',
      title: t('reporting.sla.reopenedList'),
      columns: [
        { header: t('reporting.sla.columns.case'), width: 2 },
        { header: t('reporting.sla.columns.ticket'), width: 1.2 },
        { header: t('reporting.sla.columns.reopened'), width: 1, format: 'integer' },
      ],
      rows: report.reopened.map((r) => [r.caseCode, r.ticketId ?? '—', r.times]),
      empty: t('reporting.sla.noneReopened'),
    },
  );
  if (report.countingMode === 'service_hours')
    blocks.push({
      kind: 'table',
      title: t('reporting.sla.holidays'),
      columns: [
        { header: t('reporting.sla.columns.day'), width: 1 },
        { header: t('reporting.sla.columns.holiday'), width: 3 },
      ],
      rows: report.holidays.map((h) => [h.day, h.name]),
      empty: t('reporting.sla.noHolidays'),
    });
  const span: ReportSpan = { from: report.from, to: report.to };
  const hours = (ms: number) => Math.round((ms / 3600_000) * 100) / 100;
  return {
    title: t('reporting.sla.title'),
    subtitle: t('reporting.subtitle'),
    period: periodLine(t, locale, report.from, report.to),
    emptyNotice: f.escalated === 0 ? t('reporting.sla.empty') : null,
    blocks,
    method: [
      t('reporting.sla.methodCases'),
      t('reporting.sla.methodClock'),
      countingStatement(t, report),
      t('reporting.sla.methodPauses'),
      t('reporting.sla.methodExcluded'),
      t('reporting.sla.methodWithin'),
      t('reporting.sla.methodConfirmation'),
      t('reporting.methodStats'),
    ],
    fileStem: `laporan-1x24-${report.from}-${report.to}`,
    detail: {
      sheetName: t('reporting.sla.detailSheet'),
      columns: DETAIL.map((c) => ({
        header: t(`reporting.sla.columns.${c.key}`),
        width: c.width,
        ...(c.format && { format: c.format }),
      })),
      count: f.escalated,
      *rows() {
        for (const c of reporter.cases(span, rules))
          yield [
            c.case_code,
            c.remote_id ?? '',
            wibDateTime(c.escalated_at, locale),
            c.backend_resolved_at ? wibDateTime(c.backend_resolved_at, locale) : '',
            t(
              !c.finished
                ? 'reporting.sla.states.open'
                : c.rejected
                  ? 'reporting.sla.states.rejected'
                  : 'reporting.sla.states.resolved',
            ),
            hours(c.measure.netMs),
            hours(c.measure.grossMs),
            hours(c.measure.pausedMs),
            c.excluded ? '' : yesNo(c.withinTarget),
            c.excl_reason ? `${reason(c.excl_reason)}: ${c.excl_note ?? ''}` : '',
            c.reopenedTimes,
            c.confirmationHours === null ? null : Math.round(c.confirmationHours * 100) / 100,
            c.officer ?? '',
            c.category ? cutLabel(t, 'category', c.category, c.category) : '',
            c.application ? cutLabel(t, 'application', c.application, c.application) : '',
            c.lpse ?? '',
          ];
      },
    },
  };
}
