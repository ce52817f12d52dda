import { z } from 'zod';
import { GRADES } from './ikm';
import { SKM_ELEMENTS } from './skm';
import { SERVICE_DAY_PATTERN } from '../time';

const grade = z.enum(GRADES).nullable();

export const ikmResultSchema = z.object({
  respondents: z.number().int(),
  elements: z.array(
    z.object({
      element: z.enum(SKM_ELEMENTS),
      answered: z.number().int(),
      nrr: z.number().nullable(),
      converted: z.number().nullable(),
      grade,
    }),
  ),
  index: z.number().nullable(),
  ikm: z.number().nullable(),
  grade,
});

export const ikmReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  population: z.number().int(),
  minimumSample: z.number().int(),
  overall: ikmResultSchema,
  /** Fewer than MIN_GROUP_RESPONDENTS answered in the whole period: only the count is given. */
  overallWithheld: z.boolean(),
  weakestFirst: z.array(z.enum(SKM_ELEMENTS)),
  byOfficer: z.array(
    z.object({ officerId: z.number().int(), name: z.string(), result: ikmResultSchema }),
  ),
  byCategory: z.array(z.object({ category: z.string(), result: ikmResultSchema })),
  byMonth: z.array(z.object({ month: z.string(), result: ikmResultSchema })),
  /** Groups left out because fewer than MIN_GROUP_RESPONDENTS answered in them (issue 14.5). */
  hiddenGroups: z.object({
    byOfficer: z.number().int(),
    byCategory: z.number().int(),
    byMonth: z.number().int(),
  }),
  comments: z.array(z.string()),
});
export type IkmReport = z.infer<typeof ikmReportSchema>;

const day = z.string().regex(SERVICE_DAY_PATTERN, { error: 'validation.dayFormat' });
export const reportPeriodSchema = z
  .object({ from: day, to: day })
  .refine((p) => p.from <= p.to, { error: 'validation.periodOrder', path: ['to'] });
