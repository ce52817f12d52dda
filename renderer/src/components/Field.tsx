import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { translateKey } from '../i18n';

/** Spread onto the input, select or textarea. */
export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': boolean;
}

interface FieldProps {
  label: string;
  /** The message key of this field's error, as the form or the core reported it. */
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  children: (control: ControlProps) => ReactNode;
}

/** A label, the control, a hint and an error that screen readers tie to the control. */
export function Field({ label, error, hint, required, children }: FieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span className="field__required"> ({t('fields.required')})</span>}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': Boolean(error) })}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error" role="alert">
          {translateKey(error)}
        </p>
      )}
    </div>
  );
}
