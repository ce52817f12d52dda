import { z } from 'zod';
import { reportSpanSchema } from './report-period';
import { PAUSE_REASONS } from './sla';
import { COUNTING_MODES, serviceHoursSchema } from './sla-counting';
import { requiredText } from './text';
import { SERVICE_DAY_PATTERN } from '../time';

/** The dimensions a report can be cut by; every report also gives its overall figures. */
export const REPORT_CUTS = ['officer', 'category', 'application', 'visitor_type', 'lpse'] as const;
export type ReportCut = (typeof REPORT_CUTS)[number];

export const REPORT_KINDS = ['service', 'sla', 'ikm'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const EXPORT_FORMATS = ['pdf', 'xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const reportRequestSchema = reportSpanSchema.and(
  z.object({ cut: z.enum(REPORT_CUTS).nullable().default(null) }),
);
export type ReportRequest = z.output<typeof reportRequestSchema>;

/** Count, mean, median, 90th percentile and maximum of durations, in minutes (null when none). */
export const durationStatsSchema = z.object({
  count: z.number().int(),
  mean: z.number().nullable(),
  median: z.number().nullable(),
  p90: z.number().nullable(),
  max: z.number().nullable(),
});
export type DurationStats = z.infer<typeof durationStatsSchema>;

export const serviceFiguresSchema = z.object({
  visits: z.number().int(),
  served: z.number().int(),
  noShow: z.number().int(),
  noShowPct: z.number().nullable(),
  waiting: durationStatsSchema,
  service: durationStatsSchema,
  overTarget: z.number().int(),
  overTargetPct: z.number().nullable(),
  solvedOnSpot: z.number().int(),
  escalated: z.number().int(),
  /** Null while visits have no priority flag (another version adds it). */
  priority: z.number().int().nullable(),
});
export type ServiceFigures = z.infer<typeof serviceFiguresSchema>;

const groupOf = <T extends z.ZodType>(figures: T) =>
  z.object({ key: z.string(), label: z.string(), figures });

export const serviceReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  cut: z.enum(REPORT_CUTS).nullable(),
  waitTargetMinutes: z.number().int(),
  totals: serviceFiguresSchema,
  groups: z.array(groupOf(serviceFiguresSchema)),
  /** Check-ins per WIB weekday (0 Monday … 6 Sunday) and hour (0–23). */
  heatmap: z.array(z.array(z.number().int())),
});
export type ServiceReport = z.infer<typeof serviceReportSchema>;

const pausedByReason = z.object(
  Object.fromEntries(PAUSE_REASONS.map((r) => [r, z.number()])) as Record<
    (typeof PAUSE_REASONS)[number],
    z.ZodNumber
  >,
);

export const slaFiguresSchema = z.object({
  escalated: z.number().int(),
  resolved: z.number().int(),
  rejected: z.number().int(),
  open: z.number().int(),
  excluded: z.number().int(),
  /** Resolved (not rejected, not excluded) within the target. */
  withinTarget: z.number().int(),
  withinTargetPct: z.number().nullable(),
  overdue: z.number().int(),
  pausedCases: z.number().int(),
  /** Minutes paused, per reason, counted under the report's mode. */
  pausedMinutesByReason: pausedByReason,
  /** Hours, counted under the report's mode. */
  net: durationStatsSchema,
  gross: durationStatsSchema,
  reopened: z.number().int(),
  /** Hours from the helpdesk's resolution to the confirmation with the visitor (clock hours). */
  confirmation: durationStatsSchema,
});
export type SlaFigures = z.infer<typeof slaFiguresSchema>;

const caseRef = z.object({ caseCode: z.string(), ticketId: z.string().nullable() });

export const slaReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  cut: z.enum(REPORT_CUTS).nullable(),
  countingMode: z.enum(COUNTING_MODES),
  serviceHours: serviceHoursSchema,
  /** The holidays inside the period that service-hours mode left out. */
  holidays: z.array(z.object({ day: z.string(), name: z.string() })),
  totals: slaFiguresSchema,
  groups: z.array(groupOf(slaFiguresSchema)),
  overdue: z.array(
    caseRef.extend({ escalatedAt: z.string(), netHours: z.number(), finished: z.boolean() }),
  ),
  excluded: z.array(caseRef.extend({ reason: z.enum(PAUSE_REASONS), note: z.string() })),
  reopened: z.array(caseRef.extend({ times: z.number().int() })),
});
export type SlaReport = z.infer<typeof slaReportSchema>;

const day = z.string().regex(SERVICE_DAY_PATTERN, { error: 'validation.dayFormat' });

export const holidaySchema = z.object({ day, name: requiredText(120) });

/** What the supervisor and admin set for the reports. */
export const reportSettingsSchema = z.object({
  countingMode: z.enum(COUNTING_MODES),
  serviceHours: serviceHoursSchema,
  /** A visitor who waited longer than this (check-in to call) counts as over the target. */
  waitTargetMinutes: z.number().int().min(1).max(600),
  holidays: z.array(holidaySchema).max(1000),
});
export type ReportSettings = z.infer<typeof reportSettingsSchema>;

/** "Di luar target 1x24 jam": one of the standard's exclusions, with the officer's reason. */
export const slaExclusionInputSchema = z.object({
  reason: z.enum(PAUSE_REASONS),
  note: requiredText(1000),
});
