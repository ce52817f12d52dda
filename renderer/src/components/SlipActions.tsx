import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlipTarget, SlipView } from '../../../shared/domain/slip';
import { formatTimeWib } from '../../../shared/time';
import { api } from '../api/client';
import { errorText } from '../api/errors';
import { downloadBase64 } from '../download';
import { useCall } from '../hooks/use-live-call';
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
  // This PC's printer, and how often the slip was handed out: reloaded here after each print.
  const printer = useCall('printer.get', {}).data;
  const slip = useCall('slip.get', { target });
  const view: SlipView | null = slip.data;
  const reloadSlip = slip.reload;
  const [asking, setAsking] = useState<How | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

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
      reloadSlip();
    },
    [target, printer, t, reloadSlip],
  );

  // Decided once per slip, on the first answers: `autoPrinted` outlives a re-render or remount.
  const unprinted = view !== null && view.printedCount === 0;
  const thermal = printer?.kind === 'thermal';
  useEffect(() => {
    const key = keyOf(target);
    if (!printOnOpen || !thermal || !unprinted || autoPrinted.has(key)) return;
    autoPrinted.add(key);
    void api('slip.print', { target, reprint: false }).then((result) => {
      setMessage(
        result.ok
          ? { kind: 'success', text: t('slipActions.printed') }
          : { kind: 'error', text: errorText(result.error) },
      );
      reloadSlip();
    });
  }, [target, printOnOpen, thermal, unprinted, t, reloadSlip]);

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
