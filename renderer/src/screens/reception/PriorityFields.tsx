import { useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PRIORITY_NOTE_MAX, PRIORITY_REASONS } from '../../../../shared/domain/priority';
import type { CheckInInput } from '../../../../shared/domain/visit';
import { Field } from '../../components/Field';

/**
 * The priority lane at check-in: a mark, and then why (UU 25/2009 Pasal 29). The reason is only
 * asked once the mark is set, and "Lainnya" asks what it is.
 */
export function PriorityFields({
  control,
  register,
  errors,
}: {
  control: Control<CheckInInput, unknown, unknown>;
  register: UseFormRegister<CheckInInput>;
  errors: FieldErrors<CheckInInput>;
}) {
  const { t } = useTranslation();
  const marked = useWatch({ control, name: 'priority' });
  const reason = useWatch({ control, name: 'priorityReason' });
  return (
    <fieldset className="priority-fields form-grid__wide">
      <legend>{t('priority.mark')}</legend>
      <label className="checkbox">
        <input type="checkbox" {...register('priority')} aria-describedby="priority-hint" />
        {t('priority.checkbox')}
      </label>
      <p id="priority-hint" className="field__hint">
        {t('priority.checkboxHint')}
      </p>
      {marked && (
        <div className="priority-fields__row">
          <Field label={t('priority.reason')} error={errors.priorityReason?.message} required>
            {(a) => (
              <select {...a} {...register('priorityReason')}>
                <option value="">{t('priority.reasonNone')}</option>
                {PRIORITY_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`priority.reasons.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {reason === 'lainnya' && (
            <Field label={t('priority.note')} error={errors.priorityNote?.message} required>
              {(a) => (
                <input
                  {...a}
                  {...register('priorityNote')}
                  maxLength={PRIORITY_NOTE_MAX}
                  autoComplete="off"
                />
              )}
            </Field>
          )}
        </div>
      )}
    </fieldset>
  );
}
