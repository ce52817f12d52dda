import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  REQUEST_OUTCOMES,
  type PrivacyRequest,
  type RequestOutcome,
} from '../../../../shared/domain/privacy-request';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { FindPerson } from './FindPerson';
import { whenWib, type Message } from './format';
import { PersonPanel } from './PersonPanel';

/** One request served: its clock, the person it concerns, and its answer. */
export function RequestDesk({
  request: r,
  onChanged,
  onBack,
}: {
  request: PrivacyRequest;
  onChanged: () => void;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [outcome, setOutcome] = useState<RequestOutcome>(
    r.visitorId === null ? 'not_found' : 'fulfilled',
  );
  const [answer, setAnswer] = useState('');
  const [answerError, setAnswerError] = useState<string | undefined>();
  const [message, setMessage] = useState<Message>(null);
  const open = r.answeredAt === null;
  // When the request was opened here; the list's reload brings a fresh clock state.
  const [openedAt] = useState(() => Date.now());
  const hoursLeft = Math.floor((Date.parse(r.dueAt) - openedAt) / 3_600_000);

  const link = async (visitorId: number, name: string) => {
    const res = await api('privacy.linkPerson', { requestId: r.id, visitorId });
    if (!res.ok) return setMessage({ kind: 'error', text: errorText(res.error) });
    setOutcome('fulfilled');
    setMessage({ kind: 'success', text: t('privacy.serve.linked', { name }) });
    onChanged();
  };

  const close = async () => {
    setMessage(null);
    const res = await api('privacy.answerRequest', { requestId: r.id, outcome, answer });
    if (!res.ok) {
      setAnswerError(res.error.fields?.answer);
      return setMessage({ kind: 'error', text: errorText(res.error) });
    }
    setAnswerError(undefined);
    setMessage({ kind: 'success', text: t('privacy.serve.answered', { id: r.id }) });
    onChanged();
  };

  return (
    <section className="card request-desk" aria-labelledby="request-desk">
      <div className="card__head">
        <h2 id="request-desk">
          {t('privacy.serve.title', { id: r.id, kind: t(`privacy.kinds.${r.kind}`) })}
        </h2>
        <button type="button" className="button button--small" onClick={onBack}>
          {t('privacy.serve.back')}
        </button>
      </div>
      <p>
        {t('privacy.serve.received', {
          at: whenWib(r.receivedAt, lang),
          name: r.requesterName,
          due: whenWib(r.dueAt, lang),
        })}
        {r.requesterContact && ` · ${r.requesterContact}`}
      </p>
      {r.detail && <p className="request-desk__detail">{r.detail}</p>}
      <p className={`status status--${r.clock}`} data-testid="request-clock">
        {t(`privacy.clock.${r.clock}`)}
        {r.clock === 'open' && ` · ${t('privacy.serve.remaining', { hours: hoursLeft })}`}
        {r.clock === 'open_late' &&
          ` · ${t('privacy.serve.overdue', { due: whenWib(r.dueAt, lang) })}`}
      </p>
      {!open && r.answeredAt && r.outcome && (
        <p>
          {t('privacy.serve.answeredLine', {
            at: whenWib(r.answeredAt, lang),
            by: r.answeredBy ?? '',
            outcome: t(`privacy.outcomes.${r.outcome}`),
          })}
          {r.answer && ` — ${r.answer}`}
        </p>
      )}
      {r.kind === 'erasure' && open && (
        <p className="muted">{t('privacy.serve.erasureElsewhere')}</p>
      )}
      {message && <Notice kind={message.kind}>{message.text}</Notice>}

      {r.visitorId === null ? (
        open && <FindPerson onPick={link} />
      ) : (
        <PersonPanel
          visitorId={r.visitorId}
          requestId={open ? r.id : undefined}
          onChanged={onChanged}
        />
      )}

      {open && (
        <div className="request-desk__answer">
          <h3>{t('privacy.serve.answerTitle')}</h3>
          <Field label={t('privacy.serve.outcome')}>
            {(a) => (
              <select
                {...a}
                value={outcome}
                onChange={(e) => setOutcome(e.target.value as RequestOutcome)}
              >
                {REQUEST_OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {t(`privacy.outcomes.${o}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('privacy.serve.answer')} error={answerError} required>
            {(a) => (
              <textarea
                {...a}
                rows={3}
                value={answer}
                onChange={(e) => setAnswer(e.target.value)}
              />
            )}
          </Field>
          <ActionButton className="button button--primary" onAction={close}>
            {t('privacy.serve.answerSubmit')}
          </ActionButton>
        </div>
      )}
    </section>
  );
}
