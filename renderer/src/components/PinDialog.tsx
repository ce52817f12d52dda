import { useEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Notice } from './Notice';
import './PinDialog.css';

interface PinDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal dialog (the browser's own: focus is trapped, Escape closes it) for a PIN form; put
 * under <body> so that the header's styles, where "Ubah PIN" sits, do not reach it.
 */
export function PinDialog({ title, onClose, children }: PinDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    // No close() on unmount: removing the element ends the modal, and a close event then would
    // reach a parent that is already closing it.
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return createPortal(
    <dialog ref={ref} className="pin-dialog" aria-labelledby="pin-dialog-title" onClose={onClose}>
      <h2 id="pin-dialog-title">{title}</h2>
      {children}
    </dialog>,
    document.body,
  );
}

/** A PIN form's failure, if any, then "Batal" and its submit button, guarded while it submits. */
export function PinFormEnd({
  failure,
  submitLabel,
  submitting,
  onCancel,
}: {
  failure: string | null;
  submitLabel: string;
  submitting: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {failure && <Notice kind="error">{failure}</Notice>}
      <div className="button-row">
        <button type="button" className="button" onClick={onCancel}>
          {t('staffAccounts.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
