import './ActionButton.css';
import type { ButtonHTMLAttributes } from 'react';
import { useAction } from '../hooks/use-action';

interface ActionButtonProps extends Omit<
  ButtonHTMLAttributes<HTMLButtonElement>,
  'onClick' | 'type'
> {
  /** The call this button makes; further presses are ignored until it settles. */
  onAction: () => Promise<unknown>;
}

/**
 * A button whose action runs once per press: while its call is in flight it says so (aria-busy)
 * and ignores further presses. It stays focusable, so a keyboard user keeps their place.
 */
export function ActionButton({ onAction, className, disabled, ...rest }: ActionButtonProps) {
  const { run, busy } = useAction(onAction);
  return (
    <button
      {...rest}
      type="button"
      className={`${className ?? 'button'}${busy ? ' button--busy' : ''}`}
      disabled={disabled}
      aria-busy={busy || undefined}
      onClick={() => void run()}
    />
  );
}
