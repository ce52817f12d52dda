import { useEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
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
