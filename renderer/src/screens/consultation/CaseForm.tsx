import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState, type MutableRefObject } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  APPLICATIONS,
  CATEGORIES,
  CATEGORIES_NEEDING_PACKAGE_CODE,
  LEGACY_APPLICATIONS,
  TICKET_TYPES,
  caseFormSchema,
  type CaseView,
  type Category,
} from '../../../../shared/domain/case';
import { LEGACY_VISITOR_TYPES, VISITOR_TYPES } from '../../../../shared/domain/visitor-types';
import { formatTimeWib } from '../../../../shared/time';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { Field } from '../../components/Field';
import { LpseCombobox } from '../../components/LpseCombobox';
import { CaseRecord } from './CaseRecord';
import './CaseForm.css';
import { forgetUnsentForm, keepUnsentForm, readUnsentForm } from './unsent-form';

export type CaseFormInput = z.input<typeof caseFormSchema>;
type FormIn = CaseFormInput;
const AUTOSAVE_DELAY_MS = 600;
const FORM_KEYS = Object.keys(caseFormSchema.shape) as (keyof FormIn)[];

/** The stored draft, with whatever this tab typed and the core never got laid over it. */
function startingValues(view: CaseView): FormIn {
  const unsent = readUnsentForm(view.caseId);
  const values: FormIn = { ...(view.form as FormIn) };
  for (const k of FORM_KEYS) {
    const v = unsent?.[k];
    if (typeof v === 'string') (values as Record<string, string>)[k] = v;
  }
  return values;
}

/**
 * The form saves itself a moment after the officer stops typing: each save is a committed
 * transaction, so the draft survives a crash or a power cut and can be resumed. Until the core
 * has it, the tab keeps it too (a reload in the meantime loses nothing), and `currentValuesRef`
 * hands what the form shows to solve and escalate, which save it with the close.
 */
export function CaseForm({
  view,
  onSaved,
  serverErrors,
  currentValuesRef,
}: {
  view: CaseView;
  onSaved: (v: CaseView) => void;
  serverErrors: Record<string, string>;
  currentValuesRef: MutableRefObject<(() => FormIn) | null>;
}) {
  const closed = view.status !== 'draft';
  const caseId = view.caseId;
  useEffect(() => {
    if (closed) forgetUnsentForm(caseId); // a record is never restored over
  }, [closed, caseId]);
  if (closed) return <CaseRecord view={view} />;
  return (
    <DraftForm
      view={view}
      onSaved={onSaved}
      serverErrors={serverErrors}
      currentValuesRef={currentValuesRef}
    />
  );
}

