import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { currentNotice } from '../../../../shared/domain/privacy-notice';
import {
  checkInSchema,
  visitorSuggestionSchema,
  type CheckIn,
  type CheckInInput,
  type VisitorSuggestion,
} from '../../../../shared/domain/visit';
import { VISITOR_TYPES, visitorTypeSchema } from '../../../../shared/domain/visitor-types';
import { PRIORITY_REASONS } from '../../../../shared/domain/priority';
import { api } from '../../api/client';
import { applyFieldErrors, errorText } from '../../api/errors';
import { Field } from '../../components/Field';
import { LpseCombobox } from '../../components/LpseCombobox';
import { NoticeFieldset } from './NoticeFieldset';
import { useCurrentNotice } from './use-current-notice';
import { Notice } from '../../components/Notice';
import { clearDraft, loadDraft, saveDraft } from '../../drafts/form-draft';
import { PriorityFields } from './PriorityFields';
import { QueueNumberPanel, type IssuedNumber } from './QueueNumberPanel';
import { VisitorSearchBox } from './VisitorSearchBox';

const EMPTY: CheckInInput = {
  fullName: '',
  phone: '',
  email: '',
  institution: '',
  visitorType: '',
  lpse: '',
  purpose: '',
  // No way of giving the notice is preselected: the receptionist says what actually happened.
  noticeDelivery: undefined as unknown as CheckInInput['noticeDelivery'],
  // Placeholder: the version sent is the one of the text shown (see submit).
  noticeVersion: currentNotice().version,
  contactConsent: false,
  priority: false,
  priorityReason: '',
  priorityNote: '',
};

const DRAFT_KEY = 'reception.checkIn';
const RETURNING_DRAFT_KEY = 'reception.checkIn.returning';
/** What is kept of an unsent check-in. Not the notice or the consent: both are given again. */
const draftSchema = z.object({
  returningVisitorId: z.number().int().positive().optional(),
  fullName: z.string().max(200),
  phone: z.string().max(60),
  email: z.string().max(300),
  institution: z.string().max(200),
  visitorType: z.enum(['', ...VISITOR_TYPES]),
  lpse: z.string().max(200),
  purpose: z.string().max(600),
  priority: z.boolean().optional(),
  priorityReason: z.enum(['', ...PRIORITY_REASONS]).optional(),
  priorityNote: z.string().max(200).optional(),
});
type Draft = z.infer<typeof draftSchema>;
const TEXT_FIELDS = ['fullName', 'phone', 'email', 'institution', 'lpse', 'purpose'] as const;

function toDraft(v: Partial<CheckInInput>): Draft {
  return {
    returningVisitorId: v.returningVisitorId,
    fullName: v.fullName ?? '',
    phone: v.phone ?? '',
    email: v.email ?? '',
    institution: v.institution ?? '',
    visitorType: v.visitorType ?? '',
    lpse: v.lpse ?? '',
    purpose: v.purpose ?? '',
    priority: v.priority ?? false,
    priorityReason: v.priorityReason ?? '',
    priorityNote: v.priorityNote ?? '',
  };
}

