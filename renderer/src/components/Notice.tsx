interface NoticeProps {
  kind: 'success' | 'error';
  children: string;
}

/** A status line announced to screen readers; errors interrupt, successes wait their turn. */
export function Notice({ kind, children }: NoticeProps) {
  return (
    <p className={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}
