import { z } from 'zod';
import { SKM_ELEMENTS } from './skm';
import { optionalText } from './text';

const score = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
  error: 'validation.surveyScore',
});

/** The nine answers, each optional (a visitor may skip one); any other key is refused. */
export const surveyAnswersSchema = z
  .object(
    Object.fromEntries(SKM_ELEMENTS.map((e) => [e, score.optional()])) as Record<
      (typeof SKM_ELEMENTS)[number],
      z.ZodOptional<typeof score>
    >,
  )
  .strict();

/** The respondent profile of the standard's questionnaire, every field skippable. Age is asked
 * as a band, not in years: with the day and the officer, an exact age could point at a person. */
export const GENDERS = ['L', 'P'] as const;
export const AGE_GROUPS = ['under_20', '20_29', '30_39', '40_49', '50_59', '60_plus'] as const;
export const EDUCATIONS = ['sd', 'smp', 'sma', 'diploma', 's1', 's2', 's3'] as const;
export const OCCUPATIONS = ['pns', 'tni', 'polri', 'swasta', 'wirausaha', 'lainnya'] as const;

export const surveyProfileSchema = z
  .object({
    gender: z.enum(GENDERS, { error: 'validation.invalid' }).optional(),
    ageGroup: z.enum(AGE_GROUPS, { error: 'validation.invalid' }).optional(),
    education: z.enum(EDUCATIONS, { error: 'validation.invalid' }).optional(),
    occupation: z.enum(OCCUPATIONS, { error: 'validation.invalid' }).optional(),
  })
  .strict();

export const surveySubmissionSchema = z
  .object({
    ticket: z.string().min(1).max(100),
    answers: surveyAnswersSchema,
    profile: surveyProfileSchema.optional(),
    comment: optionalText(1000),
  })
  .strict();
export type SurveySubmission = z.input<typeof surveySubmissionSchema>;

/** `expired`: handed over but not started within 30 minutes or by the end of the service day. */
export const SURVEY_STATUSES = [
  'not_ready',
  'ready',
  'in_progress',
  'finished',
  'expired',
] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];
