import { z } from 'zod';
import { privacyNoticeSchema } from '../../domain/privacy-notice';
import { SURVEY_STATUSES, surveySubmissionSchema } from '../../domain/survey';
import {
  method,
  STAFF_WINDOW,
  SURVEY_WINDOW,
  SURVEY_DISPLAY,
  empty,
  id,
  ok,
  OFFICER,
  type MethodSpec,
} from './method';

export const surveyMethods = {
  'survey.openDisplay': method({
    input: empty,
    output: z.object({ displayToken: z.string() }),
    access: OFFICER,
    windows: STAFF_WINDOW,
    changes: ['survey'],
  }),
  'survey.statusForVisit': method({
    input: z.object({ visitId: id }),
    output: z.object({
      status: z.enum(SURVEY_STATUSES),
      /** For a waiting survey: how many of the officer's surveys were handed over before it. */
      ahead: z.number().int().nonnegative().optional(),
    }),
    access: OFFICER,
    windows: STAFF_WINDOW,
    poll: true,
  }),
  'survey.alerts': method({
    input: empty,
    output: z.array(z.object({ at: z.string() })),
    access: OFFICER,
    windows: STAFF_WINDOW,
    poll: true,
  }),
  'survey.current': method({
    input: empty,
    output: z.object({
      state: z.enum(['idle', 'ready']),
      /** The surveys handed over and not yet answered, oldest first, each by its queue number. */
      pending: z.array(z.object({ ticket: z.string(), queueLabel: z.string() })),
      /** After this long without a touch the screen asks "still there?" and then resets. */
      idleSeconds: z.number().int().positive(),
    }),
    access: SURVEY_DISPLAY,
    windows: SURVEY_WINDOW,
    poll: true,
  }),
  'survey.start': method({
    input: z.object({ ticket: z.string().min(1).max(100) }),
    output: ok,
    access: SURVEY_DISPLAY,
    windows: SURVEY_WINDOW,
    changes: ['survey'],
  }),
  'survey.submit': method({
    input: surveySubmissionSchema,
    output: ok,
    access: SURVEY_DISPLAY,
    windows: SURVEY_WINDOW,
    changes: ['survey'],
  }),
  /** The processing notice as given now (its periods follow the retention settings). */
  'survey.privacyNotice': method({
    input: empty,
    output: privacyNoticeSchema,
    access: SURVEY_DISPLAY,
    windows: SURVEY_WINDOW,
  }),
  'survey.callOfficer': method({
    input: empty,
    output: ok,
    access: SURVEY_DISPLAY,
    windows: SURVEY_WINDOW,
    changes: ['survey'],
  }),
} as const satisfies Record<string, MethodSpec>;
