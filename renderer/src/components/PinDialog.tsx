import { useEffect, useRef, type ReactNode } from 'react';
import './PinDialog.css';

interface PinDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
}

/** A modal dialog (the browser's own: focus is trapped, Escape closes it) for a PIN form. */
export function PinDialog({ title, onClose, children }: PinDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className="pin-dialog" aria-labelledby="pin-dialog-title" onClose={onClose}>
      <h2 id="pin-dialog-title">{title}</h2>
      {children}
    </dialog>
  );
}
