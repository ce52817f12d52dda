import { useTranslation } from 'react-i18next';
import { formatPhoneNational } from '../../../../shared/domain/phone';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { downloadBase64 } from '../../download';
import { useLiveCall } from '../../hooks/use-live-call';
import { useState } from 'react';
import { CorrectPerson } from './CorrectPerson';
import { ErasePerson, ErasureDone } from './ErasePerson';
import type { ErasureSummaryView } from '../../../../shared/api/methods/privacy-erasure';
import { whenWib, type Message } from './format';

/** Everything held about the person, with the actions a request may call for. */
export function PersonPanel({
  visitorId,
  requestId,
  onChanged,
}: {
  visitorId: number;
  /** The open request these actions serve (noted on its trail); none once it is answered. */
  requestId: number | undefined;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // Loaded on opening and after an action here only: every load is a logged read.
  const person = useLiveCall('privacy.person', { visitorId }, { topics: [] });
  const [message, setMessage] = useState<Message>(null);
  const [erased, setErased] = useState<ErasureSummaryView | null>(null);
  const ref = requestId === undefined ? {} : { requestId };

  // Not loaded again: an erased person's record is gone, and loading it is a logged read.
  if (erased) return <ErasureDone summary={erased} />;
  if (person.error) return <Notice kind="error">{errorText(person.error)}</Notice>;
  const p = person.data;
  if (!p) return <p className="muted">{t('app.loading')}</p>;
  const name = p.visitor.fullName;
  const documents = p.cases.reduce((n, c) => n + c.documents.length, 0);
  const notes = p.cases.reduce((n, c) => n + c.notes.length, 0);
  const confirmations = p.cases.reduce((n, c) => n + c.confirmations.length, 0);

  const exportAs = async (format: 'json' | 'pdf') => {
    const r = await api('privacy.exportPerson', { visitorId, format, ...ref });
    if (!r.ok) return setMessage({ kind: 'error', text: errorText(r.error) });
    downloadBase64(r.value.fileName, r.value.mimeType, r.value.base64);
    setMessage({ kind: 'success', text: t('privacy.person.exported', { file: r.value.fileName }) });
  };
  const restrict = async (restricted: boolean) => {
    const r = await api('privacy.restrict', { visitorId, restricted, ...ref });
    if (!r.ok) return setMessage({ kind: 'error', text: errorText(r.error) });
    setMessage({
      kind: 'success',
      text: t(restricted ? 'privacy.person.restrictDone' : 'privacy.person.liftDone', { name }),
    });
    person.reload();
    onChanged();
  };

  return (
    <div className="person-panel">
      <h3>{t('privacy.person.title', { name })}</h3>
      <p>
        {t('privacy.person.contact')}: {formatPhoneNational(p.visitor.phone)}
        {p.visitor.email && ` · ${p.visitor.email}`}
        {p.visitor.institution && ` · ${p.visitor.institution}`}
      </p>
      {p.restricted && (
        <p className="person-panel__restricted" role="status">
          {t('privacy.person.restricted', { at: whenWib(p.restricted.at, lang) })}
        </p>
      )}
      <div className="button-row">
        <ActionButton className="button" onAction={() => exportAs('json')}>
          {t('privacy.person.exportJson')}
        </ActionButton>
        <ActionButton className="button" onAction={() => exportAs('pdf')}>
          {t('privacy.person.exportPdf')}
        </ActionButton>
        <ActionButton className="button" onAction={() => restrict(!p.restricted)}>
          {t(p.restricted ? 'privacy.person.lift' : 'privacy.person.restrict')}
        </ActionButton>
      </div>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <p className="muted">{t('privacy.person.surveyNote')}</p>

      <h4>{t('privacy.person.visits', { count: p.visits.length })}</h4>
      <ul className="person-panel__list">
        {p.visits.map((v) => (
          <li key={v.id}>
            {t('privacy.person.visitLine', {
              day: v.serviceDay,
              queue: v.queueLabel,
              purpose: v.purpose,
            })}
            <br />
            <span className="muted">
              {v.notice.kind === 'notice'
                ? t('privacy.person.noticeAt', {
                    version: v.notice.version,
                    how: v.notice.delivery
                      ? t(`privacy.notice.deliveries.${v.notice.delivery}`)
                      : '',
                  })
                : t('privacy.person.consentAt', { version: v.notice.version })}
            </span>
          </li>
        ))}
      </ul>
      <h4>{t('privacy.person.cases', { count: p.cases.length })}</h4>
      <ul className="person-panel__list">
        {p.cases.map((c) => (
          <li key={c.id}>
            <strong>{c.caseCode}</strong> · {c.status}
            {c.ticket && ` · #${c.ticket}`}
            {c.description && (
              <>
                <br />
                {c.description}
              </>
            )}
          </li>
        ))}
      </ul>
      <p className="person-panel__counts">
        {t('privacy.person.documents', { count: documents })} ·{' '}
        {t('privacy.person.notes', { count: notes })} ·{' '}
        {t('privacy.person.confirmations', { count: confirmations })}
      </p>
      <details>
        <summary>{t('privacy.person.trail', { count: p.trail.length })}</summary>
        <ul className="person-panel__trail">
          {p.trail.map((a, i) => (
            <li key={i}>
              {whenWib(a.at, lang)} · {a.actor ?? '—'} · {a.action}
            </li>
          ))}
        </ul>
      </details>
      {requestId !== undefined && (
        <CorrectPerson
          visitorId={visitorId}
          requestId={requestId}
          current={p.visitor}
          onCorrected={() => {
            person.reload();
            onChanged();
          }}
        />
      )}
      <ErasePerson
        person={p}
        requestId={requestId}
        onErased={(summary) => {
          setErased(summary);
          onChanged();
        }}
      />
    </div>
  );
}
