import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransferOfficer } from '../../../../shared/api/methods/waiting';
import type { TransferTarget } from '../../../../shared/domain/desk';
import type { QueueVisit } from '../../../../shared/domain/visit';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { usePlaceLabel } from '../../board/place-label';
import { ActionButton } from '../../components/ActionButton';
import { Field } from '../../components/Field';

interface VisitCallActionsProps {
  visit: QueueVisit;
  /** Tells the screen what happened (a line for its notice; handedOn: no longer yours). */
  onDone: (text: string, kind?: 'success' | 'error', handedOn?: boolean) => void;
}

const RECEPTION = 'reception';

function targetOf(value: string): TransferTarget | null {
  if (value === RECEPTION) return { to: 'reception' };
  const [kind, a, b] = value.split(':');
  if (kind === 'officer' && a) return { to: 'officer', officerId: Number(a) };
  if (kind === 'desk' && (a === 'konsultasi' || a === 'layanan') && b) {
    return { to: 'desk', room: a, desk: Number(b) };
  }
  return null;
}

/**
 * "Panggil ulang" for a visitor who has not come, and "Alihkan" for one the officer hands on:
 * to another officer, to the officer at a desk, or back to reception, always with a reason.
 */
export function VisitCallActions({ visit, onDone }: VisitCallActionsProps) {
  const { t } = useTranslation();
  const place = usePlaceLabel();
  const [targets, setTargets] = useState<TransferOfficer[] | null>(null);
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const formId = `transfer-${visit.visitId}`;

  const recall = async () => {
    const r = await api('queue.recall', { visitId: visit.visitId });
    if (!r.ok) return onDone(errorText(r.error), 'error');
    onDone(t('waiting.recalled', { queue: visit.queueLabel, times: r.value.recalls }));
  };

  const openTransfer = async () => {
    const r = await api('queue.transferTargets', {});
    if (!r.ok) return onDone(errorText(r.error), 'error');
    setTargets(r.value);
    setTarget('');
    setReason('');
    setFieldErrors({});
  };

  const transfer = async () => {
    const chosen = targetOf(target);
    if (!chosen) return setFieldErrors({ target: 'validation.required' });
    const r = await api('queue.transfer', { visitId: visit.visitId, target: chosen, reason });
    if (!r.ok) {
      if (r.error.fields) return setFieldErrors(r.error.fields);
      return onDone(errorText(r.error), 'error');
    }
    setTargets(null);
    onDone(
      chosen.to === 'reception'
        ? t('waiting.sentToReception', { queue: visit.queueLabel })
        : t('waiting.transferred', { queue: visit.queueLabel }),
      'success',
      true,
    );
  };

  const desks = (targets ?? []).filter((o) => o.room !== null && o.desk !== null);

  return (
    <>
      {visit.status === 'called' && (
        <ActionButton className="button button--small" onAction={recall}>
          {t('waiting.recall')}
        </ActionButton>
      )}
      {targets === null ? (
        <ActionButton className="button button--small" onAction={openTransfer}>
          {t('waiting.transfer')}
        </ActionButton>
      ) : (
        <form
          id={formId}
          className="transfer-form"
          aria-label={t('waiting.transferTitle', { queue: visit.queueLabel })}
          onSubmit={(e) => e.preventDefault()}
        >
          <Field label={t('waiting.transferTo')} error={fieldErrors.target} required>
            {(control) => (
              <select {...control} value={target} onChange={(e) => setTarget(e.target.value)}>
                <option value="">{t('waiting.chooseTarget')}</option>
                <optgroup label={t('waiting.officers')}>
                  {(targets ?? []).map((o) => (
                    <option key={o.officerId} value={`officer:${o.officerId}`}>
                      {o.room === null ? o.fullName : `${o.fullName} (${place(o.room, o.desk)})`}
                    </option>
                  ))}
                </optgroup>
                {desks.length > 0 && (
                  <optgroup label={t('waiting.desks')}>
                    {desks.map((o) => (
                      <option key={`${o.room}-${o.desk}`} value={`desk:${o.room}:${o.desk}`}>
                        {place(o.room, o.desk)}
                      </option>
                    ))}
                  </optgroup>
                )}
                <option value={RECEPTION}>{t('waiting.backToReception')}</option>
              </select>
            )}
          </Field>
          <Field label={t('waiting.reason')} error={fieldErrors.reason} required>
            {(control) => (
              <textarea
                {...control}
                rows={2}
                maxLength={300}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </Field>
          <div className="button-row">
            <ActionButton className="button button--small button--primary" onAction={transfer}>
              {t('waiting.transferSubmit')}
            </ActionButton>
            <button type="button" className="button button--small" onClick={() => setTargets(null)}>
              {t('waiting.cancel')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