export function CheckInForm({ onCheckedIn }: { onCheckedIn: () => void }) {
  const { t, i18n } = useTranslation();
  const [draft] = useState(() => loadDraft(DRAFT_KEY, draftSchema));
  const [returning, setReturning] = useState<VisitorSuggestion | null>(() =>
    draft?.returningVisitorId === undefined
      ? null
      : loadDraft(RETURNING_DRAFT_KEY, visitorSuggestionSchema),
  );
  const [done, setDone] = useState<IssuedNumber | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, control, handleSubmit, reset, setError, setFocus, formState, subscribe } =
    useForm<CheckInInput, unknown, CheckIn>({
      resolver: zodResolver(checkInSchema),
      defaultValues: draft ? { ...EMPTY, ...draft } : EMPTY,
    });
  const e = formState.errors;
  const notice = useCurrentNotice();

  // Every change is kept as a draft until the check-in is sent (see drafts/form-draft.ts).
  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ values }) => {
          const blank = TEXT_FIELDS.every((f) => !values[f]) && !values.returningVisitorId;
          if (blank) clearDraft(DRAFT_KEY);
          else saveDraft(DRAFT_KEY, toDraft(values));
        },
      }),
    [subscribe],
  );
  useEffect(() => {
    if (returning) saveDraft(RETURNING_DRAFT_KEY, returning);
    else clearDraft(RETURNING_DRAFT_KEY);
  }, [returning]);

  const pickReturning = (v: VisitorSuggestion) => {
    setReturning(v);
    setDone(null);
    reset({
      ...EMPTY,
      returningVisitorId: v.visitorId,
      fullName: v.fullName,
      institution: v.institution ?? '',
      // A type no form offers any more ("Penyedia" before the split) is chosen anew.
      visitorType: visitorTypeSchema.safeParse(v.visitorType).data ?? '',
      lpse: v.lpse ?? '',
    });
    setFocus('purpose');
  };

  const clearReturning = () => {
    setReturning(null);
    reset(EMPTY);
  };

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    setDone(null);
    const result = await api('visit.checkIn', { ...values, noticeVersion: notice.version });
    if (!result.ok) {
      applyFieldErrors(result.error, setError);
      setFailure(errorText(result.error));
      return;
    }
    setDone({
      visitId: result.value.visitId,
      queueLabel: result.value.queueLabel,
      fullName: values.fullName,
      priorityReason: values.priority ? (values.priorityReason ?? null) || null : null,
    });
    setReturning(null);
    reset(EMPTY);
    clearDraft(DRAFT_KEY);
    clearDraft(RETURNING_DRAFT_KEY);
    onCheckedIn();
  });

  return (
    <section className="card" aria-labelledby="checkin-title">
      <h2 id="checkin-title">{t('reception.checkInTitle')}</h2>
      {done && <QueueNumberPanel issued={done} onClose={() => setDone(null)} />}
      <VisitorSearchBox onPick={pickReturning} />
      {returning && (
        <div className="returning">
          <span>{t('reception.returningBadge', { name: returning.fullName })}</span>
          <button type="button" className="button button--small" onClick={clearReturning}>
            {t('reception.clearReturning')}
          </button>
        </div>
      )}
      <form onSubmit={submit} noValidate className="form-grid">
        <Field label={t('fields.fullName')} error={e.fullName?.message} required>
          {(a) => <input {...a} {...register('fullName')} autoComplete="off" />}
        </Field>
        <Field
          label={t('fields.phone')}
          error={e.phone?.message}
          hint={
            returning
              ? t('fields.phoneOnFile', { masked: returning.phoneMasked })
              : t('fields.phoneHint')
          }
          required={!returning}
        >
          {(a) => (
            <input {...a} {...register('phone')} type="tel" inputMode="tel" autoComplete="off" />
          )}
        </Field>
        <Field
          label={t('fields.email')}
          error={e.email?.message}
          hint={
            returning?.emailMasked
              ? t('fields.emailOnFile', { masked: returning.emailMasked })
              : undefined
          }
        >
          {(a) => <input {...a} {...register('email')} type="email" autoComplete="off" />}
        </Field>
        <Field label={t('fields.institution')} error={e.institution?.message}>
          {(a) => <input {...a} {...register('institution')} autoComplete="off" />}
        </Field>
        <Field label={t('fields.visitorType')} error={e.visitorType?.message}>
          {(a) => (
            <select {...a} {...register('visitorType')}>
              <option value="">{t('fields.visitorTypeNone')}</option>
              {VISITOR_TYPES.map((v) => (
                <option key={v} value={v}>
                  {t(`visitorTypes.${v}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('fields.lpse')} error={e.lpse?.message} hint={t('lpse.hint')}>
          {(a) => (
            <Controller
              control={control}
              name="lpse"
              render={({ field }) => (
                <LpseCombobox
                  control={a}
                  name={field.name}
                  value={field.value ?? ''}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                />
              )}
            />
          )}
        </Field>
        <div className="form-grid__wide">
          <Field label={t('fields.purpose')} error={e.purpose?.message} required>
            {(a) => <textarea {...a} {...register('purpose')} rows={2} />}
          </Field>
        </div>
        <PriorityFields control={control} register={register} errors={e} />
        <NoticeFieldset
          register={register}
          deliveryError={e.noticeDelivery?.message}
          notice={notice}
          lang={i18n.language}
        />
        {failure && <Notice kind="error">{failure}</Notice>}
        <div className="form-grid__wide">
          <button
            type="submit"
            className="button button--primary"
            disabled={formState.isSubmitting}
          >
            {t('reception.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
