import type { UseFormRegisterReturn } from 'react-hook-form';
import { Field } from './Field';

interface PinFieldProps {
  label: string;
  registration: UseFormRegisterReturn;
  /** `current-password` to log in or confirm, `new-password` where a PIN is chosen. */
  autoComplete: 'current-password' | 'new-password';
  error?: string | undefined;
  hint?: string | undefined;
}

/** A PIN: masked, with the digit keypad on touch screens, and required. */
export function PinField({ label, registration, autoComplete, error, hint }: PinFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} required>
      {(a) => (
        <input
          {...a}
          {...registration}
          type="password"
          inputMode="numeric"
          autoComplete={autoComplete}
        />
      )}
    </Field>
  );
}
