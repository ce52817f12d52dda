import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/api/contract';
import { PAUSE_REASONS, type PauseReason } from '../../../../shared/domain/sla';
import { formatPhoneNational } from '../../../../shared/domain/phone';
import { formatTimeWib, fromWibLocalInput, toWibLocalInput } from '../../../../shared/time';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { useGuard } from '../../hooks/use-action';
import { useLiveCall } from '../../hooks/use-live-call';
import {
  deliveryProblems,
  formatDuration,
  type SyncStatus,
} from '../../components/delivery-problems';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { ClosedFollowUps } from './ClosedFollowUps';
import { FollowUpTabs, type FollowUpTab } from './FollowUpTabs';
import './followup.css';

type Item = MethodOutput<'followup.list'>[number];
type Entry = MethodOutput<'outbox.list'>[number];

/**
 * Runs one call at a time: a second press while the first is in flight is ignored (the button
 * shows it is busy), so a double click never pauses, confirms or retries twice.
 */
/** What the officer must do next for each escalated case, with its backend ticket and 1x24 clock. */
/** Only while the push stream is down. */
const POLL_MS = 15_000;
const NO_ITEMS: Item[] = [];

export function FollowUpScreen() {
  const { t, i18n } = useTranslation();
  const followups = useLiveCall('followup.list', {}, { topics: ['followup'], fallbackMs: POLL_MS });
  const entries = useLiveCall(
    'outbox.list',
    {},
    {
      topics: ['sync', 'followup'],
      fallbackMs: POLL_MS,
    },
  );
  const syncStatus = useLiveCall('sync.status', {}, { topics: ['sync'], fallbackMs: POLL_MS });
  const items: Item[] = followups.data ?? NO_ITEMS;
  const outbox: Entry[] = useMemo(
    () => (entries.data ?? []).filter((e) => e.state !== 'delivered'),
    [entries.data],
  );
  const sync: SyncStatus | null = syncStatus.data;
  const [refreshing, guardRefresh] = useGuard();
  /** When the lists were read: ages are counted to then, not re-read on every render. */
  const readAt = entries.loadedAt ?? followups.loadedAt ?? 0;
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [tab, setTab] = useState<FollowUpTab>('open');
  const reloadItems = followups.reload;
  const reloadEntries = entries.reload;
  const reloadSync = syncStatus.reload;
  const reload = () => {
    reloadItems();
    reloadEntries();
    reloadSync();
  };

  const refresh = () =>
    guardRefresh(async () => {
      const r = await api('followup.refresh', {});
      if (!r.ok) setMessage({ kind: 'error', text: errorText(r.error) });
      else if (r.value.failed > 0) {
        setMessage({ kind: 'error', text: t('followup.refreshedSome', r.value) });
      } else {
        setMessage({
          kind: 'success',
          text:
            r.value.read === 0 ? t('followup.refreshedNone') : t('followup.refreshedAll', r.value),
        });
      }
      reload();
    });
  const problems = sync ? deliveryProblems(sync, readAt, t) : [];
  const unconfigured = sync !== null && !sync.configured;
  const tabs = <FollowUpTabs tab={tab} onTab={setTab} />;
  if (tab === 'closed') {
    return (
      <main id="main" className="followup">
        <h1>{t('followup.title')}</h1>
        {tabs}
        <ClosedFollowUps all={false} />
      </main>
    );
  }

  return (
    <main id="main" className="followup">
      <h1>{t('followup.title')}</h1>
      {tabs}
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={refreshing}
          aria-busy={refreshing}
          onClick={() => void refresh()}
        >
          {t('followup.refresh')}
        </button>
      </div>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <section className="card" aria-labelledby="followup-cases">
        <h2 id="followup-cases">{t('followup.casesTitle')}</h2>
        {items.length === 0 ? (
          <p className="muted">{t('followup.empty')}</p>
        ) : (
          <div className="table-wrap">
            <p className="muted" data-testid="followup-counting-mode">
              {t(`followup.countingMode.${items[0]!.sla.countingMode}`)}
            </p>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('consultation.caseId')}</th>
                  <th scope="col">{t('consultation.reporter')}</th>
                  <th scope="col">{t('followup.ticket')}</th>
                  <th scope="col">{t('followup.clock')}</th>
                  <th scope="col">{t('followup.next')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((i) => (
                  <tr key={i.caseId} data-case-code={i.caseCode}>
                    <td className="case-code">{i.caseCode}</td>
                    <td>
                      {i.reporterName}
                      <br />
                      <span className="muted">
                        {formatPhoneNational(i.reporterPhone)}
                        {i.reporterEmail && ` · ${i.reporterEmail}`}
                      </span>
                    </td>
                    <td>
                      {i.ticketId ? (
                        <>
                          #{i.ticketId}
                          {i.remotePhase && ` · ${t(`followup.phases.${i.remotePhase}`)}`}
                          {i.remoteStatus && (
                            <span className="muted" title={t('followup.backendWord')}>
                              {' '}
                              ({i.remoteStatus})
                            </span>
                          )}
                        </>
                      ) : (
                        t('followup.notDelivered')
                      )}
                      {i.pollError && (
                        <p className="field__error followup__poll-error" title={i.pollError.detail}>
                          {t('followup.pollError', {
                            reason: t(`followup.errors.${i.pollError.kind}`),
                            time: formatTimeWib(i.pollError.at, i18n.language),
                          })}
                        </p>
                      )}
                    </td>
                    <td className={i.sla.overdue ? 'field__error' : undefined}>
                      {i.sla.overdue
                        ? t('followup.overdue', { time: formatDuration(i.sla.remainingMs, t) })
                        : t('followup.remaining', { time: formatDuration(i.sla.remainingMs, t) })}
                      {i.sla.pausedFor && (
                        <span className="muted">
                          {' '}
                          ·{' '}
                          {t('followup.pausedFor', {
                            reason: t(`followup.reasons.${i.sla.pausedFor}`),
                          })}
                        </span>
                      )}
                    </td>
                    <td>
                      <p className="followup__next">
                        {i.nextAction === 'waiting_delivery' && unconfigured
                          ? t('followup.waitingNoHelpdesk')
                          : t(`followup.actions.${i.nextAction}`)}
                      </p>
                      <CaseActions
                        item={i}
                        onDone={(text) => {
                          setMessage({ kind: 'success', text });
                          reload();
                        }}
                        onError={(text) => setMessage({ kind: 'error', text })}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="followup-outbox">
        <h2 id="followup-outbox">{t('followup.outboxTitle')}</h2>
        {problems.length > 0 && (
          <ul className="followup__problems">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        {outbox.length === 0 ? (
          <p className="muted">{t('followup.outboxEmpty')}</p>
        ) : (
          <ul className="mine-list">
            {outbox.map((e) => (
              <li key={e.id}>
                <span>
                  <span className="case-code">{e.caseCode}</span> ·{' '}
                  {t(`followup.states.${e.state}`)} ·{' '}
                  {t('followup.attempts', { count: e.attempts })} ·{' '}
                  <span title={formatTimeWib(e.createdAt, i18n.language)}>
                    {t('followup.waitingFor', {
                      time: formatDuration(readAt - Date.parse(e.createdAt), t),
                    })}
                  </span>
                  {e.lastErrorKind && (
                    <span className="field__error">
                      {' '}
                      · {t(`followup.errors.${e.lastErrorKind}`)}
                    </span>
                  )}
                  {e.state === 'failed' && e.lastErrorDetail && (
                    <>
                      <br />
                      <span className="muted">
                        {t('followup.backendSaid', { detail: e.lastErrorDetail })}
                      </span>
                    </>
                  )}
                </span>
                <RetryButton
                  entry={e}
                  onDone={(text) => {
                    setMessage({ kind: 'success', text });
                    reload();
                  }}
                  onError={(text) => setMessage({ kind: 'error', text })}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

function RetryButton({
  entry,
  onDone,
  onError,
}: {
  entry: Entry;
  onDone: (text: string) => void;
  onError: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [pending, guard] = useGuard();
  return (
    <button
      type="button"
      className="button button--small"
      disabled={pending}
      aria-busy={pending}
      onClick={() =>
        void guard(async () => {
          const r = await api('outbox.retryNow', { outboxId: entry.id });
          if (r.ok) onDone(t('followup.retried'));
          else onError(errorText(r.error));
        })
      }
    >
      {t('followup.retryNow')}
    </button>
  );
}

function CaseActions({
  item,
  onDone,
  onError,
}: {
  item: Item;
  onDone: (text: string) => void;
  onError: (text: string) => void;
}) {
  const { t } = useTranslation();
  // No reason is chosen for the officer: stopping the clock must be a deliberate choice.
  const [reason, setReason] = useState<PauseReason | ''>('');
  const [pending, guard] = useGuard();
  const call = (request: () => ReturnType<typeof api>, done: string) =>
    guard(async () => {
      const r = await request();
      if (r.ok) onDone(done);
      else onError(errorText(r.error));
    });

  if (item.nextAction === 'confirm_with_visitor') {
    return <ConfirmForm item={item} onDone={onDone} onError={onError} />;
  }
  if (item.status !== 'escalated') return null;
  return (
    <div className="followup__actions">
      {item.pausedBy === 'backend' ? (
        <p className="muted">{t('followup.pausedByBackend')}</p>
      ) : item.sla.pausedFor ? (
        <button
          type="button"
          className="button button--small"
          disabled={pending}
          aria-busy={pending}
          onClick={() =>
            void call(() => api('case.resume', { caseId: item.caseId }), t('followup.resumed'))
          }
        >
          {t('followup.resume')}
        </button>
      ) : (
        <div className="button-row">
          <label className="visually-hidden" htmlFor={`reason-${item.caseId}`}>
            {t('followup.pauseReason')}
          </label>
          <select
            id={`reason-${item.caseId}`}
            value={reason}
            onChange={(e) => setReason(e.target.value as PauseReason | '')}
          >
            <option value="">{t('followup.pauseReasonChoose')}</option>
            {PAUSE_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`followup.reasons.${r}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--small"
            disabled={reason === '' || pending}
            aria-busy={pending}
            onClick={() => {
              if (reason === '') return;
              void call(
                () => api('case.pause', { caseId: item.caseId, reason }),
                t('followup.paused'),
              );
            }}
          >
            {t('followup.pause')}
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * What the officer records after calling or emailing the visitor: how, when (it may have been
 * a while ago), what the visitor said, and an optional note that goes to the helpdesk.
 */
function ConfirmForm({
  item,
  onDone,
  onError,
}: {
  item: Item;
  onDone: (text: string) => void;
  onError: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<'phone' | 'email'>('phone');
  const [when, setWhen] = useState(() => toWibLocalInput(new Date()));
  const [note, setNote] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, guard] = useGuard();
  const confirm = (outcome: 'accepted' | 'not_solved') =>
    guard(async () => {
      const confirmedAt = fromWibLocalInput(when);
      if (!confirmedAt) return setFieldErrors({ confirmedAt: 'validation.invalid' });
      const r = await api('case.confirm', {
        caseId: item.caseId,
        channel,
        outcome,
        confirmedAt,
        ...(note.trim() && { note }),
      });
      if (!r.ok) {
        setFieldErrors(r.error.fields ?? {});
        return onError(errorText(r.error));
      }
      setFieldErrors({});
      onDone(t(outcome === 'accepted' ? 'followup.confirmedClosed' : 'followup.confirmedReopened'));
    });
  return (
    <fieldset className="followup__actions">
      <legend>{t('followup.confirmTitle', { name: item.reporterName })}</legend>
      <div className="button-row" role="radiogroup" aria-label={t('followup.channel')}>
        {(['phone', 'email'] as const).map((c) => (
          <label key={c} className="checkbox">
            <input
              type="radio"
              name={`channel-${item.caseId}`}
              value={c}
              checked={channel === c}
              disabled={c === 'email' && !item.reporterEmail}
              onChange={() => setChannel(c)}
            />
            {t(`followup.channels.${c}`)}
          </label>
        ))}
      </div>
      <Field label={t('followup.when')} error={fieldErrors.confirmedAt}>
        {(control) => (
          <input
            {...control}
            type="datetime-local"
            value={when}
            max={toWibLocalInput(new Date())}
            onChange={(e) => setWhen(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('followup.note')} error={fieldErrors.note}>
        {(control) => <input {...control} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div className="button-row">
        <button
          type="button"
          className="button button--small button--primary"
          disabled={pending}
          aria-busy={pending}
          onClick={() => void confirm('accepted')}
        >
          {t('followup.accepted')}
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={pending}
          aria-busy={pending}
          onClick={() => void confirm('not_solved')}
        >
          {t('followup.notSolved')}
        </button>
      </div>
    </fieldset>
  );
}