function DraftForm({
  view,
  onSaved,
  serverErrors,
  currentValuesRef,
}: {
  view: CaseView;
  onSaved: (v: CaseView) => void;
  serverErrors: Record<string, string>;
  currentValuesRef: MutableRefObject<(() => FormIn) | null>;
}) {
  const { t, i18n } = useTranslation();
  const [saveState, setSaveState] = useState<{
    kind: 'idle' | 'saving' | 'saved' | 'failed';
    text?: string;
  }>({ kind: 'idle' });
  const { register, control, formState, setError, getValues } = useForm<FormIn>({
    resolver: zodResolver(caseFormSchema),
    mode: 'onChange',
    defaultValues: startingValues(view),
  });
  const values = useWatch({ control });
  const lastSaved = useRef(JSON.stringify(view.form));
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  });
  useEffect(() => {
    currentValuesRef.current = () => getValues();
    return () => {
      currentValuesRef.current = null;
    };
  }, [currentValuesRef, getValues]);

  const caseId = view.caseId;
  useEffect(() => {
    const serialized = JSON.stringify(values);
    if (serialized === lastSaved.current) {
      forgetUnsentForm(caseId);
      return;
    }
    keepUnsentForm(caseId, values);
    const parsed = caseFormSchema.safeParse(values);
    if (!parsed.success) return; // the field shows its own message; nothing invalid is sent
    let cancelled = false;
    const timer = setTimeout(async () => {
      setSaveState({ kind: 'saving' });
      const result = await api('case.saveDraft', { caseId, form: values as FormIn });
      // Typed on, closed or left meanwhile: a later save (or the close itself) has the values.
      if (cancelled) return;
      if (result.ok) {
        lastSaved.current = serialized;
        if (JSON.stringify(getValues()) === serialized) forgetUnsentForm(caseId);
        setSaveState({ kind: 'saved', text: formatTimeWib(result.value.updatedAt, i18n.language) });
        onSavedRef.current(result.value);
      } else {
        for (const [path, key] of Object.entries(result.error.fields ?? {})) {
          setError(path.replace(/^form\./, '') as keyof FormIn, { type: 'server', message: key });
        }
        setSaveState({ kind: 'failed', text: errorText(result.error) });
      }
    }, AUTOSAVE_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [values, caseId, i18n.language, setError, getValues]);

  const e = formState.errors;
  const err = (name: keyof FormIn) => e[name]?.message ?? serverErrors[name];
  const needsCode = CATEGORIES_NEEDING_PACKAGE_CODE.includes(values.category as Category);
  return (
    <fieldset className="case-form">
      <legend>{t('consultation.formTitle')}</legend>
      <p className="autosave" role="status">
        {saveState.kind === 'saving' && t('consultation.saving')}
        {saveState.kind === 'saved' && t('consultation.autosaved', { time: saveState.text })}
        {saveState.kind === 'failed' && t('consultation.saveFailed', { reason: saveState.text })}
      </p>
      <div className="form-grid">
        <Field label={t('consultation.spseRole')} error={err('spseRole')}>
          {(a) => (
            <select {...a} {...register('spseRole')}>
              <option value="">{t('fields.visitorTypeNone')}</option>
              {VISITOR_TYPES.map((v) => (
                <option key={v} value={v}>
                  {t(`visitorTypes.${v}`)}
                </option>
              ))}
              {/* An older type stays readable on a draft begun with it, never offered anew. */}
              {LEGACY_VISITOR_TYPES.filter((v) => v === values.spseRole).map((v) => (
                <option key={v} value={v}>
                  {t(`visitorTypes.${v}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('consultation.ticketType')} error={err('ticketType')} required>
          {(a) => (
            <select {...a} {...register('ticketType')}>
              <option value="">{t('fields.visitorTypeNone')}</option>
              {TICKET_TYPES.map((v) => (
                <option key={v} value={v}>
                  {t(`ticketTypes.${v}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="field">
          <span className="field__label">{t('consultation.reporterLpse')}</span>
          <p className="field__static">{view.reporter.lpse || t('consultation.notFilled')}</p>
        </div>
        <Field
          label={t('consultation.problemLpse')}
          error={err('lpse')}
          hint={t('consultation.problemLpseHint')}
        >
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
        <Field label={t('consultation.application')} error={err('application')} required>
          {(a) => (
            <select {...a} {...register('application')}>
              <option value="">{t('fields.visitorTypeNone')}</option>
              {APPLICATIONS.map((v) => (
                <option key={v} value={v}>
                  {t(`applications.${v}`)}
                  {LEGACY_APPLICATIONS.includes(v) ? ` ${t('applications.legacySuffix')}` : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('consultation.category')} error={err('category')} required>
          {(a) => (
            <select {...a} {...register('category')}>
              <option value="">{t('fields.visitorTypeNone')}</option>
              {CATEGORIES.map((v) => (
                <option key={v} value={v}>
                  {t(`categories.${v}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t('consultation.packageCode')}
          error={err('packageCode')}
          required={needsCode}
        >
          {(a) => <input {...a} {...register('packageCode')} autoComplete="off" />}
        </Field>
        <Field label={t('consultation.spseUserId')} error={err('spseUserId')}>
          {(a) => <input {...a} {...register('spseUserId')} autoComplete="off" />}
        </Field>
        <Field
          label={t('consultation.errorCode')}
          error={err('errorCode')}
          hint={t('consultation.errorCodeHint')}
        >
          {(a) => <input {...a} {...register('errorCode')} autoComplete="off" />}
        </Field>
        <div className="form-grid__wide">
          <Field label={t('consultation.description')} error={err('description')} required>
            {(a) => <textarea {...a} {...register('description')} rows={4} />}
          </Field>
        </div>
      </div>
    </fieldset>
  );
}
