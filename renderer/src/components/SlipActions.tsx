import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterSettings } from '../../../shared/domain/printer';
import type { SlipTarget, SlipView } from '../../../shared/domain/slip';
import { formatTimeWib } from '../../../shared/time';
import { api } from '../api/client';
import { errorText } from '../api/errors';
import { downloadBase64 } from '../download';
import { ActionButton } from './ActionButton';
import { Notice } from './Notice';
import './SlipActions.css';

type How = 'thermal' | 'pdf';

/** Slips printed on their own at check-in, so that a re-render never prints one twice. */
const autoPrinted = new Set<string>();
const keyOf = (target: SlipTarget) =>
  target.kind === 'queue' ? `queue:${target.visitId}` : `case:${target.caseId}`;

/**
 * Prints a slip on this PC's thermal printer, or downloads it as a PDF for an ordinary printer.
 * A slip already handed out is printed again only after the staff member confirms; a printer
 * that fails says why, and the button stays for a second try (nothing else was lost).
 */
export function SlipActions({
  target,
  printOnOpen = false,
}: {
  target: SlipTarget;
  /** Print at once when the PC has a thermal printer and no slip was printed yet. */
  printOnOpen?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [printer, setPrinter] = useState<PrinterSettings | null>(null);
  const [view, setView] = useState<SlipView | null>(null);
  const [asking, setAsking] = useState<How | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const started = useRef(false);

  const run = useCallback(
    async (how: How, reprint: boolean) => {
      setAsking(null);
      const result =
        how === 'thermal'
          ? await api('slip.print', { target, reprint })
          : await api('slip.pdf', { target, reprint, width: printer?.width ?? 80 }).then((r) => {
              if (r.ok) downloadBase64(r.value.fileName, r.value.mimeType, r.value.base64);
              return r;
            });
      if (!result.ok) {
        setMessage({ kind: 'error', text: errorText(result.error) });
        if (result.error.code === 'SLIP_ALREADY_PRINTED') setAsking(how);
        return;
      }
      setMessage({
        kind: 'success',
        text: t(how === 'thermal' ? 'slipActions.printed' : 'slipActions.pdfReady'),
      });
      const fresh = await api('slip.get', { target });
      if (fresh.ok) setView(fresh.value);
    },
    [target, printer, t],
  );

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      const [p, v] = await Promise.all([api('printer.get', {}), api('slip.get', { target })]);
      if (p.ok) setPrinter(p.value);
      if (v.ok) setView(v.value);
      const key = keyOf(target);
      if (
        printOnOpen &&
        p.ok &&
        p.value.kind === 'thermal' &&
        v.ok &&
        v.value.printedCount === 0 &&
        !autoPrinted.has(key)
      ) {
        autoPrinted.add(key);
        const result = await api('slip.print', { target, reprint: false });
        setMessage(
          result.ok
            ? { kind: 'success', text: t('slipActions.printed') }
            : { kind: 'error', text: errorText(result.error) },
        );
        const fresh = await api('slip.get', { target });
        if (fresh.ok) setView(fresh.value);
      }
    })();
  }, [target, printOnOpen, t]);

  if (!printer || !view) return null;
  const printedBefore = view.printedCount > 0;
  const press = (how: How) => {
    if (printedBefore) {
      setMessage(null);
      setAsking(how);
      return Promise.resolve();
    }
    return run(how, false);
  };
  const printLabel = printedBefore
    ? t('slipActions.reprint')
    : t(target.kind === 'queue' ? 'slipActions.printQueue' : 'slipActions.printCase');

  return (
    <div className="slip-actions">
      <div className="slip-actions__buttons">
        {printer.kind === 'thermal' && (
          <ActionButton className="button button--small" onAction={() => press('thermal')}>
            {printLabel}
          </ActionButton>
        )}
        <ActionButton className="button button--small" onAction={() => press('pdf')}>
          {t('slipActions.pdf')}
        </ActionButton>
      </div>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {asking && (
        <div role="group" aria-label={t('slipActions.reprintTitle')} className="slip-actions__ask">
          <p>
            {t('slipActions.reprintQuestion', {
              count: view.printedCount,
              time: view.lastPrintedAt ? formatTimeWib(view.lastPrintedAt, i18n.language) : '',
            })}
          </p>
          <div className="slip-actions__buttons">
            <ActionButton
              className="button button--small button--primary"
              onAction={() => run(asking, true)}
            >
              {t('slipActions.reprintConfirm')}
            </ActionButton>
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                setAsking(null);
                setMessage(null);
              }}
            >
              {t('slipActions.cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
